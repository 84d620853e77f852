package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FluentTest {
    private static final int[] OFF = {0, 3, 3, 5};
    private final ListColumn<FloatColumn> pt = Columns.jagged(OFF, new float[] {50f, 30.3f, 10f, 45f, 20f});

    @Test
    void comparisonsRoundTheThresholdToFloatLikeNumpy() {
        // 30.3 as a double is above 30.3f; NumPy compares a float32 array with a Python float in float32
        assertThat(pt.ge(30.3)).isEqualTo(Masks.ge(pt, 30.3f));
        assertThat(pt.ge(30.3).count()).isEqualTo(IntColumn.of(2, 0, 1));
        assertThat(pt.gt(30).and(pt.lt(46)).count()).isEqualTo(IntColumn.of(1, 0, 1));
        assertThat(pt.gt(40).or(pt.lt(15)).not().count()).isEqualTo(IntColumn.of(1, 0, 1));
    }

    @Test
    void hasBitsOnEveryIntegerWidth() {
        int[] off = {0, 2, 4};
        ListColumn<ByteColumn> uchar = ListColumn.of(off, ByteColumn.ofUnsigned((byte) 6, (byte) 2, (byte) 0, (byte) 254));
        ListColumn<ShortColumn> shorts = ListColumn.of(off, ShortColumn.of((short) 6, (short) 2, (short) 0, (short) 254));
        ListColumn<IntColumn> ints = Columns.jagged(off, new int[] {6, 2, 0, 254});
        ListColumn<LongColumn> longs = ListColumn.of(off, LongColumn.of(6, 2, 0, 254));
        ListColumn<BoolColumn> expected = Columns.jagged(off, new boolean[] {true, false, false, true});
        assertThat(uchar.hasBits(0b110)).isEqualTo(expected);
        assertThat(shorts.hasBits(0b110)).isEqualTo(expected);
        assertThat(ints.hasBits(0b110)).isEqualTo(expected);
        assertThat(longs.hasBits(0b110)).isEqualTo(expected);
        assertThat(uchar.flatContent() instanceof PrimitiveColumn p ? p.hasBits(2) : null)
                .isEqualTo(BoolColumn.of(true, true, false, true));
        assertThatThrownBy(() -> pt.hasBits(2)).hasMessage("hasBits: needs an integer column (int8 to int64, "
                + "signed or unsigned), got FLOAT32");
        assertThatThrownBy(() -> uchar.hasBits(0x100)).hasMessage("hasBits: bits 0x100 do not fit in a UINT8 column");
    }

    @Test
    void scalarArithmeticKeepsTheTypeAndMatchesTheKernels() {
        assertThat(pt.mul(1.03)).isEqualTo(Arith.mul(pt, 1.03f));
        assertThat(pt.abs().sub(10).add(10)).isEqualTo(Arith.add(Arith.sub(pt, 10f), 10f));
        assertThat(pt.toDouble().div(2).flatContent()).isEqualTo(DoubleColumn.of(25, 30.3f / 2.0, 5, 22.5, 10));
        ListColumn<IntColumn> ints = Columns.jagged(OFF, new int[] {1, -2, 3, 4, 5});
        assertThat(ints.mul(2).sum()).isEqualTo(IntColumn.of(4, 0, 18));
        assertThatThrownBy(() -> ints.div(2)).hasMessageStartingWith("div: needs float, double or int values");
    }

    @Test
    void slicingPickingAndReductions() {
        assertThat(pt.first(2)).isEqualTo(Columns.jagged(new int[] {0, 2, 2, 4}, new float[] {50f, 30.3f, 45f, 20f}));
        assertThat(pt.at(1)).isEqualTo(FloatColumn.of(30.3f, Float.NaN, 20f));
        assertThat(pt.sum()).isEqualTo(Reductions.sum(pt));
        assertThat(pt.max()).isEqualTo(FloatColumn.of(50f, Float.NaN, 45f));
        assertThat(pt.argmin()).isEqualTo(IntColumn.of(2, -1, 1));
        ListColumn<DoubleColumn> d = pt.toDouble();
        assertThat(d.max()).isEqualTo(DoubleColumn.of(50, Double.NaN, 45));
        assertThat(d.argmax()).isEqualTo(IntColumn.of(0, -1, 0));
        ListColumn<IntColumn> ints = Columns.jagged(OFF, new int[] {1, 7, 3, 4, 5});
        assertThat(ints.max()).isEqualTo(IntColumn.of(7, 0, 5));
        assertThat(ints.at(0, -1)).isEqualTo(IntColumn.of(1, -1, 4));
        assertThatThrownBy(() -> ints.at(0)).hasMessage("at(0): lists of INT32 have no NaN for missing elements; "
                + "use at(k, missing)");
        assertThat(pt.gt(25).any()).isEqualTo(BoolColumn.of(true, false, true));
        assertThat(pt.gt(25).all()).isEqualTo(BoolColumn.of(false, true, false));
        assertThatThrownBy(pt::count).hasMessage("count: needs lists of booleans, got lists of FLOAT32");
    }

    @Test
    void whereMaskAndConstants() {
        BoolColumn c = BoolColumn.of(true, false, true);
        assertThat(Columns.where(c, FloatColumn.of(1, 2, 3), Columns.constant(3, 0f))).isEqualTo(FloatColumn.of(1, 0, 3));
        assertThat(Columns.mask(DoubleColumn.of(1, 2, 3), c)).isEqualTo(DoubleColumn.of(1, Double.NaN, 3));
        assertThat(Columns.constant(2, 1.0)).isEqualTo(DoubleColumn.of(1, 1));
        assertThat(Columns.constant(2, 7)).isEqualTo(IntColumn.of(7, 7));
        ListColumn<BoolColumn> big = pt.gt(25);
        assertThat(Columns.where(big, pt, pt.mul(2))).isEqualTo(Columns.jagged(OFF, new float[] {50f, 30.3f, 20f, 45f, 40f}));
        assertThatThrownBy(() -> Columns.where(c, (PrimitiveColumn) FloatColumn.of(1, 2, 3), IntColumn.of(1, 2, 3)))
                .hasMessage("where: both branches must have the same type (float, double, int, long or bool), got "
                        + "FLOAT32 and INT32");
        assertThatThrownBy(() -> Columns.mask(IntColumn.of(1, 2, 3), c)).hasMessageStartingWith("mask: needs float or double");
    }

    @Test
    void flatFluentMethods() {
        IntColumn n = IntColumn.of(0, 2, 5);
        assertThat(n.ge(2).and(n.lt(5))).isEqualTo(BoolColumn.of(false, true, false));
        assertThat(n.toDouble()).isEqualTo(DoubleColumn.of(0, 2, 5));
        assertThat(ByteColumn.ofUnsigned((byte) 200).toInt()).isEqualTo(IntColumn.of(200));
        assertThat(IntColumn.ofUnsigned(-1, 7).toLong()).isEqualTo(LongColumn.of(4_294_967_295L, 7));
        LongColumn eventNumbers = LongColumn.ofUnsigned(-2L, 3);
        assertThat(eventNumbers.toLong()).isSameAs(eventNumbers);
        assertThatThrownBy(() -> FloatColumn.of(1.5f).toLong()).hasMessage(
                "toLong: needs an integer column, got FLOAT32 (round or compare floating-point values explicitly)");
        assertThat(BoolColumn.of(true, false).not().countTrue()).isEqualTo(1);
        assertThatThrownBy(() -> BoolColumn.of(true).gt(0)).hasMessageStartingWith(">: cannot compare a boolean");
    }
}
