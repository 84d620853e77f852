package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.crema.columnar.PrimitiveColumn;
import org.crema.hist.Hist;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.processor.DatasetMetadata;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.accumulate.Normalisation;
import org.crema.processor.accumulate.Sum;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated dataset split by {@code LHE_Njets} into subsamples, on the bundled DY sample, against
 * plain loops over the file.
 */
class SubsamplesConfigTest {

    /** The subsamples of the configuration below, as plain predicates on LHE_Njets. */
    static final Map<String, IntPredicate> SUBSAMPLES = new java.util.LinkedHashMap<>();

    static {
        SUBSAMPLES.put("DY0J", n -> n == 0);
        SUBSAMPLES.put("DY1J", n -> n == 1);
        SUBSAMPLES.put("DY2J", n -> n >= 2);
    }

    static String yaml(Path file, boolean split) {
        return "datasets:\n"
                + "  inline:\n"
                + "    DYJetsToLL_M50_2018:\n"
                + "      files: [\"" + file + "\"]\n"
                + "      metadata: {sample: DYJetsToLL, year: \"2018\", isMC: true, xsec: 6077.22}\n"
                + (split ? "      subsamples:\n"
                        + "        DY0J: \"LHE_Njets == 0\"\n"
                        + "        DY1J: \"LHE_Njets == 1\"\n"
                        + "        DY2J: \"LHE_Njets >= 2\"\n" : "")
                + "skim:\n"
                + "  oneMuon: \"nMuon >= 1\"\n"
                + "histograms:\n"
                + "  events:\n"
                + "    expr: nMuon\n"
                + "    axis: {type: regular, name: n, bins: 1, start: 0, stop: 100}\n";
    }

    @Test
    void eachSubsampleIsADatasetWithTheCountsOfAPlainLoopAndTheParentsNormalisation(@TempDir Path tmp)
            throws IOException {
        Path file = TestData.file("data/samples/nanoaod/nano_dy.root");
        Plain plain = Plain.read(file);
        // the independent reference of the file (data/reference/nano_dy.json): 40 events, Σ LHE_Njets = 22
        assertThat(plain.njets).hasSize(40);
        assertThat(java.util.Arrays.stream(plain.njets).sum()).isEqualTo(22);

        AnalysisConfig whole = AnalysisConfig.parse(yaml(file, false), "whole.yaml", tmp);
        AnalysisConfig split = AnalysisConfig.parse(yaml(file, true), "split.yaml", tmp);
        for (RunConfig rc : List.of(RunConfig.defaults().withWorkers(1),
                RunConfig.defaults().withWorkers(2).withChunkSize(7))) {
            AccumulatorMap parent = new Runner(rc.withProgress(false)).run(whole.processor(), whole.fileset()).result();
            RunOutput<AccumulatorMap> out = new Runner(rc.withProgress(false)).run(split.processor(), split.fileset());
            assertThat(out.failures()).isEmpty();
            AccumulatorMap r = out.result();
            assertThat(r.get("datasets", DatasetMetadata.class).datasets().keySet())
                    .containsExactlyInAnyOrderElementsOf(SUBSAMPLES.keySet());
            AccumulatorMap sums = r.get("sumGenWeights", AccumulatorMap.class);
            Sum parentSum = (Sum) parent.get("sumGenWeights", AccumulatorMap.class).get("DYJetsToLL_M50_2018");
            Normalisation.Entry parentNorm = parent.get("normalisation", Normalisation.class).entries()
                    .get("DYJetsToLL_M50_2018");
            Cutflow cf = r.get("cutflow", Cutflow.class);
            long total = 0;
            for (Map.Entry<String, IntPredicate> s : SUBSAMPLES.entrySet()) {
                String name = s.getKey();
                // normalised with the parent's Σ genWeight: each subsample is its share of the cross-section
                assertThat(sums.get(name)).isEqualTo(parentSum);
                assertThat(r.get("normalisation", Normalisation.class).entries().get(name)).isEqualTo(parentNorm);
                List<Cutflow.Step> steps = cf.steps(name, "baseline", "nominal");
                long initial = plain.count(s.getValue(), false);
                long skimmed = plain.count(s.getValue(), true);
                assertThat(initial).isPositive();
                assertThat(steps.get(0).events()).isEqualTo(initial);
                assertThat(steps.get(0).sumw()).isEqualTo(plain.sumGenWeight(s.getValue(), false));
                assertThat(steps.get(1).events()).isEqualTo(skimmed);
                assertThat(steps.get(1).sumw()).isEqualTo(plain.sumGenWeight(s.getValue(), true));
                total += initial;
                if (rc.workers() == 1) {
                    // one chunk: the bin sums genWeight in file order, then postprocess scales it
                    Hist h = ((HistAccumulator) r.get("histograms", AccumulatorMap.class).get(name)).get("events");
                    assertThat(h.sum(false)).isEqualTo(plain.orderedSum(s.getValue()) * parentNorm.factor());
                }
            }
            // exclusive and complete: the subsamples' events add up to the parent's
            assertThat(total).isEqualTo(40);
            assertThat(total).isEqualTo(parent.get("cutflow", Cutflow.class)
                    .steps("DYJetsToLL_M50_2018", "baseline", "nominal").get(0).events());
        }
    }

    @Test
    void theMemoryEstimateCountsEverySubsamplesHistograms(@TempDir Path tmp) {
        Path file = TestData.file("data/samples/nanoaod/nano_dy.root");
        AnalysisConfig whole = AnalysisConfig.parse(yaml(file, false), "whole.yaml", tmp);
        AnalysisConfig split = AnalysisConfig.parse(yaml(file, true), "split.yaml", tmp);
        var wholeFootprint = whole.processor().histogramFootprint(
                whole.fileset().datasets().values().stream().map(d -> d.info()).toList());
        var splitFootprint = split.processor().histogramFootprint(
                split.fileset().datasets().values().stream().map(d -> d.info()).toList());
        assertThat(wholeFootprint.datasets()).isEqualTo(1);
        assertThat(splitFootprint.datasets()).isEqualTo(SUBSAMPLES.size());
        assertThat(splitFootprint.bytes()).isPositive().isEqualTo(SUBSAMPLES.size() * wholeFootprint.bytes());
    }

    @Test
    void subsamplesOfAFilesetDatasetAreReadInsideTheProcessorToo(@TempDir Path tmp) throws IOException {
        Path root = TestData.root();
        TestData.file("data/samples/nanoaod/nano_dy.root");
        Path cfgFile = tmp.resolve("fs.yaml");
        Files.writeString(cfgFile, """
                datasets:
                  fileset: %s
                  subsamples:
                    DYJetsToLL_M50_2018: {DYlow: "LHE_Njets <= 1", DYhigh: "LHE_Njets > 1"}
                """.formatted(root.resolve("data/filesets/zmumu.json")));
        AnalysisConfig cfg = AnalysisConfig.load(cfgFile);
        AccumulatorMap r = new Runner(RunConfig.defaults().withWorkers(1).withProgress(false))
                .run(cfg.processor(), cfg.fileset()).result();
        // data is not split; the simulated dataset is, and only its subsamples appear
        assertThat(r.get("datasets", DatasetMetadata.class).datasets().keySet())
                .containsExactlyInAnyOrder("DYlow", "DYhigh", "DoubleMuon_2018");
        assertThat(r.get("datasets", DatasetMetadata.class).datasets().get("DYlow").extra())
                .containsEntry("subsampleOf", "DYJetsToLL_M50_2018").containsEntry("parentSample", "DYJetsToLL");
        Plain plain = Plain.read(root.resolve("data/samples/nanoaod/nano_dy.root"));
        Cutflow cf = r.get("cutflow", Cutflow.class);
        assertThat(cf.steps("DYlow", "baseline", "nominal").get(0).events()).isEqualTo(plain.count(n -> n <= 1, false));
        assertThat(cf.steps("DYhigh", "baseline", "nominal").get(0).events()).isEqualTo(plain.count(n -> n > 1, false));
    }

    /** The file's LHE_Njets, nMuon and genWeight, read branch by branch. */
    record Plain(int[] njets, int[] nMuon, double[] genWeight) {
        static Plain read(Path file) {
            try (RootFile f = RootFile.open(file)) {
                Tree t = f.tree("Events");
                long n = t.entries();
                PrimitiveColumn nj = (PrimitiveColumn) t.read("LHE_Njets", 0, n);
                PrimitiveColumn nm = (PrimitiveColumn) t.read("nMuon", 0, n);
                PrimitiveColumn gw = (PrimitiveColumn) t.read("genWeight", 0, n);
                int[] a = new int[(int) n];
                int[] b = new int[(int) n];
                double[] w = new double[(int) n];
                for (int i = 0; i < n; i++) {
                    a[i] = (int) nj.getLong(i);
                    b[i] = (int) nm.getLong(i);
                    w[i] = gw.getDouble(i);
                }
                return new Plain(a, b, w);
            }
        }

        private boolean selected(int i, IntPredicate subsample, boolean skimmed) {
            return subsample.test(njets[i]) && (!skimmed || nMuon[i] >= 1);
        }

        long count(IntPredicate subsample, boolean skimmed) {
            long c = 0;
            for (int i = 0; i < njets.length; i++) {
                c += selected(i, subsample, skimmed) ? 1 : 0;
            }
            return c;
        }

        /** The exactly rounded Σ genWeight (what the cutflow records). */
        double sumGenWeight(IntPredicate subsample, boolean skimmed) {
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < njets.length; i++) {
                if (selected(i, subsample, skimmed)) {
                    s = s.add(new BigDecimal(genWeight[i]));
                }
            }
            return s.doubleValue();
        }

        /** Σ genWeight of the skimmed events, added in file order as a histogram bin does. */
        double orderedSum(IntPredicate subsample) {
            double s = 0;
            for (int i = 0; i < njets.length; i++) {
                if (selected(i, subsample, true)) {
                    s += genWeight[i];
                }
            }
            return s;
        }
    }
}
