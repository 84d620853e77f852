package org.crema.corrections.jme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crema.correctionlib.CorrectionSet;
import org.crema.corrections.TestData;
import org.crema.corrections.text.JetCorrectorParameters;
import org.crema.corrections.text.OutOfRangePolicy;
import org.crema.corrections.text.TextCorrection;
import org.crema.corrections.text.TextJerScaleFactor;
import org.crema.corrections.text.TextUncertainty;
import org.junit.jupiter.api.Test;

/** Jet corrections from correctionlib files: the spec's worked numbers and text-vs-JSON agreement. */
class CorrectionlibJetsTest {
    // The spec's [verified] numbers come from the C++ evaluator with glibc's libm; Java's Math may
    // differ by an ulp per call, so compare to 1e-12 relative.
    private static final double REL = 1e-12;

    private static CorrectionSet ul2018;

    private static synchronized CorrectionSet ul2018() {
        if (ul2018 == null) {
            ul2018 = CorrectionSet.load(TestData.shared("corrections/correctionlib/jsonpog/2018_UL/jet_jerc.json.gz"));
        }
        return ul2018;
    }

    private static double one(JetFunction f, Map<String, Double> point) {
        Map<String, double[]> cols = new java.util.HashMap<>();
        point.forEach((k, v) -> cols.put(k, new double[] {v}));
        double[] out = new double[1];
        f.evaluate(cols, 1, out);
        return out[0];
    }

    @Test
    void ul2018JecLevelsAndCompoundsMatchSpecExamples3To6() {
        CorrectionSet set = ul2018();
        JetFunction l1 = JetFunction.of(set.correction("Summer19UL18_V5_MC_L1FastJet_AK4PFchs"), Map.of());
        JetFunction l2 = JetFunction.of(set.correction("Summer19UL18_V5_MC_L2Relative_AK4PFchs"), Map.of());
        assertThat(one(l1, Map.of("JetA", 0.5, "JetEta", 0.0, "JetPt", 100.0, "Rho", 15.0)))
                .isCloseTo(0.9761536539065195, within(REL));
        assertThat(one(l2, Map.of("JetEta", 0.0, "JetPt", 97.61536539065195)))
                .isCloseTo(1.066923760178105, within(REL));
        int[] offsets = {0, 1};
        double[] rawPt = {100.0};
        double[] rawMass = {10.0};
        double[] eta = {0.0};
        double[] area = {0.5};
        float[] rho = {15f};
        JetFunction mc = JetFunction.of(set.compound("Summer19UL18_V5_MC_L1L2L3Res_AK4PFchs"), Map.of());
        JetEnergyCorrection.Result r = JetEnergyCorrection.correct(mc, offsets, rawPt, rawMass, eta, area, rho);
        assertThat(r.factor()[0]).isCloseTo(1.0414815269375404, within(REL));
        assertThat(r.pt()[0]).isEqualTo(r.factor()[0] * 100.0);
        assertThat(r.mass()[0]).isEqualTo(r.factor()[0] * 10.0);
        JetFunction data = JetFunction.of(set.compound("Summer19UL18_RunA_V5_DATA_L1L2L3Res_AK4PFchs"), Map.of());
        assertThat(JetEnergyCorrection.correct(data, offsets, rawPt, rawMass, eta, area, rho).factor()[0])
                .isCloseTo(1.0538094730856051, within(REL));
        // The level chain built here agrees with the file's compound.
        JetFunction chain = JetFunction.chain(List.of(l1, l2,
                JetFunction.of(set.correction("Summer19UL18_V5_MC_L3Absolute_AK4PFchs"), Map.of()),
                JetFunction.of(set.correction("Summer19UL18_V5_MC_L2L3Residual_AK4PFchs"), Map.of())));
        assertThat(JetEnergyCorrection.correct(chain, offsets, rawPt, rawMass, eta, area, rho).factor()[0])
                .isCloseTo(1.0414815269375404, within(REL));
    }

    @Test
    void ul2018UncertaintyResolutionAndScaleFactorMatchSpecExamples7To9() {
        CorrectionSet set = ul2018();
        // The 2018 UL JES inputs are (JetPt, JetEta): binding by name makes the order irrelevant.
        JetFunction total = JetFunction.of(set.correction("Summer19UL18_V5_MC_Total_AK4PFchs"), Map.of());
        assertThat(one(total, Map.of("JetEta", 0.0, "JetPt", 100.0))).isCloseTo(0.01059333333333334, within(REL));
        JetFunction res = JetFunction.of(set.correction("Summer19UL18_JRV2_MC_PtResolution_AK4PFchs"), Map.of());
        assertThat(one(res, Map.of("JetEta", 0.0, "JetPt", 100.0, "Rho", 15.0)))
                .isCloseTo(0.10199435333864851, within(REL));
        String sf = "Summer19UL18_JRV2_MC_ScaleFactor_AK4PFchs";
        assertThat(one(JetFunction.of(set.correction(sf), Map.of("systematic", "nom")), Map.of("JetEta", 0.0)))
                .isEqualTo(1.1436);
        assertThat(one(JetFunction.of(set.correction(sf), Map.of("systematic", "up")), Map.of("JetEta", 0.0)))
                .isEqualTo(1.1541);
        assertThat(one(JetFunction.of(set.correction(sf), Map.of("systematic", "down")), Map.of("JetEta", 0.0)))
                .isEqualTo(1.1332);
    }

    @Test
    void bundledDummyCompoundMatchesSpecExample22() {
        CorrectionSet g = CorrectionSet.load(TestData.corrections("correctionlib/jet_jerc.json.gz"));
        JetFunction jec = JetFunction.of(g.compound("Summer24Prompt24_V2_MC_L1L2L3Res_AK4PFPuppi"), Map.of());
        assertThat(one(jec, Map.of("JetA", 0.5, "JetEta", 1.0, "JetPt", 50.0, "Rho", 20.0)))
                .isEqualTo(1.0201505006249996);
    }

    /**
     * The bundled Summer22 JSON was converted from the same text files as the bundled Summer22 text
     * files: the two independent evaluators must agree at random points. The JECDatabase converter
     * passes the parameters through float (its documented caveat), so JEC levels agree to float
     * precision (1e-6 relative), while JES knots and JER scale factors, written with four digits,
     * agree to double precision.
     */
    @Test
    void summer22TextAndJsonAgree() {
        CorrectionSet json = CorrectionSet.load(TestData.corrections("correctionlib/jet_jerc_Summer22_V3.json.gz"));
        String tag = "Summer22_22Sep2023_V3_MC_";
        Random rnd = new Random(11);
        int n = 20000;
        double[] eta = new double[n];
        double[] pt = new double[n];
        double[] rho = new double[n];
        double[] area = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = -5.1 + 10.2 * rnd.nextDouble();
            pt[i] = Math.exp(Math.log(8) + rnd.nextDouble() * Math.log(3000 / 8.0));
            rho[i] = 60 * rnd.nextDouble();
            area[i] = 0.3 + 0.4 * rnd.nextDouble();
        }
        Map<String, double[]> cols = Map.of(JetFunction.JET_ETA, eta, JetFunction.JET_PT, pt, JetFunction.RHO, rho,
                JetFunction.JET_A, area);
        for (String level : List.of("L1FastJet", "L2Relative", "L3Absolute", "L2L3Residual")) {
            JetFunction text = JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(
                    TestData.corrections("jec/" + tag + level + "_AK4PFPuppi.jec.txt.gz"))));
            JetFunction fromJson = JetFunction.of(json.correction(tag + level + "_AK4PFPuppi"), Map.of());
            double[] a = new double[n];
            double[] b = new double[n];
            text.evaluate(cols, n, a);
            fromJson.evaluate(cols, n, b);
            for (int i = 0; i < n; i++) {
                assertThat(a[i]).as("%s eta %s pt %s", level, eta[i], pt[i]).isCloseTo(b[i], within(Math.abs(b[i]) * 1e-6));
            }
        }
        Map<String, TextUncertainty> sources = TextUncertainty.readSources(TestData.corrections(
                "junc/RegroupedV2_Summer22_22Sep2023_V3_MC_UncertaintySources_AK4PFPuppi.junc.txt.gz"), OutOfRangePolicy.CMSSW);
        for (String source : List.of("FlavorQCD", "Absolute_2022", "Total")) {
            JetFunction text = JetFunction.of(sources.get(source));
            JetFunction fromJson = JetFunction.of(json.correction(tag + "Regrouped_" + source + "_AK4PFPuppi"), Map.of());
            double[] a = new double[n];
            double[] b = new double[n];
            text.evaluate(cols, n, a);
            fromJson.evaluate(cols, n, b);
            for (int i = 0; i < n; i++) {
                assertThat(a[i]).as("%s eta %s pt %s", source, eta[i], pt[i]).isCloseTo(b[i], within(1e-12));
            }
        }
        TextJerScaleFactor sfText = TextJerScaleFactor.of(JetCorrectorParameters.read(
                TestData.corrections("jer/Summer22_22Sep2023_JRV1_MC_SF_AK4PFPuppi.jersf.txt.gz")));
        for (Variation v : Variation.values()) {
            String key = switch (v) {
                case NOMINAL -> "nom";
                case UP -> "up";
                case DOWN -> "down";
            };
            JetFunction fromJson = JetFunction.of(json.correction("Summer22_22Sep2023_JRV1_MC_ScaleFactor_AK4PFPuppi"),
                    Map.of("systematic", key));
            double[] a = new double[n];
            double[] b = new double[n];
            JetFunction.of(sfText, v).evaluate(cols, n, a);
            fromJson.evaluate(cols, n, b);
            for (int i = 0; i < n; i++) {
                if (Math.abs(eta[i]) < 5.191 && pt[i] >= 10) { // the text file has no bins below 10 GeV
                    assertThat(a[i]).as("SF %s eta %s pt %s", v, eta[i], pt[i]).isEqualTo(b[i]);
                }
            }
        }
    }
}
