package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CombinatoricsTest {
    @Test
    void pairsInLexicographicOrder() {
        ListColumn<FloatColumn> l = Columns.jagged(new int[] {0, 3, 4, 4}, new float[4]);
        Combinations p = Combinatorics.pairs(l);
        assertThat(p.counts().toArray()).containsExactly(3, 0, 0);
        assertThat(Jagged.ints(p.index(0)).toArray()).containsExactly(0, 0, 1);
        assertThat(Jagged.ints(p.index(1)).toArray()).containsExactly(1, 2, 2);
        Combinations c = Combinatorics.cartesian(l, Columns.jagged(new int[] {0, 2, 3, 3}, new float[3]));
        assertThat(c.counts().toArray()).containsExactly(6, 1, 0);
        assertThat(Jagged.ints(c.index(0)).toArray()).containsExactly(0, 0, 1, 1, 2, 2, 0);
        assertThat(Jagged.ints(c.index(1)).toArray()).containsExactly(0, 1, 0, 1, 0, 1, 0);
        assertThat(c.arity()).isEqualTo(2);
        assertThat(c.toString()).isEqualTo("combinations[arity 2, 3 entries, 7 tuples]");
    }

    @Property(tries = 100)
    void combinationCountsAndOrder(@ForAll @IntRange(min = 1, max = 5) int k, @ForAll long seed) {
        Random r = new Random(seed);
        int[] counts = KernelTestSupport.poissonCounts(r, 20, 4);
        ListColumn<FloatColumn> l = ListColumn.fromCounts(counts, FloatColumn.of(new float[KernelTestSupport.offsets(counts, 0)[20]]));
        Combinations c = Combinatorics.combinations(l, k);
        for (int e = 0; e < counts.length; e++) {
            assertThat((long) c.counts().get(e)).isEqualTo(Combinatorics.binomial(counts[e], k));
            int s = c.index(0).start(e);
            for (int t = s; t < c.index(0).end(e); t++) {
                for (int slot = 1; slot < k; slot++) {
                    // strictly increasing within a tuple, all in range
                    assertThat(c.index(slot).content().get(t)).isGreaterThan(c.index(slot - 1).content().get(t));
                }
                assertThat(c.index(k - 1).content().get(t)).isLessThan(counts[e]);
            }
        }
    }

    @Test
    void trijetWithLargestPtMatchesBruteForce() {
        Kinematics jets = TestData.dyJets();
        Combinations tri = Combinatorics.triplets(jets.pt());
        Kinematics sum = tri.select(0, jets).add(tri.select(1, jets)).add(tri.select(2, jets));
        IntColumn best = Reductions.argmax(sum.pt());
        FloatColumn trijetMass = Selection.pick(sum.mass(), best, Float.NaN);
        double[][] pt = TestData.firstLists("nano_dy.json", "Jet_pt");
        double[][] eta = TestData.firstLists("nano_dy.json", "Jet_eta");
        double[][] phi = TestData.firstLists("nano_dy.json", "Jet_phi");
        double[][] m = TestData.firstLists("nano_dy.json", "Jet_mass");
        for (int e = 0; e < 3; e++) {
            double bestPt = -1;
            double bestMass = 0;
            int n = pt[e].length;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    for (int c = b + 1; c < n; c++) {
                        double px = 0, py = 0, pz = 0, en = 0;
                        for (int j : new int[] {a, b, c}) {
                            px += pt[e][j] * Math.cos(phi[e][j]);
                            py += pt[e][j] * Math.sin(phi[e][j]);
                            pz += pt[e][j] * Math.sinh(eta[e][j]);
                            en += Math.sqrt(Math.pow(pt[e][j] * Math.cosh(eta[e][j]), 2) + m[e][j] * m[e][j]);
                        }
                        double tpt = Math.hypot(px, py);
                        if (tpt > bestPt) {
                            bestPt = tpt;
                            bestMass = Math.sqrt(en * en - px * px - py * py - pz * pz);
                        }
                    }
                }
            }
            // float outputs of a double computation: relative 1e-6
            assertThat((double) trijetMass.get(e)).isCloseTo(bestMass, org.assertj.core.api.Assertions.withinPercentage(1e-4));
        }
    }

    @Test
    void argumentErrors() {
        ListColumn<FloatColumn> l = Columns.jagged(new int[] {0, 3}, new float[3]);
        assertThatThrownBy(() -> Combinatorics.combinations(l, 0)).hasMessage("k must be in [1, 16], got 0");
        assertThatThrownBy(() -> Combinatorics.pairs(l).index(2)).hasMessage("slot must be in [0, 2), got 2");
        assertThatThrownBy(() -> Combinatorics.cartesian(l, Columns.jagged(new int[] {0, 0, 0}, new float[0])))
                .hasMessage("cartesian: collections must have the same number of entries, got 1 and 2");
        ListColumn<FloatColumn> huge = Columns.jagged(new int[] {0, 3000}, new float[3000]);
        assertThatThrownBy(() -> Combinatorics.combinations(huge, 4)).hasMessageStartingWith("too many combinations");
    }
}
