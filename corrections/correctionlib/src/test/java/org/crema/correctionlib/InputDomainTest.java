package org.crema.correctionlib;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Correction#domains()} against the same summary taken independently from the raw JSON: the
 * smallest and largest bin edge of every binned input and the category keys of every category input.
 */
class InputDomainTest {

    static java.util.stream.Stream<Path> files() throws java.io.IOException {
        return AllFilesTest.files();
    }

    @ParameterizedTest
    @MethodSource("files")
    void domainsEqualTheRawJsonsEdgesAndKeys(Path file) throws Exception {
        JsonNode root;
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            // POG files write infinite edges as Infinity, as correctionlib's own reader accepts
            root = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in);
        }
        CorrectionSet set = CorrectionSet.load(file);
        int checked = 0;
        for (JsonNode c : root.get("corrections")) {
            Summary want = new Summary();
            walk(c.get("data"), want);
            for (Correction.InputDomain d : set.correction(c.get("name").asText()).domains()) {
                double[] range = want.ranges.get(d.name());
                if (range == null) {
                    assertThat(d.binned()).as("%s %s", c.get("name"), d.name()).isFalse();
                } else {
                    assertThat(new double[] {d.low(), d.high()}).as("%s %s", c.get("name"), d.name()).containsExactly(range);
                }
                assertThat(new TreeSet<>(d.intKeys())).isEqualTo(want.ints.getOrDefault(d.name(), new TreeSet<>()));
                assertThat(new LinkedHashSet<>(d.stringKeys())).containsExactlyInAnyOrderElementsOf(
                        want.strings.getOrDefault(d.name(), Set.of()));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    /** Edges and keys per input name, collected from the JSON tree. */
    static final class Summary {
        final Map<String, double[]> ranges = new HashMap<>();
        final Map<String, TreeSet<Long>> ints = new HashMap<>();
        final Map<String, Set<String>> strings = new HashMap<>();

        void edges(String input, JsonNode edges) {
            double lo;
            double hi;
            if (edges.isArray()) {
                lo = Double.POSITIVE_INFINITY;
                hi = Double.NEGATIVE_INFINITY;
                for (JsonNode e : edges) {
                    lo = Math.min(lo, e.asDouble());
                    hi = Math.max(hi, e.asDouble());
                }
            } else { // uniform binning {n, low, high}
                lo = edges.get("low").asDouble();
                hi = edges.get("high").asDouble();
            }
            double[] r = ranges.computeIfAbsent(input, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            r[0] = Math.min(r[0], lo);
            r[1] = Math.max(r[1], hi);
        }
    }

    static void walk(JsonNode node, Summary s) {
        if (node == null || !node.isObject() || !node.has("nodetype")) {
            return;
        }
        switch (node.get("nodetype").asText()) {
            case "binning" -> {
                s.edges(node.get("input").asText(), node.get("edges"));
                node.get("content").forEach(c -> walk(c, s));
                walk(node.get("flow"), s);
            }
            case "multibinning" -> {
                List<JsonNode> inputs = new java.util.ArrayList<>();
                node.get("inputs").forEach(inputs::add);
                for (int i = 0; i < inputs.size(); i++) {
                    s.edges(inputs.get(i).asText(), node.get("edges").get(i));
                }
                node.get("content").forEach(c -> walk(c, s));
                walk(node.get("flow"), s);
            }
            case "category" -> {
                String input = node.get("input").asText();
                for (JsonNode item : node.get("content")) {
                    JsonNode key = item.get("key");
                    if (key.isNumber()) {
                        s.ints.computeIfAbsent(input, k -> new TreeSet<>()).add(key.asLong());
                    } else {
                        s.strings.computeIfAbsent(input, k -> new LinkedHashSet<>()).add(key.asText());
                    }
                    walk(item.get("value"), s);
                }
                walk(node.get("default"), s);
            }
            case "transform" -> {
                walk(node.get("rule"), s);
                walk(node.get("content"), s);
            }
            default -> {
            }
        }
    }
}
