package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.TestData;
import org.crema.processor.nano.GenJets;
import org.crema.processor.nano.Jets;
import org.junit.jupiter.api.Test;

/**
 * The default input provider on RNTuple files: the file decides the format, planning sees the
 * ntuple's clusters, and {@code Events} with its typed views reads the same as on the TTree with the
 * same events, also over a range that crosses a cluster boundary.
 */
class RNTupleInputTest {

    @Test
    void planningSeesTheNTuplesEntriesClustersAndGenWeight() {
        Path tt = TestData.shared("rntuple/nano_tt_v12_zstd5.root");
        Path data = TestData.shared("rntuple/nano_dimuon_zstd5.root");
        RootInputProvider in = new RootInputProvider();
        FileInfo info = in.inspect(tt.toString(), "Events");
        assertThat(info.entries()).isEqualTo(200);
        assertThat(info.clusterStarts()).containsExactly(0L, 100L);
        assertThat(info.sizeBytes()).isEqualTo(506042L);
        assertThat(info.genWeight()).isEqualTo(FileInfo.GenWeight.PRESENT);
        assertThat(in.inspect(data.toString(), "Events").genWeight()).isEqualTo(FileInfo.GenWeight.ABSENT);
        // CMSSW's layout has no counter fields; the provider offers them under the TTree's names
        assertThat(in.columnNames(tt.toString(), "Events")).contains("nJet", "Jet_pt", "MET_pt", "Flag_goodVertices")
                .doesNotContain("Jet._0.pt");
        in.release();
    }

    @Test
    void eventsAndTypedViewsReadLikeTheTTreeAcrossAClusterBoundary() {
        Path tree = TestData.shared("nanoaod/nano_tt_v12.root");
        Path ntuple = TestData.shared("rntuple/nano_tt_v12_zstd5.root");
        RootInputProvider in = new RootInputProvider();
        DatasetInfo ds = DatasetInfo.of("TT", true);
        Chunk ct = new Chunk(0, ds, tree.toString(), "Events", 37, 163, 200);
        Chunk cn = new Chunk(0, ds, ntuple.toString(), "Events", 37, 163, 200);
        try (ColumnSource st = in.open(ct); ColumnSource sn = in.open(cn)) {
            Events et = Events.of(ct, st);
            Events en = Events.of(cn, sn);
            assertThat(en.collectionNames()).isEqualTo(et.collectionNames());
            assertThat(en.counts("Jet").toArray()).containsExactly(et.counts("Jet").toArray());
            Jets jt = et.jets();
            Jets jn = en.jets();
            assertThat(floats(jn.pt())).containsExactly(floats(jt.pt()));
            assertThat(ints(jn.genJetIdx())).containsExactly(ints(jt.genJetIdx()));
            GenJets gt = jt.matchedGen();
            GenJets gn = jn.matchedGen();
            assertThat(floats(gn.pt())).containsExactly(floats(gt.pt()));
            assertThat(gn.pt().totalCount()).isPositive();
            assertThat(floats(en.muons().pt())).containsExactly(floats(et.muons().pt()));
            assertThat(en.met().pt().toArray()).containsExactly(et.met().pt().toArray());
            assertThat(en.fileSumGenWeights()).isEqualTo(et.fileSumGenWeights());
            // the chunk's share of the stored bytes of what was read, as for the TTree
            assertThat(en.bytesRead()).isPositive();
        }
        in.release();
    }

    private static float[] floats(ListColumn<FloatColumn> c) {
        return ((FloatColumn) c.flatContent()).toArray();
    }

    private static int[] ints(ListColumn<IntColumn> c) {
        return ((IntColumn) c.flatContent()).toArray();
    }
}
