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
import org.crema.corrections.jme.EventIds;
import org.crema.corrections.muon.MuonScale;
import org.crema.corrections.muon.RochesterCorrection;
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
 * The Rochester muon calibration declared in YAML, on the 2018 DoubleMuon (data: kScaleDT) and DY
 * (simulation: kSpreadMC for gen-matched muons, kSmearMC otherwise) samples, against a processor
 * that corrects every muon in a plain loop over {@link RochesterCorrection}.
 */
class RochesterConfigTest {
    static final String FILE = "../shared/data/corrections/rochester/RoccoR2018.txt.gz";
    static Path root;

    @BeforeAll
    static void data() {
        TestData.file("data/samples/nanoaod/nano_dy.root");
        TestData.file("data/samples/nanoaod/nano_dimuon.root");
        TestData.file(FILE);
        root = TestData.root();
    }

    static String config(String calibration) {
        return """
                datasets:
                  fileset: data/filesets/zmumu.json
                parameters:
                  corrections: {dir: ../shared/data/corrections}
                  rochester: {file: rochester/RoccoR2018.txt.gz}
                %s
                skim:
                  twoMuons: "nMuon >= 2"
                objects:
                  GoodMuon: {from: Muon, where: "pt > 10 && abs(eta) < 2.4"}
                variables:
                  nGoodMuon: "count(GoodMuon)"
                  dimuonMass: "(GoodMuon[0] + GoodMuon[1]).mass"
                preselection:
                  twoGoodMuons: "nGoodMuon >= 2"
                histograms:
                  dimuonMass:
                    expr: dimuonMass
                    axis: {type: regular, name: mass, bins: 15000, start: 0, stop: 150}
                """.formatted(calibration);
    }

    static final String CALIBRATED = """
            calibrations:
              Muon: {rochester: "${rochester.file}"}
            variations:
              muonScale: {type: rochester, collection: Muon}
            """;

    static AccumulatorMap run(AnalysisProcessor p, AnalysisConfig cfg, int workers) {
        RunConfig rc = RunConfig.defaults().withWorkers(workers).withChunkSize(workers == 1 ? 1_000_000 : 7)
                .withProgress(false);
        return new Runner(rc).run(p, cfg.fileset()).result();
    }

    @Test
    void yamlCalibrationGivesThePlainLoopsHistogramsBitForBit() {
        AnalysisConfig cfg = AnalysisConfig.parse(config(CALIBRATED), "rochester.yaml", root);
        assertThat(cfg.warnings()).isEmpty();
        Reference reference = new Reference(root.resolve(FILE));
        for (int workers : new int[] {1, 2}) {
            AccumulatorMap yaml = run(cfg.processor(), cfg, workers);
            assertThat(yaml).as("%d workers", workers).isEqualTo(run(reference, cfg, workers));
        }
        AccumulatorMap yaml = run(cfg.processor(), cfg, 1);
        AnalysisConfig plain = AnalysisConfig.parse(config(""), "plain.yaml", root);
        AccumulatorMap uncorrected = run(plain.processor(), plain, 1);
        for (String dataset : List.of("DoubleMuon_2018", "DYJetsToLL_M50_2018")) {
            // the correction moved the masses, and kept the number of selected pairs near the same
            double[] corrected = slice(hist(yaml, dataset), "nominal");
            double[] stored = slice(hist(uncorrected, dataset), "nominal");
            assertThat(corrected).as(dataset).isNotEqualTo(stored);
        }
        Hist dy = hist(yaml, "DYJetsToLL_M50_2018");
        assertThat(slice(dy, "muonScaleUp")).isNotEqualTo(slice(dy, "nominal"));
        assertThat(slice(dy, "muonScaleDown")).isNotEqualTo(slice(dy, "muonScaleUp"));
    }

    static final String SPLIT = """
            calibrations:
              Muon: {rochester: "${rochester.file}"}
            variations:
              muonStat: {type: rochester, collection: Muon, part: stat}
              muonSyst: {type: rochester, collection: Muon, part: syst}
              muonTotal: {type: rochester, collection: Muon, part: total}
            """;

    @Test
    void statisticalAndSystematicPartsGiveThePlainLoopsHistogramsBitForBit() {
        AnalysisConfig cfg = AnalysisConfig.parse(config(SPLIT), "split.yaml", root);
        assertThat(cfg.warnings()).isEmpty();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("muonStat", "stat");
        parts.put("muonSyst", "syst");
        parts.put("muonTotal", "total");
        Reference reference = new Reference(root.resolve(FILE), parts);
        for (int workers : new int[] {1, 2}) {
            AccumulatorMap yaml = run(cfg.processor(), cfg, workers);
            assertThat(yaml).as("%d workers", workers).isEqualTo(run(reference, cfg, workers));
        }
        // part: total is the default: the same bits as the plain rochester variation
        AnalysisConfig total = AnalysisConfig.parse(config(CALIBRATED), "rochester.yaml", root);
        Hist dy = hist(run(cfg.processor(), cfg, 1), "DYJetsToLL_M50_2018");
        Hist plain = hist(run(total.processor(), total, 1), "DYJetsToLL_M50_2018");
        assertThat(slice(dy, "muonTotalUp")).isEqualTo(slice(plain, "muonScaleUp"));
        assertThat(slice(dy, "muonTotalDown")).isEqualTo(slice(plain, "muonScaleDown"));
        assertThat(slice(dy, "muonStatUp")).isNotEqualTo(slice(dy, "muonSystUp"));
        assertThat(slice(dy, "muonStatUp")).isNotEqualTo(slice(dy, "nominal"));
        assertThat(slice(dy, "muonSystUp")).isNotEqualTo(slice(dy, "nominal"));
        // every muon the reference corrected had stat² + syst² = total², RoccoR's total
        assertThat(reference.checkedMuons()).isPositive();
    }

    @Test
    void badRochesterEntriesAreReportedAtTheirYamlLine() {
        String missing = CALIBRATED.replace("${rochester.file}", "rochester/none.txt.gz");
        assertThatThrownBy(() -> AnalysisConfig.parse(config(missing), "bad.yaml", root))
                .hasMessageContaining("bad.yaml:7:").hasMessageContaining("Rochester file")
                .hasMessageContaining("none.txt.gz does not exist");
        String unknownPart = CALIBRATED.replace("collection: Muon}", "collection: Muon, part: stats}");
        assertThatThrownBy(() -> AnalysisConfig.parse(config(unknownPart), "bad.yaml", root))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.diagnostics())
                        .extracting(d -> d.where() + ": " + d.message()).containsExactly("bad.yaml:9:56: variation"
                                + " 'muonScale': unknown part 'stats'; did you mean 'stat'?; expected one of [total,"
                                + " stat, syst]"));
        String partOfScale = "variations:\n  s: {type: scale, collection: Muon, field: pt, shift: 0.01, part: stat}\n";
        assertThatThrownBy(() -> AnalysisConfig.parse(config(partOfScale), "bad.yaml", root))
                .hasMessageContaining("bad.yaml:7:68: error: variation 's': 'part' does not apply to type scale; it"
                        + " belongs to rochester variations");
        String unpaired = config("variations:\n  muonScale: {type: rochester, collection: Muon}\n");
        assertThatThrownBy(() -> AnalysisConfig.parse(unpaired, "bad.yaml", root))
                .hasMessageContaining("variation 'muonScale' (rochester) needs a calibration of Muon under 'calibrations'");
    }

    static Hist hist(AccumulatorMap result, String dataset) {
        return result.get("histograms", AccumulatorMap.class).get(dataset, HistAccumulator.class).get("dimuonMass");
    }

    static double[] slice(Hist h, String variation) {
        return h.select("category", "baseline").select(Hist.VARIATION_AXIS, variation).project("mass").values(true);
    }

    /** The same analysis with the muons corrected one by one. */
    static final class Reference extends AnalysisProcessor {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final Map<String, String> parts;
        private transient volatile RochesterCorrection rc;
        private final java.util.concurrent.atomic.AtomicLong checked = new java.util.concurrent.atomic.AtomicLong();

        Reference(Path file) {
            this(file, Map.of("muonScale", "total"));
        }

        /** @param parts variation base name → RoccoR part: total, stat or syst */
        Reference(Path file, Map<String, String> parts) {
            this.file = file.toString();
            this.parts = parts;
        }

        long checkedMuons() {
            return checked.get();
        }

        /**
         * δk of one part: the sets RoccoR declares as replicas (type 1) or all others, each adding the
         * mean squared difference of its members to the nominal; total is RoccoR's own error.
         */
        double error(RochesterCorrection r, RochesterCorrection.Member k, String part) {
            if (part.equals("total")) {
                return r.error(k);
            }
            double nominal = k.k(0, 0);
            double sum = 0;
            for (int s = 0; s < r.sets(); s++) {
                if ((r.setType(s) == 1) != part.equals("stat")) {
                    continue;
                }
                double meanSquare = 0;
                for (int m = 0; m < r.members(s); m++) {
                    double d = k.k(s, m) - nominal;
                    meanSquare += d * d * (1.0 / r.members(s));
                }
                sum += meanSquare;
            }
            return Math.sqrt(sum);
        }

        /** stat² + syst² = total²: six sums of squares, a square root and a square each side, so a few ulps. */
        void checkQuadrature(RochesterCorrection r, RochesterCorrection.Member k) {
            double stat = error(r, k, "stat");
            double syst = error(r, k, "syst");
            double total = r.error(k);
            assertThat(stat * stat + syst * syst).isCloseTo(total * total,
                    org.assertj.core.api.Assertions.within(1e-13 * total * total));
            assertThat(stat).isPositive();
            assertThat(syst).isPositive();
            checked.incrementAndGet();
        }

        private RochesterCorrection rc() {
            if (rc == null) {
                rc = RochesterCorrection.read(Path.of(file));
            }
            return rc;
        }

        @Override
        protected void skim(Events events, PackedSelection skim) {
            skim.add("twoMuons", events.counts("Muon").ge(2));
        }

        @Override
        protected List<String> shapeVariations(DatasetInfo dataset) {
            List<String> out = new java.util.ArrayList<>();
            for (String name : parts.keySet()) {
                out.add(name + "Up");
                out.add(name + "Down");
            }
            return dataset.isMC() ? out : List.of();
        }

        @Override
        protected void calibrate(AnalysisContext ctx) {
            Events ev = ctx.events();
            boolean mc = ev.isMC();
            String variation = ctx.variation();
            int shift = variation.endsWith("Up") ? 1 : variation.endsWith("Down") ? -1 : 0;
            String part = shift == 0 ? null : parts.get(variation.substring(0, variation.length()
                    - (shift > 0 ? "Up" : "Down").length()));
            ListColumn<RecordColumn> muons = ctx.collection("Muon", "pt", "eta", "phi", "mass", "charge");
            RecordColumn m = (RecordColumn) muons.flatContent();
            int[] off = muons.zeroBasedOffsets();
            float[] pt = ((FloatColumn) m.field("pt")).toArray();
            float[] eta = ((FloatColumn) m.field("eta")).toArray();
            float[] phi = ((FloatColumn) m.field("phi")).toArray();
            int[] q = ints(m.field("charge"));
            int[] layers = null;
            int[] genIdx = null;
            int[] genOff = null;
            float[] genPt = null;
            EventIds ids = null;
            if (mc) {
                RecordColumn x = (RecordColumn) ev.collection("Muon", "nTrackerLayers", "genPartIdx").flatContent();
                layers = ints(x.field("nTrackerLayers"));
                genIdx = ints(x.field("genPartIdx"));
                ListColumn<RecordColumn> gen = ev.collection("GenPart", "pt");
                genOff = gen.zeroBasedOffsets();
                genPt = ((FloatColumn) ((RecordColumn) gen.flatContent()).field("pt")).toArray();
                ids = new EventIds(ints(ev.column("run")), ints(ev.column("luminosityBlock")),
                        longs(ev.column("event")));
            }
            RochesterCorrection r = rc();
            float[] out = new float[pt.length];
            for (int e = 0; e + 1 < off.length; e++) {
                for (int i = off[e]; i < off[e + 1]; i++) {
                    int c = q[i];
                    double p = pt[i];
                    double h = eta[i];
                    double f = phi[i];
                    RochesterCorrection.Member k;
                    if (!mc) {
                        k = (s, mem) -> r.kScaleDT(c, p, h, f, s, mem);
                    } else if (genIdx[i] >= 0) {
                        double g = genPt[genOff[e] + genIdx[i]];
                        k = (s, mem) -> r.kSpreadMC(c, p, h, f, g, s, mem);
                    } else {
                        int nl = layers[i];
                        double u = MuonScale.uniform(ids, e, i - off[e]);
                        k = (s, mem) -> r.kSmearMC(c, p, h, f, nl, u, s, mem);
                    }
                    if (parts.size() > 1 && shift > 0 && part.equals("stat")) {
                        checkQuadrature(r, k);
                    }
                    double factor = shift == 0 ? k.k(0, 0) : k.k(0, 0) + shift * error(r, k, part);
                    out[i] = (float) (pt[i] * factor);
                }
            }
            ctx.setCollection("Muon", ListColumn.of(off, m.withField("pt", FloatColumn.of(out))));
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
            return List.of(new HistogramSpec("dimuonMass", RegularAxis.of("mass", 15000, 0, 150),
                    ctx -> ctx.variable("dimuonMass")));
        }

        private static int[] ints(Column c) {
            PrimitiveColumn p = (PrimitiveColumn) c;
            int[] out = new int[p.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) p.getLong(i);
            }
            return out;
        }

        private static long[] longs(Column c) {
            PrimitiveColumn p = (PrimitiveColumn) c;
            long[] out = new long[p.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = p.getLong(i);
            }
            return out;
        }
    }
}
