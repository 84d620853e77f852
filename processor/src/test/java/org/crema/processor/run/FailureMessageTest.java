package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.IntColumn;
import org.crema.processor.AccumulatorMap;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.TestData;
import org.crema.processor.examples.ZMuMuProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure messages name the chunk once; a file lacking what its siblings have is an input failure. */
class FailureMessageTest {

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aCorruptColumnNamesTheChunkOnce() {
        MemoryInput in = RunnerTest.input();
        in.corruptBaskets.add("f2.root");
        assertThatThrownBy(() -> RunnerTest.run(RunConfig.defaults().withWorkers(1).withChunkSize(5000), in))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessage("chunk failed: dataset B, file f2.root, entries [0, 1274): cannot read column 'x': basket of"
                        + " x is corrupt (use skipBadFiles / --skip-bad-files to skip it)");
    }

    @Test
    void aDamagedRealFileNamesItsPathOnce(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.nanoaod("nano_dy.root"));
        // Zero the middle of the file: the baskets, not the header or the tree metadata written last.
        java.util.Arrays.fill(bytes, bytes.length / 10, bytes.length * 6 / 10, (byte) 0);
        Path broken = dir.resolve("nano_dy_damaged.root");
        Files.write(broken, bytes);
        Fileset fs = Fileset.parse("""
                {"DY": {"files": ["%s"], "metadata": {"isMC": true, "xsec": 6077.22, "year": "2018"}}}"""
                .formatted(broken), null);
        assertThatThrownBy(() -> new Runner(RunConfig.defaults().withProgress(false).withWorkers(1))
                .run(new ZMuMuProcessor(), fs))
                .isInstanceOf(ChunkFailedException.class)
                .satisfies(e -> assertThat(occurrences(e.getMessage(), broken.toString())).as(e.getMessage()).isEqualTo(1))
                .hasMessageStartingWith("chunk failed: dataset DY, file " + broken + ", entries [0, 40): ")
                .hasMessageEndingWith(" (use skipBadFiles / --skip-bad-files to skip it)");
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
        assertThat(out.result().get("events", org.crema.processor.Counter.class).value()).isEqualTo(5);
    }

    @Test
    void aColumnNoFileHasIsStillTheProcessorsMistake() {
        MemoryInput in = siblings();
        org.crema.processor.Processor<AccumulatorMap> typo = events -> AccumulatorMap.empty()
                .with("n", org.crema.processor.Counter.of(events.column("y").length()));
        assertThatThrownBy(() -> new Runner(RunConfig.defaults().withWorkers(1).withProgress(false)
                .withSkipBadFiles(true), in, null).run(typo, siblingFileset()))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageStartingWith("chunk failed: dataset A, file full.root, entries [0, 3): no column 'y'")
                .hasMessageNotContaining("skip-bad-files");
    }
}
