package org.crema.corrections.btag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.crema.corrections.CorrectionFileException;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.TestData;
import org.crema.corrections.jme.Variation;
import org.crema.corrections.text.OutOfRangePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BTagTest {
    private static final double REL = 1e-14;

    static BTagCalibration legacy2016() {
        return BTagCalibration.read(TestData.corrections("btag/DeepCSV_2016LegacySF_V1_TuneCP5.btag.csv.gz"));
    }

    @Test
    void workingPointFormulaAndOutOfRangeDoubling() {
        BTagCalibration csv = BTagCalibration.read(TestData.corrections("btag/testBTagSF.btag.csv"));
        assertThat(csv.tagger()).isEqualTo("CSVv2");
        BTagCalibrationReader medium = csv.reader(BTagCalibration.MEDIUM, "comb", "comb", "incl", OutOfRangePolicy.CMSSW);
        // Row 155: "1, comb, central, 0, -2.4, 2.4, 20, 1000, 0, 1, 0.561694*((1.+(0.31439*x))/(1.+(0.17756*x)))"
        double central50 = 0.561694 * ((1. + (0.31439 * 50)) / (1. + (0.17756 * 50)));
        assertThat(medium.evaluate("central", 5, 0.5, 50, 0)).isCloseTo(central50, within(central50 * REL));
        // Row 184: up for 30 < pt <= 50 adds 0.014046305790543556.
        assertThat(medium.evaluate("up", 5, -0.5, 50, 0)).isCloseTo(central50 + 0.014046305790543556,
                within(central50 * REL));
        // pt 1500 > 1000: evaluated at 1000 - 0.0001, and the uncertainty doubled (row 191 adds 0.0323771…).
        double atEdge = 0.561694 * ((1. + (0.31439 * 999.9999)) / (1. + (0.17756 * 999.9999)));
        assertThat(medium.evaluate("central", 5, 0.5, 1500, 0)).isCloseTo(atEdge, within(atEdge * REL));
        assertThat(medium.evaluate("up", 5, 0.5, 1500, 0)).isCloseTo(atEdge + 2 * 0.032377112656831741,
                within(atEdge * 1e-12));
        // |eta| 2.5 is outside every row: 0 (CMSSW), nearest row (coffea-style clamp).
        assertThat(medium.evaluate("central", 5, 2.5, 50, 0)).isEqualTo(0.0);
        BTagCalibrationReader clamped = csv.reader(BTagCalibration.MEDIUM, "comb", "comb", "incl", OutOfRangePolicy.CLAMP);
        assertThat(clamped.evaluate("central", 5, 2.5, 50, 0)).isCloseTo(central50, within(central50 * REL));
        assertThat(clamped.evaluate("up", 5, 0.5, 1500, 0)).isCloseTo(
                0.561694 * ((1. + (0.31439 * 1000)) / (1. + (0.17756 * 1000))) + 0.032377112656831741, within(1e-12));
        assertThatThrownBy(() -> medium.evaluate("up_nonsense", 5, 0.5, 50, 0))
                .isInstanceOf(CorrectionLookupException.class).hasMessageContaining("unknown sysType 'up_nonsense'");
    }

    @Test
    void shapeRowsOfTheLegacyFile() {
        BTagCalibrationReader shape = legacy2016().reader(BTagCalibration.SHAPE, "iterativefit");
        // Line 12489: central, b, |eta| [0,2.5], pt (20,30], discr [-15,0) → 0.987408399582
        assertThat(shape.evaluate("central", 5, 1.0, 25, -1)).isEqualTo(0.987408399582);
        // Line 12491: discr [0.106, 0.2455) cubic around 0.106.
        double d = 0.2;
        double u = d - 0.106;
        double expected = 63.1722909916 * u * u * u - 26.43760378 * u * u + 3.68804572731 * u + 1.1499707698822021;
        assertThat(shape.evaluate("central", 5, -1.0, 25, d)).isCloseTo(expected, within(expected * REL));
        // Line 7407: up_lf for the same b-jet bin.
        assertThat(shape.evaluate("up_lf", 5, 1.0, 25, -1)).isEqualTo(0.780804991722);
        // Line 2: c jets central = 1.0 everywhere; line 12141: up_cferr1 for c, (20,30], [-15,0).
        assertThat(shape.evaluate("central", 4, 1.0, 25, 0.5)).isEqualTo(1.0);
        assertThat(shape.evaluate("up_cferr1", 4, 1.0, 25, -1)).isEqualTo(1.27058374882);
        assertThat(shape.sysTypes()).contains("central", "up_hf", "down_cferr2", "up_jesFlavorQCD");
        assertThat(shape.hasRows("up_cferr1", 0)).isFalse();
        assertThat(shape.hasRows("up_cferr1", 1)).isTrue();
    }

    @Test
    void shapeEventWeightsRouteSystematicsPerFlavour() {
        BTagCalibrationReader reader = legacy2016().reader(BTagCalibration.SHAPE, "iterativefit");
        BTagShapeSf sf = BTagShapeSf.of(reader);
        int[] offsets = {0, 3, 3, 4};
        int[] flavour = {5, 4, 0, 4};
        float[] eta = {1.0f, -1.0f, 0.3f, 2.0f};
        double[] pt = {25, 25, 45, 60};
        float[] disc = {-1f, -1f, 0.5f, 0.9f};
        boolean[] selected = {true, true, true, true};
        double[] central = BTagShapeWeights.eventWeights(sf, "central", offsets, flavour, eta, pt, disc, selected);
        double[] perJetCentral = new double[4];
        for (int i = 0; i < 4; i++) {
            perJetCentral[i] = reader.evaluate("central", flavour[i], Math.abs(eta[i]), pt[i], disc[i]);
        }
        assertThat(central[0]).isEqualTo(perJetCentral[0] * perJetCentral[1] * perJetCentral[2]);
        assertThat(central[1]).isEqualTo(1.0); // no jets
        assertThat(central[2]).isEqualTo(perJetCentral[3]);
        // cferr varies only the c jets; b and light keep central.
        double[] cferr = BTagShapeWeights.eventWeights(sf, "up_cferr1", offsets, flavour, eta, pt, disc, selected);
        assertThat(cferr[0]).isEqualTo(perJetCentral[0] * reader.evaluate("up_cferr1", 4, 1.0, 25, -1) * perJetCentral[2]);
        // hf varies only b and light jets; c keeps central.
        double[] hf = BTagShapeWeights.eventWeights(sf, "up_hf", offsets, flavour, eta, pt, disc, selected);
        assertThat(hf[0]).isEqualTo(reader.evaluate("up_hf", 5, 1.0, 25, -1) * perJetCentral[1]
                * reader.evaluate("up_hf", 0, 0.3, 45, 0.5));
        assertThat(hf[2]).isEqualTo(perJetCentral[3]);
        // The jes systematic is tied to the JES-varied jets: a different pt enters.
        String jes = BTagShapeWeights.jesSystematic("FlavorQCD", Variation.UP);
        assertThat(jes).isEqualTo("up_jesFlavorQCD");
        double[] variedPt = {35, 25, 55, 60};
        double[] w = BTagShapeWeights.eventWeights(sf, jes, offsets, flavour, eta, variedPt, disc, selected);
        assertThat(w[0]).isEqualTo(reader.evaluate(jes, 5, 1.0, 35, -1) * perJetCentral[1]
                * reader.evaluate(jes, 0, 0.3, 55, 0.5));
        // Deselected jets do not enter.
        double[] one = BTagShapeWeights.eventWeights(sf, "central", offsets, flavour, eta, pt, disc,
                new boolean[] {true, false, false, false});
        assertThat(one[0]).isEqualTo(perJetCentral[0]);
        assertThatThrownBy(() -> BTagShapeWeights.eventWeights(sf, "up_foo", offsets, flavour, eta, pt, disc, selected))
                .isInstanceOf(CorrectionLookupException.class);
    }

    @Test
    void fixedWorkingPointMethod1a() {
        BTagEfficiencyMap eff = BTagEfficiencyMap.of(new double[] {20, 50, 1000}, new double[] {0, 1.2, 2.5},
                new double[] {0.7, 0.6, 0.75, 0.65}, new double[] {0.2, 0.15, 0.25, 0.2},
                new double[] {0.01, 0.02, 0.015, 0.025});
        assertThat(eff.efficiency(5, 30, -0.5)).isEqualTo(0.7);
        assertThat(eff.efficiency(5, 60, 2.0)).isEqualTo(0.65);
        assertThat(eff.efficiency(0, 5000, 3.0)).isEqualTo(0.025); // nearest bin
        int[] offsets = {0, 2, 3};
        boolean[] tagged = {true, false, false};
        double[] sf = {0.95, 0.9, 1.1};
        double[] e = {0.7, 0.2, 0.01};
        double[] w = BTagFixedWpWeights.eventWeights(offsets, tagged, sf, e, null);
        // P(data)/P(MC) written out.
        double pMc = 0.7 * (1 - 0.2);
        double pData = 0.95 * 0.7 * (1 - 0.9 * 0.2);
        assertThat(w[0]).isCloseTo(pData / pMc, within(1e-15));
        assertThat(w[1]).isCloseTo((1 - 1.1 * 0.01) / (1 - 0.01), within(1e-15));

        // Two working points (L, M) reduce to the single-WP formula when only M is used …
        double[] one = BTagFixedWpWeights.eventWeights(offsets, new int[] {0, -1, -1}, new double[][] {sf},
                new double[][] {e}, null);
        assertThat(one[0]).isCloseTo(w[0], within(1e-15));
        // … and with L and M: jet 0 passes M, jet 1 passes only L, jet 2 none; probabilities written out.
        double[][] sfs = {{0.97, 0.96, 1.05}, sf};
        double[][] effs = {{0.85, 0.4, 0.1}, e};
        double[] two = BTagFixedWpWeights.eventWeights(offsets, new int[] {1, 0, -1}, sfs, effs, null);
        double mc0 = 0.7 * (0.4 - 0.2);
        double data0 = 0.95 * 0.7 * (0.96 * 0.4 - 0.9 * 0.2);
        assertThat(two[0]).isCloseTo(data0 / mc0, within(1e-14));
        assertThat(two[1]).isCloseTo((1 - 1.05 * 0.1) / (1 - 0.1), within(1e-15));

        BTagEfficiencyMap measured = BTagEfficiencyMap.measure(new double[] {20, 1000}, new double[] {0, 2.5},
                new int[] {5, 5, 5, 4, 0}, new double[] {30, 40, 50, 30, 30}, new float[] {0.1f, 0.2f, 0.3f, 0f, 0f},
                new boolean[] {true, true, false, false, true}, null, 5);
        assertThat(measured.efficiency(5, 30, 0)).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(measured.efficiency(4, 30, 0)).isEqualTo(0.0);
        assertThat(measured.efficiency(0, 30, 0)).isEqualTo(1.0);
    }

    static List<Path> btagFiles() {
        return TestData.filesIn("btag");
    }

    /** Every file parses; every row is reachable: evaluating at its bin centre gives a finite SF. */
    @ParameterizedTest
    @MethodSource("btagFiles")
    void everyFileParsesAndEveryRowEvaluates(Path file) {
        BTagCalibration csv = BTagCalibration.read(file);
        assertThat(csv.size()).isPositive();
        java.util.Map<String, BTagCalibrationReader> readers = new java.util.HashMap<>();
        for (BTagCalibration.Entry e : csv.entries()) {
            BTagCalibrationReader reader = readers.computeIfAbsent(e.operatingPoint() + "/" + e.measurementType(),
                    k -> csv.reader(e.operatingPoint(), e.measurementType(), e.measurementType(),
                            e.measurementType(), OutOfRangePolicy.CMSSW));
            if (!reader.hasRows("central", e.btvFlavor())) {
                continue; // a systematic without a central row of that flavour: nothing to compare against
            }
            double eta = 0.5 * (e.etaMin() + e.etaMax());
            double pt = Math.min(0.5 * (e.ptMin() + e.ptMax()), 5000);
            double disc = 0.5 * (e.discrMin() + e.discrMax());
            int hadron = e.btvFlavor() == 0 ? 5 : e.btvFlavor() == 1 ? 4 : 0;
            double v = reader.evaluate(e.sysType(), hadron, eta, pt, disc);
            assertThat(v).as("%s line %d", file.getFileName(), e.line()).isFinite();
        }
    }

    @Test
    void malformedRowsNameFileAndLine() {
        String header = "X;OperatingPoint, measurementType, sysType, jetFlavor, etaMin, etaMax, ptMin, ptMax, discrMin, discrMax, formula\n";
        assertThatThrownBy(() -> BTagCalibration.parse(header + "1, comb, central, 0, -2.4, 2.4, 20, 1000, 0, 1\n", "b.csv"))
                .isInstanceOf(CorrectionFileException.class)
                .hasMessageStartingWith("b.csv:2: row has 10 columns, expected 11");
        assertThatThrownBy(() -> BTagCalibration.parse(header + "1, comb, central, 7, -2.4, 2.4, 20, 1000, 0, 1, \"1\"\n", "b.csv"))
                .hasMessage("b.csv:2: jetFlavor must be 0 (b), 1 (c) or 2 (udsg), got 7");
        assertThatThrownBy(() -> BTagCalibration.parse(header + "1, comb, central, 0, -2.4, 2.4, 20, 1000, 0, 1, \"1+*x\"\n", "b.csv"))
                .hasMessageStartingWith("b.csv:2: cannot parse formula at position 2");
    }
}
