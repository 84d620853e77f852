package org.crema.corrections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locates the repository's bundled correction files and the larger shared inputs. */
public final class TestData {
    private TestData() {
    }

    /** @return the repository root ({@code crema.root}, set by surefire) */
    public static Path root() {
        String root = System.getProperty("crema.root");
        if (root != null) {
            return Path.of(root);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/corrections"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (data/corrections); set -Dcrema.root");
        }
        return p;
    }

    /**
     * @param relative a path under {@code data/corrections}, e.g. {@code "jec/…txt.gz"}
     * @return the bundled file
     */
    public static Path corrections(String relative) {
        return root().resolve("data/corrections").resolve(relative);
    }

    /**
     * @param folder a folder under {@code data/corrections}
     * @return every regular file in it, sorted by name
     */
    public static List<Path> filesIn(String folder) {
        try (Stream<Path> s = Files.list(corrections(folder))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file from the shared inputs next to the repository; the calling test is skipped when the
     * shared folder is absent.
     *
     * @param relative a path under {@code ../shared/data}
     * @return the file
     */
    public static Path shared(String relative) {
        Path p = root().resolve("../shared/data").resolve(relative).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared input not available (skipping): " + p);
        return p;
    }
}
