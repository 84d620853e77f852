package org.crema.nano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.io.RootFile;
import org.crema.io.RootFormatException;
import org.crema.io.TestData;
import org.crema.io.rntuple.RNTupleReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The RNTuple event table against the TTree view of the same events: collections, offsets, members,
 * counters and cross-references under the TTree's names, for CMSSW's layout and for
 * RNTupleImporter's, over entry ranges that start, end and cross cluster boundaries.
 */
class RNTupleEventTableTest {
    private static Path shared(String relative) {
        Path p = TestData.shared().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared input " + p + " is absent; skipping");
        return p;
    }

    /** Values compared bit for bit, list by list. */
    private static void assertSame(String what, Column expected, Column actual) {
        assertThat(actual.length()).as(what + " length").isEqualTo(expected.length());
        if (expected instanceof ListColumn<?> e) {
            ListColumn<?> a = (ListColumn<?>) actual;
            PrimitiveColumn ec = (PrimitiveColumn) e.content();
            PrimitiveColumn ac = (PrimitiveColumn) a.content();
            for (int i = 0; i < e.length(); i++) {
                assertThat(a.count(i)).as(what + " count of entry " + i).isEqualTo(e.count(i));
                for (int j = 0; j < e.count(i); j++) {
                    assertThat(Double.doubleToRawLongBits(ac.getDouble(a.start(i) + j)))
                            .as(what + " entry " + i + " element " + j)
                            .isEqualTo(Double.doubleToRawLongBits(ec.getDouble(e.start(i) + j)));
                }
            }
        } else {
            PrimitiveColumn e = (PrimitiveColumn) expected;
            PrimitiveColumn a = (PrimitiveColumn) actual;
            for (int i = 0; i < e.length(); i++) {
                assertThat(a.getLong(i) == e.getLong(i) && Double.doubleToRawLongBits(a.getDouble(i))
                        == Double.doubleToRawLongBits(e.getDouble(i))).as(what + " entry " + i).isTrue();
            }
        }
    }

    private static List<String> collectionNames(RootFile rf) {
        return NanoSchema.nanoAOD().collectionNames(rf.tree("Events").branches().stream()
                .filter(org.crema.io.BranchInfo::readable).map(org.crema.io.BranchInfo::name).toList());
    }

    @Test
    void collectionsAndCrossReferencesEqualTheTTreeAcrossClusters() {
        // nano_tt_v12: two clusters of 100 entries, so [37, 163) crosses the boundary where the
        // collections' offsets restart at zero.
        try (RootFile rf = RootFile.open(shared("nanoaod/nano_tt_v12.root"));
                RNTupleReader reader = RNTupleReader.open(shared("rntuple/nano_tt_v12_zstd5.root"))) {
            for (long[] r : new long[][] {{0, 200}, {37, 163}, {100, 200}, {99, 101}, {5, 5}}) {
                NanoEvents tree = NanoEvents.of(rf.tree("Events"), r[0], r[1]);
                RNTupleEventTable nt = RNTupleEventTable.of(reader.ntuple("Events"), r[0], r[1]);
                String range = "[" + r[0] + ", " + r[1] + ") ";
                assertThat(nt.size()).isEqualTo((int) (r[1] - r[0]));
                // the processor's Events finds collections by NanoSchema's rule over the branch names
                assertThat(nt.collectionNames()).isEqualTo(collectionNames(rf))
                        .contains("Jet", "Muon", "Electron", "GenPart");
                for (String c : List.of("Jet", "Muon", "Electron", "GenJet", "GenPart")) {
                    NanoCollection tc = tree.collection(c);
                    assertThat(nt.offsets(c)).as(range + c).containsExactly(tc.offsets());
                    assertThat(nt.fieldNames(c)).as(range + c).containsExactlyInAnyOrderElementsOf(tc.fieldNames());
                    for (String f : tc.fieldNames()) {
                        assertSame(range + c + "_" + f, tc.field(f), nt.field(c, f));
                    }
                    assertSame(range + "n" + c, tree.column("n" + c), nt.column("n" + c));
                }
                assertSame(range + "MET_pt", tree.column("MET_pt"), nt.column("MET_pt"));
                assertSame(range + "event", tree.column("event"), nt.column("event"));
                for (String[] x : new String[][] {{"Jet", "genJetIdx", "GenJet"}, {"Muon", "jetIdx", "Jet"},
                        {"GenPart", "genPartIdxMother", "GenPart"}, {"Electron", "jetIdx", "Jet"}}) {
                    CrossReference a = tree.crossReference(x[0], x[1], x[2]);
                    CrossReference b = nt.crossReference(x[0], x[1], x[2]);
                    assertSame(range + String.join(" ", x) + " global", a.global(), b.global());
                    assertSame(range + String.join(" ", x) + " local", a.local(), b.local());
                }
                ListColumn<RecordColumn> mu = nt.collection("Muon", List.of("pt", "charge"));
                assertThat(mu.offsets()).containsExactly(tree.collection("Muon").offsets());
                assertSame(range + "Muon record pt", tree.collection("Muon").field("pt"),
                        ListColumn.ofTrusted(mu.offsets(), (PrimitiveColumn) mu.content().field("pt")));
            }
        }
    }

    @Test
    void theRNTupleImporterLayoutReadsUnderTheSameNames() {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"));
                RNTupleReader reader = RNTupleReader.open(shared("rntuple/root-written/nano_dy_rntuple.root"))) {
            NanoEvents tree = NanoEvents.of(rf.tree("Events"), 0, 40);
            RNTupleEventTable nt = RNTupleEventTable.of(reader.ntuple("Events"), 0, 40);
            assertThat(nt.collectionNames()).isEqualTo(collectionNames(rf));
            for (String c : List.of("Jet", "Muon", "GenJet")) {
                assertThat(nt.offsets(c)).as(c).containsExactly(tree.collection(c).offsets());
                assertSame(c + "_pt", tree.collection(c).field("pt"), nt.field(c, "pt"));
            }
            CrossReference a = tree.crossReference("Jet", "genJetIdx", "GenJet");
            assertSame("Jet genJetIdx", a.global(), nt.crossReference("Jet", "genJetIdx", "GenJet").global());
        }
    }

    @Test
    void theCollectionOffsetsAreReadOnceAndShared() {
        try (RNTupleReader reader = RNTupleReader.open(shared("rntuple/nano_dy_zstd5.root"))) {
            RNTupleEventTable nt = RNTupleEventTable.of(reader.ntuple("Events"), 3, 31);
            assertThat(nt.offsets("Jet")).isSameAs(nt.offsets("Jet"));
            assertThat(nt.column("Jet_pt")).isSameAs(nt.column("Jet_pt"));
            assertThat(nt.field("Jet", "pt").offsets()).isSameAs(nt.offsets("Jet"));
            assertThat(nt.describe()).isEqualTo("file " + shared("rntuple/nano_dy_zstd5.root")
                    + ", ntuple Events, entries [3, 31)");
        }
    }

    @Test
    void unknownNamesAreReportedWithFileNTupleAndCloseNames() {
        Path file = shared("rntuple/nano_dimuon_zstd5.root");
        try (RNTupleReader reader = RNTupleReader.open(file)) {
            RNTupleEventTable nt = RNTupleEventTable.of(reader.ntuple("Events"), 0, 40);
            assertThat(nt.has("Muon_ptt")).isFalse();
            assertThatThrownBy(() -> nt.column("Muon_ptt")).isInstanceOf(RootFormatException.class)
                    .hasMessageStartingWith("file " + file + ", ntuple Events, entries [0, 40): no field or branch"
                            + " named 'Muon_ptt'; did you mean Muon_pt");
            assertThatThrownBy(() -> nt.field("Muon", "ptt")).isInstanceOf(RootFormatException.class)
                    .hasMessageContaining("file " + file + ", ntuple Events, entries [0, 40): collection 'Muon' has no"
                            + " field 'ptt' (no branch 'Muon_ptt'); fields are [");
            assertThatThrownBy(() -> nt.offsets("Muons")).isInstanceOf(RootFormatException.class)
                    .hasMessage("file " + file + ", ntuple Events, entries [0, 40): no collection 'Muons' (no counter"
                            + " 'nMuons' and no jagged 'Muons_*' field)");
            assertThatThrownBy(() -> RNTupleEventTable.of(reader.ntuple("Events"), 0, 41))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("entry range must satisfy 0 <= from <= to <= entries: from=0, to=41, entries=40");
        }
    }

    @Test
    void storedBytesAddUpTheFieldsPages() {
        try (RNTupleReader reader = RNTupleReader.open(shared("rntuple/nano_dy_uncompressed.root"))) {
            // uncompressed, one page per column: 40 std::uint64_t event numbers are 320 stored bytes,
            // a collection's 64-bit index column 8 bytes per entry
            assertThat(reader.ntuple("Events").storedBytes("event")).isEqualTo(40 * 8);
            assertThat(reader.ntuple("Events").storedBytes("Muon")).isEqualTo(40 * 8);
        }
    }

    @Test
    void theRunsRNTupleGivesTheSameTotalsAsTheRunsTree() {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"));
                RNTupleReader reader = RNTupleReader.open(shared("rntuple/nano_dy_zstd5.root"));
                RNTupleReader data = RNTupleReader.open(shared("rntuple/nano_dimuon_zstd5.root"))) {
            RunsSummary fromTree = RunsSummary.of(rf);
            assertThat(fromTree.present()).isTrue();
            assertThat(RunsSummary.of(reader)).isEqualTo(fromTree);
            // collision data: a Runs RNTuple with run numbers only
            assertThat(RunsSummary.of(data).present()).isFalse();
        }
    }
}
