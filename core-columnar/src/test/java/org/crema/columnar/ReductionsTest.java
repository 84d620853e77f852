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
        assertThatThrownBy(() -> Reductions.sum((ListColumn) b)).hasMessage("sum: lists must hold float, double, int or long values, got BOOL");
        ListColumn<LongColumn> l = ListColumn.of(new int[] {0, 2, 2}, LongColumn.of(1L << 40, 5L));
        assertThat(Reductions.sum(l).toArray()).containsExactly((1L << 40) + 5, 0L);
        ListColumn<LongColumn> lbig = ListColumn.of(new int[] {0, 2}, LongColumn.of(Long.MAX_VALUE, 1L));
        assertThatThrownBy(() -> Reductions.sum(lbig)).isInstanceOf(ArithmeticException.class);
        ListColumn<IntColumn> u = ListColumn.of(new int[] {0, 2}, IntColumn.ofUnsigned(-1, 0));
        assertThat(Reductions.sum(u).isUnsigned()).isTrue();
        assertThat(Reductions.sum(u).getLong(0)).isEqualTo(0xFFFF_FFFFL);
    }

    /**
     * Every numeric type through argmax/argmin/max/min against a plain loop: first index wins ties,
     * empty lists give −1 and the given default, unsigned values compare as unsigned.
     */
    @Test
    void extremaOfEveryType() {
        int[] off = {0, 4, 4, 5, 8};
        // entry 0: ties at the maximum (first wins) and the minimum; entry 1 empty; entry 2 one value; entry 3 negatives
        long[] values = {3, 7, 7, -2, 9, -5, -1, -5};
        int[] argmax = {1, -1, 0, 1};
        int[] argmin = {3, -1, 0, 0};
        ListColumn<DoubleColumn> d = ListColumn.of(off, DoubleColumn.of(java.util.Arrays.stream(values).asDoubleStream().toArray()));
        ListColumn<FloatColumn> f = ListColumn.of(off, FloatColumn.of(3f, 7f, 7f, -2f, 9f, -5f, -1f, -5f));
        ListColumn<IntColumn> i = ListColumn.of(off, IntColumn.of(java.util.Arrays.stream(values).mapToInt(x -> (int) x).toArray()));
        ListColumn<LongColumn> l = ListColumn.of(off, LongColumn.of(values));
        ListColumn<ShortColumn> sh = ListColumn.of(off, ShortColumn.of((short) 3, (short) 7, (short) 7, (short) -2, (short) 9, (short) -5, (short) -1, (short) -5));
        ListColumn<ByteColumn> by = ListColumn.of(off, ByteColumn.of((byte) 3, (byte) 7, (byte) 7, (byte) -2, (byte) 9, (byte) -5, (byte) -1, (byte) -5));
        for (ListColumn<?> c : java.util.List.of(d, f, i, l, sh, by)) {
            assertThat(Reductions.argmax(c).toArray()).as("%s", c.content().getClass()).containsExactly(argmax);
            assertThat(Reductions.argmin(c).toArray()).as("%s", c.content().getClass()).containsExactly(argmin);
            assertThat(Reductions.mean(c).get(0)).isEqualTo(15.0 / 4);
        }
        assertThat(Reductions.max(d, -99).toArray()).containsExactly(7.0, -99.0, 9.0, -1.0);
        assertThat(Reductions.min(d).toArray()).containsExactly(-2.0, Double.NaN, 9.0, -5.0);
        assertThat(Reductions.max(i, -99).toArray()).containsExactly(7, -99, 9, -1);
        assertThat(Reductions.min(i, 99).toArray()).containsExactly(-2, 99, 9, -5);
        assertThat(Reductions.max(l, -99).toArray()).containsExactly(7L, -99L, 9L, -1L);
        assertThat(Reductions.min(l, 99).toArray()).containsExactly(-2L, 99L, 9L, -5L);
        assertThat(Reductions.max(sh, (short) -99).toArray()).containsExactly((short) 7, (short) -99, (short) 9, (short) -1);
        assertThat(Reductions.min(by, (byte) 99).toArray()).containsExactly((byte) -2, (byte) 99, (byte) 9, (byte) -5);
        // unsigned: 0xFF (255) is the largest UChar_t and 0xFFFFFFFF the largest UInt_t
        ListColumn<ByteColumn> ub = ListColumn.of(new int[] {0, 3}, ByteColumn.ofUnsigned((byte) 1, (byte) -1, (byte) 2));
        assertThat(Reductions.argmax(ub).get(0)).isEqualTo(1);
        assertThat(Reductions.max(ub, (byte) 0).getLong(0)).isEqualTo(255);
        assertThat(Reductions.max(ub, (byte) 0).isUnsigned()).isTrue();
        ListColumn<IntColumn> ui = ListColumn.of(new int[] {0, 3}, IntColumn.ofUnsigned(5, -1, 7));
        assertThat(Reductions.argmin(ui).get(0)).isEqualTo(0);
        assertThat(Reductions.max(ui, 0).getLong(0)).isEqualTo(0xFFFF_FFFFL);
        ListColumn<LongColumn> ul = ListColumn.of(new int[] {0, 2}, LongColumn.ofUnsigned(Long.MIN_VALUE, Long.MAX_VALUE));
        assertThat(Reductions.argmax(ul).get(0)).isEqualTo(0);
        // double argmax skips NaN, ±0 are equal (first wins)
        ListColumn<DoubleColumn> z = ListColumn.of(new int[] {0, 3}, DoubleColumn.of(Double.NaN, -0.0, 0.0));
        assertThat(Reductions.argmax(z).get(0)).isEqualTo(1);
        assertThat(Reductions.max(z, 0).get(0)).isNaN();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void unsupportedElementTypesAreNamed() {
        ListColumn<BoolColumn> b = ListColumn.of(new int[] {0, 2}, BoolColumn.of(true, false));
        assertThatThrownBy(() -> Reductions.argmax(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("argmax: lists must hold float, double or integer values, got BOOL");
        assertThatThrownBy(() -> Reductions.mean(b)).hasMessage("mean: lists must hold float, double or integer values, got BOOL");
        ListColumn<ListColumn<FloatColumn>> nested = ListColumn.of(new int[] {0, 1}, Columns.jagged(new int[] {0, 0}, new float[0]));
        assertThatThrownBy(() -> Reductions.argmin(nested)).hasMessage("argmin: lists must hold float, double or integer values, got ListColumn");
        // a list whose declared type lies (raw types) gets the message, not a ClassCastException
        ListColumn<IntColumn> fake = (ListColumn) b;
        assertThatThrownBy(() -> Reductions.max(fake, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max: lists must hold int values, got BOOL");
        ListColumn<FloatColumn> fakeFloat = (ListColumn) ListColumn.of(new int[] {0, 1}, DoubleColumn.of(1));
        assertThatThrownBy(() -> Reductions.min(fakeFloat, 0f)).hasMessage("min: lists must hold float values, got FLOAT64");
        ListColumn<IntColumn> ints = ListColumn.of(new int[] {0, 1}, IntColumn.of(1));
        assertThatThrownBy(() -> Reductions.max(ints))
                .hasMessage("max: lists of INT32 have no NaN for empty lists; pass the value for empty lists, e.g. max(lists, -1)");
        assertThatThrownBy(() -> Reductions.min(b))
                .hasMessage("min: lists must hold float, double or integer values, got BOOL");
        ListColumn<ShortColumn> shorts = ListColumn.of(new int[] {0, 1}, ShortColumn.of((short) 1));
        assertThatThrownBy(() -> Reductions.sum(shorts)).hasMessage("sum: lists must hold float, double, int or long values, got INT16");
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
