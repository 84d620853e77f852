package org.crema.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.cli.CremaCommand;
import org.crema.examples.ZMuMuProcessor;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crema plot} on the Z → μμ example's output. */
class PlotCommandTest {
    @TempDir
    static Path runDir;

    @BeforeAll
    static void runExample() {
        String r = System.getProperty("crema.root");
        Path root = r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("data/samples/nanoaod/nano_dy.root")),
                "bundled NanoAOD samples are not present");
        new Runner(RunConfig.defaults().withWorkers(1).withProgress(false))
                .run(new ZMuMuProcessor(), Fileset.read(root.resolve("data/filesets/zmumu.json"))).write(runDir);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void writesBlindedLogPlotsInTheChosenFormats() throws Exception {
        String[] r = run("plot", runDir.toString(), "--format", "svg,png", "--log", "--blind", "zWindow",
                "--lumi", "41.5", "--sqrts", "13", "--xlabel", "dimuonMass=m_{\\mu\\mu} [GeV]");
        assertThat(r[2]).isEmpty();
        assertThat(r[0]).isEqualTo("0");
        // 2 categories × (2 histograms × (lin + log + shape) + cutflow) × 2 formats
        assertThat(r[1]).contains("28 plot files written to " + runDir.resolve("plots"));
        Path plots = runDir.resolve("plots");
        assertThat(plots.resolve("baseline/dimuonMass_log.png")).isRegularFile();
        assertThat(plots.resolve("baseline/dimuonMass.pdf")).doesNotExist();
        String blinded = Files.readString(plots.resolve("zWindow/dimuonMass.svg"));
        assertThat(blinded).contains("Blinded", "41.5 fb", "μμ").doesNotContain(">Data<");
        String open = Files.readString(plots.resolve("baseline/dimuonMass.svg"));
        assertThat(open).contains(">Data<").doesNotContain("Blinded");
    }

    @Test
    void reportsBadFormatAndMissingFolder(@TempDir Path empty) {
        String[] r = run("plot", runDir.toString(), "--format", "png,gif");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("crema plot: unknown plot format 'gif' in 'png,gif': expected png, svg or pdf");
        r = run("plot", empty.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("crema plot: no histograms.json in " + empty);
        r = run("plot", runDir.toString(), "--blind-range", "dimuonMass=130");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("--blind-range 'dimuonMass=130': expected HIST=LOW:HIGH");
    }
}
