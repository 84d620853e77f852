package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crema.examples.TtbarAgcProcessor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configs/examples/ttbar.yaml against the Java TtbarAgcProcessor on data/filesets/ttbar.json. */
class TtbarConfigTest {

    @Test
    void yamlGivesTheJavaExamplesHistogramsAndCutflowsBitForBit(@TempDir Path tmp) throws IOException {
        TestData.file("data/samples/nanoaod/nano_tt_v12.root");
        Path corrections = TestData.root().resolve("data/corrections");
        TestData.file("data/corrections/junc/RegroupedV2_Summer22_22Sep2023_V3_MC_UncertaintySources_AK4PFPuppi.junc.txt.gz");
        AnalysisConfig cfg = AnalysisConfig.load(TestData.file("configs/examples/ttbar.yaml"));
        Fileset fs = Fileset.read(TestData.file("data/filesets/ttbar.json"));
        assertThat(cfg.warnings()).isEmpty();
        for (RunConfig rc : List.of(RunConfig.defaults().withWorkers(1),
                RunConfig.defaults().withWorkers(2).withChunkSize(50))) {
            Path javaDir = tmp.resolve("java" + rc.workers());
            Path yamlDir = tmp.resolve("yaml" + rc.workers());
            RunOutput<AccumulatorMap> java = new Runner(rc.withProgress(false).withOutput(javaDir))
                    .run(new TtbarAgcProcessor(corrections, TtbarAgcProcessor.DEFAULT_JES_SOURCES), fs);
            RunOutput<AccumulatorMap> yaml = new Runner(rc.withProgress(false).withOutput(yamlDir))
                    .run(cfg.processor(), cfg.fileset());
            assertThat(yaml.failures()).isEmpty();
            assertThat(yaml.result()).isEqualTo(java.result());
            assertThat(Files.readString(yamlDir.resolve("histograms.json")))
                    .isEqualTo(Files.readString(javaDir.resolve("histograms.json")));
            Cutflow cf = yaml.result().get("cutflow", Cutflow.class);
            // 2 categories x (nominal, JER up/down, 3 JES sources up/down)
            assertThat(cf.flows()).hasSize(2 * 9);
            assertThat(cf.flows().get(new Cutflow.Key("TTbar_2022", "4j2b", "nominal")).getLast().events()).isPositive();
        }
    }
}
