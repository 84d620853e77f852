package org.crema.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.crema.columnar.Column;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real NanoAOD columns (nano_dy.root read by crema) written in two chunks, read back by the npm
 * readers, and compared both with crema's columns and with the independent JSROOT statistics in
 * data/reference/nano_dy.json: sums are sequential double sums in entry order there, so the same
 * order here gives bit-equal results.
 */
class NanoAodColumnsTest {
    static final List<String> BRANCHES = List.of("run", "luminosityBlock", "event", "genWeight", "HLT_IsoMu24", "nMuon",
            "Muon_pt", "Muon_charge", "Muon_tightId", "Jet_pt", "Jet_jetId");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ColumnTableWriterTest.Format.class)
    void nanoDyColumnsMatchCremaAndTheRootReference(ColumnTableWriterTest.Format format) throws Exception {
        Path root = IndependentReader.root();
        Path sample = root.resolve("data/samples/nanoaod/nano_dy.root");
        JsonNode reference = new ObjectMapper().readTree(root.resolve("data/reference/nano_dy.json").toFile());
        List<SequencedMap<String, Column>> chunks = new ArrayList<>();
        try (RootFile file = RootFile.open(sample)) {
            Tree events = file.tree("Events");
            assertThat(events.entries()).isEqualTo(40);
            // Two chunks, split where an event has muons, as a runner's work items would be.
            for (long[] range : new long[][] {{0, 25}, {25, 40}}) {
                SequencedMap<String, Column> chunk = new LinkedHashMap<>();
                for (String b : BRANCHES) {
                    chunk.put(b, events.read(b, range[0], range[1]));
                }
                chunks.add(chunk);
            }
        }
        Path target = dir.resolve("dy.out");
        TableMetadata meta = TableMetadata.of("DYJetsToLL_M-50", "DY", "2018", true, 6077.22, "inclusive");
        try (ColumnTableWriter w = format.open(target, meta)) {
            chunks.forEach(w::write);
            w.commit();
        }
        assertThat(Files.size(target)).isPositive();
        JsonNode out = format.read(target);
        Map<String, JsonNode> refStats = new LinkedHashMap<>();
        reference.get("trees").get("Events").get("branches").forEach(b -> refStats.put(b.get("name").asText(), b.get("stats")));
        for (String name : BRANCHES) {
            TableFiles.ReadColumn read = format.column(out, name);
            TableFiles.expected(chunks, name).assertEquals(read, format + " " + name);
            JsonNode stats = refStats.get(name);
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (JsonNode v : read.values()) {
                double x = v.isBoolean() ? (v.booleanValue() ? 1 : 0) : v.isTextual() ? Double.parseDouble(v.asText()) : v.doubleValue();
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            assertThat(sum).as("%s %s: sum against JSROOT", format, name).isEqualTo(stats.get("sum").doubleValue());
            assertThat(min).as("%s %s: min against JSROOT", format, name).isEqualTo(stats.get("min").doubleValue());
            assertThat(max).as("%s %s: max against JSROOT", format, name).isEqualTo(stats.get("max").doubleValue());
            if (stats.has("totalCount")) {
                assertThat(read.offsets()).as("%s %s: lists", format, name).hasSize(41);
                assertThat(read.offsets()[40]).as("%s %s: totalCount against JSROOT", format, name).isEqualTo(stats.get("totalCount").intValue());
            } else {
                assertThat(read.values()).as("%s %s: entries", format, name).hasSize(40);
            }
        }
    }
}
