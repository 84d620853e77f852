package org.crema.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the test inputs: bundled samples under the repository, larger shared inputs beside it. */
public final class TestData {
    private TestData() {
    }

    /** @return the repository root (system property {@code crema.root}, else the working directory's parent) */
    public static Path root() {
        String p = System.getProperty("crema.root");
        Path r = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        return r.toAbsolutePath().normalize();
    }

    /** @param name file under data/samples/nanoaod @return its path */
    public static Path nano(String name) {
        return root().resolve("data/samples/nanoaod").resolve(name);
    }

    /** @return the shared data folder beside the repository (may not exist) */
    public static Path shared() {
        return root().resolve("../shared/data").normalize();
    }

    /** @param stem file name without .root @return the reference JSON for it */
    public static Path reference(String stem) {
        return root().resolve("data/reference").resolve(stem + ".json");
    }

    /** @return every bundled ROOT sample (nanoaod and compression) */
    public static List<Path> bundledRootFiles() {
        List<Path> out = new ArrayList<>();
        out.addAll(list(root().resolve("data/samples/nanoaod")));
        out.addAll(list(root().resolve("data/samples/compression")));
        return out;
    }

    /** @return the shared copies of the samples, empty when the shared folder is absent */
    public static List<Path> sharedRootFiles() {
        List<Path> out = new ArrayList<>();
        out.addAll(list(shared().resolve("nanoaod")));
        out.addAll(list(shared().resolve("compression")));
        return out;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".root")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param file a sample @return its stem */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".root".length());
    }
}
