package org.crema.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.cli.CremaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crema run CONFIG.yaml} and {@code crema validate CONFIG.yaml}. */
class ConfigRunCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    static Path root() {
        return Path.of(System.getProperty("crema.root", ".."));
    }

    @Test
    void runsTheYamlExampleWithADatasetFilter(@TempDir Path dir) throws Exception {
        Path config = root().resolve("configs/examples/zmumu.yaml");
        int code = run("run", config.toString(), "--workers", "1", "--datasets", "DoubleMuon_2018", "--output",
                dir.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("processed 40 events").contains("histograms/DoubleMuon_2018/dimuonMass")
                .doesNotContain("DYJetsToLL");
        assertThat(Files.readString(dir.resolve("histograms.json"))).contains("dimuonMass");
        assertThat(Files.readString(dir.resolve("parameters.json"))).contains("\"2018\" : 59830.0");
        // the parameters belong to the result set: listed in the manifest, written before it
        assertThat(org.crema.processor.run.RunOutput.verify(dir)).containsKey("parameters.json");
    }

    @Test
    void validateReportsErrorsWithTheirPosition(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "datasets:\n  fileset: " + root().resolve("data/filesets/zmumu.json").toAbsolutePath()
                + "\nskim:\n  two: \"nMuon >= 2 &&\"\n");
        assertThat(run("validate", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(bad + ":4:22: error: in skim cut 'two': unexpected end of expression;"
                + " expected a value");
        assertThat(run("run", bad.toString())).isEqualTo(2);

        assertThat(run("validate", root().resolve("configs/examples/zmumu.yaml").toString())).isZero();
        assertThat(out.toString()).contains("zmumu.yaml: valid; 2 datasets");
    }

    @Test
    void needsAConfigOrAProcessorAndFileset() {
        assertThat(run("run")).isEqualTo(2);
        assertThat(err.toString()).contains("give either CONFIG.yaml, or --processor CLASS and --fileset JSON");
    }
}
