package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.analysis.Categories;
import org.crema.processor.analysis.PackedSelection;
import org.crema.processor.nano.Muons;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shape variations given by an expression, on the DY sample read as two simulated datasets (so the
 * {@code datasets} and {@code samples} restrictions have something to select), against a processor
 * that varies the muons in a plain loop over the branches, in the arithmetic docs/configs.md states.
 */
class ExpressionVariationConfigTest {
    static final String SAMPLE = "data/samples/nanoaod/nano_dy.root";
    static Path root;

    @BeforeAll
    static void data() {
        TestData.file(SAMPLE);
        root = TestData.root();
    }

    static String config(Path file) {
        return """
                datasets:
                  inline:
                    DY_a:
                      files: ["%1$s"]
                      metadata: {sample: DYJetsToLL, year: "2018", isMC: true, xsec: 6077.22}
                    DY_b:
                      files: ["%1$s"]
                      metadata: {sample: DYOther, year: "2018", isMC: true, xsec: 6077.22}
                parameters:
                  muonResolution: 0.02
                skim:
                  twoMuons: "nMuon >= 2"
                variations:
                  muonResolution:
                    type: expression
                    collection: Muon
                    field: pt
                    up: "Muon.pt * (1 + ${muonResolution} * abs(Muon.eta))"
                    down: "pt * (1 - ${muonResolution} * abs(eta))"
                    datasets: [DY_b]
                  muonMassUp:
                    type: expression
                    collection: Muon
                    field: mass
                    up: "Muon.mass * 2 + float(nMuon)"
                    samples: [DYJetsToLL]
                objects:
                  GoodMuon: {from: Muon, where: "pt > 10 && abs(eta) < 2.4"}
                variables:
                  nGoodMuon: "count(GoodMuon)"
                  dimuonMass: "(GoodMuon[0] + GoodMuon[1]).mass"
                  leadingPt: "GoodMuon[0].pt"
                preselection:
                  twoGoodMuons: "nGoodMuon >= 2"
                histograms:
                  dimuonMass:
                    expr: dimuonMass
                    axis: {type: regular, name: mass, bins: 15000, start: 0, stop: 150}
                  leadingPt:
                    expr: leadingPt
                    axis: {type: regular, name: pt, bins: 20000, start: 0, stop: 200}
                """.formatted(file);
    }

    static AccumulatorMap run(AnalysisProcessor p, AnalysisConfig cfg, int workers) {
        RunConfig rc = RunConfig.defaults().withWorkers(workers).withChunkSize(workers == 1 ? 1_000_000 : 7)
                .withProgress(false);
        return new Runner(rc).run(p, cfg.fileset()).result();
    }

    @Test
    void expressionVariationsGiveThePlainLoopsHistogramsBitForBit() {
        AnalysisConfig cfg = AnalysisConfig.parse(config(root.resolve(SAMPLE)), "expression.yaml", root);
        assertThat(cfg.warnings()).extracting(d -> d.where() + ": " + d.message()).containsExactly(
                "expression.yaml:25:10: variation 'muonMassUp' has only an up expression and runs as the single"
                        + " variation 'muonMassUp'; a one-sided variation is usually symmetrised by hand: add 'down'");
        for (int workers : new int[] {1, 2}) {
            AccumulatorMap yaml = run(cfg.processor(), cfg, workers);
            assertThat(yaml).as("%d workers", workers).isEqualTo(run(new Reference(), cfg, workers));
        }
        AccumulatorMap yaml = run(cfg.processor(), cfg, 1);
        // each dataset ran only the variations its restrictions select
        assertThat(variations(hist(yaml, "DY_a", "dimuonMass"))).containsExactly("nominal", "muonMassUp");
        assertThat(variations(hist(yaml, "DY_b", "dimuonMass")))
                .containsExactly("nominal", "muonResolutionUp", "muonResolutionDown");
        // and each moved what it varies
        Hist pt = hist(yaml, "DY_b", "leadingPt");
        assertThat(slice(pt, "muonResolutionUp", "pt")).isNotEqualTo(slice(pt, "nominal", "pt"));
        assertThat(slice(pt, "muonResolutionDown", "pt")).isNotEqualTo(slice(pt, "muonResolutionUp", "pt"));
        Hist mass = hist(yaml, "DY_a", "dimuonMass");
        assertThat(slice(mass, "muonMassUp", "mass")).isNotEqualTo(slice(mass, "nominal", "mass"));
        Hist leadA = hist(yaml, "DY_a", "leadingPt");
        assertThat(slice(leadA, "muonMassUp", "pt")).isEqualTo(slice(leadA, "nominal", "pt"));
    }

    /**
     * On the AGC ttbar configuration, whose jets are recalibrated (JEC, JER): an expression that
     * multiplies the calibrated pt by the float 1.03 fills every histogram exactly as the {@code scale}
     * variation with {@code factor: 1.03}, which multiplies in float after calibration.
     */
    @Test
    void anExpressionSeesTheCalibratedJetsAsTheScaleVariationDoes() throws java.io.IOException {
        TestData.file("data/samples/nanoaod/nano_tt_v12.root");
        TestData.file("data/corrections/junc/RegroupedV2_Summer22_22Sep2023_V3_MC_UncertaintySources_AK4PFPuppi.junc.txt.gz");
        Path example = TestData.file("configs/examples/ttbar.yaml");
        String text = java.nio.file.Files.readString(example).replace("\nvariations:\n", """

                variations:
                  viaScale: {type: scale, collection: Jet, field: pt, factor: 1.03}
                  viaExpression: {type: expression, collection: Jet, field: pt, up: "pt * float(1.03)"}
                """);
        AnalysisConfig cfg = AnalysisConfig.parse(text, "ttbar.yaml", example.getParent());
        AccumulatorMap result = run(cfg.processor(), cfg, 2);
        AccumulatorMap histograms = result.get("histograms", AccumulatorMap.class);
        int compared = 0;
        for (String dataset : histograms.entries().keySet()) {
            HistAccumulator hists = histograms.get(dataset, HistAccumulator.class);
            for (String name : hists.names()) {
                Hist h = hists.get(name);
                if (!variations(h).contains("viaScale")) {
                    continue; // collision data: no shape variations
                }
                Hist scale = h.select(Hist.VARIATION_AXIS, "viaScale");
                Hist expression = h.select(Hist.VARIATION_AXIS, "viaExpression");
                assertThat(expression.values(true)).as(dataset + "/" + name).isEqualTo(scale.values(true));
                assertThat(expression.variances(true)).as(dataset + "/" + name).isEqualTo(scale.variances(true));
                assertThat(expression.values(true)).as(dataset + "/" + name)
                        .isNotEqualTo(h.select(Hist.VARIATION_AXIS, "nominal").values(true));
                compared++;
            }
        }
        assertThat(compared).isPositive();
    }

    @Test
    void listsOfAnotherLengthStopTheRunNamingTheVariation() {
        String yaml = config(root.resolve(SAMPLE)).replace("up: \"Muon.mass * 2 + float(nMuon)\"",
                "up: \"Muon[1:].mass\"");
        AnalysisConfig cfg = AnalysisConfig.parse(yaml, "expression.yaml", root);
        // DY_a's first skimmed event has at least two muons, and the slice drops the first
        assertThatThrownBy(() -> run(cfg.processor(), cfg, 1))
                .hasStackTraceContaining("variation 'muonMassUp': event 0 of the chunk has ")
                .hasStackTraceContaining("; the expression must give one number per object of the varied collection");
    }

    static Hist hist(AccumulatorMap result, String dataset, String name) {
        return result.get("histograms", AccumulatorMap.class).get(dataset, HistAccumulator.class).get(name);
    }

    static List<String> variations(Hist h) {
        return ((org.crema.hist.StrCategoryAxis) h.axis(Hist.VARIATION_AXIS)).categories();
    }

    static double[] slice(Hist h, String variation, String axis) {
        return h.select("category", "baseline").select(Hist.VARIATION_AXIS, variation).project(axis).values(true);
    }

    /** The same analysis with the muons varied one by one. */
    static final class Reference extends AnalysisProcessor {
        private static final long serialVersionUID = 1L;

        @Override
        protected void skim(Events events, PackedSelection skim) {
            skim.add("twoMuons", events.counts("Muon").ge(2));
        }

        @Override
        protected List<String> shapeVariations(DatasetInfo dataset) {
            return dataset.name().equals("DY_b") ? List.of("muonResolutionUp", "muonResolutionDown")
                    : List.of("muonMassUp");
        }

        @Override
        protected void calibrate(AnalysisContext ctx) {
            if (ctx.isNominal()) {
                return;
            }
            ListColumn<RecordColumn> muons = ctx.collection("Muon", "pt", "eta", "phi", "mass");
            RecordColumn m = (RecordColumn) muons.flatContent();
            int[] off = muons.zeroBasedOffsets();
            float[] pt = ((FloatColumn) m.field("pt")).toArray();
            float[] eta = ((FloatColumn) m.field("eta")).toArray();
            float[] mass = ((FloatColumn) m.field("mass")).toArray();
            int[] nMuon = ints(ctx.events().column("nMuon"));
            float[] out = new float[pt.length];
            String field = ctx.variation().equals("muonMassUp") ? "mass" : "pt";
            for (int e = 0; e + 1 < off.length; e++) {
                for (int i = off[e]; i < off[e + 1]; i++) {
                    // as Java evaluates these expressions: abs in float, 0.02 * float in double, the
                    // product in double, then rounded to the float column; mass * 2 + float(n) in float
                    out[i] = switch (ctx.variation()) {
                        case "muonResolutionUp" -> (float) (pt[i] * (1 + 0.02 * Math.abs(eta[i])));
                        case "muonResolutionDown" -> (float) (pt[i] * (1 - 0.02 * Math.abs(eta[i])));
                        default -> mass[i] * 2 + (float) nMuon[e];
                    };
                }
            }
            ctx.setCollection("Muon", ListColumn.of(off, m.withField(field, FloatColumn.of(out))));
        }

        @Override
        protected void selectObjects(AnalysisContext ctx) {
            Muons mu = ctx.muons();
            ctx.set("GoodMuon", mu.filter(mu.pt().gt(10f).and(mu.eta().abs().lt(2.4f))));
        }

        @Override
        protected void defineVariables(AnalysisContext ctx) {
            Muons good = ctx.get("GoodMuon", Muons.class);
            ctx.setVariable("nGoodMuon", good.counts());
            ctx.setVariable("dimuonMass", good.get(0).add(good.get(1)).mass());
            ctx.setVariable("leadingPt", good.pt().at(0));
        }

        @Override
        protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
            cuts.add("twoGoodMuons", ctx.variable("nGoodMuon", IntColumn.class).ge(2));
        }

        @Override
        protected Categories categories() {
            Map<String, List<String>> c = new LinkedHashMap<>();
            c.put("baseline", List.of());
            return Categories.standard(c);
        }

        @Override
        protected List<HistogramSpec> histograms() {
            return List.of(
                    new HistogramSpec("dimuonMass", RegularAxis.of("mass", 15000, 0, 150),
                            ctx -> ctx.variable("dimuonMass")),
                    new HistogramSpec("leadingPt", RegularAxis.of("pt", 20000, 0, 200),
                            ctx -> ctx.variable("leadingPt")));
        }

        private static int[] ints(Column c) {
            PrimitiveColumn p = (PrimitiveColumn) c;
            int[] out = new int[p.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) p.getLong(i);
            }
            return out;
        }
    }
}
