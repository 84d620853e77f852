package org.crema.corrections.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.crema.correctionlib.CorrectionDomainException;
import org.crema.correctionlib.CorrectionSet;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.TestData;
import org.crema.corrections.btag.BTagShapeSf;
import org.crema.corrections.btag.BTagShapeWeights;
import org.crema.corrections.jme.Variation;
import org.junit.jupiter.api.Test;

/** Lepton, pileup and b-tag weights from the 2018 UL POG files: the spec's worked numbers 13–17. */
class WeightsTest {
    private static final String DIR = "corrections/correctionlib/jsonpog/2018_UL/";
    // [verified] values from the reference evaluator; 1e-12 relative covers libm ulp differences.
    private static final double REL = 1e-12;

    @Test
    void muonTightIdMatchesSpecExample15() {
        CorrectionSet muon = CorrectionSet.load(TestData.shared(DIR + "muon_Z.json.gz"));
        ObjectScaleFactors id = ObjectScaleFactors.muon(muon.correction("NUM_TightID_DEN_TrackerMuons"), "2018_UL");
        // Two events: one muon at |eta| 0.5 (given as -0.5: abseta is taken), none.
        int[] offsets = {0, 1, 1};
        EventWeights w = id.eventWeights(offsets, new float[] {-0.5f}, new float[] {40f}, null);
        assertThat(w.nominal()[0]).isCloseTo(0.9919452184414852, within(REL));
        assertThat(w.up()[0]).isCloseTo(0.9922409017136408, within(REL));
        assertThat(w.down()[0]).isCloseTo(0.9916495351693296, within(REL));
        assertThat(w.nominal()[1]).isEqualTo(1.0);
        // Below 15 GeV the file's flow is "error": the chunk fails, naming the input …
        assertThatThrownBy(() -> id.eventWeights(offsets, new float[] {0.5f}, new float[] {10f}, null))
                .isInstanceOf(CorrectionDomainException.class).hasMessageContaining("pt");
        // … unless the muon is deselected, or pt is clipped into the measured range.
        assertThat(id.eventWeights(offsets, new float[] {0.5f}, new float[] {10f}, new boolean[] {false}).nominal()[0])
                .isEqualTo(1.0);
        assertThat(id.withPtRange(15, 1e4).evaluate(Variation.NOMINAL, new float[] {0.5f}, new float[] {10f}, 1)[0])
                .isEqualTo(id.evaluate(Variation.NOMINAL, new float[] {0.5f}, new float[] {15f}, 1)[0]);
        assertThatThrownBy(() -> ObjectScaleFactors.of(muon.correction("NUM_TightID_DEN_TrackerMuons"), "eta", "pt",
                "ValType", "sf", "systup", "systdown", java.util.Map.of("year", "2018_UL")))
                .isInstanceOf(CorrectionLookupException.class).hasMessageContaining("has no input 'eta'");
    }

    @Test
    void electronTightIdMatchesSpecExample16() {
        CorrectionSet egm = CorrectionSet.load(TestData.shared(DIR + "electron.json.gz"));
        ObjectScaleFactors tight = ObjectScaleFactors.electron(egm.correction("UL-Electron-ID-SF"), "2018", "Tight");
        EventWeights w = tight.eventWeights(new int[] {0, 1}, new float[] {1.1f}, new float[] {45f}, null);
        // The spec evaluates at eta 1.1 exactly; the float 1.1f lies in the same bin.
        assertThat(w.nominal()[0]).isCloseTo(0.9572413563728333, within(REL));
        assertThat(w.up()[0]).isCloseTo(0.9619834530396884, within(REL));
        assertThat(w.down()[0]).isCloseTo(0.9524992597059782, within(REL));
        // Two electrons: the product.
        EventWeights two = tight.eventWeights(new int[] {0, 2}, new float[] {1.1f, 1.1f}, new float[] {45f, 45f}, null);
        assertThat(two.nominal()[0]).isEqualTo(w.nominal()[0] * w.nominal()[0]);
    }

    @Test
    void pileupMatchesSpecExample17() {
        CorrectionSet lum = CorrectionSet.load(TestData.shared(DIR + "puWeights.json.gz"));
        PileupWeights pu = PileupWeights.of(lum.correction("Collisions18_UltraLegacy_goldenJSON"));
        EventWeights w = pu.evaluate(new float[] {20.0f, 20.5f, 35.3f, 0.5f, 150f});
        assertThat(w.nominal()[0]).isCloseTo(0.9464173719723038, within(REL));
        assertThat(w.up()[0]).isCloseTo(0.7958841954126411, within(REL));
        assertThat(w.down()[0]).isCloseTo(1.1105755357489062, within(REL));
        assertThat(w.nominal()[1]).isEqualTo(w.nominal()[0]);
        assertThat(w.nominal()[2]).isCloseTo(1.0088379403225771, within(REL));
        assertThat(w.nominal()[3]).isCloseTo(4.759577811115876, within(REL));
        assertThat(w.nominal()[4]).isEqualTo(1.0);
        CorrectionSet egm = CorrectionSet.load(TestData.shared(DIR + "electron.json.gz"));
        assertThatThrownBy(() -> PileupWeights.of(egm.correction("UL-Electron-ID-SF")))
                .isInstanceOf(CorrectionLookupException.class)
                .hasMessageStartingWith("correction 'UL-Electron-ID-SF' is not a pileup correction");
    }

    /**
     * The shared btagging.json.gz is a newer revision than the one of the spec's example 13 (it
     * splits the working points into deepJet_comb/incl/mujets), so its shape values differ. The
     * expected numbers here were computed by an independent walk of this file's JSON tree
     * (category → category → binning → binning → binning → formula) in Python.
     */
    @Test
    void btagShapeFromJsonAndRoutingPerFlavour() {
        CorrectionSet btv = CorrectionSet.load(TestData.shared(DIR + "btagging.json.gz"));
        BTagShapeSf sf = BTagShapeSf.of(btv.correction("deepJet_shape"));
        double[] out = new double[1];
        sf.evaluate("central", new int[] {5}, new double[] {0.5}, new double[] {50}, new double[] {0.9}, 1, out);
        assertThat(out[0]).isCloseTo(0.9756541800330399, within(REL));
        sf.evaluate("up_lf", new int[] {5}, new double[] {0.5}, new double[] {50}, new double[] {0.9}, 1, out);
        assertThat(out[0]).isCloseTo(0.9948653282818579, within(REL));
        sf.evaluate("central", new int[] {0}, new double[] {0.5}, new double[] {50}, new double[] {0.1}, 1, out);
        assertThat(out[0]).isCloseTo(1.4262947248965847, within(REL));
        sf.evaluate("central", new int[] {4}, new double[] {1.0}, new double[] {35}, new double[] {0.3}, 1, out);
        assertThat(out[0]).isEqualTo(1.0);
        sf.evaluate("up_cferr1", new int[] {4}, new double[] {1.0}, new double[] {35}, new double[] {0.3}, 1, out);
        assertThat(out[0]).isCloseTo(1.0349513140103432, within(REL));
        // The file has no cferr for b jets and no eta beyond 2.5: asking directly fails …
        assertThatThrownBy(() -> sf.evaluate("up_cferr1", new int[] {5}, new double[] {0.5}, new double[] {50},
                new double[] {0.9}, 1, new double[1])).isInstanceOf(CorrectionDomainException.class);
        assertThatThrownBy(() -> sf.evaluate("central", new int[] {5}, new double[] {2.6}, new double[] {50},
                new double[] {0.9}, 1, new double[1])).isInstanceOf(CorrectionDomainException.class);
        // … so the event weight routes: c jets take cferr while b and light jets keep central, and
        // the other way round for lf. Discriminants are NanoAOD floats (0.9f, 0.3f).
        int[] offsets = {0, 2};
        int[] flavour = {5, 4};
        float[] eta = {-0.5f, 1.0f};
        double[] pt = {50, 35};
        float[] disc = {0.9f, 0.3f};
        double[] cferr = BTagShapeWeights.eventWeights(sf, "up_cferr1", offsets, flavour, eta, pt, disc, null);
        assertThat(cferr[0]).isCloseTo(0.9756541878482966 * 1.034951312627697, within(REL));
        double[] lf = BTagShapeWeights.eventWeights(sf, "up_lf", offsets, flavour, eta, pt, disc, null);
        assertThat(lf[0]).isCloseTo(0.9948653361531863 * 1.0, within(REL));
    }

    /** Spec example 14; this revision of the file names the WP corrections deepJet_comb / deepJet_incl. */
    @Test
    void btagWorkingPointSfFromJsonMatchesSpecExample14() {
        CorrectionSet btv = CorrectionSet.load(TestData.shared(DIR + "btagging.json.gz"));
        var comb = btv.correction("deepJet_comb");
        assertThat(comb.evaluate("central", "M", 5, 0.5, 50.0)).isCloseTo(0.9551077095638657, within(REL));
        assertThat(comb.evaluate("up", "M", 5, 0.5, 50.0)).isCloseTo(0.9628510621223295, within(REL));
        assertThat(btv.correction("deepJet_incl").evaluate("central", "M", 0, 0.5, 50.0))
                .isCloseTo(1.377463895, within(REL));
    }
}
