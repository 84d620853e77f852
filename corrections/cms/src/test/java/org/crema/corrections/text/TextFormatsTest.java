package org.crema.corrections.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crema.corrections.CorrectionFileException;
import org.crema.corrections.TestData;
import org.crema.corrections.jme.Variation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextFormatsTest {
    // The spec's [derived] values use double parameters and libm; Java's Math.log10/exp/pow may
    // differ by an ulp or two per call, so compare to 1e-12 relative.
    private static final double REL = 1e-12;

    private static TextCorrection jec(String name) {
        return TextCorrection.of(JetCorrectorParameters.read(TestData.corrections("jec/" + name)));
    }

    @Test
    void summer22L2RelativeFirstRowMatchesSpecExample18() {
        TextCorrection l2 = jec("Summer22_22Sep2023_V3_MC_L2Relative_AK4PFPuppi.jec.txt.gz");
        assertThat(l2.inputs()).containsExactly("JetEta", "JetPt");
        assertThat(l2.level()).isEqualTo("L2Relative");
        // pt 5 is clamped to 10.175936 < 12, pt 11 < 12: both take the constant [9] branch.
        assertThat(l2.evaluate(-5.0, 5.0)).isEqualTo(1.393464325);
        assertThat(l2.evaluate(-5.0, 11.0)).isEqualTo(1.393464325);
        assertThat(l2.evaluate(-5.0, 30.0)).isCloseTo(1.4535178425869102, within(1.4535178425869102 * REL));
        // pt 100 is clamped to 45.352849.
        assertThat(l2.evaluate(-5.0, 100.0)).isCloseTo(1.3396112913938927, within(1.3396112913938927 * REL));
        assertThat(l2.evaluate(-5.0, 45.352849)).isEqualTo(l2.evaluate(-5.0, 100.0));
    }

    @Test
    void outsideEveryRecordIsOneUnderCmsswAndNearestUnderClamp() {
        JetCorrectorParameters p = JetCorrectorParameters.read(
                TestData.corrections("jec/Summer22_22Sep2023_V3_MC_L2Relative_AK4PFPuppi.jec.txt.gz"));
        TextCorrection cmssw = TextCorrection.of(p);
        TextCorrection clamp = TextCorrection.of(p, OutOfRangePolicy.CLAMP);
        assertThat(cmssw.evaluate(-6.0, 30.0)).isEqualTo(1.0);
        assertThat(cmssw.evaluate(5.191, 30.0)).isEqualTo(1.0); // upper edge is exclusive
        assertThat(cmssw.evaluate(Double.NaN, 30.0)).isEqualTo(1.0);
        assertThat(clamp.evaluate(-6.0, 30.0)).isEqualTo(cmssw.evaluate(-5.0, 30.0));
        assertThat(clamp.evaluate(6.0, 30.0)).isEqualTo(cmssw.evaluate(5.0, 30.0));
        // The lower edge is inclusive: -5.191 is in the first record.
        assertThat(cmssw.evaluate(-5.191, 30.0)).isEqualTo(cmssw.evaluate(-5.0, 30.0));
    }

    @Test
    void summer16UncertaintyInterpolatesAsSpecExample19() {
        TextUncertainty unc = TextUncertainty.readSources(
                TestData.corrections("junc/Summer16_23Sep2016V3_MC_Uncertainty_AK4PFPuppi.junc.txt.gz"),
                OutOfRangePolicy.CMSSW).get("Total");
        assertThat(unc.inputs()).containsExactly("JetEta", "JetPt");
        // Halfway between the knots 9 → 0.1220 and 11 → 0.1186.
        assertThat(unc.evaluate(true, -5.2, 10.0)).isCloseTo(0.1203, within(1e-15));
        assertThat(unc.evaluate(false, -5.2, 10.0)).isCloseTo(0.1203, within(1e-15));
        // Held at the first / last knot outside the knot range.
        assertThat(unc.evaluate(true, -5.2, 5.0)).isEqualTo(0.1220);
        assertThat(unc.evaluate(true, -5.2, 9.0)).isEqualTo(0.1220);
        double[] last = unc.parameters().values(0);
        assertThat(unc.evaluate(true, -5.2, 1e9)).isEqualTo(last[last.length - 2]);
        // On a knot the interpolation gives the knot value.
        assertThat(unc.evaluate(true, -5.2, 11.0)).isCloseTo(0.1186, within(1e-15));
        assertThat(unc.evaluate(true, -6.0, 30.0)).isEqualTo(TextUncertainty.NO_RECORD);
        assertThat(unc.evaluate(true, -5.2, Double.NaN)).isNaN();
        assertThat(unc.evaluate(true, Double.NaN, 30.0)).isEqualTo(TextUncertainty.NO_RECORD);
        assertThat(TextUncertainty.of(unc.parameters(), OutOfRangePolicy.CLAMP).evaluate(true, -6.0, 10.0))
                .isCloseTo(0.1203, within(1e-15));
    }

    @Test
    void spring16ResolutionMatchesSpecExample20() {
        TextCorrection res = TextCorrection.of(JetCorrectorParameters.read(
                TestData.corrections("jer/Spring16_25nsV10_MC_PtResolution_AK4PFPuppi.jr.txt.gz")));
        assertThat(res.level()).isEqualTo("Resolution");
        assertThat(res.inputs()).containsExactly("JetEta", "Rho", "JetPt");
        assertThat(res.evaluate(-4.0, 5.0, 10.0)).isCloseTo(0.22503265195181082, within(0.225 * REL));
        assertThat(res.evaluate(-4.0, 5.0, 50.0)).isCloseTo(0.11882028446357108, within(0.119 * REL));
        assertThat(res.evaluate(-4.0, 5.0, 500.0)).isCloseTo(0.10299994763666831, within(0.103 * REL));
    }

    @Test
    void spring16ScaleFactorMatchesSpecExample21() {
        for (String name : List.of("Spring16_25nsV10_MC_SF_AK4PFPuppi.jersf.txt",
                "Spring16_25nsV10_MC_SF_AK4PFPuppi.jersf.txt.gz")) {
            TextJerScaleFactor sf = TextJerScaleFactor.of(JetCorrectorParameters.read(TestData.corrections("jer/" + name)));
            assertThat(sf.inputs()).containsExactly("JetEta");
            assertThat(sf.evaluate(Variation.NOMINAL, 1.0)).isEqualTo(1.114);
            assertThat(sf.evaluate(Variation.UP, 1.0)).isEqualTo(1.127);
            assertThat(sf.evaluate(Variation.DOWN, 1.0)).isEqualTo(1.101);
            assertThat(sf.evaluate(Variation.NOMINAL, 9.0)).isEqualTo(1.0);
        }
    }

    @Test
    void splitScaleFactorFileKeepsFirstThreeColumns() {
        JetCorrectorParameters p = JetCorrectorParameters.read(TestData.corrections("jer/Autumn18_V7b_MC_SF_AK8PFchs.jersf.txt.gz"));
        assertThat(p.binVariables()).containsExactly("JetEta", "JetPt");
        assertThat(p.level()).isEqualTo("ScaleFactor");
        assertThat(p.extraHeader()).startsWith("TotalDown", "TotalUp");
        TextJerScaleFactor sf = TextJerScaleFactor.of(p);
        // First record: -5.191 -3.139 0.0 7000.0 13 1.076 1.0 1.2252 …
        assertThat(sf.evaluate(Variation.NOMINAL, -4.0, 100.0)).isEqualTo(1.076);
        assertThat(sf.evaluate(Variation.DOWN, -4.0, 100.0)).isEqualTo(1.0);
        assertThat(sf.evaluate(Variation.UP, -4.0, 100.0)).isEqualTo(1.2252);
    }

    @Test
    void multiSourceFileHasEverySection() {
        Map<String, TextUncertainty> sources = TextUncertainty.readSources(
                TestData.corrections("junc/Regrouped_Fall17_17Nov2017_V32_MC_UncertaintySources_AK4PFchs.junc.txt"),
                OutOfRangePolicy.CMSSW);
        assertThat(sources).containsKey("FlavorQCD");
        assertThat(sources.keySet()).first().isEqualTo("FlavorQCD");
        // First FlavorQCD row: eta [-5.4,-5.0), knots 9.0 → 0.0160 … 34.5 → 0.0144, 40.0 → 0.0130.
        assertThat(sources.get("FlavorQCD").evaluate(true, -5.2, 30.0)).isCloseTo(0.0160, within(1e-15));
        assertThat(sources.get("FlavorQCD").evaluate(true, -5.2, 37.25)).isCloseTo(0.0137, within(1e-15));
    }

    @Test
    void l5FlavorSectionsAndL1JptOffset() {
        Map<String, JetCorrectorParameters> l5 = JetCorrectorParameters.readSections(
                TestData.corrections("jec/Winter14_V8_MC_L5Flavor_AK5Calo.txt"));
        assertThat(l5.keySet()).contains("aJ", "bJ", "gJ", "qJ", "cJ");
        TextCorrection b = TextCorrection.of(l5.get("bJ"));
        // bJ first row: -5 -3 8 10.161 220.894 p0..p5; evaluate independently at pt=50.
        double[] p = {1.82003, 11.2668, 13.0345, -1.70892, 0.0379166, -0.0944383};
        double lx = Math.log10(50.0);
        double expected = (p[0] + (p[1] / ((Math.pow(lx, 2)) + p[2])))
                + (p[3] * Math.exp(-(p[4] * ((lx - p[5]) * (lx - p[5])))));
        assertThat(b.evaluate(-4.0, 50.0)).isCloseTo(expected, within(Math.abs(expected) * REL));

        TextCorrection jpt = jec("Fall17_17Nov2017_V32_MC_L1JPTOffset_AK4JPT.jec.txt.gz");
        assertThat(jpt.inputs()).containsExactly("JPTrawEta", "JPTrawEt", "JetE", "JPTrawE", "JPTrawOff");
        // Row -3 < eta < -2.5 has parameters; with t = 0 the formula 1-(1-t*(…))*z/y is 1 - z/y.
        assertThat(jpt.evaluate(-2.7, 50, 100, 60, 0)).isCloseTo(1 - 60.0 / 100.0, within(1e-15));
    }

    @Test
    void l1FastJetIsIdentityForPuppiAndMcL3() {
        TextCorrection l1 = jec("Summer16_23Sep2016V3_MC_L1FastJet_AK4PFPuppi.jec.txt.gz");
        assertThat(l1.inputs()).containsExactly("JetEta", "Rho", "JetPt", "JetA");
        assertThat(l1.isIdentity()).isTrue();
        assertThat(l1.evaluate(0.3, 20, 50, 0.5)).isEqualTo(1.0);
        assertThat(jec("Summer22_22Sep2023_V3_MC_L3Absolute_AK4PFPuppi.jec.txt.gz").isIdentity()).isTrue();
    }

    static List<Path> allJetMetFiles() {
        List<Path> all = new java.util.ArrayList<>();
        all.addAll(TestData.filesIn("jec"));
        all.addAll(TestData.filesIn("jer"));
        all.addAll(TestData.filesIn("junc"));
        return all;
    }

    /**
     * Every bundled file parses; each record is evaluated at its bin centre, its lower edge and just
     * below its upper edge, which must all select that record (or an earlier one covering the same
     * point), and results must be finite. Out of range gives the neutral value.
     */
    @ParameterizedTest
    @MethodSource("allJetMetFiles")
    void everyFileParsesAndEvaluatesAtCentresEdgesAndOutside(Path file) {
        Map<String, JetCorrectorParameters> sections = JetCorrectorParameters.readSections(file);
        assertThat(sections).isNotEmpty();
        for (JetCorrectorParameters p : sections.values()) {
            assertThat(p.size()).isPositive();
            String level = p.level();
            int nBin = p.binVariables().size();
            for (int r = 0; r < p.size(); r++) {
                double[] centre = new double[nBin];
                double[] lower = new double[nBin];
                for (int d = 0; d < nBin; d++) {
                    centre[d] = 0.5 * (p.binMin(d, r) + p.binMax(d, r));
                    lower[d] = p.binMin(d, r);
                }
                int foundCentre = p.findRecord(centre, false);
                int foundLower = p.findRecord(lower, false);
                assertThat(foundCentre).as("%s record %d (line %d) centre", file.getFileName(), r, p.line(r))
                        .isBetween(0, r);
                assertThat(foundLower).isBetween(0, r);
                assertThat(firstMatchByScan(p, centre)).isEqualTo(foundCentre);
                assertThat(firstMatchByScan(p, lower)).isEqualTo(foundLower);
            }
            double[] outside = new double[nBin];
            java.util.Arrays.fill(outside, -1e6);
            assertThat(p.findRecord(outside, false)).isEqualTo(-1);
            assertThat(p.findRecord(outside, true)).isGreaterThanOrEqualTo(-1);
            switch (level) {
                case "Uncertainty", "JECSource" -> {
                    TextUncertainty u = TextUncertainty.of(p);
                    double[] in = new double[u.inputs().size()];
                    for (int r = 0; r < p.size(); r++) {
                        for (int d = 0; d < nBin; d++) {
                            in[d] = 0.5 * (p.binMin(d, r) + p.binMax(d, r));
                        }
                        // A few sources leave unfilled regions as "nan" knots; those stay NaN, as in CMSSW.
                        boolean hasNaN = java.util.Arrays.stream(p.values(r)).anyMatch(Double::isNaN);
                        for (double pt : new double[] {1, 9, 30, 100, 1000, 1e5}) {
                            in[in.length - 1] = pt;
                            double up = u.evaluate(true, in);
                            if (!hasNaN) {
                                assertThat(up).isFinite().isBetween(-1.0, 1.0);
                            }
                        }
                    }
                    in[0] = -1e6;
                    assertThat(u.evaluate(true, in)).isEqualTo(TextUncertainty.NO_RECORD);
                }
                case "ScaleFactor" -> {
                    TextJerScaleFactor sf = TextJerScaleFactor.of(p);
                    for (int r = 0; r < p.size(); r++) {
                        double[] in = new double[nBin];
                        for (int d = 0; d < nBin; d++) {
                            in[d] = 0.5 * (p.binMin(d, r) + p.binMax(d, r));
                        }
                        assertThat(sf.evaluate(Variation.NOMINAL, in)).isEqualTo(p.values(p.findRecord(in, false))[0]);
                    }
                    assertThat(sf.evaluate(Variation.UP, outside)).isEqualTo(1.0);
                }
                default -> {
                    TextCorrection c = TextCorrection.of(p);
                    double[] in = new double[c.inputs().size()];
                    double[][] cols = new double[in.length][p.size()];
                    for (int r = 0; r < p.size(); r++) {
                        for (int i = 0; i < in.length; i++) {
                            String name = c.inputs().get(i);
                            int d = p.binVariables().indexOf(name);
                            in[i] = d >= 0 ? 0.5 * (p.binMin(d, r) + p.binMax(d, r)) : typical(name);
                            cols[i][r] = in[i];
                        }
                        double v = c.evaluate(in);
                        assertThat(v).as("%s line %d", file.getFileName(), p.line(r)).isFinite();
                    }
                    double[] batch = new double[p.size()];
                    c.evaluate(cols, p.size(), batch);
                    for (int r = 0; r < p.size(); r++) {
                        for (int i = 0; i < in.length; i++) {
                            in[i] = cols[i][r];
                        }
                        assertThat(batch[r]).isEqualTo(c.evaluate(in));
                    }
                    java.util.Arrays.fill(in, -1e6);
                    assertThat(c.evaluate(in)).isEqualTo(1.0);
                }
            }
        }
    }

    private static double typical(String name) {
        return switch (name) {
            case "Rho" -> 20;
            case "JetA" -> 0.5;
            case "JetPt", "JPTrawEt" -> 50;
            case "JetE", "JPTrawE" -> 120;
            default -> 1;
        };
    }

    private static int firstMatchByScan(JetCorrectorParameters p, double[] x) {
        outer:
        for (int r = 0; r < p.size(); r++) {
            for (int d = 0; d < x.length; d++) {
                if (!(p.binMin(d, r) <= x[d] && x[d] < p.binMax(d, r))) {
                    continue outer;
                }
            }
            return r;
        }
        return -1;
    }

    @Test
    void malformedLinesNameFileAndLine() {
        String header = "{1 JetEta 1 JetPt [0]+[1]*x Correction L2Relative}\n";
        assertThatThrownBy(() -> JetCorrectorParameters.parse(header + "-5 5 4 10 100 1.0\n", "bad.txt"))
                .isInstanceOf(CorrectionFileException.class)
                .hasMessage("bad.txt:2: value count 4 says the record has 7 numbers, found 6");
        assertThatThrownBy(() -> JetCorrectorParameters.parse(header + "-5 5 4 10 100 1.0 abc\n", "bad.txt"))
                .hasMessage("bad.txt:2: token 7 is not a number: 'abc'");
        assertThatThrownBy(() -> JetCorrectorParameters.parse("-5 5 4 10 100 1.0 2\n", "bad.txt"))
                .hasMessageStartingWith("bad.txt:1: record before any {…} header");
        assertThatThrownBy(() -> JetCorrectorParameters.parse("{1 JetEta x JetPt 1 Correction L2}\n1 2 0\n", "bad.txt"))
                .hasMessageStartingWith("bad.txt:1: header: number of formula variables must be an integer");
        assertThatThrownBy(() -> JetCorrectorParameters.parse(header + "5 -5 4 10 100 1.0 2\n", "bad.txt"))
                .hasMessage("bad.txt:2: bin range 1 has min 5.0 > max -5.0");
        assertThatThrownBy(() -> TextCorrection.of(JetCorrectorParameters.parse(
                "{1 JetEta 1 JetPt [0]+[1]*x+[2] Correction L2Relative}\n-5 5 4 10 100 1.0 2\n", "bad.txt").get("")))
                .hasMessageStartingWith("bad.txt:2: record has 4 values, the formula needs 1 variable ranges and 3 parameters");
        assertThatThrownBy(() -> TextUncertainty.of(JetCorrectorParameters.parse(
                "{1 JetEta 1 JetPt \"\" Correction Uncertainty}\n-5 5 4 10 0.1 0.1 20\n", "bad.txt").get("")))
                .hasMessageStartingWith("bad.txt:2: uncertainty record must hold (pt, up, down) triples");
    }

    @Test
    void truncatedGzipFileIsReportedWithItsName(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] whole = java.nio.file.Files.readAllBytes(
                TestData.corrections("jec/Summer22_22Sep2023_V3_MC_L2Relative_AK4PFPuppi.jec.txt.gz"));
        Path cut = dir.resolve("cut.txt.gz");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> JetCorrectorParameters.read(cut)).isInstanceOf(CorrectionFileException.class)
                .hasMessageStartingWith(cut + ": cannot read");
        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(() -> JetCorrectorParameters.read(missing)).isInstanceOf(CorrectionFileException.class)
                .hasMessageStartingWith(missing + ": cannot read");
    }

    @Test
    void batchAndScalarAgreeIncludingMissingRecords() {
        TextCorrection l2 = jec("Summer16_23Sep2016V3_MC_L2Relative_AK4PFPuppi.jec.txt.gz");
        int n = 1000;
        double[] eta = new double[n];
        double[] pt = new double[n];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            eta[i] = -6 + 12 * rnd.nextDouble();
            pt[i] = Math.exp(rnd.nextDouble() * 8);
        }
        double[] out = new double[n];
        l2.evaluate(new double[][] {eta, pt}, n, out);
        for (int i = 0; i < n; i++) {
            assertThat(out[i]).isEqualTo(l2.evaluate(eta[i], pt[i]));
        }
    }
}
