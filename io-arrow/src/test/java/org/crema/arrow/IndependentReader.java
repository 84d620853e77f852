package org.crema.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ElementType;
import org.crema.columnar.PrimitiveColumn;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs tools/arrow-check/check.mjs, which reads a file with the npm packages apache-arrow (IPC),
 * hyparquet and parquet-wasm (Parquet), and returns what they saw. Installs the packages with {@code npm ci} on first
 * use; skips the calling test, saying why, when node or the npm registry is not available.
 */
final class IndependentReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private IndependentReader() {
    }

    static Path root() {
        String p = System.getProperty("crema.root");
        Path r = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        return r.toAbsolutePath().normalize();
    }

    static Path toolDir() {
        return root().resolve("tools/arrow-check");
    }

    /** @param mode "arrow" or "parquet" @param file the file to read @return the reader's JSON */
    static JsonNode read(String mode, Path file) throws IOException, InterruptedException {
        install();
        Path err = Files.createTempFile("arrow-check", ".err");
        try {
            Process p = new ProcessBuilder("node", "check.mjs", mode, file.toAbsolutePath().toString())
                    .directory(toolDir().toFile())
                    .redirectError(err.toFile())
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
            assertThat(p.exitValue()).as("node check.mjs %s %s failed: %s", mode, file, Files.readString(err)).isZero();
            return JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static synchronized void install() throws IOException, InterruptedException {
        if (installed) {
            return;
        }
        Path dir = toolDir();
        Assumptions.assumeTrue(run(dir, "node", "--version") == 0, "node is not installed: the independent Arrow/Parquet readers cannot run");
        if (!Files.isDirectory(dir.resolve("node_modules/apache-arrow")) || !Files.isDirectory(dir.resolve("node_modules/hyparquet"))
                || !Files.isDirectory(dir.resolve("node_modules/parquet-wasm"))) {
            int rc = run(dir, "npm", "ci", "--no-audit", "--no-fund");
            Assumptions.assumeTrue(rc == 0, "npm ci in " + dir + " failed (exit " + rc + "): is the npm registry reachable?");
        }
        installed = true;
    }

    private static int run(Path dir, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Asserts that JSON values equal a column's values exactly: floats bit for bit (NaN as any NaN,
     * as JavaScript has one NaN), integers as exact decimal strings with unsigned types unsigned.
     */
    static void assertValues(JsonNode values, PrimitiveColumn column, int from, int count, String what) {
        assertThat(values.size()).as("%s: number of values", what).isEqualTo(count);
        ElementType t = column.elementType();
        for (int i = 0; i < count; i++) {
            JsonNode v = values.get(i);
            int at = from + i;
            if (t == ElementType.BOOL) {
                assertThat(v.isBoolean()).as("%s[%d] is a boolean: %s", what, i, v).isTrue();
                assertThat(v.booleanValue()).as("%s[%d]", what, i).isEqualTo(((BoolColumn) column).get(at));
            } else if (t.isFloatingPoint()) {
                double expected = column.getDouble(at);
                double actual = switch (v.asText()) {
                    case "NaN" -> Double.NaN;
                    case "Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    case "-0" -> -0.0;
                    default -> v.doubleValue();
                };
                if (Double.isNaN(expected)) {
                    assertThat(actual).as("%s[%d]", what, i).isNaN();
                } else {
                    assertThat(Double.doubleToRawLongBits(actual)).as("%s[%d]: %s vs %s", what, i, actual, expected)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            } else {
                long raw = column.getLong(at);
                String expected = t == ElementType.UINT64 ? Long.toUnsignedString(raw) : Long.toString(raw);
                assertThat(v.asText()).as("%s[%d]", what, i).isEqualTo(expected);
            }
        }
    }
}
