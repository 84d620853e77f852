package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class FourVectorsTest {
    @Property(tries = 500)
    void masslessPairMassIdentity(@ForAll @Scale(6) @FloatRange(min = 1, max = 1000) float pt1, @ForAll @Scale(6) @FloatRange(min = -5, max = 5) float eta1,
                                  @ForAll @Scale(6) @FloatRange(min = -3.141592f, max = 3.141592f) float phi1,
                                  @ForAll @Scale(6) @FloatRange(min = 1, max = 1000) float pt2, @ForAll @Scale(6) @FloatRange(min = -5, max = 5) float eta2,
                                  @ForAll @Scale(6) @FloatRange(min = -3.141592f, max = 3.141592f) float phi2) {
        double m = FourVectors.pairMass(FloatColumn.of(pt1), FloatColumn.of(eta1), FloatColumn.of(phi1), FloatColumn.of(0f),
                FloatColumn.of(pt2), FloatColumn.of(eta2), FloatColumn.of(phi2), FloatColumn.of(0f)).get(0);
        double expected2 = 2.0 * pt1 * pt2 * (Math.cosh((double) eta1 - eta2) - Math.cos((double) phi1 - phi2));
        // M² = E² − p² cancels: its absolute error is a few double ulps of E² (E = E1 + E2), plus the
        // 1e-15 relative of the analytic form's own cosh/cos
        double e = pt1 * Math.cosh(eta1) + pt2 * Math.cosh(eta2);
        assertThat(m * m).isCloseTo(expected2, within(32 * Math.ulp(e * e) + 1e-14 * expected2));
    }

    @Property(tries = 500)
    void deltaPhiIsTheRemainderAndDeltaRItsHypot(@ForAll @Scale(6) @FloatRange(min = -3.141592f, max = 3.141592f) float phi1,
                                                 @ForAll @Scale(6) @FloatRange(min = -20, max = 20) float phi2,
                                                 @ForAll @Scale(6) @FloatRange(min = -5, max = 5) float eta1,
                                                 @ForAll @Scale(6) @FloatRange(min = -5, max = 5) float eta2) {
        double dphi = FourVectors.deltaPhi(FloatColumn.of(phi1), FloatColumn.of(phi2)).get(0);
        assertThat(dphi).isBetween(-Math.PI - Math.ulp(Math.PI), Math.PI);
        // the remainder of d = φ1 − φ2 (exact in double) by 2π, up to the one rounding of d − 2πk
        double rem = Math.IEEEremainder((double) phi1 - phi2, 2 * Math.PI);
        double diff = Math.abs(dphi - rem);
        assertThat(Math.min(diff, Math.abs(diff - 2 * Math.PI))).isLessThanOrEqualTo(4 * Math.ulp(20.0));
        double dr12 = FourVectors.deltaR(FloatColumn.of(eta1), FloatColumn.of(phi1), FloatColumn.of(eta2), FloatColumn.of(phi2)).get(0);
        double dr21 = FourVectors.deltaR(FloatColumn.of(eta2), FloatColumn.of(phi2), FloatColumn.of(eta1), FloatColumn.of(phi1)).get(0);
        assertThat(dr12).isGreaterThanOrEqualTo(Math.abs((double) eta1 - eta2));
        assertThat(dr12).isCloseTo(Math.hypot((double) eta1 - eta2, rem), within(1e-14));
        assertThat(dr21).isCloseTo(dr12, within(1e-14));
    }

    @Test
    void componentsAreTheDocumentedFormulasAndRoundTrip() {
        Kinematics jets = TestData.dyJets();
        FourVectors.PtEtaPhiM flat = jets.flat();
        FourVectors.PxPyPzE c = flat.toCartesian();
        for (int i = 0; i < flat.length(); i++) {
            double pt = flat.pt().get(i), eta = flat.eta().get(i), phi = flat.phi().get(i), m = flat.mass().get(i);
            double px = pt * StrictMath.cos(phi), py = pt * StrictMath.sin(phi), pz = pt * StrictMath.sinh(eta);
            assertThat(c.px().get(i)).isEqualTo(px);
            assertThat(c.py().get(i)).isEqualTo(py);
            assertThat(c.pz().get(i)).isEqualTo(pz);
            assertThat(c.energy().get(i)).isEqualTo(Math.sqrt(px * px + py * py + pz * pz + m * m));
            // back to (pt, η, φ): pt and φ to a few ulps, η through asinh to a few ulps of its size
            assertThat(c.pt().get(i)).isCloseTo(pt, within(4 * Math.ulp(pt)));
            assertThat(c.phi().get(i)).isCloseTo(phi, within(4 * Math.ulp(Math.PI)));
            assertThat(c.eta().get(i)).isCloseTo(eta, within(1e-14 * Math.max(1, Math.abs(eta))));
            // the mass goes through E² − p²: absolute error a few ulps of E² over 2m
            double e = c.energy().get(i);
            assertThat(c.mass().get(i)).isCloseTo(m, within(16 * Math.ulp(e * e) / Math.max(m, 1e-3)));
        }
        assertThat(Jagged.doubles(jets.px()).toArray()).containsExactly(c.px().toArray());
        assertThat(Jagged.doubles(jets.py()).toArray()).containsExactly(c.py().toArray());
        assertThat(Jagged.doubles(jets.pz()).toArray()).containsExactly(c.pz().toArray());
        assertThat(Jagged.doubles(jets.energy()).toArray()).containsExactly(c.energy().toArray());
        assertThat(flat.px().toArray()).containsExactly(c.px().toArray());
        assertThat(flat.energy().toArray()).containsExactly(c.energy().toArray());
    }

    @Test
    void pairMassEqualsMassOfSumBitForBit() {
        Kinematics jets = TestData.dyJets();
        Combinations pairs = Combinatorics.pairs(jets.pt());
        Kinematics a = pairs.select(0, jets);
        Kinematics b = pairs.select(1, jets);
        double[] direct = Jagged.doubles(a.pairMass(b)).toArray();
        double[] viaAdd = Jagged.doubles(a.add(b).mass()).toArray();
        double[] viaIndex = Jagged.doubles(pairs.sum(jets).mass()).toArray();
        double[] viaFlat = a.flat().add(b.flat()).mass().toArray();
        assertThat(direct).hasSize(10 + 28 + 10);
        assertThat(viaAdd).containsExactly(direct);
        assertThat(viaIndex).containsExactly(direct);
        assertThat(viaFlat).containsExactly(direct);
        assertThat(a.flat().pairMass(b.flat()).toArray()).containsExactly(direct);
    }

    @Test
    void chainedSumsStayCartesian() {
        Kinematics jets = TestData.dyJets();
        Combinations tri = Combinatorics.triplets(jets.pt());
        Kinematics a = tri.select(0, jets), b = tri.select(1, jets), c = tri.select(2, jets);
        CartesianKinematics abc = a.add(b).add(c);
        CartesianKinematics cart = a.toCartesian().add(b.toCartesian()).add(c.toCartesian());
        assertThat(Jagged.doubles(abc.px()).toArray()).containsExactly(Jagged.doubles(cart.px()).toArray());
        assertThat(Jagged.doubles(abc.energy()).toArray()).containsExactly(Jagged.doubles(cart.energy()).toArray());
        // component sums are plain double additions in operand order
        double[] ax = Jagged.doubles(a.px()).toArray(), bx = Jagged.doubles(b.px()).toArray(), cx = Jagged.doubles(c.px()).toArray();
        double[] sx = Jagged.doubles(abc.px()).toArray();
        for (int i = 0; i < sx.length; i++) {
            assertThat(sx[i]).isEqualTo(ax[i] + bx[i] + cx[i]);
        }
        assertThat(abc.px().counts()).isEqualTo(tri.counts());
        // the filtered and re-taken sums keep their values
        ListColumn<BoolColumn> heavy = Masks.gt(abc.mass(), 100.0);
        assertThat(Jagged.doubles(abc.filter(heavy).mass()).toArray())
                .containsExactly(Jagged.doubles(Selection.filter(abc.mass(), heavy)).toArray());
    }

    @Test
    void perEventSum() {
        Kinematics jets = TestData.dyJets();
        FourVectors.PxPyPzE s = jets.sum();
        assertThat(s.length()).isEqualTo(3);
        double[] px = Jagged.doubles(jets.px()).toArray();
        double expected = 0;
        for (int j = 0; j < 5; j++) {
            expected += px[j];
        }
        assertThat(s.px().get(0)).isEqualTo(expected);
        assertThat(jets.toCartesian().sum().px().toArray()).containsExactly(s.px().toArray());
        ListColumn<IntColumn> first = Columns.jagged(new int[] {0, 1}, new int[] {0});
        Kinematics one = Kinematics.of(jets.pt().region(0, 1), jets.eta().region(0, 1), jets.phi().region(0, 1),
                jets.mass().region(0, 1)).take(first);
        FourVectors.PxPyPzE single = one.sum();
        assertThat(single.px().get(0)).isEqualTo(px[0]);
        assertThat(single.mass().get(0)).isEqualTo(one.flat().toCartesian().mass().get(0));
        ListColumn<FloatColumn> none = Columns.jagged(new int[] {0, 0}, new float[0]);
        FourVectors.PxPyPzE empty = FourVectors.sum(none, none, none, none);
        assertThat(empty.pt().get(0)).isEqualTo(0.0);
        assertThat(empty.mass().get(0)).isEqualTo(0.0);
        assertThat(empty.eta().get(0)).isNaN();
        assertThat(empty.phi().get(0)).isEqualTo(0.0);
    }

    @Test
    void etaOfVectorsAlongTheBeam() {
        FourVectors.PxPyPzE v = new FourVectors.PxPyPzE(DoubleColumn.of(0, 0, 0), DoubleColumn.of(0, 0, 0),
                DoubleColumn.of(5, -5, 0), DoubleColumn.of(6, 6, 1));
        assertThat(v.eta().toArray()).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(v.mass().toArray()).containsExactly(Math.sqrt(11), Math.sqrt(11), 1.0);
    }

    @Test
    void nearestGenJetReproducesNanoAodMatching() {
        Kinematics jets = TestData.dyJets();
        Kinematics gen = Kinematics.of(TestData.floatLists("nano_dy.json", "GenJet_eta"), TestData.floatLists("nano_dy.json", "GenJet_eta"),
                TestData.floatLists("nano_dy.json", "GenJet_phi"), TestData.floatLists("nano_dy.json", "GenJet_eta"));
        ListColumn<IntColumn> nearest = jets.nearest(gen, 0.4);
        // NanoAOD's Jet_genJetIdx is the ΔR < 0.4 nearest-neighbour match to the stored GenJets
        ListColumn<IntColumn> ref = TestData.intLists("nano_dy.json", "Jet_genJetIdx");
        assertThat(Jagged.ints(nearest).toArray()).containsExactly(Jagged.ints(ref).toArray());
        ListColumn<ListColumn<DoubleColumn>> table = jets.deltaRTable(gen);
        assertThat(table.counts()).isEqualTo(jets.pt().counts());
        assertThat(table.content().counts().toArray()).startsWith(3, 3, 3, 3, 3, 6, 6);
        double dr00 = table.content().content().get(0);
        // equal η, so ΔR is |Δφ|, an exact difference of two floats
        assertThat(dr00).isEqualTo(Math.abs(-0.9107666015625 + 0.9217529296875));
        assertThatThrownBy(() -> jets.nearest(gen, Double.NaN)).hasMessage("maxDeltaR must be >= 0, got NaN");
    }

    /**
     * Through the facades (whichever kernels this JVM selected): a value is the same whatever chunk
     * of the input it is computed in, including chunks shorter than a vector and unaligned starts.
     */
    @Property(tries = 50)
    void valuesDoNotDependOnTheChunk(@ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        int n = 1 + r.nextInt(300);
        float[][] v = new float[4][n];
        for (int i = 0; i < n; i++) {
            v[0][i] = (float) (15 + r.nextDouble() * 300);
            v[1][i] = (float) ((r.nextDouble() * 2 - 1) * 4.7);
            v[2][i] = (float) ((r.nextDouble() * 2 - 1) * Math.PI);
            v[3][i] = (float) (r.nextDouble() * 20);
        }
        FloatColumn pt = FloatColumn.of(v[0]), eta = FloatColumn.of(v[1]), phi = FloatColumn.of(v[2]), m = FloatColumn.of(v[3]);
        FloatColumn pt2 = pt.region(0, n).take(reverse(n)), eta2 = eta.take(reverse(n)), phi2 = phi.take(reverse(n)), m2 = m.take(reverse(n));
        double[] dr = FourVectors.deltaR(eta, phi, eta2, phi2).toArray();
        double[] dphi = FourVectors.deltaPhi(phi, phi2).toArray();
        double[] mass = FourVectors.pairMass(pt, eta, phi, m, pt2, eta2, phi2, m2).toArray();
        double[] sumMass = FourVectors.toCartesian(pt, eta, phi, m).add(FourVectors.toCartesian(pt2, eta2, phi2, m2)).mass().toArray();
        assertThat(sumMass).containsExactly(mass);
        for (int from = 0; from < n; ) {
            int len = Math.min(n - from, 1 + r.nextInt(40));
            FloatColumn a = pt.region(from, len), b = eta.region(from, len), c = phi.region(from, len), d = m.region(from, len);
            FloatColumn a2 = pt2.region(from, len), b2 = eta2.region(from, len), c2 = phi2.region(from, len), d2 = m2.region(from, len);
            assertThat(FourVectors.deltaR(b, c, b2, c2).toArray()).containsExactly(java.util.Arrays.copyOfRange(dr, from, from + len));
            assertThat(FourVectors.deltaPhi(c, c2).toArray()).containsExactly(java.util.Arrays.copyOfRange(dphi, from, from + len));
            assertThat(FourVectors.pairMass(a, b, c, d, a2, b2, c2, d2).toArray()).containsExactly(java.util.Arrays.copyOfRange(mass, from, from + len));
            assertThat(FourVectors.toCartesian(a, b, c, d).add(FourVectors.toCartesian(a2, b2, c2, d2)).mass().toArray())
                    .containsExactly(java.util.Arrays.copyOfRange(mass, from, from + len));
            from += len;
        }
    }

    private static int[] reverse(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = n - 1 - i;
        }
        return idx;
    }

    /**
     * The double-angle ΔR and Δφ are the documented formula, bit for bit, as a plain double loop
     * writes it; on float angles widened to double they equal the float-column overloads.
     */
    @Property(tries = 200)
    void doubleAngleDeltaRIsThePlainLoop(@ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        int n = 1 + r.nextInt(200);
        double[] e1 = new double[n], p1 = new double[n], e2 = new double[n], p2 = new double[n];
        for (int i = 0; i < n; i++) {
            e1[i] = (r.nextDouble() * 2 - 1) * 5;
            e2[i] = (r.nextDouble() * 2 - 1) * 5;
            // sums' φ come from atan2, in [−π, π]; a few far outside to exercise the floor-mod
            p1[i] = (r.nextDouble() * 2 - 1) * (i % 17 == 0 ? 50 : Math.PI);
            p2[i] = (r.nextDouble() * 2 - 1) * Math.PI;
        }
        int from = r.nextInt(n);
        DoubleColumn ce1 = DoubleColumn.of(e1).region(from, n - from), cp1 = DoubleColumn.of(p1).region(from, n - from);
        DoubleColumn ce2 = DoubleColumn.of(e2).region(from, n - from), cp2 = DoubleColumn.of(p2).region(from, n - from);
        double[] dr = FourVectors.deltaR(ce1, cp1, ce2, cp2).toArray();
        double[] dphi = FourVectors.deltaPhi(cp1, cp2).toArray();
        for (int i = from; i < n; i++) {
            double d = p1[i] - p2[i];
            double wrapped = d - 2 * Math.PI * Math.floor((d + Math.PI) / (2 * Math.PI));
            double de = e1[i] - e2[i];
            assertThat(dphi[i - from]).isEqualTo(wrapped);
            assertThat(dr[i - from]).isEqualTo(Math.sqrt(de * de + wrapped * wrapped));
        }
        float[] fe1 = new float[n], fp1 = new float[n], fe2 = new float[n], fp2 = new float[n];
        double[] we1 = new double[n], wp1 = new double[n], we2 = new double[n], wp2 = new double[n];
        for (int i = 0; i < n; i++) {
            we1[i] = fe1[i] = (float) e1[i];
            wp1[i] = fp1[i] = (float) p1[i];
            we2[i] = fe2[i] = (float) e2[i];
            wp2[i] = fp2[i] = (float) p2[i];
        }
        assertThat(FourVectors.deltaR(DoubleColumn.of(we1), DoubleColumn.of(wp1), DoubleColumn.of(we2), DoubleColumn.of(wp2)).toArray())
                .containsExactly(FourVectors.deltaR(FloatColumn.of(fe1), FloatColumn.of(fp1), FloatColumn.of(fe2), FloatColumn.of(fp2)).toArray());
        assertThat(FourVectors.deltaPhi(DoubleColumn.of(wp1), DoubleColumn.of(wp2)).toArray())
                .containsExactly(FourVectors.deltaPhi(FloatColumn.of(fp1), FloatColumn.of(fp2)).toArray());
    }

    @Test
    void argumentErrors() {
        assertThatThrownBy(() -> FourVectors.deltaR(DoubleColumn.of(1), DoubleColumn.of(1), DoubleColumn.of(1, 2), DoubleColumn.of(1)))
                .hasMessage("deltaR: columns must have the same length, got 1 and 2");
        assertThatThrownBy(() -> FourVectors.deltaPhi(DoubleColumn.of(1), DoubleColumn.of()))
                .hasMessage("deltaPhi: columns must have the same length, got 1 and 0");
        assertThatThrownBy(() -> FourVectors.deltaR(FloatColumn.of(1f), FloatColumn.of(1f), FloatColumn.of(1f), FloatColumn.empty()))
                .hasMessage("deltaR: columns must have the same length, got 1 and 0");
        ListColumn<FloatColumn> a = Columns.jagged(new int[] {0, 1}, new float[1]);
        ListColumn<FloatColumn> b = Columns.jagged(new int[] {0, 2}, new float[2]);
        assertThatThrownBy(() -> Kinematics.of(a, a, a, b))
                .hasMessage("Kinematics: operands must have equal list lengths in every entry, entry 0 has 1 and 2 elements");
        Kinematics one = Kinematics.of(a, a, a, a);
        Kinematics two = Kinematics.of(b, b, b, b);
        assertThatThrownBy(() -> one.add(two))
                .hasMessage("add: operands must have equal list lengths in every entry, entry 0 has 1 and 2 elements");
        assertThatThrownBy(() -> one.toCartesian().add(two))
                .hasMessage("add: operands must have equal list lengths in every entry, entry 0 has 1 and 2 elements");
    }
}
