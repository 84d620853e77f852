package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crema.columnar.DoubleColumn;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.ProcessorException;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Sum;
import org.crema.processor.internal.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints that detect damage, and results published as one unit into a locked folder. */
class RunIntegrityTest {

    static RunOutput<AccumulatorMap> run(RunConfig cfg, MemoryInput in) {
        return RunnerTest.run(cfg, in);
    }

    static List<Path> checkpoints(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
            return s.filter(p -> p.toString().endsWith(".chunk")).sorted().toList();
        }
    }

    @Test
    void aFlippedBitInACheckpointIsDetectedReportedAndRecomputed(@TempDir Path dir) throws IOException {
        MemoryInput in = RunnerTest.input();
        RunConfig cfg = RunConfig.defaults().withChunkSize(200).withWorkers(2).withOutput(dir);
        RunOutput<AccumulatorMap> first = run(cfg, in);
        Path victim = checkpoints(dir).get(4);
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length - 40] ^= 0x04; // one bit in the serialized accumulator
        Files.write(victim, bytes);

        RunnerTest.CALLS.set(0);
        RunOutput<AccumulatorMap> resumed = run(cfg.withResume(true), in);
        assertThat(RunnerTest.CALLS.get()).isEqualTo(1);
        assertThat(resumed.result()).isEqualTo(first.result());
        assertThat(resumed.metrics().chunksFromCheckpoint()).isEqualTo(first.metrics().chunks() - 1);
        assertThat(resumed.warnings()).singleElement().asString()
                .startsWith("checkpoint " + victim.getFileName() + " of dataset ")
                .contains(" is damaged: content hash mismatch (stored ")
                .endsWith("the file is damaged; recomputed");
        assertThat(RunSummary.text(resumed)).contains("WARNING checkpoint " + victim.getFileName());
        // the recomputed checkpoint is sound again
        RunnerTest.CALLS.set(0);
        assertThat(run(cfg.withResume(true), in).warnings()).isEmpty();
        assertThat(RunnerTest.CALLS.get()).isZero();
    }

    @Test
    void aCheckpointOfAnotherChunkIsForeign(@TempDir Path dir) throws IOException {
        MemoryInput in = RunnerTest.input();
        RunConfig cfg = RunConfig.defaults().withChunkSize(200).withWorkers(1).withOutput(dir);
        RunOutput<AccumulatorMap> first = run(cfg, in);
        List<Path> cps = checkpoints(dir);
        Files.copy(cps.get(0), cps.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RunOutput<AccumulatorMap> resumed = run(cfg.withResume(true), in);
        assertThat(resumed.result()).isEqualTo(first.result());
        assertThat(resumed.warnings()).singleElement().asString()
                .contains("is foreign: it was written for another chunk, input or configuration; recomputed");
    }

    @Test
    void checkpointsAdmitOnlyCremaAndProcessorClasses(@TempDir Path dir) throws IOException {
        MemoryInput in = RunnerTest.input();
        RunConfig cfg = RunConfig.defaults().withChunkSize(100_000).withWorkers(1).withOutput(dir);
        RunOutput<AccumulatorMap> first = run(cfg, in);
        Path victim = checkpoints(dir).get(0);
        // a well-framed file (its hash matches) holding a class from neither crema nor the processor
        byte[] planted = Serialization.frame(Serialization.toBytes(java.net.URI.create("http://example.invalid/")));
        Files.write(victim, planted);
        RunOutput<AccumulatorMap> resumed = run(cfg.withResume(true), in);
        assertThat(resumed.result()).isEqualTo(first.result());
        assertThat(resumed.warnings()).singleElement().asString().contains("cannot be read: holds a java.net.URI,"
                + " which is neither a crema class nor one of the processor's; recomputed");
    }

    @Test
    void theFingerprintCoversCremaVersionProcessorCodeConfigurationTextAndInput() {
        MemoryInput in = RunnerTest.input();
        ProcessingTask<AccumulatorMap> a = new ProcessingTask<>(new RunnerTest.SumProcessor(1), in, null, false);
        ProcessingTask<AccumulatorMap> same = new ProcessingTask<>(new RunnerTest.SumProcessor(1), in, null, false);
        ProcessingTask<AccumulatorMap> config = new ProcessingTask<>(new RunnerTest.SumProcessor(2), in, null, false);
        ProcessingTask<AccumulatorMap> text = new ProcessingTask<>(new RunnerTest.SumProcessor(1), in, null, false,
                "cuts: {pt: 25}", java.util.Map.of());
        Processor<AccumulatorMap> otherCode = new OtherCode();
        ProcessingTask<AccumulatorMap> code = new ProcessingTask<>(otherCode, in, null, false);
        assertThat(same.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(List.of(config.fingerprint(), text.fingerprint(), code.fingerprint()))
                .doesNotContain(a.fingerprint()).doesNotHaveDuplicates();
        assertThat(new String(ProcessingTask.classBytes(RunnerTest.SumProcessor.class),
                java.nio.charset.StandardCharsets.UTF_8)).startsWith(RunnerTest.SumProcessor.class.getName());
    }

    /** Same fields as a SumProcessor, other code. */
    static final class OtherCode implements Processor<AccumulatorMap> {
        private static final long serialVersionUID = 1L;

        @Override
        public AccumulatorMap process(Events events) {
            return AccumulatorMap.empty().with("sum", Sum.of(events.column("x", DoubleColumn.class).toArray()));
        }
    }

    @Test
    void resultsAreOneUnitAndAnInterruptedWriteLeavesNothingComplete(@TempDir Path dir) throws IOException {
        MemoryInput in = RunnerTest.input();
        RunOutput<AccumulatorMap> out = run(RunConfig.defaults().withWorkers(1).withOutput(dir), in);
        assertThat(Files.readString(dir.resolve(RunOutput.MANIFEST))).contains("\"result.ser\"")
                .contains("\"result.json\"").contains("\"sha256\"");
        assertThat(RunOutput.read(dir, AccumulatorMap.class).result()).isEqualTo(out.result());

        // killed after result.ser of a new run was written: the folder no longer looks complete
        assertThatThrownBy(() -> out.write(dir, f -> {
            if (f.equals(RunOutput.SERIALIZED)) {
                throw new IOException("killed");
            }
        })).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> RunOutput.read(dir, AccumulatorMap.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("no complete run output in " + dir + ": manifest.json is missing (the run that wrote this"
                        + " folder was interrupted or is still running; rerun, with --resume to reuse its checkpoints)");

        // a file from another run beside a complete manifest is detected
        out.write(dir);
        Files.writeString(dir.resolve(RunOutput.JSON), "{}");
        assertThatThrownBy(() -> RunOutput.verify(dir))
                .hasMessageStartingWith("run output in " + dir + " is inconsistent: result.json has SHA-256 ")
                .hasMessageEndingWith("(written by another run, or changed since)");
    }

    @Test
    void aRunThatFailsMidwayRemovesThePreviousResultsFirst(@TempDir Path dir) {
        MemoryInput in = RunnerTest.input();
        run(RunConfig.defaults().withWorkers(1).withOutput(dir), in);
        in.corruptBaskets.add("f2.root");
        assertThatThrownBy(() -> run(RunConfig.defaults().withWorkers(1).withOutput(dir), in))
                .isInstanceOf(ChunkFailedException.class);
        assertThat(dir.resolve(RunOutput.MANIFEST)).doesNotExist();
        assertThat(dir.resolve(RunOutput.SERIALIZED)).doesNotExist();
        assertThat(dir.resolve("checkpoints")).isNotEmptyDirectory();
    }

    /** Waits in its first chunk until the test releases it. */
    static final class Slow implements Processor<AccumulatorMap> {
        private static final long serialVersionUID = 1L;
        static volatile CountDownLatch started;
        static volatile CountDownLatch release;

        @Override
        public AccumulatorMap process(Events events) {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AccumulatorMap.empty().with("sum", Sum.of(events.column("x", DoubleColumn.class).toArray()));
        }
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefused(@TempDir Path dir) throws Exception {
        Slow.started = new CountDownLatch(1);
        Slow.release = new CountDownLatch(1);
        CountDownLatch started = Slow.started;
        CountDownLatch release = Slow.release;
        Processor<AccumulatorMap> slow = new Slow();
        MemoryInput in = RunnerTest.input();
        RunConfig cfg = RunConfig.defaults().withWorkers(1).withProgress(false).withOutput(dir);
        CompletableFuture<RunOutput<AccumulatorMap>> first = CompletableFuture.supplyAsync(
                () -> new Runner(cfg, in, null).run(slow, RunnerTest.fileset()));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> new Runner(cfg, in, null).run(new RunnerTest.SumProcessor(1), RunnerTest.fileset()))
                    .isInstanceOf(ProcessorException.class)
                    .hasMessageStartingWith("output folder " + dir.toAbsolutePath() + " is in use by another crema run"
                            + " (process " + ProcessHandle.current().pid() + " since ")
                    .hasMessageEndingWith("); wait for it to finish or choose another --output folder");
        } finally {
            release.countDown();
        }
        RunOutput<AccumulatorMap> done = first.get(60, TimeUnit.SECONDS);
        assertThat(RunOutput.read(dir, AccumulatorMap.class).result()).isEqualTo(done.result());
        // the lock is released with the run
        assertThat(new Runner(cfg, in, null).run(new RunnerTest.SumProcessor(1), RunnerTest.fileset()).result())
                .isNotNull();
    }
}
