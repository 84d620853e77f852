package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crema.columnar.Column;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fills histograms from real NanoAOD float branches (flat and jagged) and compares them with the
 * independent reference statistics of the same file (written by jsroot): entry counts, the
 * sequential sum of values (bit-exact, since one bin weighted by the values accumulates in the same
 * order), and
 * the range (nothing below the minimum, the maximum at the upper edge lands in overflow).
 */
class RealFileTest {
    record Case(String sample, String branch, long totalCount, double sum, double min, double max) {
        @Override
        public String toString() {
            return sample + ":" + branch;
        }
    }

    static Stream<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String sample : List.of("nano_dy", "nano_dimuon")) {
            Path ref = TestData.root().resolve("data/reference/" + sample + ".json");
            if (!ref.toFile().isFile()) {
                continue;
            }
            JsonNode tree = new ObjectMapper().readTree(ref.toFile()).path("trees").path("Events");
            for (JsonNode b : tree.path("branches")) {
                JsonNode st = b.path("stats");
                boolean floatLeaf = "Float_t".equals(b.path("type").asText());
                if (floatLeaf && st.path("totalCount").asLong() > 1 && st.path("nonFiniteCount").asLong(0) == 0
                        && st.path("max").asDouble() > st.path("min").asDouble() && out.size() < 400) {
                    out.add(new Case(sample, b.path("name").asText(), st.path("totalCount").asLong(),
                            st.path("sum").asDouble(), st.path("min").asDouble(), st.path("max").asDouble()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void histogramsOfRealBranchesMatchReferenceStatistics(Case c) {
        Path file = TestData.require("data/samples/nanoaod/" + c.sample() + ".root");
        Column col;
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("Events");
            col = t.read(c.branch(), 0, t.entries());
        }
        Object values = col instanceof ListColumn<?> l ? l : (FloatColumn) col;

        Hist profile = Hist.of(Storage.MEAN, BooleanAxis.of("all"));
        profile.filler().values(true).sample(values).fill();
        assertThat(profile.counts(true)[1]).isEqualTo((double) c.totalCount());
        // Σw of a one-bin histogram weighted by the values is their sequential sum: bit-exact.
        Hist sum = Hist.of(Storage.DOUBLE, BooleanAxis.of("all"));
        sum.fillWeighted(values, true);
        assertThat(sum.value(1)).isEqualTo(c.sum());

        Hist range = Hist.of(Storage.INT64, RegularAxis.of("v", 8, c.min(), c.max()));
        range.fill(values);
        long[] counts = range.longCounts(true);
        assertThat(counts[0]).as("underflow").isZero();
        assertThat(counts[counts.length - 1]).as("values equal to the max overflow").isPositive();
        assertThat(counts[1]).as("values equal to the min are in bin 0").isPositive();
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(c.totalCount());
    }
}
