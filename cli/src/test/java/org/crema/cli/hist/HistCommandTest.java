package org.crema.cli.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.cli.CremaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code crema hist} on a hand-written UHI file and checks the table against the file's numbers. */
class HistCommandTest {
    private static final String DOC = """
            {"uhi_schema": 1, "metadata": {"name": "h"},
             "axes": [{"type": "regular", "lower": 0, "upper": 2, "bins": 2, "underflow": true, "overflow": true,
                       "circular": false, "metadata": {"name": "x", "unit": "GeV"}}],
             "storage": {"type": "weighted", "values": [1, 2.5, 3, 4], "variances": [1, 3.25, 9, 16]}}
            """;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void printsCsvWithFlowBins(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("h.json");
        Files.writeString(f, DOC);
        String[] r = run("hist", f.toString(), "--csv");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).isEqualTo("""
                x [GeV],value,variance
                underflow,1,1
                "[0, 1)",2.5,3.25
                "[1, 2)",3,9
                overflow,4,16
                """);
    }

    @Test
    void printsTextTableWithoutFlow(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("h.json");
        Files.writeString(f, DOC);
        String[] r = run("hist", f.toString(), "--no-flow");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("[1, 2)").contains("2.50000").doesNotContain("overflow");
    }

    @Test
    void reportsBadFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"uhi_schema\": 7, \"axes\": [], \"storage\": {\"type\": \"int\"}}");
        String[] r = run("hist", f.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("crema hist:").contains("uhi_schema is 7");
    }
}
