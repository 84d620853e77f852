package org.crema.io.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.Columns;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.Selection;
import org.crema.io.BranchInfo;
import org.crema.io.BranchStatistics;
import org.crema.io.RootFile;
import org.crema.io.StatsJson;
import org.crema.io.TestData;
import org.crema.io.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NanoAOD skims written by {@link TreeWriter}: the selected events of a real file, every branch
 * type NanoAOD uses, re-read by crema's reader and by JSROOT; branch statistics must equal those of
 * the original file's selected events.
 */
class SkimWriteTest {
    @TempDir
    Path dir;

    record Skim(Map<String, BranchStatistics> expected, List<BranchSpec> specs, long entries) {
    }

    /** Copies the events with at least one muon, in two appended chunks and clusters of 3 entries. */
    static Skim skim(Path source, Path out, CompressionSetting codec) {
        Map<String, BranchStatistics> expected = new LinkedHashMap<>();
        List<BranchSpec> specs = new ArrayList<>();
        long entries;
        try (RootFile in = RootFile.open(source); RootWriter w = RootWriter.create(out, codec)) {
            Tree events = in.tree("Events");
            List<BranchInfo> infos = events.branches().stream()
                    .filter(b -> b.readable() && (b.jagged() || b.fixedLength() == 1)).toList();
            for (BranchInfo b : infos) {
                specs.add(BranchSpec.like(b));
            }
            IntColumn nMuon = (IntColumn) events.read("nMuon", 0, events.entries());
            boolean[] keep = new boolean[nMuon.length()];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = nMuon.get(i) >= 1;
            }
            BoolColumn mask = BoolColumn.of(keep);
            TreeWriter t = w.tree("Events", "Events", specs, 3);
            Map<String, Column> all = new LinkedHashMap<>();
            for (BranchInfo b : infos) {
                Column c = Selection.filterEvents(events.read(b.name(), 0, events.entries()), mask);
                all.put(b.name(), c);
                expected.put(b.name(), BranchStatistics.of(c));
            }
            int n = all.get("nMuon").length();
            int half = n / 2;
            Map<String, Column> first = new LinkedHashMap<>();
            Map<String, Column> second = new LinkedHashMap<>();
            all.forEach((k, c) -> {
                first.put(k, region(c, 0, half));
                second.put(k, region(c, half, n - half));
            });
            t.append(first);
            t.append(second);
            entries = t.entries();

            // The Runs tree carries the generator-weight sums of all events, before the selection.
            FloatColumn genWeight = (FloatColumn) events.read("genWeight", 0, events.entries());
            IntColumn run = (IntColumn) events.read("run", 0, 1);
            RunSums sums = RunSums.of(Integer.toUnsignedLong(run.get(0)), genWeight.toArray());
            w.runs(List.of(sums));
            expected.put("Runs/run", BranchStatistics.of(IntColumn.ofUnsigned(run.get(0))));
            expected.put("Runs/genEventCount", BranchStatistics.of(org.crema.columnar.LongColumn.of(events.entries())));
            expected.put("Runs/genEventSumw", BranchStatistics.of(org.crema.columnar.DoubleColumn.of(sums.genEventSumw())));
            expected.put("Runs/genEventSumw2",
                    BranchStatistics.of(org.crema.columnar.DoubleColumn.of(sums.genEventSumw2())));
        }
        return new Skim(expected, specs, entries);
    }

    static Column region(Column c, int from, int len) {
        if (c instanceof ListColumn<?> l) {
            return l.region(from, len);
        }
        return ((org.crema.columnar.PrimitiveColumn) c).region(from, len);
    }

    @Test
    void skimOfRealNanoAodRoundTripsThroughCremaAndJsroot() throws Exception {
        Path src = TestData.nano("nano_dy.root");
        Path out = dir.resolve("skim.root");
        Skim s = skim(src, out, CompressionSetting.zlib(1));
        assertThat(s.entries()).isGreaterThan(0);
        // Every type NanoAOD uses is exercised by this file.
        assertThat(s.specs()).extracting(BranchSpec::type).contains(LeafType.FLOAT, LeafType.INT, LeafType.UINT,
                LeafType.BOOL, LeafType.UCHAR, LeafType.ULONG64);

        try (RootFile r = RootFile.open(out)) {
            Tree t = r.tree("Events");
            assertThat(t.entries()).isEqualTo(s.entries());
            // Clusters of 3 within each appended chunk: the reader sees the boundaries written.
            long half = s.entries() / 2;
            List<Long> starts = new ArrayList<>();
            for (long e = 0; e < half; e += 3) {
                starts.add(e);
            }
            for (long e = half; e < s.entries(); e += 3) {
                starts.add(e);
            }
            assertThat(t.clusterStarts()).containsExactly(starts.stream().mapToLong(Long::longValue).toArray());
            for (BranchSpec b : s.specs()) {
                BranchInfo info = t.branch(b.name());
                assertThat(info.typeName()).as(b.name()).isEqualTo(b.type().rootName());
                assertThat(info.counter()).as(b.name()).isEqualTo(b.counter());
                assertThat(info.title()).as(b.name()).isEqualTo(b.title().isEmpty() ? b.leafList() : b.title());
                BranchStatistics got = BranchStatistics.of(t, b.name());
                BranchStatistics want = s.expected().get(b.name());
                assertThat(StatsJson.stats(b.name(), got)).as(b.name()).isEqualTo(StatsJson.stats(b.name(), want));
            }
            Tree runs = r.tree("Runs");
            for (BranchInfo b : runs.branches()) {
                assertThat(StatsJson.stats(b.name(), BranchStatistics.of(runs, b.name()))).as("Runs/" + b.name())
                        .isEqualTo(StatsJson.stats(b.name(), s.expected().get("Runs/" + b.name())));
            }
            assertThat(runs.has("genEventSumw")).isTrue();
        }

        JsonNode js = JsRoot.read(out);
        JsonNode events = js.get("objects").get("Events");
        assertThat(events.get("entries").asLong()).isEqualTo(s.entries());
        for (JsonNode b : events.get("branches")) {
            String name = b.get("name").asText();
            assertJsStats(name, b.get("stats"), s.expected().get(name));
        }
        for (JsonNode b : js.get("objects").get("Runs").get("branches")) {
            String name = b.get("name").asText();
            assertJsStats(name, b.get("stats"), s.expected().get("Runs/" + name));
        }
    }

    static void assertJsStats(String name, JsonNode js, BranchStatistics want) {
        assertThat(js.get("entries").asLong()).as(name).isEqualTo(want.entries());
        if (want.jagged()) {
            assertThat(js.get("totalCount").asLong()).as(name).isEqualTo(want.totalCount());
        }
        // Both sum the same float-to-double values sequentially in entry order: bit-exact.
        assertThat(js.get("sum").asDouble()).as(name).isEqualTo(want.sum());
        if (!Double.isNaN(want.min())) {
            assertThat(js.get("min").asDouble()).as(name).isEqualTo(want.min());
            assertThat(js.get("max").asDouble()).as(name).isEqualTo(want.max());
        } else {
            assertThat(js.get("min").isNull()).as(name).isTrue();
        }
        assertThat(js.get("nonFiniteCount").asLong()).as(name).isEqualTo(want.nonFiniteCount());
    }

    @Test
    void everyCodecSkimsTheSameEvents() throws Exception {
        for (String codec : List.of("none", "lzma-9", "lz4-4", "zstd-5")) {
            Path out = dir.resolve("skim-" + codec + ".root");
            Skim s = skim(TestData.nano("nano_dy.root"), out, CompressionSetting.parse(codec));
            try (RootFile r = RootFile.open(out)) {
                Tree t = r.tree("Events");
                for (String b : List.of("Muon_pt", "nMuon", "event", "HLT_IsoMu24", "Jet_jetId")) {
                    assertThat(StatsJson.stats(b, BranchStatistics.of(t, b))).as(codec + " " + b)
                            .isEqualTo(StatsJson.stats(b, s.expected().get(b)));
                }
            }
        }
    }

    @Test
    void counterIsDerivedFromTheListsOrCheckedAgainstThem() throws Exception {
        Path out = dir.resolve("counter.root");
        List<BranchSpec> specs = List.of(BranchSpec.flat("nJet", LeafType.UINT),
                BranchSpec.jagged("Jet_pt", LeafType.FLOAT, "nJet"), BranchSpec.jagged("Jet_eta", LeafType.FLOAT, "nJet"));
        try (RootWriter w = RootWriter.create(out)) {
            TreeWriter t = w.tree("Events", "Events", specs);
            ListColumn<FloatColumn> pt = Columns.jagged(new int[] {0, 2, 2, 3}, new float[] {50, 40, 30});
            ListColumn<FloatColumn> eta = Columns.jagged(new int[] {0, 2, 2, 3}, new float[] {0.1f, -0.2f, 2.1f});
            ListColumn<FloatColumn> eta2 = Columns.jagged(new int[] {0, 1, 2, 3}, new float[] {0.1f, -0.2f, 2.1f});
            assertThatThrownBy(() -> t.append(Map.of("Jet_pt", pt, "Jet_eta", eta2)))
                    .hasMessage("tree 'Events': branch 'Jet_eta' has list lengths that differ from other branches"
                            + " counted by 'nJet' (entry 0: 2 vs 1)");
            assertThatThrownBy(() -> t.append(Map.of("Jet_pt", pt, "Jet_eta", eta, "nJet",
                    IntColumn.ofUnsigned(2, 0, 2))))
                    .hasMessage("tree 'Events': counter 'nJet' is 2 at entry 2 of this chunk but its lists have 1"
                            + " elements");
            assertThatThrownBy(() -> t.append(Map.of("Jet_pt", pt, "Jet_eta", Columns.jagged(new int[] {0, 2, 2, 3},
                    new double[] {1, 2, 3}))))
                    .hasMessage("tree 'Events': branch 'Jet_eta' is Float_t (FLOAT32), column holds FLOAT64");
            assertThatThrownBy(() -> t.append(Map.of("Jet_pt", pt)))
                    .hasMessage("tree 'Events': no column for branch 'Jet_eta' in this chunk (given: [Jet_pt])");
            t.append(Map.of("Jet_pt", pt, "Jet_eta", eta));
        }
        try (RootFile r = RootFile.open(out)) {
            Tree t = r.tree("Events");
            assertThat(t.entries()).isEqualTo(3);
            assertThat(((IntColumn) t.read("nJet", 0, 3)).toArray()).containsExactly(2, 0, 1);
            assertThat(t.read("Jet_pt", 0, 3)).isEqualTo(Columns.jagged(new int[] {0, 2, 2, 3},
                    new float[] {50, 40, 30}));
        }
        assertThatThrownBy(() -> new RootWriterProbe(dir).tree(List.of(BranchSpec.jagged("Jet_pt", LeafType.FLOAT,
                "nJet"))))
                .hasMessage("tree 'Events': counter 'nJet' of branch 'Jet_pt' must be declared before it");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("counter.root");
    }

    /** Opens a writer only to declare a tree, then abandons it. */
    record RootWriterProbe(Path dir) {
        void tree(List<BranchSpec> specs) {
            RootWriter w = RootWriter.create(dir.resolve("probe.root"));
            try {
                w.tree("Events", "Events", specs);
            } finally {
                w.abort();
            }
        }
    }
}
