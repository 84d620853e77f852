package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArithTest {
    @Test
    void flatFloatArithmetic() {
        FloatColumn a = FloatColumn.of(1f, -4f, 9f, Float.NaN);
        FloatColumn b = FloatColumn.of(2f, 2f, -3f, 1f);
        assertThat(Arith.add(a, b).toArray()).containsExactly(3f, -2f, 6f, Float.NaN);
        assertThat(Arith.sub(a, b).toArray()).containsExactly(-1f, -6f, 12f, Float.NaN);
        assertThat(Arith.mul(a, 2f).toArray()).containsExactly(2f, -8f, 18f, Float.NaN);
        assertThat(Arith.div(a, b).toArray()).containsExactly(0.5f, -2f, -3f, Float.NaN);
        assertThat(Arith.sub(10f, a).toArray()).containsExactly(9f, 14f, 1f, Float.NaN);
        assertThat(Arith.div(1f, FloatColumn.of(2f, 0f, -0f)).toArray())
                .containsExactly(0.5f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertThat(Arith.min(a, b).toArray()).containsExactly(1f, -4f, -3f, Float.NaN);
        assertThat(Arith.max(a, 0f).toArray()).containsExactly(1f, 0f, 9f, Float.NaN);
        assertThat(Arith.abs(a).toArray()).containsExactly(1f, 4f, 9f, Float.NaN);
        assertThat(Arith.sqrt(a).toArray()).containsExactly(1f, Float.NaN, 3f, Float.NaN);
        assertThat(Arith.negate(a).toArray()).containsExactly(-1f, 4f, -9f, Float.NaN);
    }

    @Test
    void doubleAndIntArithmetic() {
        assertThat(Arith.add(DoubleColumn.of(0.1, 0.2), 0.3).toArray()).containsExactly(0.1 + 0.3, 0.2 + 0.3);
        assertThat(Arith.sqrt(DoubleColumn.of(2)).toArray()).containsExactly(Math.sqrt(2));
        assertThat(Arith.mul(IntColumn.of(3, Integer.MAX_VALUE), 2).toArray()).containsExactly(6, -2);
        assertThat(Arith.sub(1, IntColumn.of(3)).toArray()).containsExactly(-2);
        assertThat(Arith.abs(IntColumn.of(-3, 4)).toArray()).containsExactly(3, 4);
        assertThat(Arith.max(IntColumn.of(-3, 4), IntColumn.of(0, 0)).toArray()).containsExactly(0, 4);
    }

    @Test
    void jaggedArithmeticKeepsLists() {
        ListColumn<FloatColumn> pt = TestData.floatLists("nano_dy.json", "Jet_pt");
        ListColumn<FloatColumn> eta = TestData.floatLists("nano_dy.json", "Jet_eta");
        ListColumn<FloatColumn> scaled = Arith.mul(pt, 1.1f);
        assertThat(scaled.counts()).isEqualTo(pt.counts());
        float[] p = TestData.flat(pt);
        float[] s = TestData.flat(scaled);
        for (int i = 0; i < p.length; i++) {
            assertThat(s[i]).isEqualTo(p[i] * 1.1f);
        }
        ListColumn<FloatColumn> absEta = Arith.abs(eta);
        for (float v : TestData.flat(absEta)) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
        ListColumn<FloatColumn> sum = Arith.add(pt, pt);
        assertThat(TestData.flat(sum)[0]).isEqualTo(161.5f);
        ListColumn<IntColumn> id = TestData.intLists("nano_dy.json", "Jet_jetId");
        assertThat(Jagged.ints(Arith.add(id, id)).toArray()).startsWith(12, 12);
        assertThat(Jagged.ints(Arith.negate(id)).toArray()).startsWith(-6, -6);
    }

    @Test
    void broadcastingEventValuesToObjects() {
        ListColumn<FloatColumn> pt = TestData.floatLists("nano_dy.json", "Jet_pt");
        FloatColumn leading = Selection.leading(pt, Float.NaN);
        ListColumn<FloatColumn> ratio = Arith.div(pt, leading);
        assertThat(Selection.leading(ratio, -1f).toArray()).containsExactly(1f, 1f, 1f);
        ListColumn<IntColumn> b = Arith.broadcast(IntColumn.of(7, 8, 9), pt);
        assertThat(b.counts()).isEqualTo(pt.counts());
        assertThat(Jagged.ints(b).toArray()).containsExactly(7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 9);
        ListColumn<BoolColumn> bm = Arith.broadcast(BoolColumn.of(true, false), pt.region(1, 2));
        assertThat(bm.counts().toArray()).containsExactly(8, 5);
        assertThat(Arith.broadcast(DoubleColumn.of(1.5), Columns.jagged(new int[] {0, 0}, new float[0])).totalCount()).isZero();
    }

    @Test
    void conversions() {
        assertThat(Arith.toFloat(IntColumn.ofUnsigned(-1)).get(0)).isEqualTo(4.2949673E9f);
        assertThat(Arith.toDouble(ByteColumn.ofUnsigned((byte) -1)).get(0)).isEqualTo(255.0);
        assertThat(Jagged.floats(Arith.toFloat(Columns.jagged(new int[] {0, 2}, new int[] {1, 2}))).toArray()).containsExactly(1f, 2f);
    }

    @Test
    void argumentErrors() {
        assertThatThrownBy(() -> Arith.add(FloatColumn.of(1f), FloatColumn.of(1f, 2f)))
                .hasMessage("add: operands must have the same length, got 1 and 2");
        ListColumn<IntColumn> ints = Columns.jagged(new int[] {0, 1}, new int[] {4});
        assertThatThrownBy(() -> Arith.div(ints, ints))
                .hasMessage("div: lists must both hold float or double values, got INT32 and INT32");
        assertThatThrownBy(() -> Arith.sqrt(ints)).hasMessage("sqrt: lists must hold float or double values, got INT32");
        assertThatThrownBy(() -> Arith.broadcast(FloatColumn.of(1f, 2f), ints))
                .hasMessage("broadcast: event-level column must have one value per entry of the lists, got 2 values for 1 entries");
    }
}
