package org.crema.nano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crema.columnar.Column;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.io.RootFile;
import org.crema.io.RootFormatException;
import org.crema.io.TestData;
import org.junit.jupiter.api.Test;

/** The NanoAOD view on real files, checked against the independent reference values. */
class NanoEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode refStats(String stem, String tree, String branch) throws IOException {
        JsonNode ref = JSON.readTree(TestData.reference(stem).toFile());
        for (JsonNode b : ref.get("trees").get(tree).get("branches")) {
            if (b.get("name").asText().equals(branch)) {
                return b.get("stats");
            }
        }
        throw new AssertionError(branch + " not in reference " + stem);
    }

    private static double sum(PrimitiveColumn c) {
        double s = 0;
        for (int i = 0; i < c.length(); i++) {
            s += c.getDouble(i);
        }
        return s;
    }

    @Test
    void collectionsGroupFieldsUnderTheirCounter() throws IOException {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"))) {
            NanoEvents ev = NanoEvents.of(rf.tree("Events"), 0, 40);
            assertThat(ev.collectionNames()).contains("Jet", "Muon", "Electron", "Photon", "GenJet", "GenPart", "Tau",
                    "FatJet", "SubJet", "TrigObj").doesNotContain("MET");
            NanoCollection jets = ev.collection("Jet");
            assertThat(jets.fieldNames()).contains("pt", "eta", "phi", "mass", "genJetIdx", "jetId");
            JsonNode nJet = refStats("nano_dy", "Events", "nJet");
            assertThat(jets.totalCount()).isEqualTo(nJet.get("sum").asInt());
            IntColumn counts = jets.counts();
            for (int i = 0; i < 5; i++) {
                assertThat(counts.get(i)).isEqualTo(nJet.get("first").get(i).asInt());
            }
            ListColumn<PrimitiveColumn> pt = jets.field("pt");
            assertThat(pt.offsets()).isSameAs(jets.offsets());
            assertThat(sum(pt.content())).isEqualTo(refStats("nano_dy", "Events", "Jet_pt").get("sum").asDouble());
            ListColumn<RecordColumn> records = jets.asRecord(List.of("pt", "eta"));
            assertThat(records.content().fieldNames()).containsExactly("pt", "eta");
            assertThat(records.totalCount()).isEqualTo(188);
            assertThat(ev.column("nJet")).isSameAs(ev.column("nJet"));
        }
    }

    @Test
    void perBranchCountersOfUprootFilesAreHandled() throws IOException {
        try (RootFile rf = RootFile.open(TestData.nano("nano_tt_v12.root"))) {
            NanoEvents ev = NanoEvents.of(rf.tree("Events"), 0, 200);
            assertThat(rf.tree("Events").branch("Jet_pt").counter()).isEqualTo("nJet_pt");
            assertThat(ev.collectionNames()).contains("Jet", "Muon", "Electron", "GenJet").doesNotContain("Jet_pt");
            NanoCollection jets = ev.collection("Jet");
            assertThat(jets.fieldNames()).contains("pt", "eta", "btagDeepFlavB", "genJetIdx");
            assertThat(jets.totalCount()).isEqualTo(refStats("nano_tt_v12", "Events", "nJet").get("sum").asInt());
            assertThat(sum(jets.field("pt").content()))
                    .isEqualTo(refStats("nano_tt_v12", "Events", "Jet_pt").get("sum").asDouble());
            // Each field's own counter agrees with nJet event by event.
            PrimitiveColumn own = (PrimitiveColumn) ev.column("nJet_pt");
            for (int i = 0; i < own.length(); i++) {
                assertThat(own.getLong(i)).isEqualTo(jets.counts().get(i));
            }
        }
    }

    @Test
    void jetGenJetIndicesLandOnMatchingGenJets() {
        for (String file : List.of("nano_dy.root", "nano_tt_v12.root")) {
            try (RootFile rf = RootFile.open(TestData.nano(file))) {
                NanoEvents ev = NanoEvents.of(rf.tree("Events"), 0, rf.tree("Events").entries());
                CrossReference ref = ev.crossReference("Jet", "genJetIdx");
                assertThat(ref.target()).isEqualTo("GenJet");
                ListColumn<IntColumn> local = ref.local();
                ListColumn<IntColumn> global = ref.global();
                NanoCollection jets = ev.collection("Jet");
                NanoCollection gen = ev.collection("GenJet");
                PrimitiveColumn raw = jets.field("genJetIdx").content();
                PrimitiveColumn jetEta = jets.field("eta").content();
                PrimitiveColumn jetPhi = jets.field("phi").content();
                PrimitiveColumn genEta = gen.field("eta").content();
                PrimitiveColumn genPhi = gen.field("phi").content();
                int matched = 0;
                int close = 0;
                int beyond = 0;
                for (int e = 0; e < local.length(); e++) {
                    for (int j = local.start(e); j < local.end(e); j++) {
                        int k = local.content().get(j);
                        int g = global.content().get(j);
                        long stored = raw.getLong(j);
                        if (stored >= gen.counts().get(e)) {
                            // NanoAOD matches before the GenJet pt cut, so an index may point past the
                            // stored GenJets: the schema's rule maps it to -1 in both results.
                            assertThat(k).isEqualTo(-1);
                            assertThat(g).isEqualTo(-1);
                            beyond++;
                            continue;
                        }
                        assertThat(k).isEqualTo((int) stored);
                        if (k < 0) {
                            assertThat(g).isEqualTo(-1);
                            continue;
                        }
                        assertThat(g).isEqualTo(gen.offsets()[e] + k);
                        matched++;
                        double dEta = jetEta.getDouble(j) - genEta.getDouble(g);
                        double dPhi = Math.IEEEremainder(jetPhi.getDouble(j) - genPhi.getDouble(g), 2 * Math.PI);
                        if (Math.hypot(dEta, dPhi) < 0.4) {
                            close++;
                        }
                    }
                }
                assertThat(matched).isPositive();
                if (file.equals("nano_dy.root")) {
                    assertThat(beyond).as("the DY sample stores two genJetIdx values past its GenJets").isEqualTo(2);
                }
                assertThat(ref.outOfRangeCount()).isEqualTo(beyond);
                // NanoAOD matches jets to generator jets within ΔR < 0.4.
                assertThat(close).as(file).isEqualTo(matched);
            }
        }
    }

    @Test
    void otherCrossReferencesResolve() {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"))) {
            NanoEvents ev = NanoEvents.of(rf.tree("Events"), 0, 40);
            assertThat(ev.crossReference("Muon", "jetIdx").target()).isEqualTo("Jet");
            assertThat(ev.crossReference("GenPart", "genPartIdxMother").target()).isEqualTo("GenPart");
            assertThat(ev.crossReference("Electron", "photonIdx").target()).isEqualTo("Photon");
            assertThat(ev.crossReference("Jet", "muonIdx2").target()).isEqualTo("Muon");
            assertThat(ev.crossReference("FatJet", "subJetIdx1").target()).isEqualTo("SubJet");
            assertThat(ev.crossReferenceFields("Muon")).containsEntry("jetIdx", "Jet").containsEntry("genPartIdx",
                    "GenPart");
            for (String[] r : List.of(new String[] {"Muon", "jetIdx"}, new String[] {"GenPart", "genPartIdxMother"},
                    new String[] {"Electron", "photonIdx"})) {
                assertThat(ev.crossReference(r[0], r[1]).outOfRangeCount()).as(r[0] + "_" + r[1]).isZero();
            }
        }
    }

    @Test
    void singletonsGroupFlatFields() throws IOException {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"))) {
            NanoEvents ev = NanoEvents.of(rf.tree("Events"), 10, 40);
            assertThat(ev.length()).isEqualTo(30);
            assertThat(ev.singletonNames()).contains("MET", "PV", "Pileup", "HLT", "Flag").doesNotContain("Jet");
            NanoSingleton met = ev.singleton("MET");
            assertThat(met.fieldNames()).contains("pt", "phi");
            PrimitiveColumn metPt = met.field("pt");
            assertThat(metPt.length()).isEqualTo(30);
            RecordColumn pv = ev.singleton("PV").asRecord();
            assertThat(pv.fieldNames()).contains("npvs", "npvsGood");
            assertThatThrownBy(() -> ev.collection("Jte")).isInstanceOf(RootFormatException.class)
                    .hasMessageContaining("nJte").hasMessageContaining("did you mean");
        }
    }

    @Test
    void runsSummaryReadsOldAndNewNames() throws IOException {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"))) {
            RunsSummary s = RunsSummary.of(rf);
            assertThat(s.present()).isTrue();
            assertThat(s.sumGenWeights()).isEqualTo(refStats("nano_dy", "Runs", "genEventSumw_").get("sum").asDouble());
            assertThat(s.genEventCount()).isEqualTo(refStats("nano_dy", "Runs", "genEventCount_").get("sum").asLong());
        }
        try (RootFile rf = RootFile.open(TestData.nano("nano_tree.root"))) {
            RunsSummary s = RunsSummary.of(rf);
            assertThat(s.sumGenWeights()).isEqualTo(refStats("nano_tree", "Runs", "genEventSumw").get("sum").asDouble());
            assertThat(s.genEventCount()).isEqualTo(refStats("nano_tree", "Runs", "genEventCount").get("sum").asLong());
        }
        try (RootFile rf = RootFile.open(TestData.nano("nano_dimuon.root"))) {
            assertThat(RunsSummary.of(rf).present()).isFalse();
        }
    }

    @Test
    void concurrentCallersShareOneRead() throws Exception {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"))) {
            NanoEvents ev = NanoEvents.of(rf.tree("Events"), 0, 40);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Column>> fs = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    fs.add(pool.submit(() -> ev.collection("Jet").field("pt")));
                }
                Column first = fs.get(0).get();
                for (Future<Column> f : fs) {
                    assertThat(((ListColumn<?>) f.get()).content()).isSameAs(((ListColumn<?>) first).content());
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
