package org.crema.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crema.hist.Hist;
import org.crema.hist.UhiJson;
import org.crema.processor.run.RunOutput;
import org.junit.jupiter.api.Assumptions;

/** Locates the repository's test data and holds what the Spark tests share. */
final class TestData {
    private TestData() {
    }

    /** Spark settings for tests: no web UI, everything on the loopback interface. */
    static final Map<String, String> QUIET = Map.of("spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1",
            "spark.driver.bindAddress", "127.0.0.1", "spark.ui.showConsoleProgress", "false");

    /** @return the repository root (surefire sets {@code crema.root}) */
    static Path root() {
        String r = System.getProperty("crema.root");
        return r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize();
    }

    /** @param name file under data/samples/nanoaod @return its path (test skipped if absent) */
    static Path nanoaod(String name) {
        Path p = root().resolve("data/samples/nanoaod").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "sample " + p + " is not present");
        return p;
    }

    /**
     * Asserts that two runs have the same result: every accumulator equal (histogram bins, cutflow and
     * Σw sums compared as exact values, counts as integers), and every histogram's UHI JSON — bin values
     * and variances as the shortest decimal of each double — identical byte for byte. The Java
     * serialization itself is not compared: it records how objects were built — an exact sum of seven
     * values and the merge of seven one-value sums are equal but serialize differently — and a result
     * read back from a worker has freshly sized hash tables.
     *
     * @param actual the run to check
     * @param expected the reference run
     */
    static void assertSameResult(RunOutput<?> actual, RunOutput<?> expected) {
        assertThat(actual.result()).isEqualTo(expected.result());
        Map<String, Hist> hists = expected.histograms();
        assertThat(hists).isNotEmpty();
        assertThat(actual.histograms().keySet()).containsExactlyElementsOf(hists.keySet());
        assertThat(uhiJson(actual.histograms())).isEqualTo(uhiJson(hists));
    }

    private static byte[] uhiJson(Map<String, Hist> hists) {
        try {
            Path tmp = Files.createTempFile("crema-hists", ".json");
            try {
                UhiJson.write(tmp, hists);
                return Files.readAllBytes(tmp);
            } finally {
                Files.delete(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
