package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Arith;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.correctionlib.CorrectionSet;
import org.crema.correctionlib.Corrector;
import org.crema.corrections.btag.BTagFixedWpWeights;
import org.crema.corrections.btag.BTagShapeSf;
import org.crema.corrections.btag.BTagShapeWeights;
import org.crema.corrections.weights.EventWeights;
import org.crema.corrections.weights.ObjectScaleFactors;
import org.crema.corrections.weights.PileupWeights;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.analysis.Categories;
import org.crema.processor.analysis.PackedSelection;
import org.crema.processor.analysis.Weights;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.Muons;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pileup, muon ID and b-tag (shape and fixed working point) weights declared in YAML, on the DY
 * sample with the 2018 UL POG payloads, against a hand-written processor that calls the
 * corrections module directly.
 */
class CorrectionWeightsConfigTest {
    static final String POG = "../shared/data/corrections/correctionlib/jsonpog/2018_UL/";
    static Path root;

    @BeforeAll
    static void data() {
        TestData.file("data/samples/nanoaod/nano_dy.root");
        TestData.file(POG + "puWeights.json.gz");
        TestData.file(POG + "muon_Z.json.gz");
        TestData.file(POG + "btagging.json.gz");
        root = TestData.root();
    }

    static String config(String weightExtras) {
        return """
                datasets:
                  fileset: data/filesets/zmumu.json
                parameters:
                  corrections: {dir: %s}
                skim:
                  twoMuons: "nMuon >= 2"
                objects:
                  GoodMuon: {from: Muon, where: "pt > 15 && abs(eta) < 2.4 && tightId && pfRelIso04_all < 0.15"}
                  GoodJet: {from: Jet, where: "pt > 30 && abs(eta) < 2.4"}
                variables:
                  nGoodMuon: "count(GoodMuon)"
                  dimuonMass: "(GoodMuon[0] + GoodMuon[1]).mass"
                  chargeProduct: "GoodMuon[0].charge * GoodMuon[1].charge"
                preselection:
                  twoGoodMuons: "nGoodMuon >= 2"
                  oppositeSign: "chargeProduct < 0"
                cuts:
                  zWindow: "dimuonMass > 60 && dimuonMass < 120"
                categories:
                  standard: {baseline: [], zWindow: [zWindow]}
                weights:
                  pileup: {type: pileup, file: puWeights.json.gz, correction: Collisions18_UltraLegacy_goldenJSON}
                  muonId:
                    type: leptonSF
                    collection: GoodMuon
                    file: muon_Z.json.gz
                    correction: NUM_TightID_DEN_TrackerMuons
                    year: 2018_UL
                    ptRange: [15, 119]
                %s
                  btag:
                    type: btagShape
                    collection: GoodJet
                    file: btagging.json.gz
                    correction: deepJet_shape
                    discriminant: btagDeepFlavB
                    systematics: [hf, lf]
                  btagM:
                    type: btagWP
                    collection: GoodJet
                    file: btagging.json.gz
                    correction: deepJet_comb
                    lightCorrection: deepJet_incl
                    workingPoint: M
                    discriminant: btagDeepFlavB
                    threshold: ${btag.deepJet.2018.medium}
                    efficiency: {b: 0.7, c: 0.2, light: 0.02}
                histograms:
                  dimuonMass:
                    expr: dimuonMass
                    axis: {type: regular, name: mass, bins: 60, start: 0, stop: 150}
                """.formatted(POG, weightExtras);
    }

    static AccumulatorMap run(AnalysisConfig cfg, int workers) {
        RunConfig rc = RunConfig.defaults().withWorkers(workers).withChunkSize(workers == 1 ? 1_000_000 : 7)
                .withProgress(false);
        return new Runner(rc).run(cfg.processor(), cfg.fileset()).result();
    }

    @Test
    void correctionWeightsGiveTheHandWrittenProcessorsHistogramsBitForBit() {
        AnalysisConfig cfg = AnalysisConfig.parse(config(""), "weights.yaml", root);
        assertThat(cfg.warnings()).isEmpty();
        for (int workers : new int[] {1, 2}) {
            RunConfig rc = RunConfig.defaults().withWorkers(workers).withChunkSize(workers == 1 ? 1_000_000 : 7)
                    .withProgress(false);
            AccumulatorMap java = new Runner(rc).run(new Reference(root.resolve(POG)), cfg.fileset()).result();
            AccumulatorMap yaml = run(cfg, workers);
            assertThat(yaml).isEqualTo(java);
            // the weights did something: the muon ID variation moves the Z peak's content
            Hist h = hist(yaml);
            assertThat(Arrays.stream(slice(h, "zWindow", "muonIdUp")).sum())
                    .isNotEqualTo(Arrays.stream(slice(h, "zWindow", "nominal")).sum());
        }
    }

    @Test
    void aWeightRestrictedToCategoriesWeighsOnlyThose() {
        AnalysisConfig everywhere = AnalysisConfig.parse(config(""), "weights.yaml", root);
        AnalysisConfig restricted = AnalysisConfig.parse(config("    categories: [zWindow]\n"), "weights.yaml", root);
        AccumulatorMap all = run(everywhere, 1);
        AccumulatorMap some = run(restricted, 1);
        Hist a = hist(all);
        Hist s = hist(some);
        // in zWindow both carry the muon ID factor: identical, nominal and every variation
        for (String v : List.of("nominal", "muonIdUp", "muonIdDown", "pileupUp", "btag_hfUp", "btagMDown")) {
            assertThat(slice(s, "zWindow", v)).isEqualTo(slice(a, "zWindow", v));
        }
        // in baseline the restricted one does not: its muonId variations equal its nominal, and the
        // factor changes the baseline histogram
        assertThat(slice(s, "baseline", "muonIdUp")).isEqualTo(slice(s, "baseline", "nominal"));
        assertThat(slice(s, "baseline", "nominal")).isNotEqualTo(slice(a, "baseline", "nominal"));
        assertThat(slice(a, "baseline", "muonIdUp")).isNotEqualTo(slice(a, "baseline", "nominal"));
    }

    static Hist hist(AccumulatorMap result) {
        return result.get("histograms", AccumulatorMap.class).get("DYJetsToLL_M50_2018", HistAccumulator.class)
                .get("dimuonMass");
    }

    /** @return the bin contents of one category and variation, flow bins included */
    static double[] slice(Hist h, String category, String variation) {
        return h.select("category", category).select(Hist.VARIATION_AXIS, variation).project("mass").values(true);
    }

    /** The same selection and weights written against the corrections module. */
    static final class Reference extends AnalysisProcessor {
        private static final long serialVersionUID = 1L;
        private final String pog;
        private transient volatile Corrections corr;

        record Corrections(PileupWeights pu, ObjectScaleFactors muonId, BTagShapeSf shape, Corrector comb,
                Corrector incl) {
        }

        Reference(Path pog) {
            this.pog = pog.toString();
        }

        private Corrections corr() {
            if (corr == null) {
                CorrectionSet btag = CorrectionSet.load(Path.of(pog, "btagging.json.gz"));
                corr = new Corrections(
                        PileupWeights.of(CorrectionSet.load(Path.of(pog, "puWeights.json.gz"))
                                .corrector("Collisions18_UltraLegacy_goldenJSON")),
                        ObjectScaleFactors.muon(CorrectionSet.load(Path.of(pog, "muon_Z.json.gz"))
                                .corrector("NUM_TightID_DEN_TrackerMuons"), "2018_UL").withPtRange(15, 119),
                        BTagShapeSf.of(btag.corrector("deepJet_shape")), btag.corrector("deepJet_comb"),
                        btag.corrector("deepJet_incl"));
            }
            return corr;
        }

        @Override
        protected void skim(Events events, PackedSelection skim) {
            skim.add("twoMuons", events.counts("Muon").ge(2));
        }

        @Override
        protected void selectObjects(AnalysisContext ctx) {
            Muons mu = ctx.muons();
            ctx.set("GoodMuon", mu.filter(mu.pt().gt(15f).and(mu.eta().abs().lt(2.4f)).and(mu.isTight())
                    .and(mu.pfRelIso04All().lt(0.15f))));
            Jets j = ctx.jets();
            ctx.set("GoodJet", j.filter(j.pt().gt(30f).and(j.eta().abs().lt(2.4f))));
        }

        @Override
        protected void defineVariables(AnalysisContext ctx) {
            Muons good = ctx.get("GoodMuon", Muons.class);
            ctx.setVariable("nGoodMuon", good.counts());
            ctx.setVariable("dimuonMass", good.get(0).add(good.get(1)).mass());
            ctx.setVariable("chargeProduct", Arith.mul(good.charge().at(0, 0), good.charge().at(1, 0)));
        }

        @Override
        protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
            cuts.add("twoGoodMuons", ctx.variable("nGoodMuon", IntColumn.class).ge(2));
            cuts.add("oppositeSign", ctx.variable("chargeProduct", IntColumn.class).lt(0));
        }

        @Override
        protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
            DoubleColumn m = ctx.variable("dimuonMass", DoubleColumn.class);
            cuts.add("zWindow", m.gt(60).and(m.lt(120)));
        }

        @Override
        protected Categories categories() {
            Map<String, List<String>> c = new LinkedHashMap<>();
            c.put("baseline", List.of());
            c.put("zWindow", List.of("zWindow"));
            return Categories.standard(c);
        }

        @Override
        protected void weights(AnalysisContext ctx, Weights weights) {
            super.weights(ctx, weights);
            if (!ctx.dataset().isMC()) {
                return;
            }
            Corrections c = corr();
            EventWeights pu = c.pu().evaluate(((FloatColumn) ctx.events().column("Pileup_nTrueInt")).toArray());
            weights.add("pileup", pu.nominal(), pu.up(), pu.down());
            Muons mu = ctx.get("GoodMuon", Muons.class);
            EventWeights id = c.muonId().eventWeights(mu.pt().zeroBasedOffsets(), flat(mu.eta()), flat(mu.pt()), null);
            weights.add("muonId", id.nominal(), id.up(), id.down());
            Jets j = ctx.get("GoodJet", Jets.class);
            int[] off = j.pt().zeroBasedOffsets();
            int[] flav = ((IntColumn) j.hadronFlavour().flatContent()).toArray();
            float[] eta = flat(j.eta());
            float[] pt = flat(j.pt());
            float[] disc = flat(j.btagDeepFlavB());
            double[] ptd = new double[pt.length];
            for (int i = 0; i < pt.length; i++) {
                ptd[i] = pt[i];
            }
            Map<String, double[]> shape = BTagShapeWeights.eventWeights(c.shape(),
                    List.of("central", "up_hf", "down_hf", "up_lf", "down_lf"), off, flav, eta, ptd, disc, null);
            weights.addMultiVariation("btag", shape.get("central"), List.of("hf", "lf"),
                    List.of(shape.get("up_hf"), shape.get("up_lf")), List.of(shape.get("down_hf"), shape.get("down_lf")));
            boolean[] tagged = new boolean[pt.length];
            double[] eff = new double[pt.length];
            double[][] sf = new double[3][pt.length];
            String[] sys = {"central", "up", "down"};
            for (int i = 0; i < pt.length; i++) {
                tagged[i] = disc[i] > 0.2783f;
                int f = flav[i] == 5 || flav[i] == 4 ? flav[i] : 0;
                eff[i] = f == 5 ? 0.7 : f == 4 ? 0.2 : 0.02;
                for (int k = 0; k < 3; k++) {
                    sf[k][i] = (f == 0 ? c.incl() : c.comb()).evaluate(sys[k], "M", f, (double) Math.abs(eta[i]),
                            (double) pt[i]);
                }
            }
            weights.add("btagM", BTagFixedWpWeights.eventWeights(off, tagged, sf[0], eff, null),
                    BTagFixedWpWeights.eventWeights(off, tagged, sf[1], eff, null),
                    BTagFixedWpWeights.eventWeights(off, tagged, sf[2], eff, null));
        }

        private static float[] flat(ListColumn<FloatColumn> c) {
            return ((FloatColumn) c.flatContent()).toArray();
        }

        @Override
        protected List<HistogramSpec> histograms() {
            return List.of(new HistogramSpec("dimuonMass", RegularAxis.of("mass", 60, 0, 150),
                    ctx -> ctx.variable("dimuonMass")));
        }
    }
}
