package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperationsTest {
    /** 2D int histogram x (4 bins on [0,4) with flow) × dataset (a, b, flow); entry (x, d) counted by hand. */
    private static Hist sample() {
        Hist h = Hist.of(Storage.WEIGHT, RegularAxis.of("x", 4, 0, 4), StrCategoryAxis.of("d", "a", "b"));
        h.fillWeighted(new double[] {1, 2, 3, 4, 5, 6, 7},
                new double[] {-1, 0.5, 1.5, 1.5, 2.5, 3.5, 9}, new String[] {"a", "a", "b", "a", "b", "z", "a"});
        return h;
    }

    @Test
    void projectSumsOtherAxesIncludingFlow() {
        Hist p = sample().project("x");
        assertThat(p.values(true)).containsExactly(1, 2, 3 + 4, 5, 6, 7);
        Hist d = sample().project("d");
        assertThat(d.values(true)).containsExactly(1 + 2 + 4 + 7, 3 + 5, 6);
        Hist t = sample().project("d", "x");
        assertThat(t.axis(0).name()).isEqualTo("d");
        assertThat(t.value(0, 1)).isEqualTo(4);
        assertThat(t.value(1, 1)).isEqualTo(3);
    }

    @Test
    void integrateWithAndWithoutFlow() {
        Hist h = sample();
        assertThat(h.integrate("d", true).values(true)).containsExactly(1, 2, 7, 5, 6, 7);
        assertThat(h.integrate("d", false).values(true)).containsExactly(1, 2, 7, 5, 0, 7);
        assertThat(h.integrate("x", false).values(true)).containsExactly(2 + 4, 3 + 5, 6);
        assertThat(h.sum(true)).isEqualTo(28);
        assertThat(h.sum(false)).isEqualTo(2 + 4 + 3 + 5);
    }

    @Test
    void sliceMovesCutBinsIntoFlow() {
        Hist s = sample().project("x").slice("x", 1, 3);
        ContinuousAxis a = (ContinuousAxis) s.axis("x");
        assertThat(a.edges()).containsExactly(1, 2, 3);
        assertThat(s.values(true)).containsExactly(1 + 2, 7, 5, 6 + 7);
        Hist v = sample().project("x").sliceByValue("x", 1, 2.5);
        assertThat(((ContinuousAxis) v.axis("x")).edges()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> sample().slice("x", 2, 2)).hasMessageContaining("from=2, to=2");
    }

    @Test
    void rebinMergesGroups() {
        Hist r = sample().project("x").rebin("x", 2);
        assertThat(((ContinuousAxis) r.axis("x")).edges()).containsExactly(0, 2, 4);
        assertThat(r.values(true)).containsExactly(1, 9, 11, 7);
        assertThatThrownBy(() -> sample().rebin("x", 3)).hasMessageContaining("divide the 4 bins").hasMessageContaining("got 3");
        Hist v = Hist.of(Storage.INT64, VariableAxis.of("m", 0, 1, 3, 6, 10)).fill((Object) new double[] {0.5, 2, 7});
        assertThat(((ContinuousAxis) v.rebin("m", 2).axis("m")).edges()).containsExactly(0, 3, 10);
        assertThat(v.rebin("m", 2).values(false)).containsExactly(2, 1);
    }

    @Test
    void selectAndAtOverCategories() {
        Hist s = sample().select("d", "b");
        assertThat(((StrCategoryAxis) s.axis("d")).categories()).containsExactly("b");
        assertThat(s.axis("d").extent()).isEqualTo(1);
        assertThat(s.values(true)).containsExactly(0, 0, 3, 5, 0, 0);
        Hist at = sample().at("d", "a");
        assertThat(at.rank()).isEqualTo(1);
        assertThat(at.values(true)).containsExactly(1, 2, 4, 0, 0, 7);
        assertThatThrownBy(() -> sample().select("d", "c")).hasMessageContaining("no category \"c\"").hasMessageContaining("[a, b]");
        Hist i = Hist.of(Storage.INT64, IntCategoryAxis.of("p", 5, 7, 9)).fill((Object) new int[] {5, 9, 9});
        assertThat(i.select("p", 9, 5).longCounts(true)).containsExactly(2, 1);
    }

    @Test
    void scaleMultipliesValuesAndVariances() {
        Hist h = sample().scale(0.5);
        assertThat(h.value(0, 0)).isEqualTo(1);
        assertThat(h.variance(0, 0)).isEqualTo(1);
        assertThat(h.variance(1, 0)).isEqualTo(4);
        assertThatThrownBy(() -> Hist.of(Storage.INT64, BooleanAxis.of("b")).scale(2)).hasMessageContaining("Int64");
    }

    @Test
    void addRequiresIdenticalAxesAndNamesBoth() {
        Hist a = Hist.of(RegularAxis.of("x", 4, 0, 4));
        Hist b = Hist.of(RegularAxis.of("x", 4, 0, 5));
        assertThatThrownBy(() -> a.add(b)).isInstanceOf(IncompatibleAxesException.class)
                .hasMessageContaining("RegularAxis \"x\" (4 bins, [0, 4)").hasMessageContaining("[0, 5)");
        assertThatThrownBy(() -> a.add(Hist.of(Storage.DOUBLE, RegularAxis.of("x", 4, 0, 4))))
                .hasMessageContaining("WEIGHT and DOUBLE");
        Hist c = Hist.of(RegularAxis.of("x", 4, 0, 4).withOverflow(false));
        assertThatThrownBy(() -> a.add(c)).hasMessageContaining("underflow, overflow").hasMessageContaining("underflow, no overflow");
    }

    @Test
    void addUnitesGrowingCategories() {
        Hist a = Hist.of(StrCategoryAxis.growing("d"), RegularAxis.of("x", 2, 0, 2));
        a.fill("ttbar", new double[] {0.5, 1.5});
        Hist b = Hist.of(StrCategoryAxis.growing("d"), RegularAxis.of("x", 2, 0, 2));
        b.fill("dy", new double[] {0.5});
        b.fill("ttbar", new double[] {0.5});
        a.add(b);
        assertThat(((StrCategoryAxis) a.axis("d")).categories()).containsExactly("ttbar", "dy");
        assertThat(a.at("d", "ttbar").values(false)).containsExactly(2, 1);
        assertThat(a.at("d", "dy").values(false)).containsExactly(1, 0);
    }

    @Test
    void valuesWithoutFlowSkipFlowBinsOfEveryAxis() {
        Hist h = sample();
        assertThat(h.values(false)).containsExactly(2, 0, 4, 3, 0, 5, 0, 0);
        assertThat(h.counts(false)).containsExactly(1, 0, 1, 1, 0, 1, 0, 0);
    }

    @Test
    void failedAddLeavesTheReceiverUnchanged() {
        Hist a = Hist.of(StrCategoryAxis.growing("d"), RegularAxis.of("x", 2, 0, 2));
        a.fill("ttbar", new double[] {0.5});
        Hist before = a.copy();
        Hist b = Hist.of(StrCategoryAxis.growing("d"), RegularAxis.of("x", 3, 0, 2));
        b.fill("dy", new double[] {0.5});
        assertThatThrownBy(() -> a.add(b)).isInstanceOf(IncompatibleAxesException.class)
                .hasMessageContaining("axis 1 differs").hasMessageContaining("2 bins").hasMessageContaining("3 bins");
        assertThat(a).isEqualTo(before);
    }
}
