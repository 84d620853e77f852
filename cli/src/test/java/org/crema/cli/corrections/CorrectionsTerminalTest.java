package org.crema.cli.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CorrectionsTerminalTest {
    int run(boolean terminal, StringWriter out, StringWriter err) {
        CorrectionsCommand cmd = new CorrectionsCommand(new ByteArrayInputStream("pt,syst\n25,nominal\n"
                .getBytes(StandardCharsets.UTF_8)));
        cmd.stdinIsTerminal = () -> terminal;
        return new CommandLine(cmd).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(CorrectionsCommandTest.bundled("mycorrections.json").toString(), "--eval", "ptweight");
    }

    @Test
    void evalOnATerminalSaysItWaitsForCsvAndAPipeStaysQuiet() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(true, out, err)).isZero();
        assertThat(err.toString()).isEqualTo("crema corrections: waiting for CSV rows on standard input: a header line"
                + " naming the inputs (pt,syst), then one row per line; end with Ctrl-D (or pipe a file: crema"
                + " corrections " + CorrectionsCommandTest.bundled("mycorrections.json") + " --eval ptweight < rows.csv)"
                + System.lineSeparator());
        StringWriter out2 = new StringWriter();
        StringWriter err2 = new StringWriter();
        assertThat(run(false, out2, err2)).isZero();
        assertThat(err2.toString()).isEmpty();
        assertThat(out2.toString()).isEqualTo(out.toString());
    }
}
