package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MasksTest {
    private static final ListColumn<FloatColumn> JET_PT = TestData.floatLists("nano_dy.json", "Jet_pt");

    @Test
    void jetPtAbove30OnRealEvents() {
        double[][] pt = TestData.firstLists("nano_dy.json", "Jet_pt");
        ListColumn<BoolColumn> mask = Masks.gt(JET_PT, 30f);
        assertThat(mask.counts()).isEqualTo(JET_PT.counts());
        int k = 0;
        for (double[] event : pt) {
            for (double v : event) {
                assertThat(mask.content().get(k++)).isEqualTo(v > 30);
            }
        }
    }

    @Test
    void everyComparisonFollowsJavaIncludingNaN() {
        FloatColumn a = FloatColumn.of(1f, 2f, 3f, Float.NaN, Float.NEGATIVE_INFINITY, -0f);
        assertThat(Masks.gt(a, 2f).toArray()).containsExactly(false, false, true, false, false, false);
        assertThat(Masks.ge(a, 2f).toArray()).containsExactly(false, true, true, false, false, false);
        assertThat(Masks.lt(a, 2f).toArray()).containsExactly(true, false, false, false, true, true);
        assertThat(Masks.le(a, 2f).toArray()).containsExactly(true, true, false, false, true, true);
        assertThat(Masks.eq(a, 0f).toArray()).containsExactly(false, false, false, false, false, true);
        assertThat(Masks.ne(a, 2f).toArray()).containsExactly(true, false, true, true, true, true);
        assertThat(Masks.compare(a, Comparison.ofSymbol(">="), FloatColumn.of(1f, 3f, 3f, 0f, 0f, 0f)).toArray())
                .containsExactly(true, false, true, false, false, true);
    }

    @Test
    void betweenIsInclusiveAndFalseForNaN() {
        assertThat(Masks.between(FloatColumn.of(-2.4f, 0f, 2.4f, 2.5f, Float.NaN), -2.4f, 2.4f).toArray())
                .containsExactly(true, true, true, false, false);
        assertThat(Masks.between(DoubleColumn.of(1, 2, 3), 2, 3).toArray()).containsExactly(false, true, true);
        assertThat(Masks.between(IntColumn.of(1, 2, 3), 2, 2).toArray()).containsExactly(false, true, false);
    }

    @Test
    void unsignedIntsCompareAsUnsigned() {
        IntColumn u = IntColumn.ofUnsigned(1, -1);
        assertThat(Masks.gt(u, 5).toArray()).containsExactly(false, true);
        assertThat(Masks.gt(IntColumn.of(1, -1), 5).toArray()).containsExactly(false, false);
        assertThat(Masks.between(u, 0, 2).toArray()).containsExactly(true, false);
    }

    @Test
    void genericComparisonWidensOtherTypes() {
        assertThat(Masks.compare(ShortColumn.of((short) 1, (short) 7), Comparison.GE, 5.0).toArray()).containsExactly(false, true);
        assertThat(Masks.compare((PrimitiveColumn) FloatColumn.of(0.1f), Comparison.EQ, 0.1).toArray()).containsExactly(false);
        assertThat(Masks.compare((PrimitiveColumn) FloatColumn.of(0.5f), Comparison.EQ, 0.5).toArray()).containsExactly(true);
    }

    @Test
    void logicOnEventAndObjectMasks() {
        BoolColumn a = BoolColumn.of(true, true, false, false);
        BoolColumn b = BoolColumn.of(true, false, true, false);
        assertThat(Masks.and(a, b).toArray()).containsExactly(true, false, false, false);
        assertThat(Masks.or(a, b).toArray()).containsExactly(true, true, true, false);
        assertThat(Masks.andNot(a, b).toArray()).containsExactly(false, true, false, false);
        assertThat(Masks.xor(a, b).toArray()).containsExactly(false, true, true, false);
        assertThat(Masks.not(a).toArray()).containsExactly(false, false, true, true);
        assertThat(Masks.countTrue(a)).isEqualTo(2);
        assertThat(Masks.constant(3, true).toArray()).containsExactly(true, true, true);

        ListColumn<BoolColumn> hard = Masks.gt(JET_PT, 30f);
        ListColumn<BoolColumn> soft = Masks.lt(JET_PT, 50f);
        ListColumn<BoolColumn> both = Masks.and(hard, soft);
        assertThat(Reductions.count(both).toArray()).containsExactly(1, 1, 1);
        assertThat(Reductions.count(Masks.or(hard, Masks.not(hard))).toArray()).containsExactly(5, 8, 5);
        assertThat(Reductions.count(Masks.and(hard, BoolColumn.of(true, false, true))).toArray()).containsExactly(2, 0, 4);
    }

    @Test
    void viewsWithOffsetsNotStartingAtZero() {
        ListColumn<FloatColumn> lastTwo = JET_PT.region(1, 2);
        ListColumn<BoolColumn> mask = Masks.gt(lastTwo, 30f);
        assertThat(mask.length()).isEqualTo(2);
        assertThat(mask.counts().toArray()).containsExactly(8, 5);
        assertThat(Reductions.count(mask).toArray()).containsExactly(2, 4);
        // element-wise against a differently based column with the same lists
        ListColumn<FloatColumn> copy = Columns.jagged(new int[] {0, 8, 13}, TestData.flat(lastTwo));
        assertThat(Reductions.count(Masks.compare(lastTwo, Comparison.EQ, copy)).toArray()).containsExactly(8, 5);
    }

    @Test
    void argumentErrorsSayWhatMustHold() {
        assertThatThrownBy(() -> Masks.and(BoolColumn.of(true), BoolColumn.of(true, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("and: operands must have the same length, got 1 and 2");
        ListColumn<FloatColumn> other = Columns.jagged(new int[] {0, 1, 9, 18}, new float[18]);
        assertThatThrownBy(() -> Masks.compare(JET_PT, Comparison.GT, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compare: operands must have equal list lengths in every entry, entry 0 has 5 and 1 elements");
        assertThatThrownBy(() -> Masks.compare(JET_PT, Comparison.GT, FloatColumn.of(1f)))
                .hasMessageContaining("one value per entry of the lists, got 1 values for 3 entries");
        assertThatThrownBy(() -> Comparison.ofSymbol("=>")).hasMessage("comparison must be one of > >= < <= == !=, got '=>'");
        assertThatThrownBy(() -> Masks.compare(IntColumn.ofUnsigned(1), Comparison.GT, IntColumn.of(1)))
                .hasMessageContaining("needs signed int columns");
    }
}
