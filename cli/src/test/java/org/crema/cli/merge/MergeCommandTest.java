package org.crema.cli.merge;

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

class MergeCommandTest {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    static Path root() {
        return Path.of(System.getProperty("crema.root", "..")).toAbsolutePath().normalize();
    }

    static Path half(Path dir, String name, String dataset, String file, String metadata) throws Exception {
        Path fs = dir.resolve(name + ".json");
        Files.writeString(fs, "{\"" + dataset + "\": {\"files\": [\"" + root().resolve("data/samples/nanoaod/" + file)
                + "\"], \"metadata\": " + metadata + "}}");
        return fs;
    }

    static final String DY = "{\"sample\": \"DYJetsToLL\", \"year\": \"2018\", \"isMC\": true, \"xsec\": 6077.22}";
    static final String MU = "{\"sample\": \"DoubleMuon\", \"year\": \"2018\", \"isMC\": false, \"era\": \"A\"}";

    void runZMuMu(String processor, Path fileset, Path output) {
        int code = run("run", "--processor", processor, "--fileset", fileset.toString(), "--workers", "2",
                "--chunk-size", "20", "--output", output.toString());
        assertThat(code).as(err.toString()).isZero();
    }

    @Test
    void twoHalvesMergedEqualOneRunBitForBit(@TempDir Path dir) throws Exception {
        Path dy = half(dir, "dy", "DYJetsToLL_M50_2018", "nano_dy.root", DY);
        Path mu = half(dir, "mu", "DoubleMuon_2018", "nano_dimuon.root", MU);
        String p = "org.crema.examples.ZMuMuProcessor";
        runZMuMu(p, dy, dir.resolve("a"));
        runZMuMu(p, mu, dir.resolve("b"));
        runZMuMu(p, root().resolve("data/filesets/zmumu.json"), dir.resolve("whole"));

        assertThat(run("merge", dir.resolve("ab").toString(), dir.resolve("a").toString(), dir.resolve("b").toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("processed 80 events in 4 chunks")
                .contains("merged 2 outputs into " + dir.resolve("ab").toAbsolutePath());
        assertThat(run("merge", dir.resolve("ba").toString(), dir.resolve("b").toString(), dir.resolve("a").toString()))
                .as(err.toString()).isZero();

        byte[] whole = Files.readAllBytes(dir.resolve("whole/histograms.json"));
        assertThat(Files.readAllBytes(dir.resolve("ab/histograms.json"))).isEqualTo(whole);
        assertThat(Files.readAllBytes(dir.resolve("ba/histograms.json"))).isEqualTo(whole);
        // the whole result (cutflows, Σ genWeight, normalisation) too, not only the histograms
        RunOutput<AccumulatorMap> merged = RunOutput.read(dir.resolve("ab"), AccumulatorMap.class);
        RunOutput<AccumulatorMap> single = RunOutput.read(dir.resolve("whole"), AccumulatorMap.class);
        assertThat(merged.result().entries().keySet()).isEqualTo(single.result().entries().keySet());
        assertThat(merged.histograms()).isEqualTo(single.histograms());
        assertThat(merged.result().get("cutflow").toString()).isEqualTo(single.result().get("cutflow").toString());
        assertThat(merged.datasets().keySet()).isEqualTo(single.datasets().keySet());
        assertThat(merged.config()).containsEntry("mergedFrom", dir.resolve("a").toAbsolutePath() + ","
                + dir.resolve("b").toAbsolutePath());
        assertThat(merged.metrics().events()).isEqualTo(single.metrics().events());
        assertThat(Files.exists(dir.resolve("ab/manifest.json"))).isTrue();
    }

    @Test
    void refusesOverlappingDatasetsDifferentProcessorsAndIncompleteInputs(@TempDir Path dir) throws Exception {
        Path dy = half(dir, "dy", "DYJetsToLL_M50_2018", "nano_dy.root", DY);
        Path mu = half(dir, "mu", "DoubleMuon_2018", "nano_dimuon.root", MU);
        runZMuMu("org.crema.examples.ZMuMuProcessor", dy, dir.resolve("a"));
        runZMuMu("org.crema.examples.ZMuMuProcessor", dy, dir.resolve("a2"));
        runZMuMu("org.crema.examples.EventCountProcessor", mu, dir.resolve("c"));

        assertThat(run("merge", dir.resolve("m").toString(), dir.resolve("a").toString(),
                dir.resolve("a2").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("crema merge: cannot merge " + dir.resolve("a2") + " with "
                + dir.resolve("a") + ": both hold dataset 'DYJetsToLL_M50_2018' (overlapping chunks would count twice,"
                + " and simulation is already scaled by each part's own Σ genWeight); merge outputs of different"
                + " datasets, e.g. one job per dataset" + System.lineSeparator());

        assertThat(run("merge", dir.resolve("m").toString(), dir.resolve("a").toString(),
                dir.resolve("c").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("crema merge: cannot merge " + dir.resolve("c") + " with "
                + dir.resolve("a") + ": different processor class: org.crema.examples.EventCountProcessor and"
                + " org.crema.examples.ZMuMuProcessor");

        Files.delete(dir.resolve("a2/manifest.json"));
        assertThat(run("merge", dir.resolve("m").toString(), dir.resolve("a2").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no complete run output in " + dir.resolve("a2")
                + ": manifest.json is missing");
        assertThat(Files.exists(dir.resolve("m"))).isFalse();

        assertThat(run("merge", dir.resolve("a").toString(), dir.resolve("a").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is also an input");
        assertThat(run("merge", dir.resolve("m").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("IN");
    }
}
