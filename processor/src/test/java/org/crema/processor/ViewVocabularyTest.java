package org.crema.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Columns;
import org.crema.columnar.ElementType;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.processor.nano.GenJets;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.Muons;
import org.crema.processor.nano.ObjectCombinations;
import org.crema.columnar.CartesianKinematics;
import org.crema.processor.run.RootInputProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fluent vocabulary and the typed views on the bundled samples (Run 2 {@code nano_dy.root},
 * Run 3 {@code nano_tt_v12.root}), each operation checked against a plain loop over the branches
 * read directly with the ROOT reader.
 */
class ViewVocabularyTest {
    interface Check {
        void check(Events ev, Tree tree, int n);
    }

    static void withFile(String name, Check check) {
        Path p = TestData.nanoaod(name);
        try (RootFile f = RootFile.open(p)) {
            int n = Math.toIntExact(f.tree("Events").entries());
            Chunk chunk = new Chunk(0, DatasetInfo.of(name, true), p.toString(), "Events", 0, n, n);
            try (ColumnSource src = new RootInputProvider().open(chunk)) {
                check.check(Events.of(chunk, src), f.tree("Events"), n);
            }
        }
    }

    static ListColumn<?> list(Tree t, String b, int n) {
        return (ListColumn<?>) t.read(b, 0, n);
    }

    static double v(ListColumn<?> l, int e, int j) {
        return ((PrimitiveColumn) l.content()).getDouble(l.start(e) + j);
    }

    @Test
    void jetIdIsAnIntInRun2AndAnUnsignedByteInRun3AndBitTestsWorkOnBoth() {
        withFile("nano_dy.root", (ev, t, n) -> {
            assertThat(ev.jets().jetId().content().elementType()).isEqualTo(ElementType.INT32);
            checkJetId(ev, t, n);
        });
        withFile("nano_tt_v12.root", (ev, t, n) -> {
            assertThat(ev.jets().jetId().content()).isInstanceOf(ByteColumn.class);
            assertThat(ev.jets().jetId().content().elementType()).isEqualTo(ElementType.UINT8);
            checkJetId(ev, t, n);
        });
    }

    private static void checkJetId(Events ev, Tree t, int n) {
        ListColumn<?> id = list(t, "Jet_jetId", n);
        Jets jets = ev.jets();
        ListColumn<BoolColumn> tightLepVeto = jets.jetId().hasBits(0b110);
        int set = 0;
        for (int e = 0; e < n; e++) {
            for (int j = 0; j < id.count(e); j++) {
                long bits = ((PrimitiveColumn) id.content()).getLong(id.start(e) + j);
                boolean expected = (bits & 6) == 6;
                assertThat(tightLepVeto.content().get(tightLepVeto.start(e) + j)).isEqualTo(expected);
                assertThat(jets.isTight().content().get(jets.isTight().start(e) + j)).isEqualTo((bits & 2) != 0);
                set += expected ? 1 : 0;
            }
        }
        assertThat(set).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy.root", "nano_tt_v12.root"})
    void goodJetsHtLeadingPairAndFirstK(String file) {
        withFile(file, (ev, t, n) -> {
            Jets jets = ev.jets();
            Jets good = jets.filter(jets.pt().gt(25).and(jets.eta().abs().lt(2.4)).and(jets.isTight()));
            FloatColumn ht = good.pt().sum();
            DoubleColumn mjj = good.get(0).add(good.get(1)).mass();
            Jets two = good.first(2);
            ListColumn<?> pt = list(t, "Jet_pt", n);
            ListColumn<?> eta = list(t, "Jet_eta", n);
            ListColumn<?> phi = list(t, "Jet_phi", n);
            ListColumn<?> mass = list(t, "Jet_mass", n);
            ListColumn<?> id = list(t, "Jet_jetId", n);
            // the two leading good jets' pt, eta, phi, mass from the raw branches, NaN where missing
            float[][][] l = new float[2][4][n];
            for (float[][] a : l) {
                for (float[] b : a) {
                    java.util.Arrays.fill(b, Float.NaN);
                }
            }
            for (int e = 0; e < n; e++) {
                float sum = 0;
                int k = 0;
                int[] lead = new int[2];
                for (int j = 0; j < pt.count(e); j++) {
                    float p = (float) v(pt, e, j);
                    boolean tight = (((PrimitiveColumn) id.content()).getLong(id.start(e) + j) & 2) != 0;
                    if (p > 25f && Math.abs((float) v(eta, e, j)) < 2.4f && tight) {
                        sum += p;
                        if (k < 2) {
                            lead[k] = j;
                        }
                        k++;
                    }
                }
                // the SIMD segmented sum adds in lane order, so it may differ from this loop by a few ulp
                assertThat(ht.get(e)).isCloseTo(sum, org.assertj.core.data.Offset.offset(Math.ulp(sum) * 4));
                assertThat(two.counts().get(e)).isEqualTo(Math.min(k, 2));
                if (k >= 2) {
                    for (int m = 0; m < 2; m++) {
                        l[m][0][e] = (float) v(pt, e, lead[m]);
                        l[m][1][e] = (float) v(eta, e, lead[m]);
                        l[m][2][e] = (float) v(phi, e, lead[m]);
                        l[m][3][e] = (float) v(mass, e, lead[m]);
                    }
                    assertThat(two.pt().content().get(two.pt().start(e) + 1)).isEqualTo((float) v(pt, e, lead[1]));
                } else {
                    assertThat(mjj.get(e)).isNaN();
                }
            }
            DoubleColumn expected = FourVectors.pairMass(FloatColumn.of(l[0][0]), FloatColumn.of(l[0][1]),
                    FloatColumn.of(l[0][2]), FloatColumn.of(l[0][3]), FloatColumn.of(l[1][0]), FloatColumn.of(l[1][1]),
                    FloatColumn.of(l[1][2]), FloatColumn.of(l[1][3]));
            assertThat(mjj).isEqualTo(expected);
        });
    }

    @Test
    void aCalibratedFilteredSortedCollectionKeepsItsTypeAndCrossReferences() {
        withFile("nano_tt_v12.root", (ev, t, n) -> {
            Jets jets = ev.jets();
            Jets calibrated = jets.withField("pt", jets.pt().mul(1.1));
            Jets selected = calibrated.filter(calibrated.pt().gt(20));
            Jets sorted = selected.sortBy(selected.eta(), false);
            assertThat(sorted).isInstanceOf(Jets.class);
            GenJets gen = sorted.matchedGen();
            assertThat(gen).isInstanceOf(GenJets.class);
            ListColumn<?> pt = list(t, "Jet_pt", n);
            ListColumn<?> eta = list(t, "Jet_eta", n);
            ListColumn<?> idx = list(t, "Jet_genJetIdx", n);
            ListColumn<?> genPt = list(t, "GenJet_pt", n);
            int matched = 0;
            for (int e = 0; e < n; e++) {
                // the expected order: jets with 1.1 pt > 20, by increasing eta, stable
                List<Integer> kept = new java.util.ArrayList<>();
                for (int j = 0; j < pt.count(e); j++) {
                    if ((float) v(pt, e, j) * 1.1f > 20f) {
                        kept.add(j);
                    }
                }
                final int ev0 = e;
                kept.sort(java.util.Comparator.comparingDouble(j -> (float) v(eta, ev0, j)));
                assertThat(sorted.counts().get(e)).isEqualTo(kept.size());
                for (int i = 0; i < kept.size(); i++) {
                    int j = kept.get(i);
                    int s = sorted.pt().start(e) + i;
                    assertThat(sorted.pt().content().get(s)).isEqualTo((float) v(pt, e, j) * 1.1f);
                    long g = ((PrimitiveColumn) idx.content()).getLong(idx.start(e) + j);
                    boolean ok = g >= 0 && g < genPt.count(e);
                    assertThat(sorted.genJetIdx().content().get(s)).isEqualTo(ok ? (int) g : -1);
                    assertThat(gen.isPresent().content().get(s)).isEqualTo(ok);
                    if (ok) {
                        assertThat(gen.pt().content().get(s)).isEqualTo((float) v(genPt, e, (int) g));
                        matched++;
                    } else {
                        assertThat(gen.pt().content().get(s)).isNaN();
                    }
                }
            }
            assertThat(matched).isPositive();
        });
    }

    @Test
    void trijetSumsNearestMatchingAndWhere() {
        withFile("nano_tt_v12.root", (ev, t, n) -> {
            Jets jets = ev.jets().filter(ev.jets().pt().gt(30));
            ObjectCombinations<Jets> trijets = jets.combinations(3);
            CartesianKinematics p4 = trijets.sum();
            IntColumn best = p4.pt().argmax();
            DoubleColumn bestMass = p4.mass().at(best);
            ListColumn<FloatColumn> pt = jets.pt();
            for (int e = 0; e < n; e++) {
                int c = pt.count(e);
                assertThat(p4.pt().count(e)).isEqualTo(c < 3 ? 0 : c * (c - 1) * (c - 2) / 6);
                if (c < 3) {
                    assertThat(best.get(e)).isEqualTo(-1);
                    assertThat(bestMass.get(e)).isNaN();
                    continue;
                }
                // the first trijet is jets 0, 1, 2: its mass from the per-event four-vector sum
                double m3 = jets.get(0).add(jets.get(1)).add(jets.get(2)).mass().get(e);
                double mFirst = p4.mass().content().get(p4.mass().start(e));
                assertThat(mFirst).isEqualTo(m3);
            }
            Muons muons = ev.muons();
            Jets near = muons.nearest(jets, 0.4);
            assertThat(near).isInstanceOf(Jets.class);
            ListColumn<DoubleColumn> dr = muons.deltaR(near);
            for (int k = 0; k < dr.totalCount(); k++) {
                boolean present = near.isPresent().content().get(k);
                assertThat(present ? dr.content().get(k) < 0.4f : Float.isNaN(near.pt().content().get(k))).isTrue();
            }
            FloatColumn lead = jets.pt().at(0);
            FloatColumn clipped = Columns.where(lead.gt(100), Columns.constant(n, 100f), lead);
            for (int e = 0; e < n; e++) {
                float l = lead.get(e);
                assertThat(Float.floatToIntBits(clipped.get(e))).isEqualTo(Float.floatToIntBits(l > 100f ? 100f : l));
            }
        });
    }

    @Test
    void aViewSaysWhatIsWrong() {
        withFile("nano_dy.root", (ev, t, n) -> {
            Jets jets = ev.jets();
            assertThatThrownBy(() -> jets.floats("jetId")).hasMessage("field 'Jet_jetId' must be a float column, it is a INT32");
            assertThatThrownBy(() -> jets.withField("pt", ev.muons().pt()))
                    .hasMessageStartingWith("Jet.withField(pt): needs one value per object, event ");
            Jets some = jets.filter(jets.pt().gt(30));
            assertThatThrownBy(() -> ev.muons().matched("jetIdx", some))
                    .hasMessage("matched(jetIdx): the target 'Jet' must hold every object in stored order (not filtered "
                            + "or sorted): the indices count them");
        });
    }

    @Test
    void perObjectAndPerCategoryHistograms() {
        withFile("nano_dy.root", (ev, t, n) -> {
            AnalysisContext ctx = new AnalysisContext(ev, AnalysisProcessor.NOMINAL);
            ctx.set("GoodJet", ev.jets().filter(ev.jets().pt().gt(20)));
            HistogramSpec perObject = new HistogramSpec("jetPt", RegularAxis.of("pt", 10, 0, 200),
                    c -> c.get("GoodJet", Jets.class).pt());
            HistogramSpec perCategory = HistogramSpec.perCategory("x", RegularAxis.of("x", 10, 0, 200),
                    Map.of("a", c -> c.get("GoodJet", Jets.class).pt().at(0)));
            assertThat(perCategory.valuesFor("a")).isNotNull();
            assertThat(perCategory.valuesFor("b")).isNull();
            double[] w = new double[n];
            java.util.Arrays.fill(w, 2.0);
            Hist h = Hist.builder().name("jetPt").axis(RegularAxis.of("pt", 10, 0, 200)).storage(org.crema.hist.Storage.WEIGHT).build();
            h.filler().values(perObject.values().apply(ctx)).weights(w).fill();
            ListColumn<?> pt = list(t, "Jet_pt", n);
            double sum = 0;
            for (int e = 0; e < n; e++) {
                for (int j = 0; j < pt.count(e); j++) {
                    float p = (float) v(pt, e, j);
                    sum += p > 20f && p < 200f ? 2.0 : 0;
                }
            }
            double filled = 0;
            for (double x : h.values(false)) {
                filled += x;
            }
            assertThat(filled).isEqualTo(sum);
        });
    }

    @Test
    void memoLivesWithItsEvents() {
        withFile("nano_dy.root", (ev, t, n) -> {
            int[] calls = {0};
            Object a = ev.memo("k", () -> ++calls[0]);
            Object b = ev.memo("k", () -> ++calls[0]);
            assertThat(a).isSameAs(b);
            assertThat(calls[0]).isEqualTo(1);
            Events sub = ev.filter(ev.counts("Jet").ge(1));
            assertThat((Object) sub.memo("k", () -> ++calls[0])).isEqualTo(2);
        });
    }
}
