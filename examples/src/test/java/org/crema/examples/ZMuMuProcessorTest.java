package org.crema.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.hist.Hist;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.accumulate.Normalisation;
import org.crema.processor.accumulate.Sum;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Z → μμ example over the bundled samples (40 events each). */
class ZMuMuProcessorTest {
    static final String DY = "DYJetsToLL_M50_2018";
    static final String DATA = "DoubleMuon_2018";
    static Fileset fileset;

    @BeforeAll
    static void load() {
        TestData.nanoaod("nano_dy.root");
        fileset = Fileset.read(TestData.root().resolve("data/filesets/zmumu.json"));
    }

    static RunOutput<AccumulatorMap> run(RunConfig cfg) {
        return new Runner(cfg.withProgress(false)).run(new ZMuMuProcessor(), fileset);
    }

    static Hist hist(RunOutput<AccumulatorMap> out, String dataset, String name) {
        return out.result().get("histograms", AccumulatorMap.class).get(dataset, HistAccumulator.class).get(name);
    }

    @Test
    void sameHistogramsForAnyWorkerCountAndChunkSize() {
        RunOutput<AccumulatorMap> one = run(RunConfig.defaults().withWorkers(1));
        RunOutput<AccumulatorMap> two = run(RunConfig.defaults().withWorkers(2).withChunkSize(7));
        RunOutput<AccumulatorMap> twoSame = run(RunConfig.defaults().withWorkers(1).withChunkSize(7));
        RunOutput<AccumulatorMap> odd = run(RunConfig.defaults().withWorkers(2).withChunkSize(13));
        assertThat(one.metrics().chunks()).isEqualTo(2);
        assertThat(two.metrics().chunks()).isEqualTo(12); // 40 entries in one cluster, split into 6 per file
        // same chunking, different worker counts: bit-identical (chunk-order merge)
        assertThat(two.result()).isEqualTo(twoSame.result());
        for (RunOutput<AccumulatorMap> other : List.of(two, odd)) {
            for (String ds : List.of(DY, DATA)) {
                for (String h : List.of("dimuonMass", "leadingMuonPt")) {
                    Hist a = hist(one, ds, h);
                    Hist b = hist(other, ds, h);
                    assertThat(b.axes()).isEqualTo(a.axes());
                    double[] va = a.values(true);
                    double[] vb = b.values(true);
                    for (int i = 0; i < va.length; i++) {
                        // Σw of different chunkings differ only by rounding of the additions
                        assertThat(Math.abs(va[i] - vb[i])).isLessThanOrEqualTo(1e-12 * Math.abs(va[i]));
                    }
                }
            }
            // event counts are exact
            Cutflow ca = one.result().get("cutflow", Cutflow.class);
            Cutflow cb = other.result().get("cutflow", Cutflow.class);
            assertThat(cb.flows().keySet()).isEqualTo(ca.flows().keySet());
            ca.flows().forEach((k, steps) -> {
                List<Cutflow.Step> s = cb.flows().get(k);
                for (int i = 0; i < steps.size(); i++) {
                    assertThat(s.get(i).name()).isEqualTo(steps.get(i).name());
                    assertThat(s.get(i).events()).isEqualTo(steps.get(i).events());
                    assertThat(s.get(i).sumw()).isCloseTo(steps.get(i).sumw(),
                            org.assertj.core.data.Offset.offset(1e-12 * Math.abs(steps.get(i).sumw()) + 1e-300));
                }
            });
        }
    }

    /** A plain per-event re-implementation of the selection, reading raw branches. */
    record Expected(long skim, long twoGood, long os, long zWindow, double[] masses, double[] genWeights) {
    }

    static Expected expected(String file, float scale) {
        try (RootFile f = RootFile.open(TestData.nanoaod(file)); ) {
            Tree t = f.tree("Events");
            long n = t.entries();
            ListColumn<?> pt = (ListColumn<?>) t.read("Muon_pt", 0, n);
            ListColumn<?> eta = (ListColumn<?>) t.read("Muon_eta", 0, n);
            ListColumn<?> phi = (ListColumn<?>) t.read("Muon_phi", 0, n);
            ListColumn<?> mass = (ListColumn<?>) t.read("Muon_mass", 0, n);
            ListColumn<?> charge = (ListColumn<?>) t.read("Muon_charge", 0, n);
            ListColumn<?> tight = (ListColumn<?>) t.read("Muon_tightId", 0, n);
            ListColumn<?> iso = (ListColumn<?>) t.read("Muon_pfRelIso04_all", 0, n);
            PrimitiveColumn gen = t.has("genWeight") ? (PrimitiveColumn) t.read("genWeight", 0, n) : null;
            long skim = 0, two = 0, os = 0, zw = 0;
            List<Double> masses = new java.util.ArrayList<>();
            List<Double> gw = new java.util.ArrayList<>();
            for (int e = 0; e < n; e++) {
                if (pt.count(e) >= 2) {
                    skim++;
                }
                int[] good = new int[pt.count(e)];
                int k = 0;
                for (int j = pt.start(e); j < pt.end(e); j++) {
                    float p = ((FloatColumn) pt.content()).get(j) * scale;
                    if (p > 15f && Math.abs(((FloatColumn) eta.content()).get(j)) < 2.4f
                            && ((BoolColumn) tight.content()).get(j) && ((FloatColumn) iso.content()).get(j) < 0.15f) {
                        good[k++] = j;
                    }
                }
                if (pt.count(e) < 2 || k < 2) {
                    continue;
                }
                two++;
                IntColumn q = (IntColumn) charge.content();
                if (q.get(good[0]) * q.get(good[1]) >= 0) {
                    continue;
                }
                os++;
                double m = pairMass(good[0], good[1], (FloatColumn) pt.content(), (FloatColumn) eta.content(),
                        (FloatColumn) phi.content(), (FloatColumn) mass.content(), scale);
                masses.add(m);
                gw.add(gen == null ? 1.0 : gen.getDouble(e));
                if (m > 60 && m < 120) {
                    zw++;
                }
            }
            return new Expected(skim, two, os, zw, masses.stream().mapToDouble(Double::doubleValue).toArray(),
                    gw.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    static double pairMass(int a, int b, FloatColumn pt, FloatColumn eta, FloatColumn phi, FloatColumn m, float scale) {
        double px = 0, py = 0, pz = 0, en = 0;
        for (int j : new int[] {a, b}) {
            double p = pt.get(j) * scale;
            double x = p * StrictMath.cos(phi.get(j));
            double y = p * StrictMath.sin(phi.get(j));
            double z = p * StrictMath.sinh(eta.get(j));
            px += x;
            py += y;
            pz += z;
            en += Math.sqrt(x * x + y * y + z * z + (double) m.get(j) * m.get(j));
        }
        return Math.sqrt(Math.max(0, en * en - px * px - py * py - pz * pz));
    }

    @Test
    void cutflowAndHistogramsMatchAPlainReimplementation() {
        RunOutput<AccumulatorMap> out = run(RunConfig.defaults().withWorkers(2).withChunkSize(9));
        Cutflow cf = out.result().get("cutflow", Cutflow.class);
        for (String[] c : new String[][] {{DATA, "nano_dimuon.root", "nominal", "1"}, {DY, "nano_dy.root", "nominal", "1"},
                {DY, "nano_dy.root", "muonScaleUp", "1.01"}, {DY, "nano_dy.root", "muonScaleDown", "0.99"}}) {
            Expected ex = expected(c[1], Float.parseFloat(c[3]));
            List<Cutflow.Step> steps = cf.steps(c[0], "zWindow", c[2]);
            assertThat(steps).extracting(Cutflow.Step::name)
                    .containsExactly("initial", "twoMuons", "twoGoodMuons", "oppositeSign", "zWindow");
            assertThat(steps).extracting(Cutflow.Step::events).containsExactly(40L, ex.skim(), ex.twoGood(), ex.os(),
                    ex.zWindow());
            assertThat(cf.steps(c[0], "baseline", c[2]).get(4).events()).isEqualTo(ex.os());
            Hist h = hist(out, c[0], "dimuonMass").at("category", "baseline").at("variation", c[2]);
            double[] v = h.values(true);
            double[] expectedBins = new double[v.length];
            double factor = c[0].equals(DY) ? out.result().get("normalisation", Normalisation.class).entries().get(DY)
                    .factor() : 1.0;
            for (int i = 0; i < ex.masses().length; i++) {
                // 60 bins on [0, 150): flow layout is underflow, 60 bins, overflow
                int bin = ex.masses()[i] >= 150 ? 61 : 1 + (int) Math.floor(ex.masses()[i] / 2.5);
                expectedBins[bin] += ex.genWeights()[i];
            }
            for (int i = 0; i < v.length; i++) {
                // float kernels vs double here: a mass within 1e-4 GeV of an edge could migrate; none does
                assertThat(v[i]).as("%s %s bin %d", c[0], c[2], i)
                        .isCloseTo(expectedBins[i] * factor, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(expectedBins[i] * factor) + 1e-12));
            }
        }
        assertThat(cf.steps(DATA, "baseline", "muonScaleUp")).as("no shape variations on data").isEmpty();
    }

    @Test
    void weightVariationsAndNormalisation() {
        RunOutput<AccumulatorMap> out = run(RunConfig.defaults().withWorkers(2));
        Hist h = hist(out, DY, "dimuonMass").at("category", "baseline");
        double nominal = h.at("variation", "nominal").sum(true);
        assertThat(h.at("variation", "muonSFUp").sum(true)).isCloseTo(1.02 * nominal,
                org.assertj.core.data.Offset.offset(1e-12 * Math.abs(nominal)));
        assertThat(h.at("variation", "muonSFDown").sum(true)).isCloseTo(0.98 * nominal,
                org.assertj.core.data.Offset.offset(1e-12 * Math.abs(nominal)));
        // Data: one variation only, weights 1
        Hist d = hist(out, DATA, "dimuonMass");
        assertThat(((org.crema.hist.StrCategoryAxis) d.axis("variation")).categories()).containsExactly("nominal");

        // Σ genWeight from the Runs tree (genEventSumw_ of nano_dy.root, per the reference JSON)
        Sum s = out.result().get("sumGenWeights", AccumulatorMap.class).get(DY, Sum.class);
        assertThat(s.sumw()).isEqualTo(15166686735.858717);
        Normalisation.Entry n = out.result().get("normalisation", Normalisation.class).entries().get(DY);
        assertThat(n.factor()).isEqualTo(59_830.0 * 6077.22 / 15166686735.858717);
        assertThat(out.result().get("normalisation", Normalisation.class).entries()).doesNotContainKey(DATA);
    }

    @Test
    void truncatedFileIsReportedOrSkipped(@TempDir Path dir) throws IOException {
        Path good = TestData.nanoaod("nano_dimuon.root");
        byte[] bytes = Files.readAllBytes(TestData.nanoaod("nano_dy.root"));
        Path broken = dir.resolve("nano_dy_truncated.root");
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Path fs = dir.resolve("fileset.json");
        Files.writeString(fs, """
                {"DY": {"files": ["nano_dy_truncated.root"], "metadata": {"isMC": true, "xsec": 6077.22, "year": "2018"}},
                 "Data": {"files": ["%s"], "metadata": {"isMC": false, "year": "2018"}}}""".formatted(good));
        Fileset set = Fileset.read(fs);
        assertThatThrownBy(() -> new Runner(RunConfig.defaults().withProgress(false)).run(new ZMuMuProcessor(), set))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageContaining("dataset DY, file " + broken)
                .hasMessageContaining("--skip-bad-files");

        Path outDir = dir.resolve("out");
        RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withProgress(false).withSkipBadFiles(true)
                .withOutput(outDir)).run(new ZMuMuProcessor(), set);
        assertThat(out.failures()).hasSize(1);
        assertThat(out.failures().get(0).dataset()).isEqualTo("DY");
        assertThat(out.failures().get(0).file()).isEqualTo(broken.toString());
        assertThat(out.result().get("histograms", AccumulatorMap.class).entries().keySet()).containsExactly("Data");
        assertThat(Files.readString(outDir.resolve("result.json"))).contains("nano_dy_truncated.root");
    }

    @Test
    void resumeRedoesOnlyMissingChunks(@TempDir Path dir) throws IOException {
        RunConfig cfg = RunConfig.defaults().withWorkers(2).withChunkSize(10).withOutput(dir);
        RunOutput<AccumulatorMap> first = run(cfg);
        assertThat(first.metrics().chunks()).isEqualTo(8);
        List<Path> cps;
        try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
            cps = s.sorted().toList();
        }
        assertThat(cps).hasSize(8);
        Files.delete(cps.get(2));
        RunOutput<AccumulatorMap> resumed = run(cfg.withResume(true));
        assertThat(resumed.metrics().chunksProcessed()).isEqualTo(1);
        assertThat(resumed.metrics().chunksFromCheckpoint()).isEqualTo(7);
        assertThat(resumed.result()).isEqualTo(first.result());
        assertThat(RunOutput.read(dir, AccumulatorMap.class).result()).isEqualTo(first.result());
    }

    @Test
    void eventCountProcessorMatchesTheReference() throws IOException {
        RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withProgress(false).withChunkSize(16))
                .run(new EventCountProcessor(), fileset);
        AccumulatorMap events = out.result().get("events", AccumulatorMap.class);
        assertThat(events.get(DY, org.crema.processor.accumulate.Counter.class).value()).isEqualTo(40);
        assertThat(events.get(DATA, org.crema.processor.accumulate.Counter.class).value()).isEqualTo(40);
        // Σ genWeight of nano_dy.root from the independent reference (data/reference/nano_dy.json)
        com.fasterxml.jackson.databind.JsonNode ref = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TestData.root().resolve("data/reference/nano_dy.json").toFile());
        double refSum = Double.NaN;
        for (com.fasterxml.jackson.databind.JsonNode b : ref.path("trees").path("Events").path("branches")) {
            if (b.path("name").asText().equals("genWeight")) {
                refSum = b.path("stats").path("sum").asDouble();
            }
        }
        Sum s = out.result().get("sumw", AccumulatorMap.class).get(DY, Sum.class);
        // float genWeights summed in double: the reference sums the same 40 values, order may differ
        assertThat(s.sumw()).isCloseTo(refSum, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(refSum)));
        assertThat(out.result().get("sumw", AccumulatorMap.class).get(DATA, Sum.class).sumw()).isEqualTo(40.0);
    }
}
