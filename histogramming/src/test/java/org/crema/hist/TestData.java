package org.crema.hist;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the repository's bundled samples and reference files for tests. */
final class TestData {
    private TestData() {}

    static Path root() {
        String p = System.getProperty("crema.root");
        return (p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    /** A file under the repository root; the test is skipped (with the path) when it is absent. */
    static Path require(String relative) {
        Path f = root().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(f), "test data not found: " + f);
        return f;
    }
}
