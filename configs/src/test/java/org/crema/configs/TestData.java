package org.crema.configs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the repository's test data. */
final class TestData {
    private TestData() {
    }

    /** @return the repository root (surefire sets {@code crema.root}) */
    static Path root() {
        String r = System.getProperty("crema.root");
        return r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize();
    }

    /** @param relative a path under the repository root @return it (test skipped if absent) */
    static Path file(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "input " + p + " is not present");
        return p;
    }
}
