package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static ListColumn<RecordColumn> jets() {
        ListColumn<FloatColumn> pt = TestData.floatLists("nano_dy.json", "Jet_pt");
        Map<String, Column> fields = new LinkedHashMap<>();
        fields.put("pt", pt.content());
        fields.put("eta", TestData.floatLists("nano_dy.json", "Jet_eta").content());
        fields.put("jetId", TestData.intLists("nano_dy.json", "Jet_jetId").content());
        return pt.withContent(RecordColumn.of(fields, pt.content().length()));
    }

    @Test
    void filterObjectsOfFloatsAndRecords() {
        ListColumn<FloatColumn> pt = TestData.floatLists("nano_dy.json", "Jet_pt");
        ListColumn<IntColumn> id = TestData.intLists("nano_dy.json", "Jet_jetId");
        ListColumn<BoolColumn> tight = Masks.and(Masks.gt(pt, 30f), Masks.ge(id, 2));
        ListColumn<FloatColumn> sel = Selection.filter(pt, tight);
        assertThat(sel.counts().toArray()).containsExactly(2, 2, 4);
        assertThat(TestData.flat(sel)).containsExactly(80.75f, 45.59375f, 105.625f, 38.90625f, 97.3125f, 64.8125f, 55.46875f, 30.34375f);

        ListColumn<RecordColumn> j = Selection.filter(jets(), tight);
        assertThat(j.counts().toArray()).containsExactly(2, 2, 4);
        assertThat(j.content().field("pt", FloatColumn.class).toArray()).containsExactly(TestData.flat(sel));
        assertThat(j.content().field("jetId", IntColumn.class).toArray()).containsExactly(6, 6, 6, 2, 6, 2, 2, 6);

        // a view whose offsets do not start at 0
        ListColumn<FloatColumn> tail = Selection.filter(pt.region(1, 2), Masks.gt(pt.region(1, 2), 30f));
        assertThat(TestData.flat(tail)).containsExactly(105.625f, 38.90625f, 97.3125f, 64.8125f, 55.46875f, 30.34375f);
    }

    @Test
    void filterEventsOfAnyColumn() {
        BoolColumn keep = BoolColumn.of(true, false, true);
        ListColumn<RecordColumn> j = Selection.filterEvents(jets(), keep);
        assertThat(j.counts().toArray()).containsExactly(5, 5);
        assertThat(j.content().field("pt", FloatColumn.class).get(5)).isEqualTo(97.3125f);
        assertThat(Selection.filterEvents(IntColumn.of(1, 2, 3), keep).toArray()).containsExactly(1, 3);
        assertThat(Selection.filterEvents(jets().content().field("pt", FloatColumn.class).region(0, 3), keep).toArray())
                .containsExactly(80.75f, 29.640625f);
        assertThat(Selection.trueIndices(keep)).containsExactly(0, 2);
        assertThatThrownBy(() -> Selection.filterEvents(IntColumn.of(1), keep))
                .hasMessage("filterEvents: mask must have one value per entry, got 3 mask values for 1 entries");
    }

    @Test
    void takeAndPickByLocalIndex() {
        ListColumn<FloatColumn> pt = TestData.floatLists("nano_dy.json", "Jet_pt");
        ListColumn<IntColumn> idx = Columns.jagged(new int[] {0, 2, 2, 3}, new int[] {4, 0, 1});
        ListColumn<FloatColumn> t = Selection.take(pt, idx);
        assertThat(t.counts().toArray()).containsExactly(2, 0, 1);
        assertThat(TestData.flat(t)).containsExactly(15.234375f, 80.75f, 64.8125f);
        ListColumn<IntColumn> withMissing = Columns.jagged(new int[] {0, 1, 2, 3}, new int[] {-1, 7, 0});
        assertThat(TestData.flat(Selection.take(pt, withMissing, Float.NaN))).containsExactly(Float.NaN, 15.2421875f, 97.3125f);
        assertThatThrownBy(() -> Selection.take(pt, withMissing))
                .hasMessage("take: local index must be in [0, 5) for entry 0, got -1");
        assertThat(Selection.pick(pt, IntColumn.of(1, -1, 4), -99f).toArray()).containsExactly(45.59375f, -99f, 22.03125f);
        assertThatThrownBy(() -> Selection.pick(pt, IntColumn.of(5, 0, 0), 0f))
                .hasMessage("pick: local index must be -1 or in [0, 5) for entry 0, got 5");
        assertThat(Selection.pick(TestData.intLists("nano_dy.json", "Jet_jetId"), IntColumn.of(1, 1, -1), -1).toArray())
                .containsExactly(6, 2, -1);
        ListColumn<RecordColumn> j = Selection.take(jets(), idx);
        assertThat(j.content().field("jetId", IntColumn.class).toArray()).containsExactly(6, 6, 2);
    }

    @Test
    void leadingSubleadingAndKth() {
        ListColumn<FloatColumn> pt = TestData.floatLists("nano_dy.json", "Jet_pt");
        assertThat(Selection.leading(pt, -1f).toArray()).containsExactly(80.75f, 105.625f, 97.3125f);
        assertThat(Selection.subleading(pt, -1f).toArray()).containsExactly(45.59375f, 38.90625f, 64.8125f);
        assertThat(Selection.kth(pt, 5, -1f).toArray()).containsExactly(-1f, 17.46875f, -1f);
        assertThat(Selection.kth(TestData.intLists("nano_dy.json", "Jet_jetId"), 7, -1).toArray()).containsExactly(-1, 0, -1);
        assertThat(Selection.kth(Columns.jagged(new int[] {0, 1, 1}, new double[] {2.5}), 0, 0.0).toArray()).containsExactly(2.5, 0.0);
        assertThatThrownBy(() -> Selection.kth(pt, -1, 0f)).hasMessage("k must be >= 0 (0 = leading), got -1");
    }

    @Test
    void localIndexCountsFlatten() {
        ListColumn<FloatColumn> pt = TestData.floatLists("nano_dy.json", "Jet_pt").region(1, 2);
        ListColumn<IntColumn> li = Selection.localIndex(pt);
        assertThat(Jagged.ints(li).toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4);
        assertThat(Selection.counts(pt).toArray()).containsExactly(8, 5);
        FloatColumn flat = Selection.flatten(pt);
        assertThat(flat.length()).isEqualTo(13);
        assertThat(flat.get(0)).isEqualTo(105.625f);
    }

    @Test
    void takeRowsChecksIndices() {
        assertThatThrownBy(() -> Selection.takeRows(IntColumn.of(1, 2), new int[] {2}))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("Index 2 out of bounds for length 2");
    }

    @Test
    void sortingPerEvent() {
        ListColumn<FloatColumn> eta = TestData.floatLists("nano_dy.json", "Jet_eta");
        ListColumn<IntColumn> order = Sorting.argsort(eta, true);
        double[][] ref = TestData.firstLists("nano_dy.json", "Jet_eta");
        ListColumn<FloatColumn> sorted = Sorting.sort(eta, true);
        int k = 0;
        for (double[] event : ref) {
            double[] s = event.clone();
            java.util.Arrays.sort(s);
            for (int j = s.length - 1; j >= 0; j--) {
                assertThat(Jagged.floats(sorted).get(k++)).isEqualTo((float) s[j]);
            }
        }
        assertThat(order.counts()).isEqualTo(eta.counts());
        ListColumn<FloatColumn> withNaN = Columns.jagged(new int[] {0, 4}, new float[] {Float.NaN, 1f, 3f, 1f});
        assertThat(Jagged.ints(Sorting.argsort(withNaN, false)).toArray()).containsExactly(1, 3, 2, 0);
        assertThat(Jagged.ints(Sorting.argsort(withNaN, true)).toArray()).containsExactly(2, 1, 3, 0);
        ListColumn<RecordColumn> byEta = Sorting.sortBy(jets(), eta, false);
        assertThat(byEta.content().field("eta", FloatColumn.class).get(0)).isEqualTo(1.554443359375f);
    }
}
