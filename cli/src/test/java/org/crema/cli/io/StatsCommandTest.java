package org.crema.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crema.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code crema stats FILE --json} on every bundled sample and compares every branch's {@code
 * stats} object with the independent reference values (numbers equal exactly, same fields).
 */
class StatsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path root() {
        String p = System.getProperty("crema.root");
        return (p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    static Stream<Path> samples() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("nanoaod", "compression")) {
            try (Stream<Path> s = Files.list(root().resolve("data/samples").resolve(dir))) {
                s.filter(f -> f.toString().endsWith(".root")).sorted().forEach(out::add);
            }
        }
        return out.stream();
    }

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void statsJsonEqualsReference(Path file) throws IOException {
        String stem = file.getFileName().toString().replace(".root", "");
        JsonNode ref = JSON.readTree(root().resolve("data/reference").resolve(stem + ".json").toFile());
        JsonNode refTree = ref.get("trees").get(ref.get("mainTree").asText());
        Result r = run("stats", file.toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode mine = JSON.readTree(r.out());
        assertThat(mine.get("entries").asLong()).isEqualTo(refTree.get("entries").asLong());
        Map<String, JsonNode> mineByName = new HashMap<>();
        mine.get("branches").forEach(b -> mineByName.put(b.get("name").asText(), b));
        assertThat(mineByName).hasSize(refTree.get("branches").size());
        List<String> differences = new ArrayList<>();
        for (JsonNode rb : refTree.get("branches")) {
            JsonNode b = mineByName.get(rb.get("name").asText());
            for (String field : List.of("type", "jagged", "counter")) {
                if (rb.has(field) != b.has(field) || (rb.has(field) && !rb.get(field).equals(b.get(field)))) {
                    differences.add(rb.get("name").asText() + "." + field + ": " + rb.get(field) + " vs " + b.get(field));
                }
            }
            if (!sameJson(rb.get("stats"), b.get("stats"))) {
                differences.add(rb.get("name").asText() + ".stats: " + rb.get("stats") + " vs " + b.get("stats"));
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Structural equality with numbers compared by value (the reference writes 2.0 as 2). */
    static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        if (a.isArray() && b.isArray() || a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (!sameJson(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            var names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!b.has(n) || !sameJson(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    @Test
    void inspectListsTreesAndBranchTypes() {
        Result r = run("inspect", root().resolve("data/samples/nanoaod/nano_dy.root").toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("tree Events (\"Events\"): 40 entries, 1499 branches")
                .containsPattern("Jet_pt\\s+Float_t\\s+nJet\\s+682\\s+995\\s+1")
                .contains("tree Runs");
    }

    @Test
    void statsSelectsBranchesByGlob() throws IOException {
        Result r = run("stats", root().resolve("data/samples/nanoaod/nano_dy.root").toString(), "--branches",
                "Jet_p*,nJet", "--json");
        JsonNode doc = JSON.readTree(r.out());
        List<String> names = new ArrayList<>();
        doc.get("branches").forEach(b -> names.add(b.get("name").asText()));
        assertThat(names).containsExactly("nJet", "Jet_phi", "Jet_pt", "Jet_puId", "Jet_partonFlavour");
    }

    @Test
    void unknownTreeFailsWithSuggestion() {
        Result r = run("stats", root().resolve("data/samples/nanoaod/nano_dy.root").toString(), "--tree", "Evnts");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("nano_dy.root").contains("no tree named 'Evnts'").contains("did you mean Events");
    }
}
