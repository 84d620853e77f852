package org.crema.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code crema inspect} and {@code crema stats} on RNTuple files of the shared data folder: the
 * commands find the RNTuple themselves and stats --json equals the reference statistics.
 */
class RNTupleCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path sample(String name) {
        Path p = StatsCommandTest.root().resolve("../shared/data/rntuple").resolve(name).normalize();
        Assumptions.assumeTrue(Files.exists(p), "shared RNTuple sample " + p + " is absent");
        return p;
    }

    @Test
    void statsJsonOfAnRNTupleEqualsReference() throws IOException {
        Path file = sample("nano_tt_v12_zstd5.root");
        JsonNode ref = JSON.readTree(file.resolveSibling("reference/nano_tt_v12_zstd5.json").toFile())
                .get("ntuples").get("Events");
        StatsCommandTest.Result r = StatsCommandTest.run("stats", file.toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode mine = JSON.readTree(r.out());
        assertThat(mine.get("ntuple").asText()).isEqualTo("Events");
        assertThat(mine.get("entries").asLong()).isEqualTo(200);
        Map<String, JsonNode> byName = new HashMap<>();
        mine.get("fields").forEach(f -> byName.put(f.get("name").asText(), f));
        assertThat(byName).hasSize(ref.get("fields").size());
        List<String> differences = new ArrayList<>();
        for (JsonNode rf : ref.get("fields")) {
            JsonNode f = byName.get(rf.get("name").asText());
            if (f == null || !StatsCommandTest.sameJson(rf.get("stats"), f.get("stats"))
                    || !rf.get("jagged").equals(f.get("jagged"))) {
                differences.add(rf.get("name").asText() + ": " + rf.get("stats") + " vs " + f);
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void statsSelectsFieldsByGlob() throws IOException {
        Path file = sample("nano_dy_zstd5.root");
        StatsCommandTest.Result r = StatsCommandTest.run("stats", file.toString(), "--branches", "Muon._0.p*",
                "--json");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> names = new ArrayList<>();
        JSON.readTree(r.out()).get("fields").forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).isNotEmpty().allMatch(n -> n.startsWith("Muon._0.p")).contains("Muon._0.pt");
    }

    @Test
    void statsReadsTheRunsNTupleByName() {
        Path file = sample("nano_dy_zstd5.root");
        StatsCommandTest.Result r = StatsCommandTest.run("stats", file.toString(), "--tree", "Runs");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Runs: 1 entries").containsPattern("genEventCount_\\s+std::int64_t\\s+1\\s");
    }

    @Test
    void inspectShowsFieldsColumnsAndProjections() {
        Path file = sample("root-written/nano_dy_rntuple.root");
        StatsCommandTest.Result r = StatsCommandTest.run("inspect", file.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("rntuple Events (format 1.0.0.2, written by ROOT v6.37.01): 40 entries")
                .containsPattern("_collection10\\._0\\.Jet_pt\\s+leaf\\s+float\\s+SplitReal32\\s+_collection10")
                .containsPattern("nJet\\s+leaf\\s+ROOT::RNTupleCardinality<std::uint32_t>\\s+SplitIndex64@\\d+\\s+"
                        + "projected from _collection10");
    }
}
