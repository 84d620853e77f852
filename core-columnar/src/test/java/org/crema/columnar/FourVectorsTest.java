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
        FloatColumn m = FourVectors.pairMass(FloatColumn.of(pt1), FloatColumn.of(eta1), FloatColumn.of(phi1), FloatColumn.of(0f),
                FloatColumn.of(pt2), FloatColumn.of(eta2), FloatColumn.of(phi2), FloatColumn.of(0f));
        double expected2 = 2.0 * pt1 * pt2 * (Math.cosh((double) eta1 - eta2) - Math.cos((double) phi1 - phi2));
        // m² agrees to double rounding of E1E2 (~1e-15 relative); on m that is 1e-7·sqrt(E1E2) plus float rounding
        double e1e2 = pt1 * Math.cosh(eta1) * pt2 * Math.cosh(eta2);
        assertThat((double) m.get(0)).isCloseTo(Math.sqrt(expected2), within(1e-6 * Math.sqrt(e1e2) + 2 * Math.ulp(m.get(0))));
    }

    @Property(tries = 500)
    void deltaPhiIsWrappedAndDeltaRSymmetric(@ForAll @Scale(6) @FloatRange(min = -3.141592f, max = 3.141592f) float phi1,
                                             @ForAll @Scale(6) @FloatRange(min = -20, max = 20) float phi2,
                                             @ForAll @Scale(6) @FloatRange(min = -5, max = 5) float eta1, @ForAll @Scale(6) @FloatRange(min = -5, max = 5) float eta2) {
        float dphi = FourVectors.deltaPhi(FloatColumn.of(phi1), FloatColumn.of(phi2)).get(0);
        assertThat(Math.abs(dphi)).isLessThanOrEqualTo((float) Math.PI + 4 * Math.ulp((float) Math.PI));
        // same angle: cos and sin of the wrapped difference match the raw difference (to float rounding of 2πk)
        assertThat(Math.cos(dphi)).isCloseTo(Math.cos((double) phi1 - phi2), within(1e-5));
        assertThat(Math.sin(dphi)).isCloseTo(Math.sin((double) phi1 - phi2), within(1e-5));
        float dr12 = FourVectors.deltaR(FloatColumn.of(eta1), FloatColumn.of(phi1), FloatColumn.of(eta2), FloatColumn.of(phi2)).get(0);
        assertThat(dr12).isGreaterThanOrEqualTo(Math.abs(eta1 - eta2));
        double dp = Math.IEEEremainder((double) phi1 - phi2, 2 * Math.PI);
        assertThat((double) dr12).isCloseTo(Math.hypot((double) eta1 - eta2, dp), within(1e-5));
    }

    @Test
    void componentsAndRoundTrip() {
        Kinematics jets = TestData.dyJets();
        FourVectors.PtEtaPhiM flat = jets.flat();
        FloatColumn px = flat.px();
        FloatColumn py = flat.py();
        FloatColumn pz = flat.pz();
        FloatColumn e = flat.energy();
        assertThat(px.get(0)).isCloseTo((float) (80.75 * Math.cos(-0.9107666015625)), within(1e-4f));
        double[] dpx = new double[px.length()], dpy = new double[px.length()], dpz = new double[px.length()], de = new double[px.length()];
        for (int i = 0; i < dpx.length; i++) {
            double pt = flat.pt().get(i), eta = flat.eta().get(i), phi = flat.phi().get(i), m = flat.mass().get(i);
            dpx[i] = pt * Math.cos(phi);
            dpy[i] = pt * Math.sin(phi);
            dpz[i] = pt * Math.sinh(eta);
            de[i] = Math.sqrt(Math.pow(pt * Math.cosh(eta), 2) + m * m);
        }
        FourVectors.PtEtaPhiM back = FourVectors.fromPxPyPzE(DoubleColumn.of(dpx), DoubleColumn.of(dpy), DoubleColumn.of(dpz), DoubleColumn.of(de));
        for (int i = 0; i < dpx.length; i++) {
            assertThat(back.pt().get(i)).isCloseTo(flat.pt().get(i), within(1e-5f * flat.pt().get(i)));
            assertThat(back.eta().get(i)).isCloseTo(flat.eta().get(i), within(1e-5f));
            assertThat(back.phi().get(i)).isCloseTo(flat.phi().get(i), within(1e-5f));
            // mass from E² − p² loses precision as p/m grows: relative to E
            assertThat(back.mass().get(i)).isCloseTo(flat.mass().get(i), within((float) (1e-6 * de[i])));
        }
        assertThat(TestData.flat(jets.px())).containsExactly(px.toArray());
        assertThat(TestData.flat(jets.energy())).containsExactly(e.toArray());
        assertThat(TestData.flat(jets.py())).containsExactly(py.toArray());
        assertThat(TestData.flat(jets.pz())).containsExactly(pz.toArray());
    }

    @Test
    void pairMassEqualsMassOfSum() {
        Kinematics jets = TestData.dyJets();
        Combinations pairs = Combinatorics.pairs(jets.pt());
        Kinematics a = pairs.select(0, jets);
        Kinematics b = pairs.select(1, jets);
        float[] direct = TestData.flat(a.pairMass(b));
        float[] viaSum = TestData.flat(a.add(b).mass());
        float[] e = TestData.flat(a.energy());
        float[] f = TestData.flat(b.energy());
        assertThat(direct).hasSize(10 + 28 + 10);
        for (int i = 0; i < direct.length; i++) {
            // the sum route goes through E² − p² (cancellation ~1e-16·E²), the direct one does not
            assertThat(direct[i]).isCloseTo(viaSum[i], within((float) (1e-6 * (e[i] + f[i]))));
        }
    }

    @Test
    void perEventSum() {
        Kinematics jets = TestData.dyJets();
        FourVectors.PtEtaPhiM s = jets.sum();
        FourVectors.PtEtaPhiM lead = new FourVectors.PtEtaPhiM(Selection.leading(jets.pt(), 0f), Selection.leading(jets.eta(), 0f),
                Selection.leading(jets.phi(), 0f), Selection.leading(jets.mass(), 0f));
        assertThat(s.length()).isEqualTo(3);
        ListColumn<FloatColumn> one = jets.pt().region(0, 1);
        FourVectors.PtEtaPhiM single = FourVectors.sum(Selection.take(one, Columns.jagged(new int[] {0, 1}, new int[] {0})),
                Selection.take(jets.eta().region(0, 1), Columns.jagged(new int[] {0, 1}, new int[] {0})),
                Selection.take(jets.phi().region(0, 1), Columns.jagged(new int[] {0, 1}, new int[] {0})),
                Selection.take(jets.mass().region(0, 1), Columns.jagged(new int[] {0, 1}, new int[] {0})));
        assertThat(single.pt().get(0)).isCloseTo(lead.pt().get(0), within(1e-4f));
        assertThat(single.mass().get(0)).isCloseTo(lead.mass().get(0), within(1e-3f));
        FourVectors.PtEtaPhiM empty = FourVectors.sum(Columns.jagged(new int[] {0, 0}, new float[0]), Columns.jagged(new int[] {0, 0}, new float[0]),
                Columns.jagged(new int[] {0, 0}, new float[0]), Columns.jagged(new int[] {0, 0}, new float[0]));
        assertThat(empty.pt().get(0)).isEqualTo(0f);
        assertThat(empty.mass().get(0)).isEqualTo(0f);
        assertThat(lead.deltaR(lead).get(0)).isEqualTo(0f);
    }

    @Test
    void nearestGenJetReproducesNanoAodMatching() {
        Kinematics jets = TestData.dyJets();
        Kinematics gen = Kinematics.of(TestData.floatLists("nano_dy.json", "GenJet_eta"), TestData.floatLists("nano_dy.json", "GenJet_eta"),
                TestData.floatLists("nano_dy.json", "GenJet_phi"), TestData.floatLists("nano_dy.json", "GenJet_eta"));
        ListColumn<IntColumn> nearest = jets.nearest(gen, 0.4f);
        // NanoAOD's Jet_genJetIdx is the ΔR < 0.4 nearest-neighbour match to the stored GenJets
        ListColumn<IntColumn> ref = TestData.intLists("nano_dy.json", "Jet_genJetIdx");
        assertThat(Jagged.ints(nearest).toArray()).containsExactly(Jagged.ints(ref).toArray());
        ListColumn<ListColumn<FloatColumn>> table = jets.deltaRTable(gen);
        assertThat(table.counts()).isEqualTo(jets.pt().counts());
        assertThat(table.content().counts().toArray()).startsWith(3, 3, 3, 3, 3, 6, 6);
        float dr00 = table.content().content().get(0);
        assertThat((double) dr00).isCloseTo(Math.hypot(1.554443359375 - 1.554443359375, -0.9107666015625 + 0.9217529296875), within(1e-6));
        assertThatThrownBy(() -> jets.nearest(gen, Float.NaN)).hasMessage("maxDeltaR must be >= 0, got NaN");
    }

    @Test
    void argumentErrors() {
        assertThatThrownBy(() -> FourVectors.deltaR(FloatColumn.of(1f), FloatColumn.of(1f), FloatColumn.of(1f), FloatColumn.empty()))
                .hasMessage("deltaR: columns must have the same length, got 1 and 0");
        ListColumn<FloatColumn> a = Columns.jagged(new int[] {0, 1}, new float[1]);
        ListColumn<FloatColumn> b = Columns.jagged(new int[] {0, 2}, new float[2]);
        assertThatThrownBy(() -> Kinematics.of(a, a, a, b))
                .hasMessage("Kinematics: operands must have equal list lengths in every entry, entry 0 has 1 and 2 elements");
    }
}
