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
        CartesianKinematics sum = tri.sum(jets);
        // the chained route over gathered slots gives the same sums bit for bit: same conversions, same order
        CartesianKinematics chained = tri.select(0, jets).add(tri.select(1, jets)).add(tri.select(2, jets));
        assertThat(Jagged.doubles(chained.mass()).toArray()).containsExactly(Jagged.doubles(sum.mass()).toArray());
        assertThat(Jagged.doubles(chained.pt()).toArray()).containsExactly(Jagged.doubles(sum.pt()).toArray());
        IntColumn best = Reductions.argmax(sum.pt());
        DoubleColumn trijetMass = Selection.pick(sum.mass(), best, Double.NaN);
        double[][] pt = TestData.firstLists("nano_dy.json", "Jet_pt");
        double[][] eta = TestData.firstLists("nano_dy.json", "Jet_eta");
        double[][] phi = TestData.firstLists("nano_dy.json", "Jet_phi");
        double[][] m = TestData.firstLists("nano_dy.json", "Jet_mass");
        int[][] members = {tri.pick(0, best).toArray(), tri.pick(1, best).toArray(), tri.pick(2, best).toArray()};
        for (int e = 0; e < 3; e++) {
            double bestPt = -1;
            double bestMass = 0;
            int[] bestJets = null;
            int n = pt[e].length;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    for (int c = b + 1; c < n; c++) {
                        double px = 0, py = 0, pz = 0, en = 0;
                        int k = 0;
                        for (int j : new int[] {a, b, c}) {
                            // the stored floats, the documented formulas, summed in slot order
                            double p = (float) pt[e][j];
                            double mm = (float) m[e][j];
                            double x = p * StrictMath.cos((float) phi[e][j]);
                            double y = p * StrictMath.sin((float) phi[e][j]);
                            double z = p * StrictMath.sinh((float) eta[e][j]);
                            double w = Math.sqrt(x * x + y * y + z * z + mm * mm);
                            px = k == 0 ? x : px + x;
                            py = k == 0 ? y : py + y;
                            pz = k == 0 ? z : pz + z;
                            en = k == 0 ? w : en + w;
                            k++;
                        }
                        double tpt = Math.sqrt(px * px + py * py);
                        if (tpt > bestPt) {
                            bestPt = tpt;
                            bestMass = Math.sqrt(Math.max(en * en - (px * px + py * py + pz * pz), 0));
                            bestJets = new int[] {a, b, c};
                        }
                    }
                }
            }
            assertThat(trijetMass.get(e)).isEqualTo(bestMass);
            assertThat(new int[] {members[0][e], members[1][e], members[2][e]}).containsExactly(bestJets);
        }
        assertThatThrownBy(() -> tri.pick(0, IntColumn.of(0, 0))).hasMessage("pick: need one tuple index per entry, 3, got 2");
        assertThatThrownBy(() -> tri.pick(0, IntColumn.of(0, -1, 10))).hasMessage("pick: tuple index 10 in entry 2 is outside [-1, 10)");
        assertThat(tri.pick(2, IntColumn.of(-1, 0, 9)).toArray()).containsExactly(-1, 2, 4);
    }

    @Test
    void sumChecksTheSource() {
        Kinematics jets = TestData.dyJets();
        Combinations tri = Combinatorics.triplets(jets.pt());
        Kinematics twoEvents = Kinematics.of(jets.pt().region(0, 2), jets.eta().region(0, 2), jets.phi().region(0, 2), jets.mass().region(0, 2));
        assertThatThrownBy(() -> tri.sum(twoEvents))
                .hasMessage("sum: slot 0 source has 2 entries, the combinations have 3");
        ListColumn<FloatColumn> two = Columns.jagged(new int[] {0, 2, 4, 6}, new float[6]);
        Kinematics small = Kinematics.of(two, two, two, two);
        assertThatThrownBy(() -> tri.sum(small)).hasMessage("sum: slot 0 of tuple 9 in entry 0 is index 2, but the source list has 2 objects");
        assertThatThrownBy(() -> tri.sum(jets, jets)).hasMessage("sum: need one collection per slot, 3, got 2");
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
