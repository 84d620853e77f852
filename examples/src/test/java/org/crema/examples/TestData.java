package org.crema.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the repository's test data. */
public final class TestData {
    private TestData() {
    }

    /** @return the repository root (surefire sets {@code crema.root}) */
    public static Path root() {
        String r = System.getProperty("crema.root");
        Path p = r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize();
        return p;
    }

    /** @param name file under data/samples/nanoaod @return its path (test skipped if absent) */
    public static Path nanoaod(String name) {
        Path p = root().resolve("data/samples/nanoaod").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "sample " + p + " is not present");
        return p;
    }

    /** @param relative path under ../shared/data @return its path (test skipped if absent) */
    public static Path shared(String relative) {
        Path p = root().resolveSibling("shared").resolve("data").resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared input " + p + " is not present; skipping");
        return p;
    }
}
