package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReductionsTest {
    /** Jet pt of the first three nano_dy events plus an empty event and a NaN-only event. */
    private static ListColumn<FloatColumn> lists() {
        float[] pt = TestData.flat(TestData.floatLists("nano_dy.json", "Jet_pt"));
        float[] v = java.util.Arrays.copyOf(pt, pt.length + 1);
        v[pt.length] = Float.NaN;
        return Columns.jagged(new int[] {0, 5, 13, 18, 18, 19}, v);
    }

    @Test
    void perEventNumericReductionsAgainstReferenceLists() {
        double[][] ref = TestData.firstLists("nano_dy.json", "Jet_pt");
        ListColumn<FloatColumn> l = lists();
        FloatColumn sum = Reductions.sum(l);
        FloatColumn max = Reductions.max(l, -1f);
        FloatColumn min = Reductions.min(l);
        IntColumn argmin = Reductions.argmin(l);
        DoubleColumn mean = Reductions.mean(l);
        for (int e = 0; e < 3; e++) {
            double s = 0;
            double mx = Double.NEGATIVE_INFINITY;
            double mn = Double.POSITIVE_INFINITY;
            int amin = -1;
            for (int j = 0; j < ref[e].length; j++) {
                s += ref[e][j];
                mx = Math.max(mx, ref[e][j]);
                if (ref[e][j] < mn) {
                    mn = ref[e][j];
                    amin = j;
                }
            }
            assertThat(sum.get(e)).isEqualTo((float) s);
            assertThat(max.get(e)).isEqualTo((float) mx);
            assertThat(min.get(e)).isEqualTo((float) mn);
            assertThat(argmin.get(e)).isEqualTo(amin);
            assertThat(mean.get(e)).isCloseTo(s / ref[e].length, within(1e-12));
        }
        // NanoAOD stores jets by descending pt, so the leading jet is the maximum
        assertThat(Reductions.argmax(l).toArray()).containsExactly(0, 0, 0, -1, -1);
    }

    @Test
    void emptyListResults() {
        ListColumn<FloatColumn> l = lists();
        assertThat(Reductions.sum(l).get(3)).isEqualTo(0f);
        assertThat(Reductions.prod(l).get(3)).isEqualTo(1f);
        assertThat(Reductions.max(l, -1f).get(3)).isEqualTo(-1f);
        assertThat(Reductions.max(l).get(3)).isNaN();
        assertThat(Reductions.min(l, 7f).get(3)).isEqualTo(7f);
        assertThat(Reductions.mean(l).get(3)).isNaN();
        assertThat(Reductions.argmax(l).get(3)).isEqualTo(-1);
        ListColumn<BoolColumn> none = Columns.jagged(new int[] {0, 0}, new boolean[0]);
        assertThat(Reductions.count(none).toArray()).containsExactly(0);
        assertThat(Reductions.any(none).toArray()).containsExactly(false);
        assertThat(Reductions.all(none).toArray()).containsExactly(true);
    }

    @Test
    void nanHandling() {
        ListColumn<FloatColumn> l = Columns.jagged(new int[] {0, 3}, new float[] {1f, Float.NaN, 3f});
        assertThat(Reductions.max(l).get(0)).isNaN();
        assertThat(Reductions.sum(l).get(0)).isNaN();
        assertThat(Reductions.argmax(l).get(0)).isEqualTo(2);
        assertThat(Reductions.argmin(l).get(0)).isEqualTo(0);
        assertThat(Reductions.argmax(lists()).get(4)).isEqualTo(-1);
        ListColumn<FloatColumn> ties = Columns.jagged(new int[] {0, 3}, new float[] {2f, 5f, 5f});
        assertThat(Reductions.argmax(ties).get(0)).isEqualTo(1);
    }

    @Test
    void otherTypesAndProducts() {
        ListColumn<DoubleColumn> d = Columns.jagged(new int[] {0, 2, 2}, new double[] {0.5, 0.25});
        assertThat(Reductions.sum(d).toArray()).containsExactly(0.75, 0.0);
        ListColumn<IntColumn> i = Columns.jagged(new int[] {0, 2, 3}, new int[] {3, 4, 5});
        assertThat(Reductions.sum(i).toArray()).containsExactly(7, 5);
        ListColumn<IntColumn> big = Columns.jagged(new int[] {0, 2}, new int[] {Integer.MAX_VALUE, 1});
        assertThatThrownBy(() -> Reductions.sum(big)).isInstanceOf(ArithmeticException.class);
        ListColumn<FloatColumn> sf = Columns.jagged(new int[] {0, 3, 3}, new float[] {0.5f, 0.5f, 4f});
        assertThat(Reductions.prod(sf).toArray()).containsExactly(1f, 1f);
        ListColumn<BoolColumn> b = ListColumn.of(new int[] {0, 2}, BoolColumn.of(true, true));
        assertThatThrownBy(() -> Reductions.sum((ListColumn) b)).hasMessage("sum: lists must hold float, double or int values, got BOOL");
    }

    @Test
    void maskReductions() {
        ListColumn<BoolColumn> m = Masks.gt(TestData.floatLists("nano_dy.json", "Jet_pt"), 30f);
        assertThat(Reductions.count(m).toArray()).containsExactly(2, 2, 4);
        assertThat(Reductions.any(Masks.gt(TestData.floatLists("nano_dy.json", "Jet_pt"), 100f)).toArray())
                .containsExactly(false, true, false);
        assertThat(Reductions.all(Masks.gt(TestData.floatLists("nano_dy.json", "Jet_pt"), 15f)).toArray())
                .containsExactly(true, true, true);
    }

    @Test
    void flatAndMaskedSums() {
        FloatColumn pt = Jagged.floats(TestData.floatLists("nano_dy.json", "Jet_pt"));
        double ref = 0;
        double refMasked = 0;
        for (int i = 0; i < pt.length(); i++) {
            ref += pt.get(i);
            refMasked += pt.get(i) > 30 ? pt.get(i) : 0;
        }
        // sums of these 18 jets are exact in double (values have few significant bits)
        assertThat(Reductions.sum(pt)).isEqualTo(ref);
        assertThat(Reductions.sum(pt, Masks.gt(pt, 30f))).isEqualTo(refMasked);
        assertThat(Reductions.sum(FloatColumn.of(1f, Float.NaN), BoolColumn.of(true, false))).isEqualTo(1.0);
        assertThat(Reductions.sum(DoubleColumn.of(1, 2, 3), BoolColumn.of(false, true, true))).isEqualTo(5.0);
        assertThat(Reductions.sum(FloatColumn.empty())).isEqualTo(0.0);
        assertThatThrownBy(() -> Reductions.sum(pt, BoolColumn.of(true))).hasMessage("sum: operands must have the same length, got 18 and 1");
    }
}
