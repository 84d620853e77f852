package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Columns;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.junit.jupiter.api.Test;

class FillTest {
    /** Reference binning by linear scan over explicit edges: [under, bins..., over]; NaN → over. */
    static double[][] reference(double[] edges, double[] x, double[] w) {
        int n = edges.length - 1;
        double[] s = new double[n + 2];
        double[] s2 = new double[n + 2];
        for (int i = 0; i < x.length; i++) {
            int b = n + 1;
            if (x[i] < edges[0]) {
                b = 0;
            } else {
                for (int j = 0; j < n; j++) {
                    if (edges[j] <= x[i] && x[i] < edges[j + 1]) {
                        b = j + 1;
                    }
                }
            }
            double wi = w == null ? 1 : w[i];
            s[b] += wi;
            s2[b] += wi * wi;
        }
        return new double[][] {s, s2};
    }

    static double[] randomValues(Random r, int n, double lo, double hi, double[] specials) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < specials.length ? specials[i] : lo + r.nextDouble() * (hi - lo);
        }
        return x;
    }

    @Test
    void regularWeightedFillMatchesReference() {
        double[] edges = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2};
        Random r = new Random(7);
        double[] x = randomValues(r, 5000, -0.5, 2.5,
                new double[] {0, 0.25, 2, Math.nextDown(2.0), -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, Math.nextDown(0.0)});
        double[] w = new double[x.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (r.nextInt(9) - 2) * 0.5; // zero and negative weights included, dyadic so sums are exact
        }
        Hist h = Hist.of(RegularAxis.of("x", 8, 0, 2));
        h.fillWeighted(w, (Object) x);
        double[][] ref = reference(edges, x, w);
        assertThat(h.values(true)).containsExactly(ref[0]);
        assertThat(h.variances(true)).containsExactly(ref[1]);
        assertThat(h.values(false)).containsExactly(java.util.Arrays.copyOfRange(ref[0], 1, 9));
    }

    @Test
    void valueOnEdgeGoesUpLastEdgeOverflowsNanOverflows() {
        Hist h = Hist.of(Storage.INT64, RegularAxis.of("x", 2, 0, 2));
        h.fill((Object) new double[] {0, 1, 2, Double.NaN, -1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
        // stored: [under, [0,1), [1,2), over]
        assertThat(h.longCounts(true)).containsExactly(2, 1, 1, 3);
    }

    @Test
    void flowOffDropsOutOfRangeAndNan() {
        Hist h = Hist.of(Storage.INT64, RegularAxis.of("x", 2, 0, 2).withUnderflow(false).withOverflow(false));
        h.fill((Object) new double[] {-1, 0.5, 1.5, 2, Double.NaN, 7});
        assertThat(h.longCounts(true)).containsExactly(1, 1);
        Hist v = Hist.of(Storage.INT64, VariableAxis.of("x", 0, 1, 10).withOverflow(false));
        v.fill((Object) new double[] {-1, 0.5, 5, 10, Double.NaN});
        assertThat(v.longCounts(true)).containsExactly(1, 1, 1);
    }

    @Test
    void variableAxisFillMatchesReference() {
        double[] edges = {-5, -1, 0, 0.001, 0.5, 3, 100, 1000};
        Random r = new Random(3);
        double[] x = randomValues(r, 20000, -10, 1100, edges);
        Hist h = Hist.of(Storage.DOUBLE, VariableAxis.of("m", edges));
        h.fill((Object) x);
        assertThat(h.values(true)).containsExactly(reference(edges, x, null)[0]);
    }

    @Test
    void floatIntAndColumnInputsAgree() {
        float[] xf = {0.1f, 0.6f, 1.2f, 3f, -1f};
        double[] xd = new double[xf.length];
        for (int i = 0; i < xf.length; i++) {
            xd[i] = xf[i];
        }
        Hist a = Hist.of(RegularAxis.of("x", 4, 0, 2)).fill((Object) xf);
        Hist b = Hist.of(RegularAxis.of("x", 4, 0, 2)).fill((Object) xd);
        Hist c = Hist.of(RegularAxis.of("x", 4, 0, 2)).fill(FloatColumn.of(xf));
        Hist d = Hist.of(RegularAxis.of("x", 4, 0, 2)).fill(DoubleColumn.wrap(new double[] {9, 9, 0.1f, 0.6f, 1.2f, 3f, -1f}, 2, 5));
        assertThat(a).isEqualTo(b).isEqualTo(c).isEqualTo(d);
        Hist n = Hist.of(Storage.INT64, IntegerAxis.of("n", 0, 3)).fill((Object) new int[] {0, 1, 1, 2, 3, -1});
        assertThat(n.longCounts(true)).containsExactly(1, 1, 2, 1, 1);
    }

    @Test
    void emptyFillsChangeNothing() {
        Hist h = Hist.of(RegularAxis.of("x", 4, 0, 2), StrCategoryAxis.growing("d"));
        h.fill(new double[0], new String[0]);
        assertThat(h.sum(true)).isZero();
        assertThat(h.axis("d").size()).isZero();
        Hist j = Hist.of(RegularAxis.of("x", 4, 0, 2));
        j.fillWeighted(new double[] {3, 4}, Columns.jagged(new int[] {0, 0, 0}, new float[0]));
        assertThat(j.sum(true)).isZero();
    }

    @Test
    void scalarWeightsZeroAndNegative() {
        Hist h = Hist.of(RegularAxis.of("x", 2, 0, 2));
        h.fillWeighted(0.0, (Object) new double[] {0.5, 1.5});
        assertThat(h.values(true)).containsExactly(0, 0, 0, 0);
        h.fillWeighted(-2.0, (Object) new double[] {0.5});
        assertThat(h.value(0)).isEqualTo(-2);
        assertThat(h.variance(0)).isEqualTo(4);
    }

    @Test
    void maskSkipsEntries() {
        Hist h = Hist.of(Storage.INT64, RegularAxis.of("x", 2, 0, 2));
        h.filler().values((Object) new double[] {0.5, 1.5, 1.5}).mask(BoolColumn.of(true, false, true)).fill();
        assertThat(h.longCounts(false)).containsExactly(1, 1);
        h.filler().values((Object) new double[] {0.5}).mask(new boolean[] {false}).fill();
        assertThat(h.longCounts(false)).containsExactly(1, 1);
    }

    @Test
    void jaggedValuesBroadcastEventWeightsAndCategories() {
        // Three events with 2, 0 and 3 jets; event weights 2, 5, -1; dataset per event.
        int[] offsets = {0, 2, 2, 5};
        float[] pt = {10, 35, 99, 25, 45};
        ListColumn<FloatColumn> jets = Columns.jagged(offsets, pt);
        double[] w = {2, 5, -1};
        String[] ds = {"a", "b", "a"};
        Hist h = Hist.of(StrCategoryAxis.of("dataset", "a", "b"), RegularAxis.of("pt", 2, 0, 50));
        h.fillWeighted(w, ds, jets);
        // Reference by hand: event 0 (a, w=2): 10→bin0, 35→bin1; event 2 (a, w=-1): 99→over, 25→bin1, 45→bin1.
        assertThat(h.value(0, 0)).isEqualTo(2);
        assertThat(h.value(0, 1)).isEqualTo(2 - 1 - 1);
        assertThat(h.value(0, 2)).isEqualTo(-1);
        assertThat(h.variance(0, 1)).isEqualTo(4 + 1 + 1);
        assertThat(h.at("dataset", "b").sum(true)).isZero();
    }

    @Test
    void jaggedViewWithOffsetsNotStartingAtZeroAndObjectMask() {
        ListColumn<FloatColumn> all = Columns.jagged(new int[] {0, 1, 3, 4}, new float[] {1, 2, 3, 4});
        ListColumn<FloatColumn> view = all.region(1, 2); // events 1 and 2: {2, 3} and {4}
        ListColumn<BoolColumn> mask = all.withContent(BoolColumn.of(true, true, false, true)).region(1, 2);
        Hist h = Hist.of(Storage.DOUBLE, RegularAxis.of("x", 5, 0, 5));
        h.filler().values(view).weights(new double[] {10, 100}).mask(mask).fill();
        assertThat(h.values(false)).containsExactly(0, 0, 10, 0, 100);
    }

    @Test
    void mismatchedLengthsAndJaggedShapesAreNamed() {
        Hist h = Hist.of(RegularAxis.of("x", 2, 0, 2), RegularAxis.of("y", 2, 0, 2));
        assertThatThrownBy(() -> h.fill(new double[3], new double[4]))
                .hasMessageContaining("axis \"x\" has 3 entries, axis \"y\" has 4");
        assertThatThrownBy(() -> h.fill(Columns.jagged(new int[] {0, 1, 2}, new float[] {1, 2}),
                Columns.jagged(new int[] {0, 2, 2}, new float[] {1, 2})))
                .hasMessageContaining("list 0 has 1 entries in axis \"x\" but 2 in axis \"y\"");
        assertThatThrownBy(() -> h.fill(new double[1])).hasMessageContaining("one fill input per axis [x, y], got 1");
        assertThatThrownBy(() -> h.fill("a", new double[1])).hasMessageContaining("cannot be filled from a String");
        assertThatThrownBy(() -> Hist.of(Storage.INT64, RegularAxis.of("x", 1, 0, 1)).fillWeighted(2.0, 0.5))
                .hasMessageContaining("Int64 storage counts unweighted entries");
    }

    @Test
    void growingCategoriesLearnNewValues() {
        Hist h = Hist.of(StrCategoryAxis.growing("dataset"), IntCategoryAxis.growing("era"), BooleanAxis.of("pass"));
        h.fill("ttbar", 2016, new boolean[] {true, false, true});
        h.fill(new String[] {"dy", "ttbar"}, new int[] {2018, 2016}, true);
        StrCategoryAxis d = (StrCategoryAxis) h.axis("dataset");
        assertThat(d.categories()).containsExactly("ttbar", "dy");
        assertThat(((IntCategoryAxis) h.axis("era")).categories()).containsExactly(2016, 2018);
        assertThat(h.value(0, 0, 1)).isEqualTo(3);
        assertThat(h.value(0, 0, 0)).isEqualTo(1);
        assertThat(h.value(1, 1, 1)).isEqualTo(1);
        assertThat(h.sum(true)).isEqualTo(5);
    }

    @Test
    void fixedCategoriesSendUnknownToFlowOrDrop() {
        Hist h = Hist.of(Storage.INT64, StrCategoryAxis.of("d", "a", "b"));
        h.fill((Object) new String[] {"a", "x", "b", "y"});
        assertThat(h.longCounts(true)).containsExactly(1, 1, 2);
        Hist g = Hist.of(Storage.INT64, StrCategoryAxis.of("d", "a", "b").withFlow(false));
        g.fill((Object) new String[] {"a", "x"});
        assertThat(g.longCounts(true)).containsExactly(1, 0);
        Hist i = Hist.of(Storage.INT64, StrCategoryAxis.of("d", "a", "b"));
        i.fill((Object) new int[] {1, 1, 0, 9, -1});
        assertThat(i.longCounts(true)).containsExactly(1, 2, 2);
    }

    @Test
    void fillVariationsEqualsOneFillPerVariation() {
        Random r = new Random(11);
        int n = 3000;
        double[] m = randomValues(r, n, 0, 250, new double[] {Double.NaN});
        String[] cat = {"SR", "CR"};
        String[] names = new String[20];
        double[][] ws = new double[20][n];
        for (int v = 0; v < 20; v++) {
            names[v] = "syst" + v;
            for (int i = 0; i < n; i++) {
                ws[v][i] = r.nextInt(16) / 8.0;
            }
        }
        int[] catIdx = new int[n];
        for (int i = 0; i < n; i++) {
            catIdx[i] = r.nextInt(2);
        }
        Hist fast = Hist.of(StrCategoryAxis.of("category", cat), StrCategoryAxis.growing(Hist.VARIATION_AXIS),
                RegularAxis.of("mass", 25, 0, 250));
        fast.fillVariations(new Object[] {catIdx, m}, names, ws);
        Hist slow = Hist.of(StrCategoryAxis.of("category", cat), StrCategoryAxis.growing(Hist.VARIATION_AXIS),
                RegularAxis.of("mass", 25, 0, 250));
        for (int v = 0; v < 20; v++) {
            slow.fillWeighted(ws[v], catIdx, names[v], m);
        }
        assertThat(fast).isEqualTo(slow);
        assertThat(((StrCategoryAxis) fast.axis(Hist.VARIATION_AXIS)).categories()).hasSize(20);
    }

    @Test
    void meanStorageProfiles() {
        Hist h = Hist.of(Storage.MEAN, RegularAxis.of("x", 2, 0, 2));
        h.filler().values((Object) new double[] {0.5, 0.5, 0.5, 1.5}).sample(new double[] {1, 2, 6, 4}).fill();
        assertThat(h.value(0)).isEqualTo(3);
        assertThat(h.counts(false)).containsExactly(3, 1);
        // sample variance of {1,2,6} = ((1-3)^2+(2-3)^2+(6-3)^2)/2 = 7
        assertThat(h.sampleVariances(false)).containsExactly(7, 0);
        assertThat(h.variances(false)[0]).isEqualTo(7.0 / 3);
        assertThatThrownBy(() -> h.fill((Object) new double[] {1})).hasMessageContaining("needs sample");
    }

    @Test
    void doubleStorage() {
        Hist h = Hist.of(Storage.DOUBLE, BooleanAxis.of("b"));
        h.fillWeighted(new double[] {1.5, 2, 4}, (Object) new boolean[] {true, false, true});
        assertThat(h.values(true)).containsExactly(2, 5.5);
        assertThat(h.variances(true)).containsExactly(2, 5.5);
    }

    @Test
    void largeFillCrossesBlocks() {
        Random r = new Random(5);
        double[] edges = {0, 1, 2, 3, 4};
        double[] x = randomValues(r, 10_000, -1, 5, new double[0]);
        Hist h = Hist.of(RegularAxis.of("x", 4, 0, 4));
        h.fill((Object) x);
        assertThat(h.values(true)).containsExactly(reference(edges, x, null)[0]);
    }

    @Test
    void oneAxisOverloadsAvoidVarargsSpreading() {
        Hist h = Hist.of(Storage.INT64, StrCategoryAxis.of("d", "a", "b"));
        h.fill(new String[] {"a", "b", "b"});
        assertThat(h.longCounts(false)).containsExactly(1, 2);
        Hist w = Hist.of(StrCategoryAxis.of("d", "a", "b"));
        w.fillWeighted(new double[] {2, 3}, new String[] {"b", "b"});
        assertThat(w.values(false)).containsExactly(0, 5);
        Hist f = Hist.of(Storage.INT64, RegularAxis.of("x", 2, 0, 2)).fill(new float[] {0.5f, 1.5f});
        assertThat(f.longCounts(false)).containsExactly(1, 1);
    }

    @Test
    void booleanAxisFromNumbersAndJaggedObjectWeights() {
        Hist b = Hist.of(Storage.INT64, BooleanAxis.of("b")).fill(new double[] {0, 1, -2, Double.NaN});
        assertThat(b.longCounts(true)).containsExactly(1, 3);
        ListColumn<FloatColumn> x = Columns.jagged(new int[] {0, 2, 3}, new float[] {0.5f, 1.5f, 1.5f});
        ListColumn<DoubleColumn> w = x.withContent(DoubleColumn.of(2, 3, 4));
        Hist h = Hist.of(RegularAxis.of("x", 2, 0, 2));
        h.fillWeighted(w, x);
        assertThat(h.values(false)).containsExactly(2, 7);
        assertThat(h.variances(false)).containsExactly(4, 25);
    }

    @Test
    void growingIntCategoryFromScalarAndZeroAxisHistogram() {
        Hist h = Hist.of(Storage.INT64, IntCategoryAxis.growing("run"), RegularAxis.of("x", 1, 0, 1));
        h.fill(355100, new double[] {0.5, 0.5});
        h.fill(355200, new double[] {0.5});
        assertThat(((IntCategoryAxis) h.axis("run")).categories()).containsExactly(355100, 355200);
        assertThat(h.value(0, 0)).isEqualTo(2);
        Hist scalar = Hist.of(Storage.DOUBLE);
        scalar.fillWeighted(2.5);
        scalar.fillWeighted(0.5);
        assertThat(scalar.values(true)).containsExactly(3.0);
        assertThat(UhiJson.fromJson(UhiJson.toJson(scalar))).isEqualTo(scalar);
    }

    @Test
    void allTrueMaskChangesNothing() {
        // The mask pass must only drop entries: with an all-true mask the result is bit-identical.
        Random r = new Random(21);
        double[] x = randomValues(r, 5000, -20, 220, new double[] {0, 200, Double.NaN, Double.NEGATIVE_INFINITY});
        float[] xf = new float[x.length];
        double[] w = new double[x.length];
        boolean[] all = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
            w[i] = r.nextGaussian();
            all[i] = true;
        }
        Axis[] axes = {RegularAxis.of("x", 37, 0, 200), RegularAxis.of("x", 10, 0, 200).withUnderflow(false),
            VariableAxis.of("x", 0, 1, 5, 30, 31, 200).withOverflow(false), RegularAxis.log("x", 9, 1, 200),
            IntegerAxis.of("x", -3, 150)};
        for (Axis a : axes) {
            for (Storage s : new Storage[] {Storage.WEIGHT, Storage.DOUBLE}) {
                for (Object values : new Object[] {x, xf}) {
                    Hist plain = Hist.of(s, a).fillWeighted(w, values);
                    Hist masked = Hist.of(s, a).filler().values(values).weights(w).mask(all).fill();
                    assertThat(plain).as("%s %s", a, s).isEqualTo(masked);
                    Hist plainScalar = Hist.of(s, a).fillWeighted(0.75, values);
                    Hist maskedScalar = Hist.of(s, a).filler().values(values).weights(0.75).mask(all).fill();
                    assertThat(plainScalar).isEqualTo(maskedScalar);
                }
            }
        }
    }
}
