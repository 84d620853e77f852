package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Layout invariants: kernels give the same answer on a view (offsets not starting at 0, content
 * shared with other events) as on a compact copy, keep list lengths, and reject malformed
 * layouts with messages that name the rule and the values.
 */
class LayoutPropertiesTest {
    private static ListColumn<FloatColumn> compactCopy(ListColumn<FloatColumn> l) {
        return Columns.jagged(l.zeroBasedOffsets(), Jagged.floats(l).toArray());
    }

    @Property(tries = 100)
    void kernelsOnViewsEqualKernelsOnCopies(@ForAll @IntRange(min = 0, max = 300) int events, @ForAll long seed) {
        Random r = new Random(seed);
        int[] counts = KernelTestSupport.poissonCounts(r, events + 10, 5);
        int[] offsets = KernelTestSupport.offsets(counts, 0);
        ListColumn<FloatColumn> all = Columns.jagged(offsets, KernelTestSupport.floats(r, offsets[events + 10], true));
        int from = r.nextInt(10);
        ListColumn<FloatColumn> view = all.region(from, events);
        ListColumn<FloatColumn> copy = compactCopy(view);
        assertThat(view).isEqualTo(copy);
        assertThat(Masks.gt(view, 30f)).isEqualTo(Masks.gt(copy, 30f));
        assertThat(Arith.mul(view, copy)).isEqualTo(Arith.mul(copy, copy));
        assertThat(Reductions.sum(view)).isEqualTo(Reductions.sum(copy));
        assertThat(Reductions.max(view, -1f)).isEqualTo(Reductions.max(copy, -1f));
        assertThat(Reductions.min(view, -1f)).isEqualTo(Reductions.min(copy, -1f));
        assertThat(Reductions.argmax(view)).isEqualTo(Reductions.argmax(copy));
        assertThat(Selection.filter(view, Masks.gt(view, 30f))).isEqualTo(Selection.filter(copy, Masks.gt(copy, 30f)));
        assertThat(Selection.leading(view, 0f)).isEqualTo(Selection.leading(copy, 0f));
        assertThat(Sorting.argsort(view, true)).isEqualTo(Sorting.argsort(copy, true));
        assertThat(Combinatorics.pairs(view).index(1)).isEqualTo(Combinatorics.pairs(copy).index(1));
        assertThat(FourVectors.deltaR(view, view, copy, copy)).isEqualTo(FourVectors.deltaR(copy, copy, view, view));
        ListColumn<FloatColumn> filtered = Selection.filter(view, Masks.gt(view, 30f));
        assertThat(filtered.counts()).isEqualTo(Reductions.count(Masks.gt(view, 30f)));
        assertThat(Selection.filterEvents(view, Masks.gt(view.counts(), 4))).isEqualTo(Selection.filterEvents(copy, Masks.gt(copy.counts(), 4)));
    }

    @Property(tries = 100)
    void filterKeepsExactlyTheSelectedElements(@ForAll @IntRange(min = 0, max = 200) int events, @ForAll long seed) {
        Random r = new Random(seed);
        int[] counts = KernelTestSupport.poissonCounts(r, events, 5);
        int[] offsets = KernelTestSupport.offsets(counts, 0);
        float[] v = KernelTestSupport.floats(r, offsets[events], true);
        ListColumn<FloatColumn> l = Columns.jagged(offsets, v);
        ListColumn<BoolColumn> m = Columns.jagged(offsets.clone(), KernelTestSupport.bools(r, v.length));
        ListColumn<FloatColumn> f = Selection.filter(l, m);
        int k = 0;
        for (int e = 0; e < events; e++) {
            for (int j = offsets[e]; j < offsets[e + 1]; j++) {
                if (m.content().get(j)) {
                    assertThat(Float.floatToIntBits(Jagged.floats(f).get(k++))).isEqualTo(Float.floatToIntBits(v[j]));
                }
            }
            assertThat(f.end(e)).isEqualTo(k);
        }
    }

    @Test
    void malformedLayoutsAreRejectedWithTheRuleAndValues() {
        assertThatThrownBy(() -> Columns.jagged(new int[] {0, 3, 2}, new float[3]))
                .hasMessage("offsets not monotone: offsets[1]=3 > offsets[2]=2");
        assertThatThrownBy(() -> Columns.jagged(new int[] {0, 4}, new float[3]))
                .hasMessage("last offset exceeds content length: offsets[1]=4 > content length 3");
        assertThatThrownBy(() -> ListColumn.fromCounts(new int[] {1, -1}, FloatColumn.of(0f)))
                .hasMessage("counts must be >= 0: counts[1]=-1");
        ListColumn<FloatColumn> a = Columns.jagged(new int[] {0, 1, 2}, new float[2]);
        ListColumn<FloatColumn> b = Columns.jagged(new int[] {0, 2}, new float[2]);
        assertThatThrownBy(() -> Arith.add(a, b)).hasMessage("add: operands must have the same number of entries, got 2 and 1");
        assertThatThrownBy(() -> Selection.filter(a, Columns.jagged(new int[] {0, 0, 2}, new boolean[2])))
                .hasMessage("filter: operands must have equal list lengths in every entry, entry 0 has 1 and 0 elements");
    }
}
