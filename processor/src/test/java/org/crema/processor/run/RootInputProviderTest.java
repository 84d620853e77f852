package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootInputProviderTest {

    @Test
    void collectionsGroupBranchesAndFiltersGatherLazily() {
        Path dy = TestData.nanoaod("nano_dy.root");
        RootInputProvider in = new RootInputProvider();
        FileInfo info = in.inspect(dy.toString(), "Events");
        assertThat(info.entries()).isEqualTo(40);
        assertThat(info.clusterStarts()).startsWith(0L);
        Chunk chunk = new Chunk(0, DatasetInfo.of("DY", true), dy.toString(), "Events", 5, 25, 40);
        try (ColumnSource src = in.open(chunk)) {
            Events ev = Events.of(chunk, src);
            ListColumn<RecordColumn> mu = ev.collection("Muon");
            assertThat(mu.length()).isEqualTo(20);
            ListColumn<?> pt = (ListColumn<?>) ev.column("Muon_pt");
            PrimitiveColumn n = (PrimitiveColumn) ev.column("nMuon");
            for (int i = 0; i < 20; i++) {
                assertThat(mu.count(i)).isEqualTo(n.getLong(i));
                assertThat(pt.count(i)).isEqualTo(n.getLong(i));
            }
            FloatColumn recPt = mu.content().field("pt", FloatColumn.class);
            FloatColumn flatPt = (FloatColumn) pt.flatContent();
            assertThat(recPt.toArray()).containsExactly(flatPt.toArray());
            assertThat(ev.bytesRead()).isPositive();

            boolean[] keep = new boolean[20];
            keep[3] = keep[7] = true;
            Events sub = ev.filter(org.crema.columnar.BoolColumn.of(keep));
            ListColumn<RecordColumn> subMu = sub.collection("Muon");
            assertThat(subMu.count(0)).isEqualTo(mu.count(3));
            assertThat(subMu.count(1)).isEqualTo(mu.count(7));
            assertThat(ev.singleton("MET").fieldNames()).contains("pt", "phi");
        }
    }

    @Test
    void aChunkReadsAtOnceWhatTheDatasetsEarlierChunksReadWithTheSameValues() {
        Path dy = TestData.nanoaod("nano_dy.root");
        RootInputProvider in = new RootInputProvider();
        Chunk first = new Chunk(0, DatasetInfo.of("DY", true), dy.toString(), "Events", 0, 20, 40);
        Chunk second = new Chunk(1, DatasetInfo.of("DY", true), dy.toString(), "Events", 20, 40, 40);
        try (ColumnSource src = in.open(first)) {
            Events ev = Events.of(first, src);
            ev.column("Muon_pt");
            ev.collection("Jet", "pt", "eta");
        }
        assertThat(in.rememberedBranches("DY")).containsExactlyInAnyOrder("Muon_pt", "nJet", "Jet_pt", "Jet_eta");
        assertThat(in.rememberedBranches("TT")).isEmpty();
        try (ColumnSource src = in.open(second);
                org.crema.io.RootFile f = org.crema.io.RootFile.open(dy)) {
            // the second chunk prefetched those branches when it opened; what it serves is what the file holds
            org.crema.io.Tree tree = f.tree("Events");
            Events ev = Events.of(second, src);
            for (String b : java.util.List.of("Muon_pt", "Jet_pt", "Jet_eta", "nJet")) {
                assertThat(ev.column(b)).as(b).isEqualTo(tree.read(b, 20, 40));
            }
            ev.column("Muon_eta");
        }
        assertThat(in.rememberedBranches("DY")).contains("Muon_eta");
    }

    @Test
    void namedFieldsReadOnlyThoseBranches() {
        Path dy = TestData.nanoaod("nano_dy.root");
        RootInputProvider in = new RootInputProvider();
        Chunk chunk = new Chunk(0, DatasetInfo.of("DY", true), dy.toString(), "Events", 0, 40, 40);
        long few;
        long all;
        try (ColumnSource a = in.open(chunk); ColumnSource b = in.open(chunk)) {
            Events ev = Events.of(chunk, a);
            ListColumn<RecordColumn> two = ev.collection("Muon", "pt", "charge");
            assertThat(two.content().fieldNames()).containsExactly("pt", "charge");
            few = ev.bytesRead();
            Events evAll = Events.of(chunk, b);
            ListColumn<RecordColumn> full = evAll.collection("Muon");
            all = evAll.bytesRead();
            assertThat(full.content().fieldNames()).contains("pt", "charge", "eta", "tightId");
            assertThat(two.content().field("pt", FloatColumn.class).toArray())
                    .containsExactly(full.content().field("pt", FloatColumn.class).toArray());
            assertThat(ev.fileSumGenWeights()).hasValue(15166686735.858717); // Runs tree, per the reference JSON
        }
        assertThat(few).isPositive().isLessThan(all);
    }

    @Test
    void aChunkTaskCanBeShippedToAnotherWorker() throws Exception {
        // What a distributed executor does: serialize the task, run the copy elsewhere, send the result back.
        Path dy = TestData.nanoaod("nano_dy.root");
        ProcessingTask<org.crema.processor.accumulate.AccumulatorMap> task = new ProcessingTask<>(
                new ShippableCount(), new RootInputProvider(), null, false);
        byte[] shipped = org.crema.processor.internal.Serialization.toBytes(task);
        @SuppressWarnings("unchecked")
        ChunkTask<org.crema.processor.accumulate.AccumulatorMap> remote = (ChunkTask<org.crema.processor.accumulate.AccumulatorMap>)
                org.crema.processor.internal.Serialization.read(new java.io.ByteArrayInputStream(shipped),
                        getClass().getClassLoader());
        Chunk chunk = new Chunk(0, DatasetInfo.of("DY", true), dy.toString(), "Events", 0, 40, 40);
        ChunkOutcome<org.crema.processor.accumulate.AccumulatorMap> local = task.run(chunk);
        ChunkOutcome<org.crema.processor.accumulate.AccumulatorMap> there = remote.run(chunk);
        assertThat(there.failure()).isNull();
        Object back = org.crema.processor.internal.Serialization.read(new java.io.ByteArrayInputStream(
                org.crema.processor.internal.Serialization.toBytes(there.result())), getClass().getClassLoader());
        assertThat(back).isEqualTo(local.result());
    }

    @Test
    void truncatedFileFailsInspection(@TempDir Path dir) throws Exception {
        Path dy = TestData.nanoaod("nano_dy.root");
        byte[] bytes = Files.readAllBytes(dy);
        Path cut = dir.resolve("truncated.root");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> new RootInputProvider().inspect(cut.toString(), "Events"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void fileMissingItsLastBytesIsRefusedUnlessAllowed(@TempDir Path dir) throws Exception {
        Path dy = TestData.nanoaod("nano_dy.root");
        byte[] bytes = Files.readAllBytes(dy);
        Path cut = dir.resolve("cut.root");
        // Only the last 0.1 % is lost: every basket is intact, but the file is not whole.
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - bytes.length / 1000));
        assertThatThrownBy(() -> new RootInputProvider().inspect(cut.toString(), "Events"))
                .isInstanceOf(org.crema.io.RootFormatException.class)
                .hasMessageContaining("file is truncated: its header says it ends at byte " + bytes.length);
        FileInfo info = new RootInputProvider(true).inspect(cut.toString(), "Events");
        assertThat(info.entries()).isEqualTo(40);
    }
}
