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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every ROOT sample and compares, for every branch of every tree, crema's metadata and
 * statistics with the reference values written by an independent reader (JSROOT). Integers and
 * floats must agree exactly: the sums use the same sequential summation order.
 */
class ReferenceStatisticsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> bundled() {
        return TestData.bundledRootFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void bundledFileMatchesReference(Path file) throws IOException {
        compareWithReference(file);
    }

    @Test
    void sharedCopiesMatchReference() throws IOException {
        List<Path> shared = TestData.sharedRootFiles();
        Assumptions.assumeFalse(shared.isEmpty(),
                "shared data folder " + TestData.shared() + " is absent: only the bundled samples were checked");
        for (Path file : shared) {
            compareWithReference(file);
        }
    }

    @Test
    void everyBundledSampleIsCovered() {
        assertThat(TestData.bundledRootFiles()).hasSize(14);
    }

    private static void compareWithReference(Path file) throws IOException {
        JsonNode ref = JSON.readTree(Files.readString(TestData.reference(TestData.stem(file))));
        List<String> problems = new ArrayList<>();
        try (RootFile rf = RootFile.open(file)) {
            JsonNode header = ref.get("header");
            check(problems, "fVersion", header.get("fVersion").asInt(), rf.rootVersion());
            check(problems, "fCompress", header.get("fCompress").asInt(), rf.compression());
            List<String> refKeys = new ArrayList<>();
            for (JsonNode k : ref.get("keys")) {
                // The reference reader lists the streamer-info record as a key; it is not in the directory.
                if (!k.get("name").asText().equals("StreamerInfo")) {
                    refKeys.add(k.get("name").asText() + ";" + k.get("cycle").asInt() + ":" + k.get("className").asText()
                            + ":" + k.get("title").asText());
                }
            }
            List<String> keys = rf.keys().stream()
                    .map(k -> k.name() + ";" + k.cycle() + ":" + k.className() + ":" + k.title()).toList();
            check(problems, "keys", refKeys, keys);
            Iterator<Map.Entry<String, JsonNode>> trees = ref.get("trees").fields();
            while (trees.hasNext()) {
                Map.Entry<String, JsonNode> e = trees.next();
                compareTree(problems, rf.tree(e.getKey()), e.getValue());
            }
        }
        assertThat(problems).as("differences from the reference for " + file).isEmpty();
    }

    private static void compareTree(List<String> problems, Tree tree, JsonNode ref) throws IOException {
        String t = tree.name();
        check(problems, t + " entries", ref.get("entries").asLong(), tree.entries());
        check(problems, t + " title", ref.get("title").asText(), tree.title());
        List<BranchInfo> branches = tree.branches();
        check(problems, t + " branch count", ref.get("branches").size(), branches.size());
        int i = 0;
        for (JsonNode rb : ref.get("branches")) {
            if (i >= branches.size()) {
                break;
            }
            BranchInfo b = branches.get(i++);
            String where = t + "/" + rb.get("name").asText();
            check(problems, where + " name", rb.get("name").asText(), b.name());
            check(problems, where + " leafClass", rb.get("leafClass").asText(), b.leafClass());
            check(problems, where + " type", rb.get("type").asText(), b.typeName());
            check(problems, where + " jagged", rb.get("jagged").asBoolean(), b.jagged());
            check(problems, where + " counter", rb.has("counter") ? rb.get("counter").asText() : null, b.counter());
            check(problems, where + " isCounter", rb.has("isCounter") && rb.get("isCounter").asBoolean(), b.isCounter());
            check(problems, where + " title", rb.get("title").asText(), b.title());
            if (rb.has("leafTitle")) {
                check(problems, where + " leafTitle", rb.get("leafTitle").asText(), b.leafTitle());
            }
            check(problems, where + " branchCompress", rb.get("branchCompress").asInt(), b.branchCompress());
            check(problems, where + " nBaskets", rb.get("nBaskets").asInt(), b.basketCount());
            if (rb.has("embeddedBaskets")) {
                check(problems, where + " embeddedBaskets", rb.get("embeddedBaskets").asInt(), b.embeddedBasketCount());
            }
            check(problems, where + " totBytes", rb.get("totBytes").asLong(), b.uncompressedBytes());
            check(problems, where + " zipBytes", rb.get("zipBytes").asLong(), b.compressedBytes());
            if (!rb.has("stats")) {
                check(problems, where + " readable", false, b.readable());
                continue;
            }
            BranchStatistics s = BranchStatistics.of(tree, b.name());
            JsonNode mine = JSON.readTree(StatsJson.stats(b.name(), s));
            problems.addAll(JsonCompare.diff(where + ".stats", rb.get("stats"), mine));
        }
    }

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
