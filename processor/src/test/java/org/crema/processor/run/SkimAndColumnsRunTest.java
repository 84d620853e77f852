package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.SavedColumns;
import org.crema.processor.Skim;
import org.crema.processor.TestData;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Sum;
import org.crema.processor.analysis.Categories;
import org.crema.processor.analysis.PackedSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's skim and saved columns, from real NanoAOD files: written per dataset at the end of the
 * run, listed in the manifest, byte-identical for any chunking and worker count, and read back with
 * crema's ROOT reader and Arrow's own Java reader against the input file.
 */
class SkimAndColumnsRunTest {

    /** Events with at least two muons: their muons and event ids, as a skim and as saved columns. */
    static final class TwoMuonSkim extends AnalysisProcessor {
        private static final long serialVersionUID = 1L;

        @Override
        protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
            cuts.add("twoMuons", ((PrimitiveColumn) ctx.events().column("nMuon")).ge(2));
        }

        @Override
        protected Categories categories() {
            return Categories.standard(Map.of("2mu", List.of("twoMuons")));
        }

        @Override
        protected Skim skimOutput() {
            return Skim.of("2mu", "run", "luminosityBlock", "event", "nMuon", "Muon_*");
        }

        @Override
        protected List<SavedColumns> savedColumns() {
            return List.of(SavedColumns.of("2mu")
                    .column("event", ctx -> ctx.events().column("event"))
                    .column("muonPt", ctx -> ctx.events().column("Muon_pt")));
        }
    }

    static Fileset fileset() {
        TestData.nanoaod("nano_dy.root");
        TestData.nanoaod("nano_dimuon.root");
        return Fileset.read(TestData.root().resolve("data/filesets/zmumu.json"));
    }

    static RunOutput<AccumulatorMap> run(Path out, int workers, long chunkSize) {
        return new Runner(RunConfig.defaults().withWorkers(workers).withChunkSize(chunkSize).withProgress(false)
                .withOutput(out)).run(new TwoMuonSkim(), fileset());
    }

    @Test
    void skimsAndColumnsAreListedAndIdenticalForAnyChunkingAndWorkers(@TempDir Path dir) throws Exception {
        RunOutput<AccumulatorMap> one = run(dir.resolve("one"), 1, 1_000_000);
        run(dir.resolve("many"), 2, 7);
        Map<String, byte[]> a = RunOutput.verify(dir.resolve("one"));
        Map<String, byte[]> b = RunOutput.verify(dir.resolve("many"));
        List<String> outputs = List.of("skims/DYJetsToLL_M50_2018.root", "skims/DoubleMuon_2018.root",
                "columns/2mu/DYJetsToLL_M50_2018.arrow", "columns/2mu/DoubleMuon_2018.arrow");
        assertThat(a).containsKeys(outputs.toArray(String[]::new));
        for (String f : outputs) {
            assertThat(b.get(f)).as(f).isEqualTo(a.get(f));
        }
        // the rows went to files, not into the serialized result a second time
        assertThat(one.result().containsKey(AnalysisProcessor.SKIM)).isFalse();
        assertThat(one.result().containsKey(AnalysisProcessor.COLUMNS)).isFalse();
    }

    /** The input's events with nMuon >= 2, read directly: entry numbers. */
    static List<Integer> twoMuonEntries(Tree in) {
        PrimitiveColumn n = (PrimitiveColumn) in.read("nMuon", 0, in.entries());
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < n.length(); e++) {
            if (n.getLong(e) >= 2) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void theSkimReadsBackAsTheSelectedInputEventsWithTheRunsSums(@TempDir Path dir) {
        RunOutput<AccumulatorMap> out = run(dir, 2, 7);
        Sum sums = (Sum) out.result().get("sumGenWeights", AccumulatorMap.class).get("DYJetsToLL_M50_2018");
        try (RootFile input = RootFile.open(TestData.nanoaod("nano_dy.root"));
                RootFile skim = RootFile.open(dir.resolve("skims/DYJetsToLL_M50_2018.root"))) {
            Tree in = input.tree("Events");
            Tree sk = skim.tree("Events");
            List<Integer> kept = twoMuonEntries(in);
            assertThat(kept).isNotEmpty();
            assertThat(sk.entries()).isEqualTo(kept.size());
            assertThat(sk.branch("Muon_pt").counter()).isEqualTo("nMuon");
            for (String b : List.of("event", "nMuon", "Muon_pt", "Muon_eta", "Muon_charge", "Muon_tightId")) {
                Column all = in.read(b, 0, in.entries());
                Column got = sk.read(b, 0, sk.entries());
                for (int i = 0; i < kept.size(); i++) {
                    assertThat(values(got, i)).as("%s of skim entry %d", b, i).isEqualTo(values(all, kept.get(i)));
                }
            }
            Tree runs = skim.tree("Runs");
            assertThat(runs.entries()).isEqualTo(1);
            assertThat(((PrimitiveColumn) runs.read("genEventSumw", 0, 1)).getDouble(0)).isEqualTo(sums.sumw());
            assertThat(((PrimitiveColumn) runs.read("genEventCount", 0, 1)).getLong(0)).isEqualTo(sums.entries());
        }
        try (RootFile data = RootFile.open(dir.resolve("skims/DoubleMuon_2018.root"))) {
            assertThat(data.tree("Events").entries()).isPositive();
        }
    }

    /** @return entry {@code e}'s values as doubles (bit-exact for float and int branches) */
    static List<Double> values(Column c, int e) {
        List<Double> out = new ArrayList<>();
        if (c instanceof ListColumn<?> l) {
            PrimitiveColumn p = (PrimitiveColumn) l.content();
            for (int j = l.start(e); j < l.end(e); j++) {
                out.add(p.getDouble(j));
            }
        } else {
            out.add(((PrimitiveColumn) c).getDouble(e));
        }
        return out;
    }

    @Test
    void savedColumnsReadBackWithArrowsOwnReader(@TempDir Path dir) throws Exception {
        run(dir, 2, 7);
        Path file = dir.resolve("columns/2mu/DYJetsToLL_M50_2018.arrow");
        try (RootFile input = RootFile.open(TestData.nanoaod("nano_dy.root"));
                RootAllocator alloc = new RootAllocator();
                ArrowFileReader r = new ArrowFileReader(Files.newByteChannel(file), alloc)) {
            Tree in = input.tree("Events");
            List<Integer> kept = twoMuonEntries(in);
            PrimitiveColumn event = (PrimitiveColumn) in.read("event", 0, in.entries());
            ListColumn<?> pt = (ListColumn<?>) in.read("Muon_pt", 0, in.entries());
            assertThat(r.getVectorSchemaRoot().getSchema().getCustomMetadata())
                    .containsEntry("dataset", "DYJetsToLL_M50_2018").containsEntry("category", "2mu")
                    .containsEntry("isMC", "true");
            List<Long> events = new ArrayList<>();
            List<List<Float>> pts = new ArrayList<>();
            while (r.loadNextBatch()) {
                VectorSchemaRoot root = r.getVectorSchemaRoot();
                UInt8Vector ev = (UInt8Vector) root.getVector("event");
                ListVector mu = (ListVector) root.getVector("muonPt");
                for (int i = 0; i < root.getRowCount(); i++) {
                    events.add(ev.get(i));
                    List<Float> l = new ArrayList<>();
                    Float4Vector v = (Float4Vector) mu.getDataVector();
                    for (int j = mu.getElementStartIndex(i); j < mu.getElementEndIndex(i); j++) {
                        l.add(v.get(j));
                    }
                    pts.add(l);
                }
            }
            assertThat(events).hasSize(kept.size());
            for (int i = 0; i < kept.size(); i++) {
                int e = kept.get(i);
                assertThat(events.get(i)).isEqualTo(event.getLong(e));
                List<Float> want = new ArrayList<>();
                for (int j = pt.start(e); j < pt.end(e); j++) {
                    want.add((float) ((PrimitiveColumn) pt.content()).getDouble(j));
                }
                assertThat(pts.get(i)).as("muonPt of row %d", i).isEqualTo(want);
            }
        }
    }

    /**
     * The npm package apache-arrow (tools/arrow-check), a reader independent of crema and of Arrow
     * Java, sees the same rows. Skips, saying why, where node or the packages are not available.
     */
    @Test
    void savedColumnsReadBackWithNodeApacheArrow(@TempDir Path dir) throws Exception {
        Path tool = TestData.root().resolve("tools/arrow-check");
        org.junit.jupiter.api.Assumptions.assumeTrue(exitCode(tool, "node", "--version") == 0,
                "node is not installed: the independent Arrow reader cannot run");
        if (!Files.isDirectory(tool.resolve("node_modules/apache-arrow"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(exitCode(tool, "npm", "ci", "--no-audit", "--no-fund") == 0,
                    "npm ci in " + tool + " failed: is the npm registry reachable?");
        }
        run(dir, 2, 7);
        Path file = dir.resolve("columns/2mu/DYJetsToLL_M50_2018.arrow");
        Process p = new ProcessBuilder("node", "check.mjs", "arrow", file.toString()).directory(tool.toFile()).start();
        byte[] json = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(new String(p.getErrorStream().readAllBytes())).isZero();
        com.fasterxml.jackson.databind.JsonNode seen = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(seen.path("metadata").path("dataset").asText()).isEqualTo("DYJetsToLL_M50_2018");
        assertThat(seen.path("metadata").path("category").asText()).isEqualTo("2mu");
        try (RootFile input = RootFile.open(TestData.nanoaod("nano_dy.root"))) {
            Tree in = input.tree("Events");
            List<Integer> kept = twoMuonEntries(in);
            PrimitiveColumn event = (PrimitiveColumn) in.read("event", 0, in.entries());
            ListColumn<?> pt = (ListColumn<?>) in.read("Muon_pt", 0, in.entries());
            List<String> events = new ArrayList<>();
            List<Double> pts = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode batch : seen.path("batches")) {
                batch.path("columns").path("event").path("values").forEach(v -> events.add(v.asText()));
                int base = pts.size();
                com.fasterxml.jackson.databind.JsonNode o = batch.path("columns").path("muonPt").path("offsets");
                for (int k = offsets.isEmpty() ? 0 : 1; k < o.size(); k++) {
                    offsets.add(base + o.get(k).asInt());
                }
                batch.path("columns").path("muonPt").path("values").forEach(v -> pts.add(v.asDouble()));
            }
            assertThat(events).hasSize(kept.size());
            for (int i = 0; i < kept.size(); i++) {
                int e = kept.get(i);
                assertThat(events.get(i)).isEqualTo(Long.toUnsignedString(event.getLong(e)));
                List<Double> want = values(pt, e);
                assertThat(pts.subList(offsets.get(i), offsets.get(i + 1))).as("muonPt of row %d", i).isEqualTo(want);
            }
        }
    }

    /**
     * JSROOT (tools/jsroot-check), a reader independent of crema, sees the skim's branches with the
     * statistics of the selected input events: entries, list lengths, minimum, maximum and the sum in
     * entry order (the same double additions in both languages, so compared exactly), and the Runs
     * tree's Σ genWeight. Skips, saying why, where node or the jsroot package are not available.
     */
    @Test
    void theSkimReadsBackWithJsroot(@TempDir Path dir) throws Exception {
        Path tool = TestData.root().resolve("tools/jsroot-check");
        org.junit.jupiter.api.Assumptions.assumeTrue(exitCode(tool, "node", "--version") == 0,
                "node is not installed: JSROOT cannot run");
        if (!Files.isDirectory(tool.resolve("node_modules/jsroot"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(exitCode(tool, "npm", "ci", "--ignore-scripts",
                    "--omit=optional", "--no-audit", "--no-fund") == 0, "npm ci in " + tool + " failed: is the npm"
                    + " registry reachable?");
        }
        RunOutput<AccumulatorMap> out = run(dir, 2, 7);
        Sum sums = (Sum) out.result().get("sumGenWeights", AccumulatorMap.class).get("DYJetsToLL_M50_2018");
        Path file = dir.resolve("skims/DYJetsToLL_M50_2018.root");
        Process p = new ProcessBuilder("node", "check.mjs", file.toString()).directory(tool.toFile()).start();
        byte[] json = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(new String(p.getErrorStream().readAllBytes())).isZero();
        com.fasterxml.jackson.databind.JsonNode objects = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json).path("objects");
        Map<String, com.fasterxml.jackson.databind.JsonNode> branches = new java.util.HashMap<>();
        objects.path("Events").path("branches").forEach(b -> branches.put(b.path("name").asText(), b));
        try (RootFile input = RootFile.open(TestData.nanoaod("nano_dy.root"))) {
            Tree in = input.tree("Events");
            List<Integer> kept = twoMuonEntries(in);
            for (String b : List.of("nMuon", "Muon_pt", "Muon_eta", "Muon_charge")) {
                Column all = in.read(b, 0, in.entries());
                long total = 0;
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int e : kept) {
                    for (double v : values(all, e)) {
                        total++;
                        sum += v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                com.fasterxml.jackson.databind.JsonNode seen = branches.get(b);
                assertThat(seen).as("JSROOT sees branch %s", b).isNotNull();
                com.fasterxml.jackson.databind.JsonNode st = seen.path("stats");
                assertThat(st.path("entries").asLong()).as(b).isEqualTo(kept.size());
                if (all instanceof ListColumn<?>) {
                    assertThat(seen.path("counter").asText()).as(b).isEqualTo("nMuon");
                    assertThat(st.path("totalCount").asLong()).as(b).isEqualTo(total);
                }
                assertThat(st.path("sum").asDouble()).as(b).isEqualTo(sum);
                assertThat(st.path("min").asDouble()).as(b).isEqualTo(min);
                assertThat(st.path("max").asDouble()).as(b).isEqualTo(max);
            }
        }
        com.fasterxml.jackson.databind.JsonNode runs = objects.path("Runs").path("branches");
        double sumw = Double.NaN;
        for (com.fasterxml.jackson.databind.JsonNode b : runs) {
            if (b.path("name").asText().equals("genEventSumw")) {
                sumw = b.path("stats").path("sum").asDouble();
            }
        }
        assertThat(sumw).isEqualTo(sums.sumw());
    }

    private static int exitCode(Path dir, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
