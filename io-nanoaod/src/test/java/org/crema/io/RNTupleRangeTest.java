package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crema.columnar.Column;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import java.util.List;
import org.crema.io.rntuple.BranchNames;
import org.crema.io.rntuple.ClusterInfo;
import org.crema.io.rntuple.FieldInfo;
import org.crema.io.rntuple.RNTuple;
import org.crema.io.rntuple.RNTupleReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Entry ranges that start and end inside clusters, cross cluster boundaries (where index columns
 * restart at zero) or are empty give the same values as slicing a whole-file read; parallel page
 * decoding gives the same arrays as the calling thread; the RNTuple equals its source TTree.
 */
class RNTupleRangeTest {
    private static Path sample(String name) {
        Path p = TestData.shared().resolve("rntuple").resolve(name);
        Assumptions.assumeTrue(Files.exists(p), "shared RNTuple sample " + p + " is absent");
        return p;
    }

    @Test
    void rangesAcrossClustersEqualSlicesOfTheWholeRead() {
        try (RNTupleReader reader = RNTupleReader.open(sample("nano_tt_v12_zstd5.root"))) {
            RNTuple nt = reader.ntuple("Events");
            assertThat(nt.clusters()).extracting(ClusterInfo::firstEntry).containsExactly(0L, 100L);
            long n = nt.entries();
            long[][] ranges = {{0, n}, {0, 1}, {99, 101}, {100, 100}, {37, 163}, {150, 200}, {199, 200}};
            for (String field : new String[] {"Jet._0.pt", "Muon._0.charge", "event", "Jet._0.jetId", "Flag.goodVertices"}) {
                Column whole = nt.read(field, 0, n);
                for (long[] r : ranges) {
                    Column part = nt.read(field, r[0], r[1]);
                    assertThat(part.length()).isEqualTo((int) (r[1] - r[0]));
                    for (int i = 0; i < part.length(); i++) {
                        assertThat(element(part, i)).as(field + " entry " + (r[0] + i))
                                .isEqualTo(element(whole, (int) r[0] + i));
                    }
                }
            }
            int[] offsets = nt.readOffsets("Jet", 99, 101);
            ListColumn<?> pt = (ListColumn<?>) nt.read("Jet._0.pt", 0, n);
            assertThat(offsets).containsExactly(0, pt.count(99), pt.count(99) + pt.count(100));
        }
    }

    private static String element(Column c, int i) {
        if (c instanceof ListColumn<?> l) {
            return l.get(i).toString();
        }
        return c.getClass().getSimpleName() + ":" + ((org.crema.columnar.PrimitiveColumn) c).getDouble(i);
    }

    @Test
    void parallelPageDecodingGivesTheSameArrays() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (RNTupleReader reader = RNTupleReader.open(sample("bench_big_zstd5.root"))) {
            RNTuple nt = reader.ntuple("Events");
            assertThat(nt.clusters()).hasSize(5);
            for (String field : new String[] {"Jet._0.pt", "Muon._0.pt", "event", "Jet._0.nConstituents"}) {
                Column serial = nt.read(field, 5_000, 45_000);
                Column parallel = nt.read(field, 5_000, 45_000, pool);
                assertThat(parallel).isEqualTo(serial);
            }
            assertThat(nt.readOffsets("Muon", 0, nt.entries(), pool)).isEqualTo(nt.readOffsets("Muon", 0, nt.entries()));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void equalsTheSourceTTree() {
        Path tree = TestData.shared().resolve("nanoaod/nano_tt_v12.root");
        Assumptions.assumeTrue(Files.exists(tree), "shared TTree sample " + tree + " is absent");
        try (RNTupleReader reader = RNTupleReader.open(sample("nano_tt_v12_zstd5.root"));
                RootFile rf = RootFile.open(tree)) {
            RNTuple nt = reader.ntuple("Events");
            Tree t = rf.tree("Events");
            assertThat(nt.read("Jet._0.pt", 0, nt.entries())).isEqualTo(t.read("Jet_pt", 0, t.entries()));
            assertThat(nt.readCounts("Jet", 0, nt.entries()).toArray())
                    .isEqualTo(toInts(t.read("nJet", 0, t.entries())));
            FieldInfo event = nt.field("event");
            assertThat(event.elementType()).isEqualTo(org.crema.columnar.ElementType.UINT64);
            assertThat(((LongColumn) nt.read("event", 0, 200)).toArray())
                    .isEqualTo(((LongColumn) t.read("event", 0, 200)).toArray());
            assertThat(((FloatColumn) nt.read("MET.pt", 0, 200)).toArray())
                    .isEqualTo(((FloatColumn) t.read("MET_pt", 0, 200)).toArray());
        }
    }

    @Test
    void branchNamesReadLikeTheTTree() {
        Path tree = TestData.shared().resolve("nanoaod/nano_dy.root");
        Assumptions.assumeTrue(Files.exists(tree), "shared TTree sample " + tree + " is absent");
        try (RootFile rf = RootFile.open(tree);
                RNTupleReader cmssw = RNTupleReader.open(sample("nano_dy_zstd5.root"));
                RNTupleReader importer = RNTupleReader.open(sample("root-written/nano_dy_rntuple.root"))) {
            Tree t = rf.tree("Events");
            for (RNTupleReader reader : List.of(cmssw, importer)) {
                RNTuple nt = reader.ntuple("Events");
                BranchNames names = BranchNames.of(nt);
                for (String b : List.of("Jet_pt", "nJet", "Muon_charge", "MET_pt", "HLT_IsoMu24", "event", "PSWeight",
                        "nPSWeight", "Electron_cutBased")) {
                    Column expected = t.read(b, 0, t.entries());
                    Column actual = names.read(b, 0, nt.entries(), null);
                    assertThat(actual.length()).as(b).isEqualTo(expected.length());
                    for (int i = 0; i < expected.length(); i++) {
                        assertThat(element(actual, i)).as(reader + " " + b + " entry " + i)
                                .isEqualTo(element(expected, i));
                    }
                }
                assertThat(names.fields()).containsEntry("Jet_pt",
                        reader == cmssw ? "Jet._0.pt" : "_collection10._0.Jet_pt");
            }
        }
    }

    private static int[] toInts(Column c) {
        org.crema.columnar.PrimitiveColumn p = (org.crema.columnar.PrimitiveColumn) c;
        int[] out = new int[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) p.getLong(i);
        }
        return out;
    }

    @Test
    void countsOfAnEmptyNTupleAreEmpty() {
        try (RNTupleReader reader = RNTupleReader.open(sample("root-written/nano_dy_empty_rntuple.root"))) {
            RNTuple nt = reader.ntuple("Events");
            assertThat(nt.entries()).isZero();
            assertThat(nt.clusters()).isEmpty();
            IntColumn counts = nt.readCounts("_collection10", 0, 0);
            assertThat(counts.length()).isZero();
        }
    }
}
