package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.corrections.jme.EventIds;
import org.crema.corrections.jme.GenJets;
import org.crema.corrections.jme.JesVariations;
import org.crema.corrections.jme.JetEnergyCorrection;
import org.crema.corrections.jme.JetFunction;
import org.crema.corrections.jme.JetSmearing;
import org.crema.corrections.jme.MetPropagation;
import org.crema.corrections.jme.Variation;
import org.crema.corrections.text.JetCorrectorParameters;
import org.crema.corrections.text.OutOfRangePolicy;
import org.crema.corrections.text.TextCorrection;
import org.crema.corrections.text.TextJerScaleFactor;
import org.crema.corrections.text.TextUncertainty;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.accumulate.Normalisation;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Type-1 MET propagation declared in YAML ({@code calibrations: MET: {type: met, jets: Jet}}) on the
 * bundled simulated tt̄ sample (NanoAODv12), against a plain double loop over the branches read with
 * the ROOT reader and jets calibrated with the correction kernels directly: nominal, JER and JES
 * up/down, a jet pt scale up/down and the unclustered energy up/down, for 1 and 2 workers.
 */
class MetConfigTest {
    static final String SAMPLE = "data/samples/nanoaod/nano_tt_v12.root";
    static final String CORRECTIONS = "data/corrections/";
    static final String JEC = "jec/Summer22_22Sep2023_V3_MC_";
    static final String JER = "jer/Summer22_22Sep2023_JRV1_MC_";
    static final String JUNC = "junc/RegroupedV2_Summer22_22Sep2023_V3_MC_UncertaintySources_AK4PFPuppi.junc.txt.gz";
    static final List<String> SOURCES = List.of("Absolute", "Total");
    static final float SCALE_SHIFT = 0.05f;
    static final double MET_CUT = 30;
    static final RegularAxis MET_AXIS = RegularAxis.of("met", 4000, 0, 400);
    static final RegularAxis PHI_AXIS = RegularAxis.of("phi", 6400, -3.2, 3.2);

    static Path root;

    @BeforeAll
    static void data() {
        TestData.file(SAMPLE);
        TestData.file(CORRECTIONS + JUNC);
        root = TestData.root();
    }

    /** Line 12 is the MET calibration, 13–17 the variations, 19 the cut. */
    static final String CONFIG = """
            parameters:
              corrections: {dir: data/corrections}
            datasets:
              fileset: data/filesets/ttbar.json
            calibrations:
              Jet:
                type: jets
                jec: ${jec.2022.levels}
                jerResolution: ${jer.2022.resolution}
                jerScaleFactor: ${jer.2022.scaleFactor}
                jesSources: ${jec.2022.uncertaintySources}
              MET: {type: met, jets: Jet}
            variations:
              JER: {type: jer, collection: Jet}
              JES: {type: jes, collection: Jet, sources: [Absolute, Total]}
              jetScale: {type: scale, collection: Jet, field: pt, shift: 0.05}
              unclustered: {type: unclustered, collection: MET}
            preselection:
              metAbove30: "MET_pt > 30"
            histograms:
              met: {expr: MET_pt, axis: {type: regular, name: met, bins: 4000, start: 0, stop: 400}}
              metPhi: {expr: MET_phi, axis: {type: regular, name: phi, bins: 6400, start: -3.2, stop: 3.2}}
            """;

    static AnalysisConfig parse(String text) {
        return AnalysisConfig.parse(text, "met.yaml", root);
    }

    // ------------------------------------------------------------------ results

    @Test
    void metFollowsEveryJetVariationAndTheUnclusteredEnergyBitForBit() {
        AnalysisConfig cfg = parse(CONFIG);
        assertThat(cfg.warnings()).isEmpty();
        Plain plain = Plain.read(root.resolve(SAMPLE), root.resolve(CORRECTIONS));
        Map<String, float[][]> expected = plain.metPerVariation();
        assertThat(expected.keySet()).containsExactly("nominal", "JERUp", "JERDown", "JES_AbsoluteUp",
                "JES_AbsoluteDown", "JES_TotalUp", "JES_TotalDown", "jetScaleUp", "jetScaleDown", "unclusteredUp",
                "unclusteredDown");
        for (int workers : new int[] {1, 2}) {
            RunConfig rc = RunConfig.defaults().withWorkers(workers).withChunkSize(workers == 1 ? 1_000_000 : 37)
                    .withProgress(false);
            AccumulatorMap result = new Runner(rc).run(cfg.processor(), cfg.fileset()).result();
            HistAccumulator hists = result.get("histograms", AccumulatorMap.class).get("TTbar_2022",
                    HistAccumulator.class);
            double factor = result.get("normalisation", Normalisation.class).entries().get("TTbar_2022").factor();
            for (Map.Entry<String, float[][]> v : expected.entrySet()) {
                float[] pt = v.getValue()[0];
                float[] phi = v.getValue()[1];
                boolean[] pass = new boolean[pt.length];
                int passing = 0;
                for (int e = 0; e < pt.length; e++) {
                    pass[e] = pt[e] > MET_CUT;
                    passing += pass[e] ? 1 : 0;
                }
                assertThat(passing).as(v.getKey()).isBetween(1, pt.length - 1);
                Hist wantPt = plain.fill(MET_AXIS, pt, pass, factor);
                Hist wantPhi = plain.fill(PHI_AXIS, phi, pass, factor);
                Hist gotPt = slice(hists.get("met"), v.getKey());
                Hist gotPhi = slice(hists.get("metPhi"), v.getKey());
                String as = v.getKey() + ", " + workers + " workers";
                assertThat(gotPt.values(true)).as(as).containsExactly(wantPt.values(true));
                assertThat(gotPt.variances(true)).as(as).containsExactly(wantPt.variances(true));
                assertThat(gotPhi.values(true)).as(as).containsExactly(wantPhi.values(true));
                assertThat(gotPhi.variances(true)).as(as).containsExactly(wantPhi.variances(true));
            }
        }
        // every variation moves the MET of some events, and the nominal moves it away from the stored one
        float[] nominal = expected.get("nominal")[0];
        assertThat(differing(nominal, plain.metPt)).isPositive();
        for (Map.Entry<String, float[][]> v : expected.entrySet()) {
            if (!v.getKey().equals("nominal")) {
                assertThat(differing(v.getValue()[0], nominal)).as(v.getKey()).isPositive();
            }
        }
    }

    @Test
    void collisionDataKeepsTheStoredMetAndUncalibratedJetsStillCarryTheirScaleVariation() {
        // no jet calibration: the MET follows the jet pt scale variation alone, in simulation only
        TestData.file("data/samples/nanoaod/nano_dy.root");
        TestData.file("data/samples/nanoaod/nano_dimuon.root");
        AnalysisConfig cfg = AnalysisConfig.parse("""
                datasets:
                  fileset: data/filesets/zmumu.json
                calibrations:
                  MET: {type: met, jets: Jet}
                variations:
                  jetScale: {type: scale, collection: Jet, field: pt, shift: 0.05}
                  jetStretch: {type: expression, collection: Jet, field: pt, up: "pt * float(1.07)",
                               down: "pt * float(0.93)"}
                  unclustered: {type: unclustered, collection: MET}
                histograms:
                  met: {expr: MET_pt, axis: {type: regular, name: met, bins: 4000, start: 0, stop: 400}}
                  metPhi: {expr: MET_phi, axis: {type: regular, name: phi, bins: 6400, start: -3.2, stop: 3.2}}
                """, "zmumu-met.yaml", root);
        assertThat(cfg.warnings()).isEmpty();
        for (int workers : new int[] {1, 2}) {
            RunConfig rc = RunConfig.defaults().withWorkers(workers).withChunkSize(workers == 1 ? 1_000_000 : 7)
                    .withProgress(false);
            AccumulatorMap result = new Runner(rc).run(cfg.processor(), cfg.fileset()).result();
            AccumulatorMap hists = result.get("histograms", AccumulatorMap.class);
            Plain data = Plain.stored(root.resolve("data/samples/nanoaod/nano_dimuon.root"));
            boolean[] all = new boolean[data.metPt.length];
            java.util.Arrays.fill(all, true);
            Hist dataMet = hists.get("DoubleMuon_2018", HistAccumulator.class).get("met");
            assertThat(slice(dataMet, "nominal").values(true)).as("%d workers", workers)
                    .containsExactly(data.fill(MET_AXIS, data.metPt, all, 1).values(true));
            assertThat(slice(hists.get("DoubleMuon_2018", HistAccumulator.class).get("metPhi"), "nominal")
                    .values(true)).containsExactly(data.fill(PHI_AXIS, data.metPhi, all, 1).values(true));

            Plain dy = Plain.stored(root.resolve("data/samples/nanoaod/nano_dy.root"));
            double factor = result.get("normalisation", Normalisation.class).entries().get("DYJetsToLL_M50_2018")
                    .factor();
            all = new boolean[dy.metPt.length];
            java.util.Arrays.fill(all, true);
            Map<String, float[][]> expected = new LinkedHashMap<>();
            expected.put("nominal", dy.met(dy.ptStored, 0));
            expected.put("jetScaleUp", dy.met(Plain.scaled(dy.ptStored, 1f + SCALE_SHIFT), 0));
            expected.put("jetScaleDown", dy.met(Plain.scaled(dy.ptStored, 1f - SCALE_SHIFT), 0));
            // an expression variation of the jets is a jet variation like any other: the MET follows it
            expected.put("jetStretchUp", dy.met(Plain.scaled(dy.ptStored, (float) 1.07), 0));
            expected.put("jetStretchDown", dy.met(Plain.scaled(dy.ptStored, (float) 0.93), 0));
            expected.put("unclusteredUp", dy.met(dy.ptStored, 1));
            expected.put("unclusteredDown", dy.met(dy.ptStored, -1));
            HistAccumulator got = hists.get("DYJetsToLL_M50_2018", HistAccumulator.class);
            for (Map.Entry<String, float[][]> v : expected.entrySet()) {
                String as = v.getKey() + ", " + workers + " workers";
                assertThat(slice(got.get("met"), v.getKey()).values(true)).as(as)
                        .containsExactly(dy.fill(MET_AXIS, v.getValue()[0], all, factor).values(true));
                assertThat(slice(got.get("metPhi"), v.getKey()).values(true)).as(as)
                        .containsExactly(dy.fill(PHI_AXIS, v.getValue()[1], all, factor).values(true));
            }
            assertThat(differing(expected.get("jetScaleUp")[0], expected.get("nominal")[0])).isPositive();
            assertThat(differing(expected.get("jetStretchDown")[0], expected.get("nominal")[0])).isPositive();
        }
    }

    @Test
    void thePlainLoopIsTheCorrectionsLibrarysPropagation() {
        // the reference loop above and MetPropagation.propagate are the same recipe, to the last bit
        Plain plain = Plain.read(root.resolve(SAMPLE), root.resolve(CORRECTIONS));
        float[] nominal = plain.metPerVariation().get("nominal")[0];
        double[] ptOld = new double[plain.ptStored.length];
        double[] ptNew = new double[ptOld.length];
        float[] em = new float[ptOld.length];
        float[] calibrated = toFloats(plain.nominalPt);
        for (int i = 0; i < ptOld.length; i++) {
            ptOld[i] = plain.ptStored[i];
            ptNew[i] = calibrated[i];
            em[i] = plain.chEmEF[i] + plain.neEmEF[i];
        }
        MetPropagation.Met lib = MetPropagation.propagate(plain.metPt, plain.metPhi, plain.offsets, plain.phi, ptOld,
                ptNew, em, MetPropagation.Selection.type1());
        for (int e = 0; e < nominal.length; e++) {
            assertThat(nominal[e]).as("event %d", e).isEqualTo((float) lib.pt()[e]);
        }
    }

    // ------------------------------------------------------------------ validation

    static String first(String text) {
        ConfigException e = fail(text);
        Diagnostic d = e.diagnostics().get(0);
        return d.where() + ": " + d.message();
    }

    static ConfigException fail(String text) {
        try {
            parse(text);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for\n" + text);
    }

    static String withMet(String line) {
        return CONFIG.replace("  MET: {type: met, jets: Jet}", line);
    }

    @Test
    void unknownJetCollectionIsReportedWithASuggestion() {
        assertThat(first(withMet("  MET: {type: met, jets: Jets}"))).isEqualTo("met.yaml:12:26: calibration 'MET'"
                + " jets: no input collection 'Jets'; did you mean 'Jet'?; expected the jet collection the MET"
                + " follows, e.g. Jet");
        assertThat(first(withMet("  MET: {type: met}"))).isEqualTo("met.yaml:12:8: calibration 'MET' needs 'jets'");
        assertThat(first(withMet("  MET: {type: met, jets: Jet, jec: x.txt}"))).isEqualTo("met.yaml:12:31:"
                + " calibration 'MET': 'jec' is not a key of a met calibration; expected 'type' and 'jets'");
        assertThat(first(CONFIG.replace("    type: jets\n", "    type: jets\n    jets: Jet\n"))).isEqualTo(
                "met.yaml:8:5: calibration 'Jet': 'jets' is a key of a met calibration; the MET follows these jets"
                        + " with a separate entry, e.g. MET: {type: met, jets: Jet}");
    }

    @Test
    void missingBranchesAreReportedBeforeAnyEventIsRead() {
        assertThat(first(withMet("  MTE: {type: met, jets: Jet}").replace("collection: MET}", "collection: MTE}")))
                .isEqualTo("met.yaml:12:3: calibration 'MTE': the input has no branch MTE_pt, which MET propagation"
                        + " needs; did you mean 'MET_pt'?");
        assertThat(first(withMet("  HTXS_Higgs: {type: met, jets: Jet}")
                .replace("collection: MET}", "collection: HTXS_Higgs}")))
                .isEqualTo("met.yaml:12:3: calibration 'HTXS_Higgs': the input has no branch HTXS_Higgs_phi, which"
                        + " MET propagation needs; did you mean 'HTXS_Higgs_pt'?");
        assertThat(first(withMet("  MET: {type: met, jets: GenJet}"))).isEqualTo("met.yaml:12:26: calibration 'MET'"
                + " jets: GenJet has no field 'chEmEF', which the type-1 jet selection needs");
        assertThat(first(withMet("  PuppiMET: {type: met, jets: Jet}")
                .replace("collection: MET}", "collection: PuppiMET}"))).isEqualTo("met.yaml:17:3: variation"
                        + " 'unclustered': the input has no branch PuppiMET_MetUnclustEnUpDeltaX, which the"
                        + " unclustered-energy variation needs; did you mean 'MET_MetUnclustEnUpDeltaX'?");
        // the error points at the variations map; line 12 is left empty
        assertThat(first(withMet(""))).isEqualTo("met.yaml:14:3: variation 'unclustered' (unclustered) needs a"
                + " calibration of MET under 'calibrations'");
    }

    @Test
    void theLintWarnsOnlyWhileTheMetReadDoesNotFollowTheJets() {
        assertThat(parse(CONFIG).warnings()).isEmpty();
        String unpropagated = withMet("").replace("  unclustered: {type: unclustered, collection: MET}\n", "");
        // (line 12 is left empty, so the variations stay on their lines)
        assertThat(parse(unpropagated).warnings()).extracting(d -> d.where() + ": " + d.message()).containsExactly(
                "met.yaml:15:3: variation 'JES' changes jets but MET is used and is not recomputed; the jet shift is"
                        + " not propagated to MET",
                "met.yaml:16:3: variation 'jetScale' changes jets but MET is used and is not recomputed; the jet"
                        + " shift is not propagated to MET");
        // MET follows the jets, but a histogram reads PuppiMET, which does not
        String puppi = CONFIG.replace("expr: MET_phi", "expr: PuppiMET_phi");
        assertThat(parse(puppi).warnings()).extracting(d -> d.where() + ": " + d.message()).containsExactly(
                "met.yaml:15:3: variation 'JES' changes jets but MET is used and is not recomputed; the jet shift is"
                        + " not propagated to MET",
                "met.yaml:16:3: variation 'jetScale' changes jets but MET is used and is not recomputed; the jet"
                        + " shift is not propagated to MET");
    }

    static Hist slice(Hist h, String variation) {
        return h.at("category", "baseline").at(Hist.VARIATION_AXIS, variation);
    }

    static int differing(float[] a, float[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n;
    }

    static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /**
     * The sample's branches, read with the ROOT reader, and the jets calibrated with the correction
     * kernels, in the order the file stores them.
     */
    static final class Plain {
        int[] offsets;
        float[] ptStored;
        float[] phi;
        float[] chEmEF;
        float[] neEmEF;
        float[] metPt;
        float[] metPhi;
        float[] unclX;
        float[] unclY;
        double[] genWeight;
        double[] jecPt;
        double[] nominalPt;
        JetSmearing.Result smearing;
        JesVariations.Result jes;

        /** The stored jets and MET; genWeight 1 for collision data. */
        static Plain stored(Tree t) {
            Plain p = new Plain();
            long n = t.entries();
            ListColumn<?> jetPt = (ListColumn<?>) t.read("Jet_pt", 0, n);
            p.offsets = jetPt.zeroBasedOffsets();
            p.ptStored = jagged(jetPt);
            p.phi = jagged(t.read("Jet_phi", 0, n));
            p.chEmEF = jagged(t.read("Jet_chEmEF", 0, n));
            p.neEmEF = jagged(t.read("Jet_neEmEF", 0, n));
            p.metPt = flat(t.read("MET_pt", 0, n));
            p.metPhi = flat(t.read("MET_phi", 0, n));
            p.unclX = flat(t.read("MET_MetUnclustEnUpDeltaX", 0, n));
            p.unclY = flat(t.read("MET_MetUnclustEnUpDeltaY", 0, n));
            p.genWeight = new double[(int) n];
            java.util.Arrays.fill(p.genWeight, 1.0);
            if (t.has("genWeight")) {
                PrimitiveColumn gw = (PrimitiveColumn) t.read("genWeight", 0, n);
                for (int i = 0; i < n; i++) {
                    p.genWeight[i] = gw.getDouble(i);
                }
            }
            return p;
        }

        static Plain stored(Path file) {
            try (RootFile f = RootFile.open(file)) {
                return stored(f.tree("Events"));
            }
        }

        static Plain read(Path file, Path corrections) {
            Plain p;
            try (RootFile f = RootFile.open(file)) {
                Tree t = f.tree("Events");
                long n = t.entries();
                p = stored(t);
                float[] eta = jagged(t.read("Jet_eta", 0, n));
                float[] mass = jagged(t.read("Jet_mass", 0, n));
                float[] rho = flat(t.read("Rho_fixedGridRhoFastjetAll", 0, n));
                JetFunction jec = JetFunction.chain(List.of(level(corrections, JEC + "L1FastJet_AK4PFPuppi.jec.txt.gz"),
                        level(corrections, JEC + "L2Relative_AK4PFPuppi.jec.txt.gz"),
                        level(corrections, JEC + "L3Absolute_AK4PFPuppi.jec.txt.gz")));
                JetEnergyCorrection.Result corrected = JetEnergyCorrection.reapply(jec, p.offsets, p.ptStored, eta, mass,
                        jagged(t.read("Jet_rawFactor", 0, n)), jagged(t.read("Jet_area", 0, n)), rho);
                TextJerScaleFactor sf = TextJerScaleFactor.of(
                        JetCorrectorParameters.read(corrections.resolve(JER + "SF_AK4PFPuppi.jersf.txt.gz")));
                JetSmearing.Jer jer = new JetSmearing.Jer(level(corrections, JER + "PtResolution_AK4PFPuppi.jr.txt.gz"),
                        JetFunction.of(sf, Variation.NOMINAL), JetFunction.of(sf, Variation.UP),
                        JetFunction.of(sf, Variation.DOWN));
                ListColumn<?> genPt = (ListColumn<?>) t.read("GenJet_pt", 0, n);
                GenJets gen = new GenJets(genPt.zeroBasedOffsets(), jagged(genPt), jagged(t.read("GenJet_eta", 0, n)),
                        jagged(t.read("GenJet_phi", 0, n)));
                EventIds ids = new EventIds(ints(t.read("run", 0, n)), ints(t.read("luminosityBlock", 0, n)),
                        longs(t.read("event", 0, n)));
                int[] genJetIdx = ints(((ListColumn<?>) t.read("Jet_genJetIdx", 0, n)).flatContent());
                p.jecPt = corrected.pt();
                p.smearing = JetSmearing.smear(jer, JetSmearing.Settings.ak4(), p.offsets, corrected.pt(),
                        corrected.mass(), eta, p.phi, rho, genJetIdx, gen, ids, null);
                p.nominalPt = p.smearing.apply(corrected.pt(), Variation.NOMINAL);
                Map<String, TextUncertainty> all = TextUncertainty.readSources(corrections.resolve(JUNC),
                        OutOfRangePolicy.CMSSW);
                Map<String, JetFunction> sources = new LinkedHashMap<>();
                SOURCES.forEach(s -> sources.put(s, JetFunction.of(all.get(s))));
                p.jes = JesVariations.evaluate(sources, p.offsets, p.nominalPt, eta);
            }
            return p;
        }

        /** Variation → {MET pt, MET φ} per event, in float as the branches. */
        Map<String, float[][]> metPerVariation() {
            float[] nominal = toFloats(nominalPt);
            Map<String, float[][]> out = new LinkedHashMap<>();
            out.put("nominal", met(nominal, 0));
            out.put("JERUp", met(toFloats(smearing.apply(jecPt, Variation.UP)), 0));
            out.put("JERDown", met(toFloats(smearing.apply(jecPt, Variation.DOWN)), 0));
            for (String s : SOURCES) {
                out.put("JES_" + s + "Up", met(toFloats(jes.apply(s, nominalPt, Variation.UP)), 0));
                out.put("JES_" + s + "Down", met(toFloats(jes.apply(s, nominalPt, Variation.DOWN)), 0));
            }
            out.put("jetScaleUp", met(scaled(nominal, 1f + SCALE_SHIFT), 0));
            out.put("jetScaleDown", met(scaled(nominal, 1f - SCALE_SHIFT), 0));
            out.put("unclusteredUp", met(nominal, 1));
            out.put("unclusteredDown", met(nominal, -1));
            return out;
        }

        /** The stored MET minus each selected jet's change of pt, plus the unclustered shift. */
        float[][] met(float[] ptNew, int unclustered) {
            int n = metPt.length;
            float[] pt = new float[n];
            float[] ph = new float[n];
            for (int e = 0; e < n; e++) {
                double x = metPt[e] * StrictMath.cos(metPhi[e]);
                double y = metPt[e] * StrictMath.sin(metPhi[e]);
                for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                    if (ptNew[i] > 15 && chEmEF[i] + neEmEF[i] < 0.9) {
                        x -= ((double) ptNew[i] - ptStored[i]) * StrictMath.cos(phi[i]);
                        y -= ((double) ptNew[i] - ptStored[i]) * StrictMath.sin(phi[i]);
                    }
                }
                if (unclustered != 0) {
                    x += unclustered * (double) unclX[e];
                    y += unclustered * (double) unclY[e];
                }
                pt[e] = (float) Math.hypot(x, y);
                ph[e] = (float) Math.atan2(y, x);
            }
            return new float[][] {pt, ph};
        }

        /** The events passing the cut, weighted by genWeight and scaled as the runner scales simulation. */
        Hist fill(RegularAxis axis, float[] values, boolean[] pass, double factor) {
            Hist h = Hist.of(org.crema.hist.Storage.WEIGHT, axis);
            for (int e = 0; e < values.length; e++) {
                if (pass[e]) {
                    h.fillWeighted(new double[] {genWeight[e]}, new double[] {values[e]});
                }
            }
            return factor == 1 ? h : h.scale(factor);
        }

        static float[] scaled(float[] v, float factor) {
            float[] out = new float[v.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = v[i] * factor;
            }
            return out;
        }

        static JetFunction level(Path dir, String file) {
            return JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(dir.resolve(file))));
        }

        static float[] jagged(Column c) {
            return flat(((ListColumn<?>) c).flatContent());
        }

        static float[] flat(Column c) {
            PrimitiveColumn p = (PrimitiveColumn) c;
            float[] out = new float[p.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) p.getDouble(i);
            }
            return out;
        }

        static int[] ints(Column c) {
            PrimitiveColumn p = (PrimitiveColumn) c;
            int[] out = new int[p.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) p.getLong(i);
            }
            return out;
        }

        static long[] longs(Column c) {
            PrimitiveColumn p = (PrimitiveColumn) c;
            long[] out = new long[p.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = p.getLong(i);
            }
            return out;
        }
    }
}
