package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.IntColumn;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.accumulate.AccumulatorMap;
import org.junit.jupiter.api.Test;

/** Failure messages name the chunk once; a file lacking what its siblings have is an input failure. */
class FailureMessageTest {

    @Test
    void aCorruptColumnNamesTheChunkOnce() {
        MemoryInput in = RunnerTest.input();
        in.corruptBaskets.add("f2.root");
        assertThatThrownBy(() -> RunnerTest.run(RunConfig.defaults().withWorkers(1).withChunkSize(5000), in))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessage("chunk failed: dataset B, file f2.root, entries [0, 1274): cannot read column 'x': basket of"
                        + " x is corrupt (use skipBadFiles / --skip-bad-files to skip it)");
    }

    static MemoryInput siblings() {
        MemoryInput in = new MemoryInput();
        in.add("full.root", Map.<String, Column>of("x", DoubleColumn.copyOf(new double[] {1, 2, 3}),
                "i", IntColumn.of(new int[3])), 0);
        in.add("damaged.root", Map.<String, Column>of("i", IntColumn.of(new int[3])), 0);
        in.add("other.root", Map.<String, Column>of("x", DoubleColumn.copyOf(new double[] {4, 5}),
                "i", IntColumn.of(new int[2])), 0);
        return in;
    }

    static Fileset siblingFileset() {
        return Fileset.parse("""
                {"A": {"files": ["full.root", "damaged.root"], "metadata": {"isMC": false}},
                 "B": {"files": ["other.root"], "metadata": {"isMC": false}}}""", null);
    }

    @Test
    void aColumnMissingFromOneFileOfADatasetIsAnInputFailure() {
        MemoryInput in = siblings();
        Runner strict = new Runner(RunConfig.defaults().withWorkers(1).withProgress(false), in, null);
        assertThatThrownBy(() -> strict.run(new RunnerTest.SumProcessor(1), siblingFileset()))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageStartingWith("chunk failed: dataset A, file damaged.root, entries [0, 3): no column 'x'")
                .hasMessageEndingWith(", although file full.root of the same dataset has it (damaged file or another"
                        + " NanoAOD version?) (use skipBadFiles / --skip-bad-files to skip it)");
        RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withWorkers(1).withProgress(false)
                .withSkipBadFiles(true), in, null).run(new RunnerTest.SumProcessor(1), siblingFileset());
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("damaged.root");
            assertThat(f.inputError()).isTrue();
        });
        assertThat(out.result().get("events", org.crema.processor.accumulate.Counter.class).value()).isEqualTo(5);
    }

    @Test
    void aColumnNoFileHasIsStillTheProcessorsMistake() {
        MemoryInput in = siblings();
        org.crema.processor.Processor<AccumulatorMap> typo = events -> AccumulatorMap.empty()
                .with("n", org.crema.processor.accumulate.Counter.of(events.column("y").length()));
        assertThatThrownBy(() -> new Runner(RunConfig.defaults().withWorkers(1).withProgress(false)
                .withSkipBadFiles(true), in, null).run(typo, siblingFileset()))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageStartingWith("chunk failed: dataset A, file full.root, entries [0, 3): no column 'y'")
                .hasMessageNotContaining("skip-bad-files");
    }
}
