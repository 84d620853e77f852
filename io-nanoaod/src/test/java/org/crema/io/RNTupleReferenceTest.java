package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crema.io.rntuple.ClusterInfo;
import org.crema.io.rntuple.ColumnInfo;
import org.crema.io.rntuple.FieldInfo;
import org.crema.io.rntuple.RNTuple;
import org.crema.io.rntuple.RNTupleReader;
import org.crema.io.rntuple.RNTupleStats;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every RNTuple sample of the shared data folder (uproot-written in CMSSW's layout, and
 * ROOT-written with split, zigzag and delta encodings, page checksums and projections) and compares
 * every leaf field's statistics with the reference values on which uproot and JSROOT agree:
 * integers exactly, floats bit for bit (the sums use the same sequential order).
 */
class RNTupleReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path dir() {
        return TestData.shared().resolve("rntuple");
    }

    static Stream<Path> samples() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path d : List.of(dir(), dir().resolve("root-written"))) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".root")).sorted().forEach(out::add);
                }
            }
        }
        if (out.isEmpty()) {
            // A placeholder that the test skips with a message.
            out.add(dir().resolve("absent.root"));
        }
        return out.stream();
    }

    @Test
    void everySampleHasAReference() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(dir()), "shared RNTuple folder " + dir() + " is absent");
        List<Path> files = samples().toList();
        assertThat(files).hasSize(11);
        for (Path f : files) {
            assertThat(reference(f)).exists();
        }
    }

    private static Path reference(Path file) {
        return dir().resolve("reference").resolve(TestData.stem(file) + ".json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void matchesReference(Path file) throws IOException {
        Assumptions.assumeTrue(Files.exists(file), "shared RNTuple folder " + dir() + " is absent");
        JsonNode ref = JSON.readTree(Files.readString(reference(file)));
        List<String> problems = new ArrayList<>();
        int compared = 0;
        try (RNTupleReader reader = RNTupleReader.open(file)) {
            List<String> expectedNames = new ArrayList<>();
            ref.get("ntuples").fieldNames().forEachRemaining(expectedNames::add);
            check(problems, "ntuple names", expectedNames, reader.ntupleNames());
            Iterator<Map.Entry<String, JsonNode>> it = ref.get("ntuples").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                compared += compareNTuple(problems, reader.ntuple(e.getKey()), e.getValue());
            }
        }
        assertThat(problems).as("differences from the reference for " + file).isEmpty();
        assertThat(compared).isPositive();
    }

    private static int compareNTuple(List<String> problems, RNTuple nt, JsonNode ref) throws IOException {
        String n = nt.name();
        check(problems, n + " entries", ref.get("entries").asLong(), nt.entries());
        check(problems, n + " formatVersion", ref.get("formatVersion").asText(), nt.formatVersion());
        check(problems, n + " writer", ref.get("writer").asText(), nt.writer());
        check(problems, n + " nClusterGroups", ref.get("nClusterGroups").asInt(), nt.clusterGroupCount());
        List<Long> clusterEntries = new ArrayList<>();
        ref.get("clusterEntries").forEach(x -> clusterEntries.add(x.asLong()));
        check(problems, n + " clusterEntries", clusterEntries, nt.clusters().stream().map(ClusterInfo::entries).toList());
        check(problems, n + " nFields", ref.get("nFields").asInt(), nt.fields().size());
        check(problems, n + " nLeafFields", ref.get("nLeafFields").asInt(), nt.leafFields().size());
        Map<String, Integer> columnTypes = new java.util.TreeMap<>();
        int physical = 0;
        int alias = 0;
        for (FieldInfo f : nt.fields()) {
            for (ColumnInfo c : f.columns()) {
                if (c.alias()) {
                    alias++;
                } else {
                    physical++;
                    columnTypes.merge(c.type(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> refTypes = new java.util.TreeMap<>();
        ref.get("columnTypes").fields().forEachRemaining(e -> refTypes.put(e.getKey(), e.getValue().asInt()));
        check(problems, n + " nColumns", ref.get("nColumns").asInt(), physical);
        check(problems, n + " nAliasColumns", ref.get("nAliasColumns").asInt(), alias);
        check(problems, n + " columnTypes", refTypes, columnTypes);
        check(problems, n + " nProjectedFields", ref.get("nProjectedFields").asInt(),
                (int) nt.fields().stream().filter(FieldInfo::projected).count());
        List<String> refOrder = new ArrayList<>();
        ref.get("fields").forEach(f -> refOrder.add(f.get("name").asText()));
        check(problems, n + " leaf field order", refOrder, nt.leafFields().stream().map(FieldInfo::name).toList());
        int compared = 0;
        for (JsonNode rf : ref.get("fields")) {
            String name = rf.get("name").asText();
            String where = n + "/" + name;
            FieldInfo f = nt.field(name);
            check(problems, where + " type", rf.get("type").asText(), f.typeName());
            check(problems, where + " columnType", rf.get("columnType").asText(), f.columns().getFirst().type());
            check(problems, where + " jagged", rf.get("jagged").asBoolean(), f.jagged());
            if (rf.has("collection")) {
                check(problems, where + " collection", rf.get("collection").asText(), f.collection());
            }
            if (rf.has("projectedFrom")) {
                check(problems, where + " projectedFrom", rf.get("projectedFrom").asText(), f.projectedFrom());
            }
            if (rf.has("description")) {
                check(problems, where + " description", rf.get("description").asText(), f.description());
            }
            if (f.jagged()) {
                check(problems, where + " ttreeName", rf.get("ttreeBranch").asText(), RNTupleStats.ttreeName(name));
            }
            if (!rf.has("stats")) {
                continue;
            }
            BranchStatistics s = RNTupleStats.of(nt, name);
            JsonNode mine = JSON.readTree(StatsJson.stats(RNTupleStats.ttreeName(name), s));
            problems.addAll(JsonCompare.diff(where + ".stats", rf.get("stats"), mine));
            compared++;
        }
        return compared;
    }

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
