package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Adding histograms is associative and commutative with the empty histogram as identity, exactly:
 * weights are arbitrary doubles spread over ten decades, of both signs (so every double partial sum
 * would round differently), and the merged Σw and Σw² must still be bit-identical to a single fill
 * of all entries, whatever the split and the merge order.
 */
class MergePropertiesTest {
    private static Hist empty(Storage s) {
        return Hist.of(s, StrCategoryAxis.of("dataset", "a", "b", "c"), VariableAxis.of("m", 0, 10, 20, 50, 100),
                RegularAxis.of("x", 7, -1, 1));
    }

    private record Data(String[] ds, double[] m, double[] x, double[] w) {
        Data slice(int from, int to) {
            return new Data(Arrays.copyOfRange(ds, from, to), Arrays.copyOfRange(m, from, to),
                    Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(w, from, to));
        }
    }

    private static Data data(long seed, int n) {
        Random r = new Random(seed);
        String[] names = {"a", "b", "c", "unknown"};
        Data d = new Data(new String[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            d.ds[i] = names[r.nextInt(4)];
            d.m[i] = r.nextInt(10) == 0 ? Double.NaN : -5 + r.nextDouble() * 120;
            d.x[i] = -1.5 + r.nextDouble() * 3;
            d.w[i] = (r.nextDouble() - 0.25) * Math.pow(10, r.nextInt(10) - 5);
        }
        return d;
    }

    private static Hist fill(Storage s, Data d) {
        Hist h = empty(s);
        if (s == Storage.INT64) {
            h.fill(d.ds, d.m, d.x);
        } else if (s == Storage.MEAN) {
            h.filler().values(d.ds, d.m, d.x).weights(d.w).sample(d.x).fill();
        } else {
            h.fillWeighted(d.w, d.ds, d.m, d.x);
        }
        return h;
    }

    @Property(tries = 60)
    void anySplitAndMergeOrderGivesTheSingleFill(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 3000) int n, @ForAll @IntRange(min = 1, max = 12) int parts) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        Data all = data(seed, n);
        for (Storage s : new Storage[] {Storage.WEIGHT, Storage.DOUBLE, Storage.INT64, Storage.MEAN}) {
            Hist whole = fill(s, all);
            int[] cuts = new int[parts + 1];
            cuts[parts] = n;
            for (int p = 1; p < parts; p++) {
                cuts[p] = r.nextInt(n + 1);
            }
            Arrays.sort(cuts);
            List<Hist> pieces = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                pieces.add(fill(s, all.slice(cuts[p], cuts[p + 1])));
            }
            Collections.shuffle(pieces, r);
            // Random merge tree: repeatedly add two random pieces (commutativity + associativity).
            while (pieces.size() > 1) {
                Hist a = pieces.remove(r.nextInt(pieces.size()));
                Hist b = pieces.remove(r.nextInt(pieces.size()));
                pieces.add(r.nextBoolean() ? Hist.merge(a, b) : Hist.merge(b, a));
            }
            assertThat(pieces.get(0)).isEqualTo(whole);
            assertThat(pieces.get(0).values(true)).containsExactly(whole.values(true));
        }
    }

    @Property(tries = 30)
    void emptyHistogramIsTheIdentity(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Hist h = fill(Storage.WEIGHT, data(seed, 500));
        assertThat(Hist.merge(h, h.emptyCopy())).isEqualTo(h);
        assertThat(Hist.merge(h.emptyCopy(), h)).isEqualTo(h);
    }

    @Property(tries = 30)
    void associativity(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Hist a = fill(Storage.WEIGHT, data(seed, 300));
        Hist b = fill(Storage.WEIGHT, data(seed + 1, 200));
        Hist c = fill(Storage.WEIGHT, data(seed + 2, 100));
        assertThat(Hist.merge(Hist.merge(a, b), c)).isEqualTo(Hist.merge(a, Hist.merge(b, c)));
        assertThat(Hist.merge(a, b)).isEqualTo(Hist.merge(b, a));
    }

    @Property(tries = 30)
    void growingAxesMergeToTheSameContentsPerCategory(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 6) int parts) {
        Random r = new Random(seed);
        String[] names = {"ttbar", "dy", "wjets", "qcd", "st"};
        Hist whole = Hist.of(StrCategoryAxis.growing("dataset"), RegularAxis.of("x", 4, 0, 4));
        List<Hist> pieces = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            Hist h = whole.emptyCopy();
            pieces.add(h);
        }
        for (int i = 0; i < 200; i++) {
            String ds = names[r.nextInt(names.length)];
            double[] x = {r.nextInt(6) - 1 + 0.5};
            double w = r.nextDouble() * 3;
            whole.fillWeighted(w, ds, x);
            pieces.get(r.nextInt(parts)).fillWeighted(w, ds, x);
        }
        Collections.shuffle(pieces, r);
        Hist merged = pieces.get(0).emptyCopy();
        for (Hist p : pieces) {
            merged.add(p);
        }
        StrCategoryAxis wa = (StrCategoryAxis) whole.axis("dataset");
        assertThat(((StrCategoryAxis) merged.axis("dataset")).categories()).containsExactlyInAnyOrderElementsOf(wa.categories());
        for (String ds : wa.categories()) {
            assertThat(merged.at("dataset", ds).values(true)).containsExactly(whole.at("dataset", ds).values(true));
            assertThat(merged.at("dataset", ds).variances(true)).containsExactly(whole.at("dataset", ds).variances(true));
        }
    }
}
