package org.crema.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.Columns;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.Masks;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.nano.CrossReference;
import org.crema.processor.nano.Electrons;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.GenJets;
import org.crema.processor.nano.Muons;
import org.crema.processor.run.RootInputProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Typed collection views and cross-references on the bundled NanoAOD samples, checked against the
 * branches read directly with the ROOT reader.
 */
class NanoViewsTest {

    /** Branches read directly, independently of {@link Events}. */
    record Direct(Tree tree, int n) {
        ListColumn<?> list(String branch) {
            return (ListColumn<?>) tree.read(branch, 0, n);
        }

        PrimitiveColumn flat(String branch) {
            return (PrimitiveColumn) tree.read(branch, 0, n);
        }

        static double value(ListColumn<?> l, int e, int j) {
            return ((PrimitiveColumn) l.content()).getDouble(l.start(e) + j);
        }

        static long integer(ListColumn<?> l, int e, int j) {
            return ((PrimitiveColumn) l.content()).getLong(l.start(e) + j);
        }
    }

    interface FileCheck {
        void check(Events ev, Direct d);
    }

    static void withFile(String name, FileCheck check) {
        Path p = TestData.nanoaod(name);
        int n;
        try (RootFile f = RootFile.open(p)) {
            n = Math.toIntExact(f.tree("Events").entries());
            Chunk chunk = new Chunk(0, DatasetInfo.of(name, true), p.toString(), "Events", 0, n, n);
            try (ColumnSource src = new RootInputProvider().open(chunk)) {
                check.check(Events.of(chunk, src), new Direct(f.tree("Events"), n));
            }
        }
    }

    static float at(ListColumn<FloatColumn> l, int e, int j) {
        return l.content().get(l.start(e) + j);
    }

    static int atI(ListColumn<IntColumn> l, int e, int j) {
        return l.content().get(l.start(e) + j);
    }

    static boolean atB(ListColumn<BoolColumn> l, int e, int j) {
        return l.content().get(l.start(e) + j);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy.root", "nano_tt_v12.root"})
    void jetToGenJetIndicesMatchTheStoredIndexWhereItIsInRange(String file) {
        withFile(file, (ev, d) -> {
            ListColumn<?> raw = d.list("Jet_genJetIdx");
            PrimitiveColumn nGen = d.flat("nGenJet");
            CrossReference x = ev.crossReference("Jet", "genJetIdx");
            assertThat(x.target()).isEqualTo("GenJet");
            int bad = 0;
            long genBefore = 0;
            for (int e = 0; e < d.n(); e++) {
                assertThat(x.local().count(e)).isEqualTo(raw.count(e));
                for (int j = 0; j < raw.count(e); j++) {
                    long k = Direct.integer(raw, e, j);
                    boolean ok = k >= 0 && k < nGen.getLong(e);
                    bad += !ok && k != -1 ? 1 : 0;
                    assertThat(atI(x.local(), e, j)).isEqualTo(ok ? (int) k : -1);
                    assertThat(atI(x.global(), e, j)).isEqualTo(ok ? (int) (genBefore + k) : -1);
                    assertThat(atB(x.valid(), e, j)).isEqualTo(ok);
                }
                genBefore += nGen.getLong(e);
            }
            assertThat(x.outOfRangeCount()).isEqualTo(bad);
            if (file.equals("nano_dy.root")) {
                // the DY sample stores two genJetIdx values past the GenJets it kept
                assertThat(bad).isEqualTo(2);
            }
            assertThat(ev.crossReference("Jet", "genJetIdx", "GenJet")).isSameAs(x);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy.root", "nano_tt_v12.root"})
    void matchedGenJetsAreTheGenJetsAtTheIndexAndLieWithinTheCone(String file) {
        withFile(file, (ev, d) -> {
            ListColumn<?> genPt = d.list("GenJet_pt");
            ListColumn<?> raw = d.list("Jet_genJetIdx");
            PrimitiveColumn nGen = d.flat("nGenJet");
            Jets jets = ev.jets();
            GenJets gen = jets.matchedGen();
            ListColumn<DoubleColumn> dr = FourVectors.deltaR(jets.eta(), jets.phi(), gen.eta(), gen.phi());
            int matched = 0;
            for (int e = 0; e < d.n(); e++) {
                for (int j = 0; j < raw.count(e); j++) {
                    long k = Direct.integer(raw, e, j);
                    if (k >= 0 && k < nGen.getLong(e)) {
                        matched++;
                        assertThat(at(gen.pt(), e, j)).isEqualTo((float) Direct.value(genPt, e, (int) k));
                        // NanoAOD matches jets to GenJets within ΔR < 0.4
                        assertThat(dr.content().get(dr.start(e) + j)).isLessThan(0.4);
                    } else {
                        assertThat(at(gen.pt(), e, j)).isNaN();
                        assertThat(atB(gen.isPresent(), e, j)).isFalse();
                    }
                }
            }
            assertThat(matched).isPositive();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy.root", "nano_tt_v12.root"})
    void muonJetIndexGivesThatJetsPt(String file) {
        withFile(file, (ev, d) -> {
            ListColumn<?> jetPt = d.list("Jet_pt");
            ListColumn<?> raw = d.list("Muon_jetIdx");
            PrimitiveColumn nJet = d.flat("nJet");
            Muons muons = ev.muons();
            assertThat(ev.crossReference("Muon", "jetIdx").target()).isEqualTo("Jet");
            Jets jet = muons.matchedJet();
            int matched = 0;
            for (int e = 0; e < d.n(); e++) {
                for (int j = 0; j < raw.count(e); j++) {
                    long k = Direct.integer(raw, e, j);
                    if (k >= 0 && k < nJet.getLong(e)) {
                        matched++;
                        assertThat(at(jet.pt(), e, j)).isEqualTo((float) Direct.value(jetPt, e, (int) k));
                        assertThat(atI(muons.jetIdx(), e, j)).isEqualTo((int) k);
                    } else {
                        assertThat(at(jet.pt(), e, j)).isNaN();
                    }
                }
            }
            assertThat(matched).isPositive();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy.root", "nano_tt_v12.root"})
    void viewsHaveTheCountersListsAndTheStoredValues(String file) {
        withFile(file, (ev, d) -> {
            PrimitiveColumn nJet = d.flat("nJet");
            ListColumn<?> pt = d.list("Jet_pt");
            ListColumn<?> jetId = d.list("Jet_jetId");
            ListColumn<?> tightId = d.list("Muon_tightId");
            ListColumn<?> cutBased = d.list("Electron_cutBased");
            Jets jets = ev.jets();
            Muons muons = ev.muons();
            Electrons ele = ev.electrons();
            for (int e = 0; e < d.n(); e++) {
                assertThat(jets.counts().get(e)).isEqualTo(nJet.getLong(e));
                assertThat(jets.pt().count(e)).isEqualTo(nJet.getLong(e));
                assertThat(ev.counts("Jet").get(e)).isEqualTo(nJet.getLong(e));
                for (int j = 0; j < pt.count(e); j++) {
                    assertThat(at(jets.pt(), e, j)).isEqualTo((float) Direct.value(pt, e, j));
                    long id = Direct.integer(jetId, e, j);
                    assertThat(atB(jets.isTight(), e, j)).isEqualTo((id & 2) != 0);
                    assertThat(atB(jets.isTightLeptonVeto(), e, j)).isEqualTo((id & 4) != 0);
                }
                for (int j = 0; j < tightId.count(e); j++) {
                    assertThat(atB(muons.isTight(), e, j)).isEqualTo(Direct.integer(tightId, e, j) != 0);
                }
                for (int j = 0; j < cutBased.count(e); j++) {
                    long level = Direct.integer(cutBased, e, j);
                    assertThat(atB(ele.isAtLeast(Electrons.MEDIUM), e, j)).isEqualTo(level >= 3);
                    assertThat(atB(ele.isTight(), e, j)).isEqualTo(level >= 4);
                }
            }
            assertThat(jets.totalCount()).isEqualTo(pt.totalCount());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy.root", "nano_tt_v12.root"})
    void filteredViewsKeepEveryFieldAligned(String file) {
        withFile(file, (ev, d) -> {
            ListColumn<?> pt = d.list("Jet_pt");
            ListColumn<?> eta = d.list("Jet_eta");
            ListColumn<?> jetId = d.list("Jet_jetId");
            ListColumn<?> raw = d.list("Jet_genJetIdx");
            ListColumn<?> genPt = d.list("GenJet_pt");
            PrimitiveColumn nGen = d.flat("nGenJet");
            Jets jets = ev.jets();
            Jets good = jets.filter(Masks.and(Masks.gt(jets.pt(), 30f), jets.isTight()));
            Jets central = good.filter(Masks.lt(good.eta(), 2.4f)); // a filter of a filter
            for (int e = 0; e < d.n(); e++) {
                int kept = 0;
                int keptCentral = 0;
                for (int j = 0; j < pt.count(e); j++) {
                    float p = (float) Direct.value(pt, e, j);
                    if (!(p > 30f && (Direct.integer(jetId, e, j) & 2) != 0)) {
                        continue;
                    }
                    float h = (float) Direct.value(eta, e, j);
                    long k = Direct.integer(raw, e, j);
                    boolean ok = k >= 0 && k < nGen.getLong(e);
                    assertThat(at(good.pt(), e, kept)).isEqualTo(p);
                    assertThat(at(good.eta(), e, kept)).isEqualTo(h);
                    assertThat(atI(good.genJetIdx(), e, kept)).isEqualTo(ok ? (int) k : -1);
                    float g = at(good.matchedGen().pt(), e, kept);
                    if (ok) {
                        assertThat(g).isEqualTo((float) Direct.value(genPt, e, (int) k));
                    } else {
                        assertThat(g).isNaN();
                    }
                    kept++;
                    if (h < 2.4f) {
                        assertThat(at(central.pt(), e, keptCentral)).isEqualTo(p);
                        assertThat(atI(central.genJetIdx(), e, keptCentral)).isEqualTo(ok ? (int) k : -1);
                        keptCentral++;
                    }
                }
                assertThat(good.counts().get(e)).isEqualTo(kept);
                assertThat(good.jetId().count(e)).isEqualTo(kept);
                assertThat(central.counts().get(e)).isEqualTo(keptCentral);
            }
        });
    }

    @Test
    void crossReferencesOfFilteredEventsAreTheSelectedRows() {
        withFile("nano_dy.root", (ev, d) -> {
            boolean[] keep = new boolean[d.n()];
            for (int e = 0; e < keep.length; e += 3) {
                keep[e] = true;
            }
            Events sub = ev.filter(BoolColumn.of(keep));
            CrossReference all = ev.crossReference("Jet", "genJetIdx");
            CrossReference some = sub.crossReference("Jet", "genJetIdx");
            IntColumn nGen = sub.counts("GenJet");
            int row = 0;
            int genBefore = 0;
            for (int e = 0; e < keep.length; e++) {
                if (!keep[e]) {
                    continue;
                }
                assertThat(some.local().count(row)).isEqualTo(all.local().count(e));
                for (int j = 0; j < all.local().count(e); j++) {
                    int local = atI(all.local(), e, j);
                    assertThat(atI(some.local(), row, j)).isEqualTo(local);
                    assertThat(atI(some.global(), row, j)).isEqualTo(local < 0 ? -1 : genBefore + local);
                    // bit patterns, so an unmatched jet's NaN equals the other NaN
                    assertThat(Float.floatToIntBits(at(sub.jets().matchedGen().pt(), row, j)))
                            .isEqualTo(Float.floatToIntBits(at(ev.jets().matchedGen().pt(), e, j)));
                }
                genBefore += nGen.get(row);
                row++;
            }
            assertThat(row).isEqualTo(sub.size());
        });
    }

    @Test
    void unknownTargetsAndBadMasksSayWhatMustHold() {
        Map<String, Column> cols = new LinkedHashMap<>();
        int[] off = {0, 2, 3};
        cols.put("nJet", IntColumn.of(2, 1));
        cols.put("Jet_pt", Columns.jagged(off, new float[] {40, 20, 35}));
        cols.put("Jet_fooIdx", Columns.jagged(off, new int[] {0, -1, 5}));
        cols.put("nGenJet", IntColumn.of(1, 0));
        cols.put("GenJet_pt", Columns.jagged(new int[] {0, 1, 1}, new float[] {41}));
        ColumnSource src = new ColumnSource() {
            @Override
            public int length() {
                return 2;
            }

            @Override
            public Set<String> columnNames() {
                return cols.keySet();
            }

            @Override
            public Column column(String name) {
                return cols.get(name);
            }
        };
        Events ev = Events.of(new Chunk(0, DatasetInfo.of("x", true), "x.root", "Events", 0, 2, 2), src);
        assertThat(ev.collectionNames()).containsExactly("GenJet", "Jet");
        assertThatThrownBy(() -> ev.crossReference("Jet", "fooIdx"))
                .isInstanceOf(NoSuchColumnException.class).hasMessageContaining("crossReference(collection, idxField, target)");
        CrossReference x = ev.crossReference("Jet", "fooIdx", "GenJet");
        assertThat(x.local().content().toArray()).containsExactly(0, -1, -1);
        assertThat(x.outOfRangeCount()).isEqualTo(1);
        Jets jets = ev.jets();
        assertThatThrownBy(() -> jets.filter(ListColumn.of(new int[] {0, 1, 2}, BoolColumn.of(true, true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Jet.filter: needs one value per object, event 0 has 2 objects and 1 values");
        assertThatThrownBy(() -> jets.floats("btag")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("collection 'Jet' has no field 'btag' (no branch 'Jet_btag') in " + ev.describe());
    }

    /** The example quoted in docs/processor.md ("Typed collections and cross-references"). */
    @Test
    void documentedExampleRuns() {
        withFile("nano_tt_v12.root", (events, d) -> {
            // --- docs/processor.md begin
            Jets jets = events.jets();
            Jets good = jets.filter(jets.pt().gt(30).and(jets.isTightLeptonVeto()));
            GenJets gen = good.matchedGen();                 // the GenJet of each good jet
            ListColumn<FloatColumn> genPt = gen.pt();        // NaN where the jet has no GenJet
            ListColumn<BoolColumn> hasGen = gen.isPresent();
            ListColumn<DoubleColumn> dR = good.deltaR(gen);  // Kinematics: ΔR jet by jet

            CrossReference muJet = events.crossReference("Muon", "jetIdx");   // target inferred: Jet
            ListColumn<IntColumn> local = muJet.local();     // −1: none, or past the stored jets
            ListColumn<IntColumn> global = muJet.global();   // into the flat Jet content

            Muons muons = events.muons();
            Muons tight = muons.filter(muons.isTight().and(muons.pfRelIso04All().lt(0.15)));
            Electrons electrons = events.electrons();
            Electrons medium = electrons.filter(electrons.isAtLeast(Electrons.MEDIUM));
            // --- docs/processor.md end

            FloatColumn flatJetPt = (FloatColumn) d.list("Jet_pt").flatContent();
            int matched = 0;
            for (int k = 0; k < genPt.totalCount(); k++) {
                boolean valid = hasGen.content().get(k);
                assertThat(Float.isNaN(genPt.content().get(k))).isEqualTo(!valid);
                if (valid) {
                    matched++;
                    assertThat(dR.content().get(k)).isLessThan(0.4f);
                }
            }
            assertThat(matched).isPositive();
            Jets muonJet = muons.matchedJet();
            for (int k = 0; k < global.totalCount(); k++) {
                int g = global.content().get(k);
                assertThat(g < 0).isEqualTo(local.content().get(k) < 0);
                if (g >= 0) {
                    assertThat(muonJet.pt().content().get(k)).isEqualTo(flatJetPt.get(g));
                }
            }
            assertThat(tight.totalCount()).isLessThanOrEqualTo(muons.totalCount());
            ListColumn<?> cutBased = d.list("Electron_cutBased");
            int atLeastMedium = 0;
            for (int e = 0; e < d.n(); e++) {
                for (int j = 0; j < cutBased.count(e); j++) {
                    atLeastMedium += Direct.integer(cutBased, e, j) >= 3 ? 1 : 0;
                }
            }
            assertThat(medium.totalCount()).isEqualTo(atLeastMedium);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy.root", "nano_tt_v12.root"})
    void selectedEventsKeepTheirObjectsFieldsAndMatches(String file) {
        withFile(file, (ev, d) -> {
            Jets jets = ev.jets();
            Jets good = jets.filter(jets.pt().gt(20)).withField("pt", jets.filter(jets.pt().gt(20)).pt().mul(2f));
            boolean[] keep = new boolean[good.size()];
            for (int e = 0; e < keep.length; e++) {
                keep[e] = good.counts().get(e) >= 2 && e % 2 == 0; // every other event: some are always dropped
            }
            BoolColumn mask = BoolColumn.of(keep);
            int[] rows = org.crema.columnar.Selection.trueIndices(mask);
            assertThat(rows.length).as("the sample must have events to select").isGreaterThan(0);
            Jets selected = good.selectEvents(mask);
            assertThat(selected.size()).isEqualTo(rows.length);
            ListColumn<FloatColumn> eta = selected.eta();
            ListColumn<FloatColumn> pt = selected.pt();
            ListColumn<IntColumn> genIdx = selected.genJetIdx();
            for (int i = 0; i < rows.length; i++) {
                int e = rows[i];
                assertThat(selected.counts().get(i)).isEqualTo(good.counts().get(e));
                for (int j = 0; j < good.counts().get(e); j++) {
                    assertThat(at(eta, i, j)).isEqualTo(at(good.eta(), e, j));
                    assertThat(at(pt, i, j)).isEqualTo(at(good.pt(), e, j));
                    assertThat(atI(genIdx, i, j)).isEqualTo(atI(good.genJetIdx(), e, j));
                }
            }
            // a matched target selected with the same events resolves like the whole collection
            GenJets matchedAll = good.matched("genJetIdx", ev.genJets());
            GenJets matchedSel = selected.matched("genJetIdx", ev.genJets().selectEvents(mask));
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < good.counts().get(rows[i]); j++) {
                    assertThat(Float.floatToIntBits(at(matchedSel.pt(), i, j)))
                            .isEqualTo(Float.floatToIntBits(at(matchedAll.pt(), rows[i], j)));
                }
            }
            assertThatThrownBy(() -> selected.matched("genJetIdx", ev.genJets()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same events");
        });
    }
}
