package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Sum;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A worker running out of memory names the chunk, the heap and what to change, and keeps what finished. */
class OutOfMemoryTest {

    /** Allocates far more than the child's heap on the file {@code big.root}, little elsewhere. */
    static final class Greedy implements Processor<AccumulatorMap> {
        private static final long serialVersionUID = 1L;

        @Override
        public AccumulatorMap process(Events events) {
            if (events.chunk().file().equals("big.root")) {
                List<long[]> hog = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    hog.add(new long[1 << 20]);
                }
                return AccumulatorMap.empty().with("n", Sum.of(new double[] {hog.size()}));
            }
            return AccumulatorMap.empty().with("n", Sum.of(events.column("x", DoubleColumn.class).toArray()));
        }
    }

    /** Child JVM entry: args = output folder, workers. Prints the runner's message, exits 1 on failure. */
    public static void main(String[] args) {
        MemoryInput in = new MemoryInput();
        for (String f : List.of("a.root", "b.root", "big.root")) {
            in.add(f, Map.<String, Column>of("x", DoubleColumn.copyOf(new double[] {1, 2, 3, 4})), 0, 2);
        }
        Fileset fs = Fileset.parse("""
                {"D": {"files": ["a.root", "b.root", "big.root"], "metadata": {"isMC": false}}}""", null);
        RunConfig cfg = RunConfig.defaults().withChunkSize(2).withWorkers(Integer.parseInt(args[1]))
                .withProgress(false).withOutput(Path.of(args[0]));
        try {
            new Runner(cfg, in, null).run(new Greedy(), fs);
            System.out.println("finished");
            System.exit(0);
        } catch (ChunkFailedException e) {
            System.err.println("crema run: " + e.getMessage());
            System.exit(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void outOfMemoryNamesTheChunkTheHeapAndTheRemedy(int workers, @TempDir Path dir) throws Exception {
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaCmd, "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), OutOfMemoryTest.class.getName(), dir.toString(),
                Integer.toString(workers)).redirectErrorStream(false).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err.lines().toList()).as("one line, no stack trace").hasSize(1);
        assertThat(err).matches("crema run: out of memory while processing dataset D, file big\\.root, entries \\[(0, 2|2, 4)\\)"
                + " \\(2 entries\\) with a heap of \\d+ MiB and " + workers + " workers?: use fewer workers \\(--workers\\),"
                + " smaller chunks \\(--chunk-size, now 2\\) or more heap \\(-Xmx, e\\.g\\. JAVA_OPTS=-Xmx1g\\); \\d+ chunks?"
                + " finished in this run (is|are) checkpointed in " + java.util.regex.Pattern.quote(
                        dir.resolve("checkpoints").toString()) + "; rerun with --resume to continue from them");
        // the chunks of a.root and b.root (planned before big.root) finished and were kept
        try (var s = Files.list(dir.resolve("checkpoints"))) {
            assertThat(s.filter(f -> f.toString().endsWith(".chunk")).count()).isEqualTo(4);
        }
        assertThat(dir.resolve(RunOutput.MANIFEST)).doesNotExist();
    }
}
