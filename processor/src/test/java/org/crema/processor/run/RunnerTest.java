package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.IntColumn;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Counter;
import org.crema.processor.accumulate.SetAccumulator;
import org.crema.processor.accumulate.Sum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    static final AtomicInteger CALLS = new AtomicInteger();

    /** Σw of column x, event count, and the set of files seen. */
    static final class SumProcessor implements Processor<AccumulatorMap> {
        private static final long serialVersionUID = 1L;
        final double scale;

        SumProcessor(double scale) {
            this.scale = scale;
        }

        @Override
        public AccumulatorMap process(Events events) {
            CALLS.incrementAndGet();
            double[] x = events.column("x", DoubleColumn.class).toArray();
            for (int i = 0; i < x.length; i++) {
                x[i] *= scale;
            }
            return AccumulatorMap.empty()
                    .with("sum", Sum.of(x))
                    .with("events", Counter.of(events.size()))
                    .with("files", SetAccumulator.of(List.of(events.chunk().file())));
        }
    }

    static final double[][] DATA = new double[3][];
    static {
        Random r = new Random(42);
        for (int f = 0; f < 3; f++) {
            DATA[f] = new double[1000 + 137 * f];
            for (int i = 0; i < DATA[f].length; i++) {
                DATA[f][i] = r.nextGaussian() * 1e3; // not dyadic: rounding depends on order
            }
        }
    }

    static MemoryInput input() {
        MemoryInput in = new MemoryInput();
        for (int f = 0; f < 3; f++) {
            int n = DATA[f].length;
            in.add("f" + f + ".root", Map.<String, Column>of("x", DoubleColumn.copyOf(DATA[f]), "i", IntColumn.of(new int[n])),
                    0, 100, 250, 600, 900);
        }
        return in;
    }

    static Fileset fileset() {
        return Fileset.parse("""
                {"A": {"files": ["f0.root", "f1.root"], "metadata": {"isMC": true, "xsec": 1.5}},
                 "B": {"files": ["f2.root"], "metadata": {"isMC": "False", "year": 2018}}}""", null);
    }

    static RunOutput<AccumulatorMap> run(RunConfig cfg, MemoryInput in) {
        return new Runner(cfg.withProgress(false), in, null).run(new SumProcessor(1.0), fileset());
    }

    @Test
    void resultsDoNotDependOnTheNumberOfWorkers() {
        MemoryInput in = input();
        RunConfig cfg = RunConfig.defaults().withChunkSize(97);
        RunOutput<AccumulatorMap> one = run(cfg.withWorkers(1), in);
        RunOutput<AccumulatorMap> two = run(cfg.withWorkers(2), in);
        RunOutput<AccumulatorMap> five = run(cfg.withWorkers(5), in);
        assertThat(one.metrics().chunks()).isGreaterThan(30);
        // bit-identical: both executors fold chunk results in chunk order
        assertThat(two.result()).isEqualTo(one.result());
        assertThat(five.result()).isEqualTo(one.result());
        assertThat(one.executor()).isEqualTo("iterative");
        assertThat(two.executor()).isEqualTo("threads(2)");

        double expected = 0;
        long n = 0;
        for (double[] d : DATA) {
            for (double v : d) {
                expected += v;
            }
            n += d.length;
        }
        Sum s = one.result().get("sum", Sum.class);
        assertThat(s.entries()).isEqualTo(n);
        assertThat(one.result().get("events", Counter.class).value()).isEqualTo(n);
        // a sequential sum adds in another order: equal up to rounding (|Σ|~1e4, terms ~1e3, 3e3 terms)
        assertThat(s.sumw()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(one.metrics().events()).isEqualTo(n);
    }

    @Test
    void chunkSizesChangeOnlyRounding() {
        MemoryInput in = input();
        Sum a = run(RunConfig.defaults().withChunkSize(50).withWorkers(2), in).result().get("sum", Sum.class);
        Sum b = run(RunConfig.defaults().withChunkSize(100_000).withWorkers(2), in).result().get("sum", Sum.class);
        assertThat(a.entries()).isEqualTo(b.entries());
        assertThat(Math.abs(a.sumw() - b.sumw()) / Math.abs(b.sumw())).isLessThan(1e-12);
    }

    @Test
    void chunksFollowClustersAndLimits() {
        MemoryInput in = input();
        Runner r = new Runner(RunConfig.defaults().withChunkSize(300).withProgress(false), in, null);
        List<org.crema.processor.Chunk> chunks = r.plan(fileset());
        assertThat(chunks.stream().filter(c -> c.file().equals("f0.root"))
                .map(c -> c.entryStart() + "-" + c.entryStop()).toList())
                // the 350-entry cluster is longer than the chunk size and is split in two equal parts
                .containsExactly("0-250", "250-425", "425-600", "600-900", "900-1000");
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).index()).isEqualTo(i);
        }
        Runner limited = new Runner(RunConfig.defaults().withChunkSize(300).withMaxFiles(1).withMaxChunks(2)
                .withProgress(false), in, null);
        assertThat(limited.plan(fileset()).stream().map(c -> c.dataset().name() + ":" + c.file() + ":" + c.entryStart())
                .toList()).containsExactly("A:f0.root:0", "A:f0.root:250", "B:f2.root:0", "B:f2.root:250");
    }

    @Test
    void badFileStopsTheRunWithContextUnlessSkipped(@TempDir Path dir) {
        MemoryInput in = input();
        in.unreadable.add("f1.root");
        assertThatThrownBy(() -> run(RunConfig.defaults().withWorkers(2), in))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageContaining("dataset A, file f1.root")
                .hasMessageContaining("not a ROOT file")
                .hasMessageContaining("--skip-bad-files");

        RunOutput<AccumulatorMap> out = run(RunConfig.defaults().withWorkers(2).withSkipBadFiles(true).withOutput(dir), in);
        assertThat(out.failures()).hasSize(1);
        ChunkFailure f = out.failures().get(0);
        assertThat(f.dataset()).isEqualTo("A");
        assertThat(f.file()).isEqualTo("f1.root");
        assertThat(f.entryStart()).isEqualTo(-1);
        assertThat(out.result().get("events", Counter.class).value()).isEqualTo(DATA[0].length + DATA[2].length);
        assertThat(RunOutput.read(dir, AccumulatorMap.class).failures()).containsExactly(f);
    }

    @Test
    void corruptChunkIsReportedWithItsEntryRange() {
        MemoryInput in = input();
        in.corruptBaskets.add("f2.root");
        assertThatThrownBy(() -> run(RunConfig.defaults().withWorkers(2).withChunkSize(5000), in))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageContaining("dataset B, file f2.root, entries [0, 1274)")
                .hasMessageContaining("basket of x is corrupt");
        RunOutput<AccumulatorMap> out = run(RunConfig.defaults().withWorkers(2).withChunkSize(5000)
                .withSkipBadFiles(true), in);
        assertThat(out.failures()).extracting(ChunkFailure::entryStop).containsExactly(1274L);
        assertThat(out.result().get("files", SetAccumulator.class).values().stream().map(String::valueOf).toList())
                .containsExactly("f0.root", "f1.root");
    }

    @Test
    void processorBugsAreNeverSkipped() {
        Processor<AccumulatorMap> buggy = events -> {
            throw new IllegalStateException("bug in analysis code");
        };
        assertThatThrownBy(() -> new Runner(RunConfig.defaults().withSkipBadFiles(true).withProgress(false), input(),
                null).run(buggy, fileset()))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageMatching("chunk failed: dataset [AB], file f[012].root, entries \\[0, \\d+\\): .*")
                .hasMessageContaining("bug in analysis code")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void resumeRedoesOnlyMissingChunks(@TempDir Path dir) throws IOException {
        MemoryInput in = input();
        RunConfig cfg = RunConfig.defaults().withChunkSize(200).withWorkers(2).withOutput(dir);
        CALLS.set(0);
        RunOutput<AccumulatorMap> first = run(cfg, in);
        int chunks = first.metrics().chunks();
        assertThat(CALLS.get()).isEqualTo(chunks);
        List<Path> cps;
        try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
            cps = s.filter(p -> p.toString().endsWith(".chunk")).sorted().toList();
        }
        assertThat(cps).hasSize(chunks);
        Files.delete(cps.get(3));
        Files.delete(cps.get(5));

        CALLS.set(0);
        RunOutput<AccumulatorMap> resumed = run(cfg.withResume(true), in);
        assertThat(CALLS.get()).isEqualTo(2);
        assertThat(resumed.metrics().chunksProcessed()).isEqualTo(2);
        assertThat(resumed.metrics().chunksFromCheckpoint()).isEqualTo(chunks - 2);
        assertThat(resumed.result()).isEqualTo(first.result());

        // a changed processor configuration does not reuse old results
        CALLS.set(0);
        new Runner(cfg.withResume(true).withProgress(false), in, null).run(new SumProcessor(2.0), fileset());
        assertThat(CALLS.get()).isEqualTo(chunks);
    }

    @Test
    void resumeRetriesChunksThatFailedBefore(@TempDir Path dir) {
        MemoryInput in = input();
        in.corruptBaskets.add("f1.root");
        RunConfig cfg = RunConfig.defaults().withChunkSize(400).withWorkers(2).withOutput(dir).withSkipBadFiles(true);
        RunOutput<AccumulatorMap> bad = run(cfg, in);
        assertThat(bad.failures()).isNotEmpty();
        in.corruptBaskets.clear();
        CALLS.set(0);
        RunOutput<AccumulatorMap> fixed = run(cfg.withResume(true), in);
        assertThat(CALLS.get()).isEqualTo(bad.failures().size());
        assertThat(fixed.failures()).isEmpty();
        assertThat(fixed.result()).isEqualTo(run(RunConfig.defaults().withChunkSize(400).withWorkers(1), in).result());
    }

    @Test
    void outputIsReadableBackWithProvenance(@TempDir Path dir) throws Exception {
        RunOutput<AccumulatorMap> out = run(RunConfig.defaults().withWorkers(2).withOutput(dir), input());
        RunOutput<AccumulatorMap> back = RunOutput.read(dir, AccumulatorMap.class);
        assertThat(back.result()).isEqualTo(out.result());
        assertThat(back.datasets().get("A").xsec()).isEqualTo(1.5);
        assertThat(back.datasets().get("B").year()).isEqualTo("2018");
        assertThat(back.datasets().get("B").isMC()).isFalse();
        assertThat(back.config()).containsEntry("processor", SumProcessor.class.getName());
        assertThat(back.cremaVersion()).isNotBlank();
        assertThat(back.metrics().chunkTimeHistogram()).isNotBlank();
        String json = Files.readString(dir.resolve(RunOutput.JSON));
        assertThat(json).contains("\"cremaVersion\"").contains("\"eventsPerSecondPerCore\"").contains("\"xsec\" : 1.5");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
        org.HdrHistogram.Histogram h = org.HdrHistogram.Histogram.decodeFromCompressedByteBuffer(
                java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(back.metrics().chunkTimeHistogram())), 0);
        assertThat(h.getTotalCount()).isEqualTo(back.metrics().chunksProcessed());
    }

    @Test
    void emptyMetadataDefaults() {
        DatasetInfo b = fileset().datasets().get("B").info();
        assertThat(b.sample()).isEqualTo("B");
        assertThat(b.hasXsec()).isFalse();
    }

    @Test
    void inFlightChunksAreBounded() {
        // Chunk 0 is slow: the executor may run ahead only `window` chunks past the last merged one.
        List<org.crema.processor.Chunk> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            chunks.add(new org.crema.processor.Chunk(i, DatasetInfo.of("A", true), "f", "Events", i, i + 1, 100));
        }
        java.util.concurrent.atomic.AtomicInteger maxStartedWhileFirstRuns = new java.util.concurrent.atomic.AtomicInteger(-1);
        java.util.concurrent.atomic.AtomicBoolean firstDone = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxRunning = new java.util.concurrent.atomic.AtomicInteger();
        ChunkTask<Counter> task = c -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (!firstDone.get()) {
                maxStartedWhileFirstRuns.accumulateAndGet(c.index(), Math::max);
            }
            try {
                Thread.sleep(c.index() == 0 ? 300 : 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (c.index() == 0) {
                firstDone.set(true);
            }
            running.decrementAndGet();
            return new ChunkOutcome<>(c, Counter.of(c.index()), null, 0, 0, false, null);
        };
        Counter total = new MultiThreadedExecutor(2, 4).execute(chunks, task, o -> { });
        assertThat(total.value()).isEqualTo(40 * 39 / 2);
        assertThat(maxRunning.get()).isLessThanOrEqualTo(2);
        assertThat(maxStartedWhileFirstRuns.get()).isLessThan(4);
    }
}
