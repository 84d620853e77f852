package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crema.examples.AgcTaskProcessor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configs/examples/agc-task.yaml against the Java AgcTaskProcessor on data/filesets/ttbar.json. */
class AgcTaskConfigTest {

    @Test
    void yamlGivesTheJavaTasksHistogramsAndCutflowsBitForBit(@TempDir Path tmp) throws IOException {
        TestData.file("data/samples/nanoaod/nano_tt_v12.root");
        AnalysisConfig cfg = AnalysisConfig.load(TestData.file("configs/examples/agc-task.yaml"));
        Fileset fs = Fileset.read(TestData.file("data/filesets/ttbar.json"));
        assertThat(cfg.warnings()).isEmpty();
        for (RunConfig rc : List.of(RunConfig.defaults().withWorkers(1),
                RunConfig.defaults().withWorkers(2).withChunkSize(50))) {
            Path javaDir = tmp.resolve("java" + rc.workers());
            Path yamlDir = tmp.resolve("yaml" + rc.workers());
            RunOutput<AccumulatorMap> java = new Runner(rc.withProgress(false).withOutput(javaDir))
                    .run(new AgcTaskProcessor(), fs);
            RunOutput<AccumulatorMap> yaml = new Runner(rc.withProgress(false).withOutput(yamlDir))
                    .run(cfg.processor(), cfg.fileset());
            assertThat(yaml.failures()).isEmpty();
            assertThat(Files.readString(yamlDir.resolve("histograms.json")))
                    .isEqualTo(Files.readString(javaDir.resolve("histograms.json")));
            assertThat(yaml.result()).isEqualTo(java.result());
            // ten histogram variations: nominal, the one-sided pt_scale_up, btag_var_0..3 Up and Down
            assertThat(Files.readString(yamlDir.resolve("histograms.json"))).contains("\"pt_scale_up\"")
                    .doesNotContain("pt_scale_upUp").contains("btag_var_3Down");
            Cutflow cf = yaml.result().get("cutflow", Cutflow.class);
            // 2 categories x (nominal, pt_scale_up)
            assertThat(cf.flows()).hasSize(2 * 2);
            assertThat(cf.flows().get(new Cutflow.Key("TTbar_2022", "4j2b", "pt_scale_up")).getLast().events())
                    .isPositive();
        }
    }
}
