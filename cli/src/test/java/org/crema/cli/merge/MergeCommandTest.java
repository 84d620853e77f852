package org.crema.cli.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crema.cli.CremaCommand;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.RunAccumulators;
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
        Path dyFile = root().resolve("data/samples/nanoaod/nano_dy.root");
        assertThat(err.toString()).isEqualTo("crema merge: cannot merge " + dir.resolve("a2") + " with "
                + dir.resolve("a") + ": both cover file " + dyFile + " (dataset 'DYJetsToLL_M50_2018', tree Events:"
                + " entries 0-20 in " + dir.resolve("a2") + ", 0-20 in " + dir.resolve("a") + "); each entry would count"
                + " twice: merge runs over disjoint parts (other files or chunks)" + System.lineSeparator());

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

    /** A fileset of both bundled Z→μμ datasets with the given files (names in data/samples/nanoaod or absolute). */
    static Path fileset(Path dir, String name, List<String> dyFiles, List<String> muFiles) throws Exception {
        Path fs = dir.resolve(name + ".json");
        Files.writeString(fs, "{\"DYJetsToLL_M50_2018\": {\"files\": " + quoted(dyFiles) + ", \"metadata\": " + DY
                + "}, \"DoubleMuon_2018\": {\"files\": " + quoted(muFiles) + ", \"metadata\": " + MU + "}}");
        return fs;
    }

    private static String quoted(List<String> files) {
        return files.stream().map(f -> "\"" + (f.startsWith("/") ? f : root().resolve("data/samples/nanoaod/" + f))
                + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /**
     * Asserts that a merged output holds what the single run wrote: histograms.json byte for byte, the
     * result (histograms, cutflows, Σ genWeight, normalisation) and datasets of result.json as text (every
     * double in shortest round-trip form, so equal text is equal bits), and the unnormalised accumulators.
     */
    static void assertSameResult(Path merged, Path single) throws Exception {
        assertThat(Files.readAllBytes(merged.resolve("histograms.json")))
                .isEqualTo(Files.readAllBytes(single.resolve("histograms.json")));
        ObjectMapper json = new ObjectMapper();
        JsonNode m = json.readTree(merged.resolve("result.json").toFile());
        JsonNode s = json.readTree(single.resolve("result.json").toFile());
        assertThat(m.get("result").toString()).isEqualTo(s.get("result").toString());
        assertThat(m.get("result").toString()).contains("\"cutflow\"").contains("\"normalisation\"")
                .contains("\"sumGenWeights\"");
        assertThat(m.get("datasets").toString()).isEqualTo(s.get("datasets").toString());
        assertThat(m.get("metrics").get("events").asLong()).isEqualTo(s.get("metrics").get("events").asLong());
        RunAccumulators<?> ma = accumulators(merged);
        RunAccumulators<?> sa = accumulators(single);
        assertThat(ma.unnormalised()).isEqualTo(sa.unnormalised());
        assertThat(ma.covered()).containsExactlyInAnyOrderElementsOf(sa.covered());
    }

    static RunAccumulators<?> accumulators(Path dir) {
        RunOutput<AccumulatorMap> o = RunOutput.read(dir, AccumulatorMap.class);
        return RunAccumulators.read(dir, RunOutput.verify(dir), o.config().get("processor"));
    }

    int merge(Path out, Path... in) {
        List<String> args = new java.util.ArrayList<>(List.of("merge", out.toString()));
        for (Path p : in) {
            args.add(p.toString());
        }
        return run(args.toArray(String[]::new));
    }

    @Test
    void partsOfOneDatasetSplitByFilesMergeIntoTheSingleRunBitForBit(@TempDir Path dir) throws Exception {
        // each dataset of two files: the bundled one and a copy under another name
        Path dy2 = Files.copy(root().resolve("data/samples/nanoaod/nano_dy.root"), dir.resolve("nano_dy_2.root"));
        Path mu2 = Files.copy(root().resolve("data/samples/nanoaod/nano_dimuon.root"),
                dir.resolve("nano_dimuon_2.root"));
        Path whole = fileset(dir, "whole", List.of("nano_dy.root", dy2.toString()),
                List.of("nano_dimuon.root", mu2.toString()));
        Path first = fileset(dir, "first", List.of("nano_dy.root"), List.of("nano_dimuon.root"));
        Path second = fileset(dir, "second", List.of(dy2.toString()), List.of(mu2.toString()));
        String p = "org.crema.examples.ZMuMuProcessor";
        runZMuMu(p, whole, dir.resolve("whole"));
        runZMuMu(p, first, dir.resolve("a"));
        runZMuMu(p, second, dir.resolve("b"));

        assertThat(merge(dir.resolve("ab"), dir.resolve("a"), dir.resolve("b"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("processed 160 events in 8 chunks");
        assertThat(merge(dir.resolve("ba"), dir.resolve("b"), dir.resolve("a"))).as(err.toString()).isZero();
        assertSameResult(dir.resolve("ab"), dir.resolve("whole"));
        assertSameResult(dir.resolve("ba"), dir.resolve("whole"));
        // the parts alone are scaled by their own Σ genWeight: half the events, a different factor
        JsonNode part = new ObjectMapper().readTree(dir.resolve("a/result.json").toFile());
        JsonNode all = new ObjectMapper().readTree(dir.resolve("whole/result.json").toFile());
        assertThat(part.at("/result/normalisation").toString()).isNotEqualTo(all.at("/result/normalisation").toString());

        // a merged output merges again: (a + b) with nothing new is refused as an overlap, a part of it too
        assertThat(merge(dir.resolve("again"), dir.resolve("ab"), dir.resolve("b"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("crema merge: cannot merge " + dir.resolve("b") + " with "
                + dir.resolve("ab") + ": both cover file " + dy2 + " (dataset 'DYJetsToLL_M50_2018', tree Events:"
                + " entries 0-20 in " + dir.resolve("b") + ", 0-20 in " + dir.resolve("ab") + "); each entry would"
                + " count twice");
    }

    @Test
    void partsSplitInsideFilesByChunksMergeIntoTheSingleRunBitForBit(@TempDir Path dir) throws Exception {
        Path fs = root().resolve("data/filesets/zmumu.json");
        String p = "org.crema.examples.ZMuMuProcessor";
        runZMuMu(p, fs, dir.resolve("whole"));
        // chunks 0,1 are the two halves of nano_dy.root, 2,3 of nano_dimuon.root
        for (String[] part : new String[][] {{"a", "0,2"}, {"b", "1,3"}}) {
            int code = run("run", "--processor", p, "--fileset", fs.toString(), "--workers", "2", "--chunk-size", "20",
                    "--chunks", part[1], "--output", dir.resolve(part[0]).toString());
            assertThat(code).as(err.toString()).isZero();
        }
        assertThat(accumulators(dir.resolve("a")).covered()).extracting(RunAccumulators.Coverage::entryStart)
                .containsExactly(0L, 0L);
        assertThat(accumulators(dir.resolve("b")).covered()).extracting(RunAccumulators.Coverage::entryStart)
                .containsExactly(20L, 20L);
        assertThat(merge(dir.resolve("ab"), dir.resolve("a"), dir.resolve("b"))).as(err.toString()).isZero();
        assertSameResult(dir.resolve("ab"), dir.resolve("whole"));

        // chunks 1-2 overlap both parts: refused, naming both runs and the file
        int code = run("run", "--processor", p, "--fileset", fs.toString(), "--workers", "1", "--chunk-size", "20",
                "--chunks", "1-2", "--output", dir.resolve("c").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(merge(dir.resolve("m"), dir.resolve("a"), dir.resolve("c"))).isEqualTo(1);
        Path mu = root().resolve("data/samples/nanoaod/nano_dimuon.root");
        assertThat(err.toString()).startsWith("crema merge: cannot merge " + dir.resolve("c") + " with "
                + dir.resolve("a") + ": both cover file " + mu + " (dataset 'DoubleMuon_2018', tree Events: entries"
                + " 0-20 in " + dir.resolve("c") + ", 0-20 in " + dir.resolve("a") + ")");
        assertThat(Files.exists(dir.resolve("m"))).isFalse();
    }

    @Test
    void yamlConfigPartsMergeIntoTheSingleRunAndDifferentConfigurationsAreRefused(@TempDir Path dir)
            throws Exception {
        Path config = root().resolve("configs/examples/zmumu.yaml");
        for (String[] part : new String[][] {{"whole", "0-3"}, {"a", "0-1"}, {"b", "2-3"}}) {
            int code = run("run", config.toString(), "--workers", "2", "--chunk-size", "20", "--chunks", part[1],
                    "--output", dir.resolve(part[0]).toString());
            assertThat(code).as(err.toString()).isZero();
        }
        assertThat(merge(dir.resolve("ab"), dir.resolve("a"), dir.resolve("b"))).as(err.toString()).isZero();
        assertSameResult(dir.resolve("ab"), dir.resolve("whole"));
        assertThat(Files.readAllBytes(dir.resolve("ab/parameters.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("whole/parameters.json")));

        // the same analysis with another luminosity: another configuration, refused
        Path other = dir.resolve("zmumu-lumi.yaml");
        Files.writeString(other, Files.readString(config).replace("../../data/filesets/zmumu.json",
                root().resolve("data/filesets/zmumu.json").toString()) + "\nparameters:\n  lumi: {\"2018\": 59700}\n");
        int code = run("run", other.toString(), "--workers", "1", "--chunk-size", "20", "--chunks", "2-3",
                "--output", dir.resolve("c").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(merge(dir.resolve("m"), dir.resolve("a"), dir.resolve("c"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("crema merge: cannot merge " + dir.resolve("c") + " with "
                + dir.resolve("a") + ": different processor fingerprint (crema version, processor code and"
                + " configuration)");
    }

    @Test
    void refusesPartsOfADatasetWithoutStoredAccumulators(@TempDir Path dir) throws Exception {
        Path fs = root().resolve("data/filesets/zmumu.json");
        String p = "org.crema.examples.ZMuMuProcessor";
        for (String[] part : new String[][] {{"a", "0,2"}, {"b", "1,3"}}) {
            int code = run("run", "--processor", p, "--fileset", fs.toString(), "--workers", "1", "--chunk-size", "20",
                    "--chunks", part[1], "--output", dir.resolve(part[0]).toString());
            assertThat(code).as(err.toString()).isZero();
        }
        // as an earlier crema wrote it: the result files only
        RunOutput.read(dir.resolve("b"), AccumulatorMap.class).write(dir.resolve("old"));
        assertThat(Files.exists(dir.resolve("old").resolve(RunAccumulators.FILE))).isFalse();
        assertThat(merge(dir.resolve("m"), dir.resolve("a"), dir.resolve("old"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("crema merge: cannot merge " + dir.resolve("old") + " with outputs of the"
                + " same datasets: it stores no accumulators (written by an earlier crema)");

        // a damaged accumulators file is named
        Path acc = dir.resolve("a").resolve(RunAccumulators.FILE);
        byte[] bytes = Files.readAllBytes(acc);
        bytes[bytes.length - 1] ^= 1;
        Files.write(acc, bytes);
        assertThat(merge(dir.resolve("m"), dir.resolve("a"), dir.resolve("b"))).isEqualTo(1);
        assertThat(err.toString()).contains("run output in " + dir.resolve("a") + " is inconsistent: accumulators has"
                + " SHA-256");
    }
}
