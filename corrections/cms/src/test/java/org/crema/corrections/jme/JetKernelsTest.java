package org.crema.corrections.jme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.TestData;
import org.crema.corrections.internal.JetRandom;
import org.crema.corrections.text.JetCorrectorParameters;
import org.crema.corrections.text.OutOfRangePolicy;
import org.crema.corrections.text.TextCorrection;
import org.crema.corrections.text.TextJerScaleFactor;
import org.crema.corrections.text.TextUncertainty;
import org.junit.jupiter.api.Test;

class JetKernelsTest {

    /** A jet function returning a constant (test double for σ and s). */
    static JetFunction constant(double value) {
        return new JetFunction() {
            @Override
            public List<String> inputs() {
                return List.of();
            }

            @Override
            public void evaluate(Map<String, double[]> columns, int n, double[] out) {
                java.util.Arrays.fill(out, 0, n, value);
            }
        };
    }

    static TextCorrection text(String header, String row) {
        return TextCorrection.of(JetCorrectorParameters.parse(header + "\n" + row + "\n", "synthetic.txt").get(""));
    }

    static JetFunction summer16Jec() {
        return JetFunction.chain(List.of(
                JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(
                        TestData.corrections("jec/Summer16_23Sep2016V3_MC_L1FastJet_AK4PFPuppi.jec.txt.gz")))),
                JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(
                        TestData.corrections("jec/Summer16_23Sep2016V3_MC_L2Relative_AK4PFPuppi.jec.txt.gz")))),
                JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(
                        TestData.corrections("jec/Summer16_23Sep2016V3_MC_L3Absolute_AK4PFPuppi.jec.txt.gz"))))));
    }

    @Test
    void chainEvaluatesEachLevelAtThePtCorrectedSoFar() {
        // Like correctionlib's test_compound: level1 = 1.1, level2 = 1 + 0.1·log10(pt) + 0.1·eta.
        TextCorrection l1 = text("{1 JetEta 1 JetPt [0] Correction L1FastJet}", "-5 5 3 0 1e9 1.1");
        TextCorrection l2 = text("{1 JetEta 2 JetPt JetEta 1+0.1*log10(x)+0.1*y Correction L2Relative}",
                "-5 5 4 0 1e9 -5 5");
        JetFunction chain = JetFunction.chain(List.of(JetFunction.of(l1), JetFunction.of(l2)));
        double[] out = new double[1];
        chain.evaluate(Map.of(JetFunction.JET_PT, new double[] {10.0}, JetFunction.JET_ETA, new double[] {1.2}), 1, out);
        assertThat(out[0]).isCloseTo(1.1 * (1 + 0.1 * Math.log10(11) + 0.12), within(1e-15));
        assertThatThrownBy(() -> chain.evaluate(Map.of(JetFunction.JET_PT, new double[] {10.0}), 1, out))
                .isInstanceOf(CorrectionLookupException.class).hasMessageContaining("'JetEta' is missing");
    }

    @Test
    void jecUndoneThenRedoneGivesTheInputBack() {
        JetFunction jec = summer16Jec();
        Random rnd = new Random(3);
        int events = 200;
        int[] offsets = new int[events + 1];
        for (int e = 0; e < events; e++) {
            offsets[e + 1] = offsets[e] + rnd.nextInt(6);
        }
        int n = offsets[events];
        double[] raw = new double[n];
        double[] rawMass = new double[n];
        double[] eta = new double[n];
        double[] area = new double[n];
        float[] rho = new float[events];
        for (int i = 0; i < n; i++) {
            raw[i] = 10 + 300 * rnd.nextDouble();
            rawMass[i] = 1 + 20 * rnd.nextDouble();
            eta[i] = -4.7 + 9.4 * rnd.nextDouble();
            area[i] = 0.3 + 0.4 * rnd.nextDouble();
        }
        for (int e = 0; e < events; e++) {
            rho[e] = 5 + 30 * rnd.nextFloat();
        }
        JetEnergyCorrection.Result first = JetEnergyCorrection.correct(jec, offsets, raw, rawMass, eta, area, rho);
        double[] rawFactor = new double[n];
        for (int i = 0; i < n; i++) {
            assertThat(first.factor()[i]).isBetween(0.5, 3.0);
            rawFactor[i] = 1.0 - 1.0 / first.factor()[i];
        }
        double[] undone = JetEnergyCorrection.undo(first.pt(), rawFactor);
        double[] undoneMass = JetEnergyCorrection.undo(first.mass(), rawFactor);
        JetEnergyCorrection.Result again = JetEnergyCorrection.correct(jec, offsets, undone, undoneMass, eta, area, rho);
        for (int i = 0; i < n; i++) {
            // Two divisions and a subtraction: a few ulps of relative error, amplified by the
            // formula's slope; 1e-12 bounds it with a wide margin.
            assertThat(undone[i]).isCloseTo(raw[i], within(raw[i] * 1e-13));
            assertThat(again.pt()[i]).isCloseTo(first.pt()[i], within(first.pt()[i] * 1e-12));
            assertThat(again.mass()[i]).isCloseTo(first.mass()[i], within(first.mass()[i] * 1e-12));
        }
    }

    @Test
    void reapplyOnNanoAodFloatsUsesRawPtAreaAndRho() {
        // L1 = 1 - [0]*Rho*JetA/JetPt with [0] = 1: a simple, independent check of the bindings.
        TextCorrection l1 = text("{1 JetEta 3 Rho JetPt JetA 1-x*z/y Correction L1FastJet}",
                "-5 5 6 0 100 1 1e5 0 2");
        JetFunction jec = JetFunction.of(l1);
        int[] offsets = {0, 2, 2, 3};
        float[] pt = {60f, 40f, 100f};
        float[] eta = {0.1f, -1f, 2f};
        float[] mass = {6f, 4f, 10f};
        float[] rawFactor = {0.25f, 0f, 0.5f};
        float[] area = {0.5f, 0.4f, 0.6f};
        float[] rho = {20f, 0f, 10f};
        JetEnergyCorrection.Result r = JetEnergyCorrection.reapply(jec, offsets, pt, eta, mass, rawFactor, area, rho);
        assertThat(r.rawPt()).containsExactly(45.0, 40.0, 50.0);
        assertThat(r.rawMass()).containsExactly(4.5, 4.0, 5.0);
        double c0 = 1 - 20 * 0.5 / 45.0;
        double c1 = 1 - 20 * (double) 0.4f / 40.0;
        double c2 = 1 - 10 * (double) 0.6f / 50.0;
        assertThat(r.factor()).containsExactly(c0, c1, c2);
        assertThat(r.pt()).containsExactly(c0 * 45.0, c1 * 40.0, c2 * 50.0);
        assertThat(r.ptColumn().get(0).length()).isEqualTo(2);
    }

    private static JetSmearing.Jer constantJer(double sigma, double s, double sUp, double sDown) {
        return new JetSmearing.Jer(constant(sigma), constant(s), constant(sUp), constant(sDown));
    }

    private static JetSmearing.Result smearOne(JetSmearing.Jer jer, double pt, float genPt, float genEta, long event) {
        return JetSmearing.smear(jer, JetSmearing.Settings.ak4(), new int[] {0, 1}, new double[] {pt},
                new double[] {5.0}, new float[] {0.5f}, new float[] {0.3f}, new float[] {20f},
                new int[] {genPt < 0 ? -1 : 0}, new GenJets(new int[] {0, 1}, new float[] {genPt}, new float[] {genEta},
                        new float[] {0.3f}), new EventIds(new int[] {1}, new int[] {2}, new long[] {event}), null);
    }

    @Test
    void smearingBranchesFollowTheHybridRecipe() {
        JetSmearing.Jer jer = constantJer(0.1, 1.2, 1.3, 1.1);
        // Matched, pt == genPt: no change (spec example 10).
        assertThat(smearOne(jer, 50, 50f, 0.5f, 11).factor()[0]).isEqualTo(1.0);
        // Matched, genPt 40: 1 + 0.2·10/50 (spec example 11), up/down with s 1.3 / 1.1.
        JetSmearing.Result m = smearOne(jer, 50, 40f, 0.5f, 11);
        assertThat(m.matched()[0]).isTrue();
        assertThat(m.factor()[0]).isCloseTo(1.04, within(1e-15));
        assertThat(m.factorUp()[0]).isCloseTo(1.06, within(1e-15));
        assertThat(m.factorDown()[0]).isCloseTo(1.02, within(1e-15));
        // |pt - genPt| = 30 > 3·0.1·50: stochastic.
        JetSmearing.Result far = smearOne(jer, 50, 20f, 0.5f, 11);
        assertThat(far.matched()[0]).isFalse();
        double z = JetRandom.gaussian(JetRandom.key(JetRandom.purpose("JER"), 1, 2, 11, 0));
        assertThat(far.gaussian()[0]).isEqualTo(z);
        assertThat(far.factor()[0]).isEqualTo(1 + z * 0.1 * Math.sqrt(1.2 * 1.2 - 1));
        assertThat(far.factorUp()[0]).isEqualTo(1 + z * 0.1 * Math.sqrt(1.3 * 1.3 - 1));
        // ΔR = 1.0 > 0.2: stochastic even though the pt agrees.
        assertThat(smearOne(jer, 50, 50f, 1.5f, 11).matched()[0]).isFalse();
        // Unmatched (genJetIdx -1) and s < 1: sqrt(max(s²-1, 0)) = 0, factor exactly 1.
        assertThat(smearOne(constantJer(0.1, 0.9, 0.9, 0.9), 50, -1f, 0f, 11).factor()[0]).isEqualTo(1.0);
        // Another event number gives another draw.
        assertThat(smearOne(jer, 50, -1f, 0f, 999).gaussian()[0]).isNotEqualTo(smearOne(jer, 50, -1f, 0f, 11).gaussian()[0]);
    }

    @Test
    void smearedEnergyIsFlooredAtTenMeV() {
        // Huge σ and a negative draw would give a negative pt; CMSSW floors the energy at 10 MeV.
        for (long event = 0; event < 50; event++) {
            JetSmearing.Result r = smearOne(constantJer(50.0, 2.0, 2.0, 2.0), 20, -1f, 0f, event);
            double energy = Math.sqrt(Math.pow(20 * Math.cosh(0.5f), 2) + 25.0);
            assertThat(r.factor()[0] * energy).isGreaterThanOrEqualTo(0.01 - 1e-15);
        }
    }

    @Test
    void gaussianDrawsHaveUnitNormalMoments() {
        int n = 200_000;
        double sum = 0;
        double sum2 = 0;
        long purpose = JetRandom.purpose("JER");
        for (int i = 0; i < n; i++) {
            double z = JetRandom.gaussian(JetRandom.key(purpose, 320000, i / 100, i, i % 7));
            sum += z;
            sum2 += z * z;
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        // Standard errors: 1/sqrt(n) = 0.0022 for the mean, sqrt(2/n) = 0.0032 for the variance; 5σ.
        assertThat(mean).isCloseTo(0.0, within(0.012));
        assertThat(var).isCloseTo(1.0, within(0.016));
    }

    /** A random event sample: offsets, jets, gen jets and ids. */
    record Sample(int[] offsets, double[] pt, double[] mass, float[] eta, float[] phi, float[] rho, int[] genIdx,
            GenJets gen, EventIds ids) {
        static Sample random(long seed, int events) {
            Random rnd = new Random(seed);
            int[] offsets = new int[events + 1];
            int[] genOffsets = new int[events + 1];
            for (int e = 0; e < events; e++) {
                offsets[e + 1] = offsets[e] + rnd.nextInt(7);
                genOffsets[e + 1] = genOffsets[e] + rnd.nextInt(5);
            }
            int n = offsets[events];
            int ng = genOffsets[events];
            float[] gpt = new float[ng];
            float[] geta = new float[ng];
            float[] gphi = new float[ng];
            for (int g = 0; g < ng; g++) {
                gpt[g] = 10 + 200 * rnd.nextFloat();
                geta[g] = -4 + 8 * rnd.nextFloat();
                gphi[g] = (float) (-Math.PI + 2 * Math.PI * rnd.nextFloat());
            }
            double[] pt = new double[n];
            double[] mass = new double[n];
            float[] eta = new float[n];
            float[] phi = new float[n];
            int[] genIdx = new int[n];
            for (int e = 0; e < events; e++) {
                int ngen = genOffsets[e + 1] - genOffsets[e];
                for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                    int g = ngen > 0 && rnd.nextBoolean() ? rnd.nextInt(ngen) : -1;
                    genIdx[i] = g;
                    if (g >= 0) {
                        int gi = genOffsets[e] + g;
                        pt[i] = gpt[gi] * (0.8 + 0.4 * rnd.nextDouble());
                        eta[i] = geta[gi] + (float) (0.1 * rnd.nextGaussian());
                        phi[i] = gphi[gi] + (float) (0.1 * rnd.nextGaussian());
                    } else {
                        pt[i] = 15 + 200 * rnd.nextDouble();
                        eta[i] = -4 + 8 * rnd.nextFloat();
                        phi[i] = (float) (-Math.PI + 2 * Math.PI * rnd.nextFloat());
                    }
                    mass[i] = 2 + 10 * rnd.nextDouble();
                }
            }
            float[] rho = new float[events];
            int[] run = new int[events];
            int[] lumi = new int[events];
            long[] event = new long[events];
            for (int e = 0; e < events; e++) {
                rho[e] = 30 * rnd.nextFloat();
                run[e] = 315000 + rnd.nextInt(3);
                lumi[e] = rnd.nextInt(500);
                event[e] = rnd.nextLong() >>> 20;
            }
            return new Sample(offsets, pt, mass, eta, phi, rho, genIdx, new GenJets(genOffsets, gpt, geta, gphi),
                    new EventIds(run, lumi, event));
        }

        /** Events [from, to) as a standalone sample with zero-based offsets. */
        Sample slice(int from, int to) {
            int j0 = offsets[from];
            int j1 = offsets[to];
            int g0 = gen.offsets()[from];
            int g1 = gen.offsets()[to];
            int[] o = new int[to - from + 1];
            int[] go = new int[to - from + 1];
            for (int e = from; e <= to; e++) {
                o[e - from] = offsets[e] - j0;
                go[e - from] = gen.offsets()[e] - g0;
            }
            return new Sample(o, java.util.Arrays.copyOfRange(pt, j0, j1), java.util.Arrays.copyOfRange(mass, j0, j1),
                    java.util.Arrays.copyOfRange(eta, j0, j1), java.util.Arrays.copyOfRange(phi, j0, j1),
                    java.util.Arrays.copyOfRange(rho, from, to), java.util.Arrays.copyOfRange(genIdx, j0, j1),
                    new GenJets(go, java.util.Arrays.copyOfRange(gen.pt(), g0, g1),
                            java.util.Arrays.copyOfRange(gen.eta(), g0, g1), java.util.Arrays.copyOfRange(gen.phi(), g0, g1)),
                    new EventIds(java.util.Arrays.copyOfRange(ids.run(), from, to),
                            java.util.Arrays.copyOfRange(ids.luminosityBlock(), from, to),
                            java.util.Arrays.copyOfRange(ids.event(), from, to)));
        }

        JetSmearing.Result smear(JetSmearing.Jer jer) {
            return JetSmearing.smear(jer, JetSmearing.Settings.ak4(), offsets, pt, mass, eta, phi, rho, genIdx, gen, ids,
                    null);
        }
    }

    static JetSmearing.Jer spring16Jer() {
        JetFunction res = JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(
                TestData.corrections("jer/Spring16_25nsV10_MC_PtResolution_AK4PFPuppi.jr.txt.gz"))));
        TextJerScaleFactor sf = TextJerScaleFactor.of(JetCorrectorParameters.read(
                TestData.corrections("jer/Spring16_25nsV10_MC_SF_AK4PFPuppi.jersf.txt")));
        return new JetSmearing.Jer(res, JetFunction.of(sf, Variation.NOMINAL), JetFunction.of(sf, Variation.UP),
                JetFunction.of(sf, Variation.DOWN));
    }

    /** Smearing a sample whole or cut into arbitrary chunks gives bit-identical factors. */
    @Property(tries = 30)
    void smearingDoesNotDependOnChunking(@ForAll @IntRange(min = 1, max = 40) int chunk,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        JetSmearing.Jer jer = spring16Jer();
        Sample all = Sample.random(seed, 120);
        JetSmearing.Result whole = all.smear(jer);
        for (int from = 0; from < 120; from += chunk) {
            int to = Math.min(120, from + chunk);
            JetSmearing.Result part = all.slice(from, to).smear(jer);
            int j0 = all.offsets()[from];
            for (int i = 0; i < part.factor().length; i++) {
                assertThat(part.factor()[i]).isEqualTo(whole.factor()[j0 + i]);
                assertThat(part.factorUp()[i]).isEqualTo(whole.factorUp()[j0 + i]);
                assertThat(part.factorDown()[i]).isEqualTo(whole.factorDown()[j0 + i]);
                assertThat(part.matched()[i]).isEqualTo(whole.matched()[j0 + i]);
            }
        }
        // Up and down bracket the nominal shift: s_down <= s <= s_up in this file.
        for (int i = 0; i < whole.factor().length; i++) {
            double nominal = whole.factor()[i] - 1;
            double up = whole.factorUp()[i] - 1;
            double down = whole.factorDown()[i] - 1;
            if (whole.factor()[i] * all.pt()[i] > 1) { // not floored
                assertThat(Math.abs(down)).isLessThanOrEqualTo(Math.abs(nominal) + 1e-15);
                assertThat(Math.abs(nominal)).isLessThanOrEqualTo(Math.abs(up) + 1e-15);
            }
        }
    }

    @Test
    void jesSourcesVaryPtAndMassSymmetrically() {
        Map<String, TextUncertainty> text = TextUncertainty.readSources(TestData.corrections(
                "junc/Regrouped_Fall17_17Nov2017_V32_MC_UncertaintySources_AK4PFchs.junc.txt"), OutOfRangePolicy.CMSSW);
        Map<String, JetFunction> sources = new LinkedHashMap<>();
        text.forEach((k, v) -> sources.put(k, JetFunction.of(v)));
        Sample s = Sample.random(5, 100);
        JesVariations.Result jes = JesVariations.evaluate(sources, s.offsets(), s.pt(), s.eta());
        assertThat(jes.deltas().keySet()).containsExactlyElementsOf(text.keySet());
        for (String source : text.keySet()) {
            double[] up = jes.apply(source, s.pt(), Variation.UP);
            double[] down = jes.apply(source, s.pt(), Variation.DOWN);
            double[] massUp = jes.apply(source, s.mass(), Variation.UP);
            double[] buffer = new double[s.pt().length];
            jes.applyInto(source, s.pt(), Variation.DOWN, buffer);
            assertThat(buffer).containsExactly(down);
            for (int i = 0; i < s.pt().length; i++) {
                double d = text.get(source).evaluate(true, s.eta()[i], s.pt()[i]);
                assertThat(jes.delta(source)[i]).isEqualTo(d);
                assertThat(up[i]).isEqualTo(s.pt()[i] * (1 + d));
                assertThat(down[i]).isEqualTo(s.pt()[i] * (1 - d));
                assertThat(massUp[i]).isEqualTo(s.mass()[i] * (1 + d));
                assertThat(up[i] + down[i]).isCloseTo(2 * s.pt()[i], within(1e-12 * s.pt()[i]));
            }
        }
        assertThatThrownBy(() -> jes.delta("Nope")).hasMessageStartingWith("unknown JES source 'Nope'; sources are [");
    }

    @Test
    void metPropagationFollowsTheSelectedJets() {
        float[] metPt = {50f, 50f};
        float[] metPhi = {0f, 0f};
        int[] offsets = {0, 2, 3};
        float[] phi = {(float) (Math.PI / 2), 0f, 0f};
        double[] ptOld = {30, 10, 30};
        double[] ptNew = {40, 14, 40};
        float[] em = {0.1f, 0.1f, 0.95f};
        MetPropagation.Met met = MetPropagation.propagate(metPt, metPhi, offsets, phi, ptOld, ptNew, em,
                MetPropagation.Selection.type1());
        // Event 0: jet 0 (+10 along +y) is selected, jet 1 (14 GeV) is not.
        double y = -10 * Math.sin((float) (Math.PI / 2));
        double x = 50 - 10 * Math.cos((float) (Math.PI / 2));
        assertThat(met.pt()[0]).isCloseTo(Math.hypot(x, y), within(1e-12));
        assertThat(met.phi()[0]).isCloseTo(Math.atan2(y, x), within(1e-12));
        // Event 1: the jet fails the EM-fraction cut: MET unchanged.
        assertThat(met.pt()[1]).isCloseTo(50, within(1e-12));
        MetPropagation.Met noEm = MetPropagation.propagate(metPt, metPhi, offsets, phi, ptOld, ptNew, null,
                MetPropagation.Selection.type1());
        assertThat(noEm.pt()[1]).isCloseTo(40, within(1e-12));

        MetPropagation.Met up = MetPropagation.unclustered(metPt, metPhi, new float[] {3f, 0f}, new float[] {4f, 0f},
                Variation.UP);
        MetPropagation.Met down = MetPropagation.unclustered(metPt, metPhi, new float[] {3f, 0f}, new float[] {4f, 0f},
                Variation.DOWN);
        assertThat(up.pt()[0]).isCloseTo(Math.hypot(53, 4), within(1e-12));
        assertThat(down.pt()[0]).isCloseTo(Math.hypot(47, -4), within(1e-12));

        MetPropagation.Met t1 = MetPropagation.type1(new float[] {0f}, new float[] {0f}, new int[] {0, 1},
                new float[] {0f}, new double[] {20}, new double[] {0.9}, new double[] {1.2}, null,
                MetPropagation.Selection.type1());
        // (24 - 18) GeV opposite to the jet.
        assertThat(t1.pt()[0]).isCloseTo(6, within(1e-12));
        assertThat(Math.abs(t1.phi()[0])).isCloseTo(Math.PI, within(1e-12));
    }
}
