package org.crema.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.correctionlib.CorrectionSet;
import org.crema.corrections.btag.BTagCalibration;
import org.crema.corrections.btag.BTagCalibrationReader;
import org.crema.corrections.btag.BTagEfficiencyMap;
import org.crema.corrections.btag.BTagFixedWpWeights;
import org.crema.corrections.btag.BTagShapeSf;
import org.crema.corrections.btag.BTagShapeWeights;
import org.crema.corrections.jme.EventIds;
import org.crema.corrections.jme.GenJets;
import org.crema.corrections.jme.JesVariations;
import org.crema.corrections.jme.JetEnergyCorrection;
import org.crema.corrections.jme.JetFunction;
import org.crema.corrections.jme.JetSmearing;
import org.crema.corrections.jme.MetPropagation;
import org.crema.corrections.jme.Variation;
import org.crema.corrections.lumi.LumiMask;
import org.crema.corrections.muon.MuonScale;
import org.crema.corrections.muon.RochesterCorrection;
import org.crema.corrections.text.JetCorrectorParameters;
import org.crema.corrections.text.OutOfRangePolicy;
import org.crema.corrections.text.TextCorrection;
import org.crema.corrections.text.TextJerScaleFactor;
import org.crema.corrections.text.TextUncertainty;
import org.crema.corrections.weights.EventWeights;
import org.crema.corrections.weights.ObjectScaleFactors;
import org.crema.corrections.weights.PileupWeights;
import org.junit.jupiter.api.Test;

/**
 * The examples quoted in docs/corrections.md (between the {@code tag::} / {@code end::} markers).
 * Two events of NanoAOD-like jets: event 0 has three jets, event 1 has one.
 */
class CorrectionsExamplesTest {
    // Jet_* branches (flat) and their per-event offsets, as a NanoAOD reader delivers them.
    final int[] offsets = {0, 3, 4};
    final float[] pt = {85.2f, 41.7f, 22.9f, 130.4f};
    final float[] eta = {0.43f, -1.62f, 2.91f, 0.05f};
    final float[] phi = {1.2f, -2.5f, 0.3f, -0.7f};
    final float[] mass = {9.8f, 6.1f, 4.2f, 15.3f};
    final float[] rawFactor = {0.12f, 0.08f, 0.21f, 0.05f};
    final float[] area = {0.50f, 0.49f, 0.52f, 0.50f};
    final int[] genJetIdx = {0, -1, 1, 0};
    final int[] hadronFlavour = {5, 0, 4, 5};
    final float[] btagDeepB = {0.92f, 0.05f, 0.31f, 0.77f};
    // Per-event branches.
    final float[] rho = {21.3f, 14.8f};
    final int[] run = {1, 1};
    final int[] luminosityBlock = {10, 10};
    final long[] event = {1001, 1002};
    final GenJets genJets = new GenJets(new int[] {0, 2, 3}, new float[] {88f, 20f, 125f},
            new float[] {0.44f, 2.5f, 0.06f}, new float[] {1.21f, 0.31f, -0.69f});
    final float[] metPt = {45.0f, 12.0f};
    final float[] metPhi = {0.4f, -2.0f};

    static Path jme(String name) {
        return TestData.corrections(name);
    }

    @Test
    void jecFromTextFiles() {
        // tag::jec-text[]
        String tag = "jec/Summer22_22Sep2023_V3_MC_";
        JetFunction jec = JetFunction.chain(List.of(
                JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(jme(tag + "L1FastJet_AK4PFPuppi.jec.txt.gz")))),
                JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(jme(tag + "L2Relative_AK4PFPuppi.jec.txt.gz")))),
                JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(jme(tag + "L3Absolute_AK4PFPuppi.jec.txt.gz"))))));
        JetEnergyCorrection.Result corrected =
                JetEnergyCorrection.reapply(jec, offsets, pt, eta, mass, rawFactor, area, rho);
        double[] jetPt = corrected.pt();        // factor · pt · (1 − rawFactor)
        double[] jetMass = corrected.mass();
        // end::jec-text[]
        for (int i = 0; i < pt.length; i++) {
            assertThat(corrected.rawPt()[i]).isEqualTo(pt[i] * (1.0 - rawFactor[i]));
            assertThat(jetPt[i]).isEqualTo(corrected.factor()[i] * corrected.rawPt()[i]);
            assertThat(jetMass[i]).isEqualTo(corrected.factor()[i] * corrected.rawMass()[i]);
            assertThat(corrected.factor()[i]).isBetween(0.8, 2.0);
        }
    }

    @Test
    void jecFromCorrectionlib() {
        // tag::jec-json[]
        CorrectionSet jerc = CorrectionSet.load(jme("correctionlib/jet_jerc_Summer22_V3.json.gz"));
        JetFunction jec = JetFunction.of(jerc.compound("Summer22_22Sep2023_V3_MC_L1L2L3Res_AK4PFPuppi"), Map.of());
        JetEnergyCorrection.Result corrected =
                JetEnergyCorrection.reapply(jec, offsets, pt, eta, mass, rawFactor, area, rho);
        // end::jec-json[]
        for (double f : corrected.factor()) {
            assertThat(f).isBetween(0.8, 2.0);
        }
        // The bundled JSON and text files are the same JEC (parameters rounded to float in the JSON).
        JetFunction text = JetFunction.chain(List.of("L1FastJet", "L2Relative", "L3Absolute", "L2L3Residual").stream()
                .map(l -> JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(
                        jme("jec/Summer22_22Sep2023_V3_MC_" + l + "_AK4PFPuppi.jec.txt.gz"))))).toList());
        JetEnergyCorrection.Result fromText = JetEnergyCorrection.reapply(text, offsets, pt, eta, mass, rawFactor, area, rho);
        for (int i = 0; i < pt.length; i++) {
            assertThat(corrected.factor()[i]).isCloseTo(fromText.factor()[i], within(1e-6));
        }
    }

    @Test
    void jerSmearingJesAndMet() {
        JetEnergyCorrection.Result corrected = JetEnergyCorrection.reapply(
                JetFunction.of(CorrectionSet.load(jme("correctionlib/jet_jerc_Summer22_V3.json.gz"))
                        .compound("Summer22_22Sep2023_V3_MC_L1L2L3Res_AK4PFPuppi"), Map.of()),
                offsets, pt, eta, mass, rawFactor, area, rho);
        // tag::jer[]
        TextJerScaleFactor sf = TextJerScaleFactor.of(JetCorrectorParameters.read(
                jme("jer/Summer22_22Sep2023_JRV1_MC_SF_AK4PFPuppi.jersf.txt.gz")));
        JetSmearing.Jer jer = new JetSmearing.Jer(
                JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(
                        jme("jer/Summer22_22Sep2023_JRV1_MC_PtResolution_AK4PFPuppi.jr.txt.gz")))),
                JetFunction.of(sf, Variation.NOMINAL), JetFunction.of(sf, Variation.UP), JetFunction.of(sf, Variation.DOWN));
        JetSmearing.Result smeared = JetSmearing.smear(jer, JetSmearing.Settings.ak4(), offsets,
                corrected.pt(), corrected.mass(), eta, phi, rho, genJetIdx, genJets,
                new EventIds(run, luminosityBlock, event), null);
        double[] jetPt = smeared.apply(corrected.pt(), Variation.NOMINAL);
        double[] jetPtJerUp = smeared.apply(corrected.pt(), Variation.UP);
        double[] jetMass = smeared.apply(corrected.mass(), Variation.NOMINAL);
        // end::jer[]
        // Jets 0 and 3 match their gen jets (ΔR ≈ 0.01, pt within 3σ); jet 1 has none and jet 2's
        // gen jet is ΔR = 0.41 away: both are smeared stochastically.
        assertThat(smeared.matched()).containsExactly(true, false, false, true);
        assertThat(jetPtJerUp[0]).isNotEqualTo(jetPt[0]);

        // tag::jes[]
        Map<String, JetFunction> sources = new LinkedHashMap<>();
        TextUncertainty.readSources(jme("junc/RegroupedV2_Summer22_22Sep2023_V3_MC_UncertaintySources_AK4PFPuppi.junc.txt.gz"),
                OutOfRangePolicy.CMSSW).forEach((name, source) -> sources.put(name, JetFunction.of(source)));
        JesVariations.Result jes = JesVariations.evaluate(sources, offsets, jetPt, eta);
        double[] ptFlavorQcdUp = jes.apply("FlavorQCD", jetPt, Variation.UP);     // pt · (1 + δ)
        double[] massFlavorQcdUp = jes.apply("FlavorQCD", jetMass, Variation.UP);
        // end::jes[]
        assertThat(jes.deltas()).hasSize(12);
        assertThat(massFlavorQcdUp[0] / jetMass[0]).isCloseTo(ptFlavorQcdUp[0] / jetPt[0], within(1e-12));

        // tag::met[]
        float[] emFraction = {0.10f, 0.35f, 0.95f, 0.20f};   // Jet_chEmEF + Jet_neEmEF
        MetPropagation.Met metJesUp = MetPropagation.propagate(metPt, metPhi, offsets, phi,
                jetPt, ptFlavorQcdUp, emFraction, MetPropagation.Selection.type1());
        MetPropagation.Met metUnclusteredUp = MetPropagation.unclustered(metPt, metPhi,
                new float[] {1.5f, -0.4f}, new float[] {0.7f, 0.9f}, Variation.UP);  // MET_MetUnclustEnUpDeltaX/Y
        // end::met[]
        assertThat(metJesUp.pt()[0]).isNotEqualTo(metPt[0]);
        assertThat(metUnclusteredUp.pt()).hasSize(2);
    }

    @Test
    void btagShapeAndWorkingPoint() {
        double[] jetPt = {92.1, 44.0, 25.3, 135.2};
        // tag::btag-shape[]
        BTagShapeSf shape = BTagShapeSf.of(BTagCalibration.read(jme("btag/DeepCSV_2016LegacySF_V1_TuneCP5.btag.csv.gz"))
                .reader(BTagCalibration.SHAPE, "iterativefit"));
        // or, from correctionlib: BTagShapeSf.of(btagging.correction("deepJet_shape"))
        boolean[] central = {true, true, false, true};        // |eta| < 2.5 (jet 2 is forward)
        Map<String, double[]> w = BTagShapeWeights.eventWeights(shape, List.of("central", "up_hf", "down_cferr1"),
                offsets, hadronFlavour, eta, jetPt, btagDeepB, central);
        double[] wJesUp = BTagShapeWeights.eventWeights(shape, BTagShapeWeights.jesSystematic("FlavorQCD", Variation.UP),
                offsets, hadronFlavour, eta, jetPt /* the FlavorQCD-up jets' pt */, btagDeepB, central);
        // end::btag-shape[]
        assertThat(w.get("central")[0]).isNotEqualTo(1.0);
        // Event 1 has a single b jet: cferr leaves it at central.
        assertThat(w.get("down_cferr1")[1]).isEqualTo(w.get("central")[1]);
        assertThat(wJesUp).hasSize(2);

        // tag::btag-wp[]
        BTagCalibrationReader medium = BTagCalibration.read(jme("btag/DeepJet_102XSF_WP_V1.btag.csv.gz"))
                .reader(BTagCalibration.MEDIUM, "comb", "comb", "incl", OutOfRangePolicy.CMSSW);
        double[] absEta = {0.43, 1.62, 2.91, 0.05};
        double[] sf = new double[4];
        medium.evaluate("central", hadronFlavour, absEta, jetPt, null, 4, sf);
        BTagEfficiencyMap eff = BTagEfficiencyMap.of(new double[] {20, 50, 1000}, new double[] {0, 1.2, 2.5},
                new double[] {0.72, 0.68, 0.75, 0.70}, new double[] {0.14, 0.12, 0.15, 0.13},
                new double[] {0.012, 0.015, 0.011, 0.016});            // b, c, light: [pt bin][|eta| bin]
        boolean[] tagged = {true, false, false, true};               // btagDeepFlavB > medium threshold
        double[] wMedium = BTagFixedWpWeights.eventWeights(offsets, tagged, sf,
                eff.evaluate(hadronFlavour, jetPt, eta, 4), central);
        // end::btag-wp[]
        assertThat(wMedium[1]).isEqualTo(sf[3]);
    }

    @Test
    void leptonAndPileupWeights() {
        Path muonFile = TestData.shared("corrections/correctionlib/jsonpog/2018_UL/muon_Z.json.gz");
        Path electronFile = TestData.shared("corrections/correctionlib/jsonpog/2018_UL/electron.json.gz");
        Path puFile = TestData.shared("corrections/correctionlib/jsonpog/2018_UL/puWeights.json.gz");
        int[] muonOffsets = {0, 2, 2};
        float[] muonEta = {0.5f, -1.9f};
        float[] muonPt = {40f, 27f};
        int[] electronOffsets = {0, 0, 1};
        float[] electronEta = {1.1f};
        float[] electronPt = {45f};
        float[] nTrueInt = {20.0f, 35.3f};
        // tag::leptons-pileup[]
        ObjectScaleFactors muonId = ObjectScaleFactors.muon(
                CorrectionSet.load(muonFile).correction("NUM_TightID_DEN_TrackerMuons"), "2018_UL");
        EventWeights wMuon = muonId.eventWeights(muonOffsets, muonEta, muonPt, null);   // nominal, up, down

        ObjectScaleFactors electronId = ObjectScaleFactors.electron(
                CorrectionSet.load(electronFile).correction("UL-Electron-ID-SF"), "2018", "Tight");
        EventWeights wElectron = electronId.eventWeights(electronOffsets, electronEta, electronPt, null);

        PileupWeights pileup = PileupWeights.of(
                CorrectionSet.load(puFile).correction("Collisions18_UltraLegacy_goldenJSON"));
        EventWeights wPileup = pileup.evaluate(nTrueInt);                                // Pileup_nTrueInt
        // end::leptons-pileup[]
        assertThat(wMuon.nominal()[1]).isEqualTo(1.0);
        assertThat(wMuon.up()[0]).isGreaterThan(wMuon.down()[0]);
        assertThat(wElectron.nominal()[0]).isEqualTo(1.0);
        assertThat(wElectron.nominal()[1]).isCloseTo(0.9572413563728333, within(1e-12));
        assertThat(wPileup.nominal()[0]).isCloseTo(0.9464173719723038, within(1e-12));
    }

    @Test
    void lumiMask() {
        int[] dataRun = {297050, 297050, 297050};
        int[] dataLumi = {12, 150, 200};
        // tag::lumi[]
        LumiMask golden = LumiMask.read(jme("lumi/Cert_294927-306462_13TeV_EOY2017ReReco_Collisions17_JSON.txt"));
        boolean[] certified = golden.apply(dataRun, dataLumi, dataRun.length);   // run, luminosityBlock
        // end::lumi[]
        assertThat(certified).containsExactly(true, false, true);
    }

    @Test
    void rochesterMuonCorrections() {
        Path roccorFile = TestData.shared("corrections/rochester/RoccoR2018.txt.gz");
        // Muon_* branches of two events (two muons, one muon) and the GenPart_pt of their generator particles.
        int[] muonOffsets = {0, 2, 3};
        int[] charge = {1, -1, -1};
        float[] muonPt = {45.1f, 38.7f, 22.4f};
        float[] muonEta = {0.52f, -1.31f, 2.2f};
        float[] muonPhi = {2.1f, -0.9f, 0.3f};
        int[] nTrackerLayers = {13, 11, 9};
        int[] genPartIdx = {1, 0, -1};
        int[] genOffsets = {0, 2, 3};
        float[] genPartPt = {38.1f, 45.6f, 7.0f};
        EventIds ids = new EventIds(run, luminosityBlock, event);
        // tag::rochester[]
        RochesterCorrection roccor = RochesterCorrection.read(roccorFile);           // RoccoR2018.txt.gz
        MuonScale scale = new MuonScale(roccor);
        double[] kData = scale.data(charge, muonPt, muonEta, muonPhi, 0, 0);         // collision data
        float[] genPt = MuonScale.matchedGenPt(muonOffsets, genPartIdx, genOffsets, genPartPt);
        double[] kMc = scale.mc(muonOffsets, ids, charge, muonPt, muonEta, muonPhi, genPt, nTrackerLayers, 0, 0);
        double[] kMcError = scale.mcError(muonOffsets, ids, charge, muonPt, muonEta, muonPhi, genPt, nTrackerLayers);
        // corrected pt: muonPt[i] * k[i]; variations: muonPt[i] * (kMc[i] ± kMcError[i])
        // end::rochester[]
        assertThat(kData[0]).isEqualTo(roccor.kScaleDT(1, 45.1f, 0.52f, 2.1f, 0, 0));
        assertThat(kMc[0]).isEqualTo(roccor.kSpreadMC(1, 45.1f, 0.52f, 2.1f, 45.6f, 0, 0));
        assertThat(kMc[2]).isEqualTo(roccor.kSmearMC(-1, 22.4f, 2.2f, 0.3f, 9, MuonScale.uniform(ids, 1, 0), 0, 0));
        for (int i = 0; i < 3; i++) {
            assertThat(kData[i]).isBetween(0.99, 1.01);
            assertThat(kMc[i]).isBetween(0.9, 1.1);
            assertThat(kMcError[i]).isPositive().isLessThan(0.01);
        }
    }
}
