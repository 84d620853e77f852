package org.crema.nano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Columns;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.RootFile;
import org.crema.io.RootFormatException;
import org.crema.io.TestData;
import org.crema.io.Tree;
import org.junit.jupiter.api.Test;

class NanoSchemaTest {
    private final NanoSchema schema = NanoSchema.nanoAOD();

    @Test
    void offsetsFromTheCountersOfRun2AndRun3Files() {
        for (String file : List.of("nano_dy.root", "nano_tt_v12.root")) {
            try (RootFile rf = RootFile.open(TestData.nano(file))) {
                Tree t = rf.tree("Events");
                int n = Math.toIntExact(t.entries());
                PrimitiveColumn nJet = (PrimitiveColumn) t.read("nJet", 0, n);
                int[] o = NanoSchema.offsets(nJet, file, 0);
                ListColumn<?> pt = (ListColumn<?>) t.read("Jet_pt", 0, n);
                assertThat(o).hasSize(n + 1).startsWith(0);
                for (int e = 0; e < n; e++) {
                    assertThat(o[e + 1] - o[e]).isEqualTo(pt.count(e)).isEqualTo(nJet.getLong(e));
                }
            }
        }
    }

    @Test
    void unsignedCountersAndBadCounts() {
        assertThat(NanoSchema.offsets(ByteColumn.ofUnsigned((byte) 200, (byte) 1), "x", 0)).containsExactly(0, 200, 201);
        assertThatThrownBy(() -> NanoSchema.offsets(IntColumn.of(2, -1), "f.root, counter nJet", 100))
                .isInstanceOf(RootFormatException.class)
                .hasMessage("f.root, counter nJet: counts must be >= 0 and sum to less than 2^31, got -1 at entry 101");
        assertThatThrownBy(() -> NanoSchema.offsets(FloatColumn.of(1f), "c", 0))
                .hasMessage("c: a counter must be an integer column, got FLOAT32");
    }

    @Test
    void crossReferencesFollowTheLocalToGlobalRule() {
        ListColumn<IntColumn> idx = Columns.jagged(new int[] {0, 3, 4}, new int[] {0, -1, 2, 1});
        CrossReference x = NanoSchema.resolve("Jet", "genJetIdx", "GenJet", idx, new int[] {0, 2, 4});
        // event 0 has 2 targets: index 2 is past them; event 1's index 1 is global 3
        assertThat(x.local().content().toArray()).containsExactly(0, -1, -1, 1);
        assertThat(x.global().content().toArray()).containsExactly(0, -1, -1, 3);
        assertThat(x.outOfRangeCount()).isEqualTo(1);
        assertThat(x.valid().content().toArray()).containsExactly(true, false, false, true);
        assertThatThrownBy(() -> NanoSchema.resolve("Jet", "x", "GenJet", idx, new int[] {0, 2}))
                .hasMessage("resolve: target offsets must have one entry per event plus one, got 2 for 2 events");
    }

    @Test
    void targetsKindsAndFields() {
        List<String> names = List.of("Electron", "GenJet", "GenPart", "Jet", "Muon", "Photon", "SubJet", "FatJet");
        assertThat(schema.target("Jet", "genJetIdx", names)).isEqualTo("GenJet");
        assertThat(schema.target("Muon", "jetIdx", names)).isEqualTo("Jet");
        assertThat(schema.target("GenPart", "genPartIdxMother", names)).isEqualTo("GenPart");
        assertThat(schema.target("FatJet", "subJetIdx1", names)).isEqualTo("SubJet");
        assertThat(schema.target("Jet", "muonIdx2", names)).isEqualTo("Muon");
        assertThat(schema.target("Jet", "pt", names)).isNull();
        assertThat(schema.kind("Jet")).isEqualTo(NanoSchema.Kind.JET);
        assertThat(schema.kind("PuppiMET")).isEqualTo(NanoSchema.Kind.MISSING_ET);
        assertThat(schema.kind("IsoTrack")).isEqualTo(NanoSchema.Kind.OTHER);
        assertThat(schema.isField("Jet", "Jet_pt", "nJet")).isTrue();
        assertThat(schema.isField("Jet", "Jet_pt", "nJet_pt")).isTrue(); // uproot-written files
        assertThat(schema.isField("Jet", "Jet_pt", null)).isFalse();
        assertThat(schema.isField("Jet", "JetX_pt", "nJet")).isFalse();
        assertThat(schema.collectionNames(List.of("nJet", "Jet_pt", "MET_pt", "nMuon"))).containsExactly("Jet");
    }
}
