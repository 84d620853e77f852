package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Processor;
import org.crema.processor.TestData;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Sum;
import org.junit.jupiter.api.Test;

/** Each file is opened once per run, whatever the number of chunks, and closed at its end. */
class OpenFileCacheTest {
    /** Reads one jagged branch per chunk: enough to open every file and compare results between providers. */
    static final Processor<AccumulatorMap> MUON_PT = events -> {
        ListColumn<?> pt = (ListColumn<?>) events.column("Muon_pt");
        FloatColumn values = (FloatColumn) pt.flatContent();
        double[] w = new double[values.length()];
        for (int i = 0; i < w.length; i++) {
            w[i] = values.get(i);
        }
        return AccumulatorMap.empty().with("muonPt", Sum.of(w));
    };

    @Test
    void aRunOpensEachFileOnceAndClosesThemAtTheEnd() {
        TestData.nanoaod("nano_dy.root");
        Fileset fs = Fileset.read(TestData.root().resolve("data/filesets/zmumu.json"));
        for (int workers : new int[] {1, 2}) {
            RootInputProvider in = new RootInputProvider();
            RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withWorkers(workers).withChunkSize(7)
                    .withProgress(false), in, null).run(MUON_PT, fs);
            assertThat(out.metrics().chunks()).isEqualTo(12);
            // two files: the planning pre-pass opens each once and all 12 chunks reuse those opens
            assertThat(in.opens()).as("opens with %d workers", workers).isEqualTo(2);
            assertThat(in.openFiles()).isZero();
            // the same result as a provider that keeps nothing open between chunks
            RootInputProvider none = new RootInputProvider(0);
            RunOutput<AccumulatorMap> reopened = new Runner(RunConfig.defaults().withWorkers(workers).withChunkSize(7)
                    .withProgress(false), none, null).run(MUON_PT, fs);
            assertThat(reopened.result()).isEqualTo(out.result());
            if (workers == 1) {
                assertThat(none.opens()).isEqualTo(2 + 12); // every chunk reopens its file
            } else {
                // concurrent chunks of one file share an open even without idle files kept
                assertThat(none.opens()).isBetween(3L, 2L + 12);
            }
        }
    }

    @Test
    void idleFilesBeyondTheBoundAreClosedInUseOnesNever() {
        Path dy = TestData.nanoaod("nano_dy.root");
        Path mu = TestData.nanoaod("nano_dimuon.root");
        RootInputProvider in = new RootInputProvider(1);
        Chunk a = new Chunk(0, DatasetInfo.of("DY", true), dy.toString(), "Events", 0, 40, 40);
        Chunk b = new Chunk(1, DatasetInfo.of("Data", false), mu.toString(), "Events", 0, 40, 40);
        try (ColumnSource sa = in.open(a); ColumnSource sb = in.open(b)) {
            assertThat(in.openFiles()).isEqualTo(2); // both in use: over the bound, none closed
            sa.close();
            assertThat(in.openFiles()).isEqualTo(2); // one idle: within the bound
            assertThat(sb.column("nMuon").length()).isEqualTo(40);
        }
        assertThat(in.openFiles()).isEqualTo(1); // two idle: the least recently used is closed
        in.release();
        assertThat(in.openFiles()).isZero();
        // released, still usable: the file is opened again
        try (ColumnSource again = in.open(a)) {
            assertThat(again.column("nMuon").length()).isEqualTo(40);
        }
        assertThat(in.opens()).isEqualTo(3);
        in.release();
    }

    @Test
    void aFileThatChangedLengthSinceThePlanIsAnInputError() {
        Path dy = TestData.nanoaod("nano_dy.root");
        RootInputProvider in = new RootInputProvider();
        Chunk wrong = new Chunk(0, DatasetInfo.of("DY", true), dy.toString(), "Events", 0, 10, 50);
        assertThatThrownBy(() -> in.open(wrong))
                .isInstanceOf(org.crema.processor.InputReadException.class)
                .hasMessage("the tree now has 40 entries, the plan saw 50 (file changed during the run?)");
        assertThat(in.openFiles()).isEqualTo(1);
        in.release();
    }
}
