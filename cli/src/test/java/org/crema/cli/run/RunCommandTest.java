package org.crema.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.cli.CremaCommand;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.RunOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
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
    void runsTheExampleAndWritesTheOutput(@TempDir Path dir) {
        Path fileset = root().resolve("data/filesets/zmumu.json");
        int code = run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset",
                fileset.toString(), "--workers", "2", "--chunk-size", "20", "--output", dir.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("processed 80 events in 4 chunks")
                .contains("DYJetsToLL_M50_2018 / zWindow / nominal")
                .contains("histograms/DoubleMuon_2018/dimuonMass");
        assertThat(Files.exists(dir.resolve("histograms.json"))).isTrue();
        assertThat(RunOutput.read(dir, AccumulatorMap.class).config()).containsEntry("chunkSize", "20");

        int again = run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset",
                fileset.toString(), "--chunk-size", "20", "--output", dir.toString(), "--resume");
        assertThat(again).isZero();
        assertThat(out.toString()).contains("(0 computed, 4 from checkpoints, 0 failed)");
    }

    @Test
    void refusesUnnormalisableSimulationUnlessAskedAndSaysSoOnce(@TempDir Path dir) throws Exception {
        Path fileset = dir.resolve("fs.json");
        Files.writeString(fileset, "{\"DY\": {\"files\": [\"" + root().resolve("data/samples/nanoaod/nano_dy.root")
                + "\"], \"metadata\": {\"year\": \"2018\"}}}");
        int code = run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset",
                fileset.toString(), "--workers", "1");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("crema run: cannot normalise 1 simulated dataset to luminosity × xsec /"
                + " Σ genWeight:\n  dataset 'DY': no \"xsec\" (cross-section in pb) in its metadata\nadd the missing"
                + " metadata to the fileset, or run with --unnormalised (RunConfig.withUnnormalised) to keep the"
                + " histograms unscaled" + System.lineSeparator());
        int ok = run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset",
                fileset.toString(), "--workers", "1", "--unnormalised");
        assertThat(ok).isZero();
        assertThat(out.toString()).contains("UNSCALED dataset 'DY': no \"xsec\" (cross-section in pb) in its metadata");
    }

    @Test
    void explainsBadArguments() {
        assertThat(run("run", "--processor", "com.example.Missing", "--fileset", "x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("processor class com.example.Missing not found on the class path")
                .contains("CREMA_CLASSPATH");
        assertThat(run("run", "--processor", "java.lang.String", "--fileset", "x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("does not implement org.crema.processor.Processor");
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset",
                "/nonexistent/fs.json")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read fileset /nonexistent/fs.json");
    }

    @Test
    void explainsTheExecutorOptions() {
        String fileset = root().resolve("data/filesets/zmumu.json").toString();
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", fileset,
                "--executor", "yarn")).isEqualTo(2);
        assertThat(err.toString()).contains("crema run: --executor must be local or spark, got 'yarn'");
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", fileset,
                "--master", "local[2]")).isEqualTo(2);
        assertThat(err.toString()).contains("crema run: --master and --spark-conf need --executor spark");
        // The command line's own jar does not carry Spark: the message says where the Spark executor is.
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", fileset,
                "--executor", "spark", "--master", "local[2]")).isEqualTo(1);
        assertThat(err.toString()).contains("crema run: --executor spark: the Spark executor"
                + " (org.crema.spark.SparkExecutor) is not on the class path; run crema from"
                + " executor-spark/target/crema-spark.jar with spark-submit");
    }
}
