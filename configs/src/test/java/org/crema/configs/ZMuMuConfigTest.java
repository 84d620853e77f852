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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configs/examples/zmumu.yaml against the Java ZMuMuProcessor on data/filesets/zmumu.json. */
class ZMuMuConfigTest {

    @Test
    void theProcessorSerializesAsTextAndRecompilesAfterwards() throws Exception {
        TestData.file("data/samples/nanoaod/nano_dy.root");
        AnalysisConfig cfg = AnalysisConfig.load(TestData.file("configs/examples/zmumu.yaml"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(cfg.processor());
        }
        ConfigProcessor copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ConfigProcessor) in.readObject();
        }
        // the text, file name and branch kinds only: a few kB, no compiled kernels
        assertThat(bytes.size()).isLessThan(64 * 1024);
        RunConfig rc = RunConfig.defaults().withWorkers(1).withProgress(false);
        assertThat(new Runner(rc).run(copy, cfg.fileset()).result())
                .isEqualTo(new Runner(rc).run(new ZMuMuProcessor(), cfg.fileset()).result());
    }

    @Test
    void yamlGivesTheJavaExamplesHistogramsAndCutflowsBitForBit(@TempDir Path tmp) throws IOException {
        TestData.file("data/samples/nanoaod/nano_dy.root");
        AnalysisConfig cfg = AnalysisConfig.load(TestData.file("configs/examples/zmumu.yaml"));
        Fileset fs = Fileset.read(TestData.file("data/filesets/zmumu.json"));
        assertThat(cfg.fileset().datasets().keySet()).containsExactlyElementsOf(fs.datasets().keySet());
        assertThat(cfg.warnings()).isEmpty();
        // One worker with one chunk per file, and two workers over 6 chunks per file.
        for (RunConfig rc : List.of(RunConfig.defaults().withWorkers(1),
                RunConfig.defaults().withWorkers(2).withChunkSize(7))) {
            Path javaDir = tmp.resolve("java" + rc.workers());
            Path yamlDir = tmp.resolve("yaml" + rc.workers());
            RunOutput<AccumulatorMap> java = new Runner(rc.withProgress(false).withOutput(javaDir))
                    .run(new ZMuMuProcessor(), fs);
            RunOutput<AccumulatorMap> yaml = new Runner(rc.withProgress(false).withOutput(yamlDir))
                    .run(cfg.processor(), cfg.fileset());
            assertThat(yaml.failures()).isEmpty();
            // Every histogram (values and variances), cutflow, Σ genWeight and normalisation is equal.
            assertThat(yaml.result()).isEqualTo(java.result());
            assertThat(Files.readString(yamlDir.resolve("histograms.json")))
                    .isEqualTo(Files.readString(javaDir.resolve("histograms.json")));
            Cutflow cf = yaml.result().get("cutflow", Cutflow.class);
            // the selection did something: both categories, three variations in simulation, some events in the Z window
            assertThat(cf.flows()).hasSize(2 * 3 + 2); // MC: nominal and muonScaleUp/Down; data: nominal
            long zWindow = cf.flows().get(new Cutflow.Key("DYJetsToLL_M50_2018", "zWindow", "nominal")).getLast().events();
            assertThat(zWindow).isPositive();
        }
    }
}
