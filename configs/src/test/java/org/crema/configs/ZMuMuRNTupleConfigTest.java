package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crema.examples.ZMuMuProcessor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * configs/examples/zmumu.yaml on the RNTuple copies of its samples (../shared/data/rntuple, the same
 * events in CMSSW's RNTuple NanoAOD layout) gives the Java example's result on the TTree files: the
 * YAML's {@code nMuon} and {@code Muon} read the same on either format.
 */
class ZMuMuRNTupleConfigTest {

    private static Path shared(String relative) {
        Path p = TestData.root().resolveSibling("shared").resolve("data").resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared input " + p + " is not present; skipping");
        return p;
    }

    @Test
    void yamlOnRNTupleEqualsJavaOnTTree(@TempDir Path tmp) throws IOException {
        Path dy = shared("rntuple/nano_dy_zstd5.root");
        Path data = shared("rntuple/nano_dimuon_zstd5.root");
        AnalysisConfig cfg = AnalysisConfig.load(TestData.file("configs/examples/zmumu.yaml"));
        Fileset trees = Fileset.read(TestData.file("data/filesets/zmumu.json"));
        // data/filesets/zmumu.json with the RNTuple files in place of the TTree files
        String json = Files.readString(TestData.file("data/filesets/zmumu.json"))
                .replace("../samples/nanoaod/nano_dy.root", dy.toString())
                .replace("../samples/nanoaod/nano_dimuon.root", data.toString());
        Path fs = tmp.resolve("zmumu-rntuple.json");
        Files.writeString(fs, json);
        Fileset ntuples = Fileset.read(fs);
        assertThat(ntuples.datasets().get("DYJetsToLL_M50_2018").files()).containsExactly(dy.toString());
        for (RunConfig rc : List.of(RunConfig.defaults().withWorkers(1),
                RunConfig.defaults().withWorkers(2).withChunkSize(7))) {
            RunOutput<AccumulatorMap> java = new Runner(rc.withProgress(false)).run(new ZMuMuProcessor(), trees);
            RunOutput<AccumulatorMap> yaml = new Runner(rc.withProgress(false)).run(cfg.processor(), ntuples);
            assertThat(yaml.failures()).isEmpty();
            assertThat(yaml.result()).isEqualTo(java.result());
            long zWindow = yaml.result().get("cutflow", Cutflow.class).flows()
                    .get(new Cutflow.Key("DYJetsToLL_M50_2018", "zWindow", "nominal")).getLast().events();
            assertThat(zWindow).isPositive();
        }
    }
}
