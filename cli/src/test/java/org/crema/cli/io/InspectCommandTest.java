package org.crema.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code crema inspect}'s compression names, branch filter, titles, collection summary and
 * {@code --show}, against the independent reference values of {@code data/reference/nano_dy.json}.
 */
class InspectCommandTest {
    static final Path DY = StatsCommandTest.root().resolve("data/samples/nanoaod/nano_dy.root");

    static JsonNode reference() throws Exception {
        return new ObjectMapper().readTree(StatsCommandTest.root().resolve("data/reference/nano_dy.json").toFile());
    }

    static List<JsonNode> branches(JsonNode ref, String prefix) {
        List<JsonNode> out = new ArrayList<>();
        ref.get("trees").get("Events").get("branches").forEach(b -> {
            if (b.get("name").asText().startsWith(prefix)) {
                out.add(b);
            }
        });
        return out;
    }

    @Test
    void namesTheCompressionAndFiltersBranchesWithTitlesAndCollections() throws Exception {
        JsonNode ref = reference();
        JsonNode header = ref.get("header");
        StatsCommandTest.Result r = StatsCommandTest.run("inspect", DY.toString(), "--tree", "Events", "--branches",
                "Muon_*,nMuon", "--titles");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("compression "
                + header.get("compressionAlgorithm").asText() + " level " + header.get("compressionLevel").asInt()
                + " (" + header.get("fCompress").asInt() + ")");
        List<JsonNode> muon = branches(ref, "Muon_");
        List<JsonNode> nMuon = branches(ref, "nMuon");
        assertThat(muon).isNotEmpty();
        // one line per shown branch, each followed by its title
        for (JsonNode b : muon) {
            assertThat(r.out()).containsPattern("(?m)^  " + b.get("name").asText() + " ");
        }
        assertThat(r.out()).contains(nMuon.getFirst().get("title").asText());
        assertThat(r.out().lines().filter(l -> l.startsWith("  Muon_") || l.startsWith("  nMuon ")).count())
                .isEqualTo(muon.size() + 1);
        assertThat(r.out()).contains((muon.size() + 1) + " shown").doesNotContain("  Jet_pt ");
        long zip = muon.stream().mapToLong(b -> b.get("zipBytes").asLong()).sum();
        assertThat(r.out()).containsPattern("Muon \\(nMuon\\)\\s+" + muon.size() + " fields\\s+" + zip + " compressed");
    }

    @Test
    void showPrintsTheFirstEntriesAsTheReferenceReaderSeesThem() throws Exception {
        JsonNode ref = reference();
        StatsCommandTest.Result r = StatsCommandTest.run("inspect", DY.toString(), "--tree", "Events", "--branches",
                "Jet_pt,genWeight", "--show", "3");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode jets = branches(ref, "Jet_pt").getFirst().get("stats").get("firstLists");
        List<String> lists = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            List<String> values = new ArrayList<>();
            jets.get(e).forEach(v -> values.add(Float.toString((float) v.asDouble())));
            lists.add("[" + String.join(", ", values) + "]");
        }
        assertThat(r.out()).containsPattern("(?m)^    Jet_pt\\s+" + java.util.regex.Pattern.quote(String.join(" | ", lists))
                + "$");
        JsonNode gen = branches(ref, "genWeight").getFirst().get("stats").get("first");
        List<String> first = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            first.add(Float.toString((float) gen.get(e).asDouble()));
        }
        assertThat(r.out()).containsPattern("(?m)^    genWeight\\s+" + java.util.regex.Pattern.quote(String.join(" | ", first))
                + "$");
    }

    @Test
    void aFilterThatMatchesNothingAndANegativeShowAreErrors() {
        StatsCommandTest.Result none = StatsCommandTest.run("inspect", DY.toString(), "--tree", "Events", "--branches",
                "Jet_ptt*");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("crema inspect: --branches Jet_ptt* matches no branch of tree Events in " + DY
                + System.lineSeparator());
        StatsCommandTest.Result negative = StatsCommandTest.run("inspect", DY.toString(), "--show", "-1");
        assertThat(negative.status()).isEqualTo(2);
        assertThat(negative.err()).contains("--show needs a number of entries >= 0, got -1");
        assertThat(InspectCommand.compressionName(505)).isEqualTo("ZSTD level 5 (505)");
        assertThat(InspectCommand.compressionName(404)).isEqualTo("LZ4 level 4 (404)");
        assertThat(InspectCommand.compressionName(0)).isEqualTo("none (0)");
    }
}
