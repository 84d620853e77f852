package org.crema.correctionlib;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Locates the bundled and shared correction files used by the tests. */
final class TestData {
    private TestData() {
    }

    static Path root() {
        return Path.of(System.getProperty("crema.root", "../.."));
    }

    /** The bundled correctionlib files ({@code data/corrections/correctionlib}). */
    static Path bundled(String name) {
        return root().resolve("data/corrections/correctionlib").resolve(name);
    }

    /** A file of the shared jsonpog fixtures; skips the test when the shared folder is absent. */
    static Path jsonpog(String relative) {
        Path p = root().resolve("../shared/data/corrections/correctionlib/jsonpog").resolve(relative).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared fixture not available: " + p);
        return p;
    }

    /** The shared jsonpog folder, or null when absent. */
    static Path jsonpogDir() {
        Path p = root().resolve("../shared/data/corrections/correctionlib/jsonpog").normalize();
        return Files.isDirectory(p) ? p : null;
    }

    /** Wraps corrections (JSON objects) into a schema-v2 document. */
    static CorrectionSet set(String... corrections) {
        return CorrectionSet.parse("{\"schema_version\": 2, \"corrections\": [" + String.join(",", corrections) + "]}");
    }
}
