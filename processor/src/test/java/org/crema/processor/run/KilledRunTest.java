package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.crema.processor.accumulate.AccumulatorMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed while it writes its results leaves nothing that looks complete, and no lock behind. */
class KilledRunTest {

    /** Child JVM entry: args = output folder, file after which the JVM dies as if killed. */
    public static void main(String[] args) {
        String killAfter = args[1];
        RunOutput.afterEachFile = f -> {
            if (f.equals(killAfter)) {
                Runtime.getRuntime().halt(9); // no shutdown hooks, no finally blocks: like kill -9
            }
        };
        RunnerTest.run(RunConfig.defaults().withWorkers(1).withChunkSize(200).withOutput(Path.of(args[0])),
                RunnerTest.input());
        System.exit(0);
    }

    @Test
    void aRunKilledDuringTheFinalWriteLeavesNoCompleteLookingResult(@TempDir Path dir) throws Exception {
        RunConfig cfg = RunConfig.defaults().withWorkers(1).withChunkSize(200).withOutput(dir);
        RunOutput<AccumulatorMap> complete = RunnerTest.run(cfg, RunnerTest.input());
        assertThat(RunOutput.read(dir, AccumulatorMap.class).result()).isEqualTo(complete.result());

        for (String killAfter : new String[] {RunOutput.SERIALIZED, RunOutput.JSON}) {
            String javaCmd = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(javaCmd, "-cp", System.getProperty("java.class.path"),
                    KilledRunTest.class.getName(), dir.toString(), killAfter).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(9);
            // the new run's first files are there, the old run's manifest is gone: nothing looks complete
            assertThat(dir.resolve(RunOutput.SERIALIZED)).exists();
            assertThat(dir.resolve(RunOutput.MANIFEST)).doesNotExist();
            assertThatThrownBy(() -> RunOutput.read(dir, AccumulatorMap.class))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("manifest.json is missing");
        }
        // the lock died with the process; resuming reuses every checkpoint and publishes a complete result
        RunOutput<AccumulatorMap> resumed = RunnerTest.run(cfg.withResume(true), RunnerTest.input());
        assertThat(resumed.metrics().chunksProcessed()).isZero();
        assertThat(resumed.metrics().chunksFromCheckpoint()).isEqualTo(complete.metrics().chunks());
        assertThat(RunOutput.read(dir, AccumulatorMap.class).result()).isEqualTo(complete.result());
        assertThat(Files.readString(dir.resolve(OutputLock.FILE))).startsWith("process " + ProcessHandle.current().pid());
    }
}
