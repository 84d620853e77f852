package org.crema.cli.datacard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs JSROOT (npm package {@code jsroot}, an independent ROOT reader) on a file through
 * {@code tools/jsroot-check/check.mjs}. Installs the package with {@code npm ci} the first time when
 * {@code node_modules} is missing; skips the calling test, saying why, only when node or the package
 * cannot be had (no node on the machine, no access to the npm registry).
 */
final class JsRoot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String unavailable;
    private static boolean ready;

    private JsRoot() {
    }

    /** @return the folder holding package.json and check.mjs */
    public static Path tool() {
        String p = System.getProperty("crema.root");
        Path r = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        return r.toAbsolutePath().normalize().resolve("tools/jsroot-check");
    }

    private static synchronized void ensure() {
        if (ready) {
            return;
        }
        if (unavailable == null) {
            unavailable = prepare();
            ready = unavailable == null;
        }
        Assumptions.assumeTrue(ready, unavailable);
    }

    private static String prepare() {
        try {
            Run v = run(List.of("node", "--version"), tool(), 30);
            if (v.code != 0) {
                return "JSROOT check skipped: 'node --version' failed: " + v.err;
            }
        } catch (IOException e) {
            return "JSROOT check skipped: node is not installed (" + e.getMessage() + ")";
        }
        if (Files.isRegularFile(tool().resolve("node_modules/jsroot/package.json"))) {
            return null;
        }
        try {
            // Scripts and optional packages build native canvas/GL bindings that reading does not use.
            Run npm = run(List.of("npm", "ci", "--ignore-scripts", "--omit=optional", "--no-audit", "--no-fund"),
                    tool(), 600);
            if (npm.code != 0) {
                return "JSROOT check skipped: 'npm ci' in " + tool() + " failed (no npm registry?): " + npm.err;
            }
        } catch (IOException e) {
            return "JSROOT check skipped: npm is not installed (" + e.getMessage() + ")";
        }
        return Files.isRegularFile(tool().resolve("node_modules/jsroot/package.json")) ? null
                : "JSROOT check skipped: npm ci did not install jsroot";
    }

    /**
     * @param file a ROOT file
     * @return what JSROOT reads from it: keys, histograms and tree statistics
     */
    public static JsonNode read(Path file) {
        ensure();
        try {
            Run r = run(List.of("node", "check.mjs", file.toAbsolutePath().toString()), tool(), 600);
            if (r.code != 0) {
                throw new AssertionError("JSROOT failed to read " + file + " (exit " + r.code + "):\n" + r.err);
            }
            if (!r.err.isBlank()) {
                // JSROOT reports missing or mismatched streamers on stderr and carries on.
                throw new AssertionError("JSROOT complained while reading " + file + ":\n" + r.err);
            }
            return JSON.readTree(r.out);
        } catch (IOException e) {
            throw new AssertionError("cannot run JSROOT on " + file + ": " + e, e);
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> cmd, Path dir, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("jsroot", ".out");
        Path err = Files.createTempFile("jsroot", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out after " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
