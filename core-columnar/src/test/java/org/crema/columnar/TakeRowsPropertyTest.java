package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Selecting whole lists (events) of a jagged column copies contiguous runs of content; the result
 * must equal the definition — list i of the result is list rows[i] of the input — for any rows
 * (sorted or not, repeated, empty lists) and any layout (offsets not starting at 0).
 */
class TakeRowsPropertyTest {

    @Property(tries = 200)
    void selectedListsEqualTheDefinition(@ForAll @IntRange(min = 0, max = 120) int events,
            @ForAll @IntRange(min = 0, max = 7) int base, @ForAll boolean sortedRows, @ForAll long seed) {
        Random r = new Random(seed);
        int[] counts = KernelTestSupport.poissonCounts(r, events, 3);
        int[] offsets = KernelTestSupport.offsets(counts, base);
        int total = offsets[events];
        float[] f = KernelTestSupport.floats(r, total, true);
        int[] i = KernelTestSupport.ints(r, total);
        boolean[] b = KernelTestSupport.bools(r, total);
        int[] rows = new int[events == 0 ? 0 : r.nextInt(2 * events + 1)];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = r.nextInt(events);
        }
        if (sortedRows) {
            java.util.Arrays.sort(rows);
        }
        ListColumn<FloatColumn> lf = Columns.jagged(offsets, f);
        ListColumn<IntColumn> li = Columns.jagged(offsets.clone(), i);
        ListColumn<BoolColumn> lb = Columns.jagged(offsets.clone(), b);
        ListColumn<RecordColumn> records = ListColumn.of(offsets.clone(), RecordColumn.of(
                java.util.Map.of("f", FloatColumn.of(f), "i", IntColumn.of(i)), total));

        ListColumn<FloatColumn> tf = Selection.takeRows(lf, rows);
        ListColumn<IntColumn> ti = Selection.takeRows(li, rows);
        ListColumn<BoolColumn> tb = Selection.takeRows(lb, rows);
        ListColumn<RecordColumn> tr = Selection.takeRows(records, rows);
        for (int k = 0; k < rows.length; k++) {
            int e = rows[k];
            assertThat(tf.count(k)).isEqualTo(counts[e]);
            for (int j = 0; j < counts[e]; j++) {
                int src = offsets[e] + j;
                assertThat(Float.floatToRawIntBits(tf.content().get(tf.start(k) + j)))
                        .isEqualTo(Float.floatToRawIntBits(f[src]));
                assertThat(ti.content().get(ti.start(k) + j)).isEqualTo(i[src]);
                assertThat(tb.content().get(tb.start(k) + j)).isEqualTo(b[src]);
                assertThat(tr.content().field("i", IntColumn.class).get(tr.start(k) + j)).isEqualTo(i[src]);
            }
        }
    }
}
