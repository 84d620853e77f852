package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AxisTest {
    @Test
    void regularEdgesGoToUpperBinAndLastEdgeOverflows() {
        RegularAxis a = RegularAxis.of("x", 4, 0, 2);
        assertThat(a.edges()).containsExactly(0, 0.5, 1, 1.5, 2);
        assertThat(a.index(0.0)).isEqualTo(0);
        assertThat(a.index(0.5)).isEqualTo(1);
        assertThat(a.index(1.5)).isEqualTo(3);
        assertThat(a.index(2.0)).isEqualTo(4);
        assertThat(a.index(Math.nextDown(2.0))).isEqualTo(3);
        assertThat(a.index(Math.nextDown(0.0))).isEqualTo(-1);
        assertThat(a.index(Double.NaN)).isEqualTo(4);
        assertThat(a.index(Double.POSITIVE_INFINITY)).isEqualTo(4);
        assertThat(a.index(Double.NEGATIVE_INFINITY)).isEqualTo(-1);
        assertThat(a.extent()).isEqualTo(6);
    }

    @Test
    void regularEdgeLookupIsExactWhereTheMultiplicationRounds() {
        // 0.1-wide bins are not representable: (x - low) / width rounds, yet every stored edge must land
        // in the bin that starts at it. The reference is the definition edge[i] <= x < edge[i+1].
        RegularAxis a = RegularAxis.of("x", 10, 0, 1);
        double[] e = a.edges();
        for (int i = 0; i < 10; i++) {
            assertThat(a.index(e[i])).as("edge %d = %s", i, e[i]).isEqualTo(i);
            assertThat(a.index(Math.nextDown(e[i + 1]))).isEqualTo(i);
        }
        RegularAxis b = RegularAxis.of("y", 7, -3.3, 17.9);
        double[] f = b.edges();
        for (int i = 0; i < 7; i++) {
            assertThat(b.index(f[i])).isEqualTo(i);
        }
    }

    @Test
    void logRegularAxis() {
        RegularAxis a = RegularAxis.log("pt", 3, 1, 1000);
        double[] e = a.edges();
        assertThat(e[0]).isEqualTo(1);
        assertThat(e[3]).isEqualTo(1000);
        // log-spaced: 10 and 100 up to rounding of exp(log(...)); compare within 1e-12 relative.
        assertThat(e[1]).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-11));
        assertThat(e[2]).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(a.index(0.0)).isEqualTo(-1);
        assertThat(a.index(-5)).isEqualTo(-1);
        assertThat(a.index(e[1])).isEqualTo(1);
        assertThat(a.index(999)).isEqualTo(2);
        assertThat(a.index(Double.NaN)).isEqualTo(3);
        assertThatThrownBy(() -> RegularAxis.log("pt", 3, 0, 10)).hasMessageContaining("low > 0").hasMessageContaining("low=0");
    }

    @Test
    void variableAxisAgreesWithLinearScan() {
        double[] edges = {-5, -1, 0, 0.001, 0.5, 3, 100, 1000};
        VariableAxis a = VariableAxis.of("m", edges);
        java.util.Random r = new java.util.Random(1);
        for (int t = 0; t < 20000; t++) {
            double x = t < edges.length ? edges[t] : -10 + r.nextDouble() * 1100;
            int expect = -1;
            if (x >= edges[edges.length - 1]) {
                expect = edges.length - 1;
            } else {
                for (int i = 0; i < edges.length - 1; i++) {
                    if (edges[i] <= x && x < edges[i + 1]) {
                        expect = i;
                    }
                }
            }
            assertThat(a.index(x)).as("x=%s", x).isEqualTo(expect);
        }
        assertThat(a.index(Double.NaN)).isEqualTo(7);
    }

    @Test
    void variableAxisRejectsBadEdges() {
        assertThatThrownBy(() -> VariableAxis.of("m", 0, 1, 1, 2))
                .hasMessageContaining("edges[1]=1.0 >= edges[2]=1.0");
        assertThatThrownBy(() -> VariableAxis.of("m", 0)).hasMessageContaining("at least 2 edges, got 1");
        assertThatThrownBy(() -> VariableAxis.of("m", 0, Double.NaN)).hasMessageContaining("edges[1]=NaN");
    }

    @Test
    void integerAxis() {
        IntegerAxis a = IntegerAxis.of("njet", 0, 5);
        assertThat(a.size()).isEqualTo(5);
        assertThat(a.index(0)).isEqualTo(0);
        assertThat(a.index(4.999)).isEqualTo(4);
        assertThat(a.index(5)).isEqualTo(5);
        assertThat(a.index(-0.5)).isEqualTo(-1);
        IntegerAxis b = IntegerAxis.of("q", -3, 3);
        assertThat(b.index(-2.5)).isEqualTo(0);
        assertThat(b.index(-3)).isEqualTo(0);
    }

    @Test
    void categoriesAndFlow() {
        StrCategoryAxis s = StrCategoryAxis.of("dataset", "ttbar", "dy");
        assertThat(s.hasOverflow()).isTrue();
        assertThat(s.extent()).isEqualTo(3);
        assertThat(s.index("dy")).isEqualTo(1);
        assertThat(s.index("wjets")).isEqualTo(2);
        assertThat(s.withFlow(false).extent()).isEqualTo(2);
        assertThat(StrCategoryAxis.growing("d").hasOverflow()).isFalse();
        assertThatThrownBy(() -> StrCategoryAxis.of("d", "a", "a")).hasMessageContaining("\"a\" appears at 0 and 1");
        IntCategoryAxis i = IntCategoryAxis.of("proc", 7, -2, 40);
        assertThat(i.index(40)).isEqualTo(2);
        assertThat(i.index(-2)).isEqualTo(1);
        assertThat(i.index(3)).isEqualTo(3);
        assertThatThrownBy(() -> IntCategoryAxis.of("p", 1, 2, 1)).hasMessageContaining("1 appears at");
    }

    @Test
    void flowSwitchesAndEquality() {
        RegularAxis a = RegularAxis.of("x", 4, 0, 2);
        assertThat(a.withUnderflow(false).extent()).isEqualTo(5);
        assertThat(a.withUnderflow(false).withOverflow(false).extent()).isEqualTo(4);
        assertThat(a).isEqualTo(RegularAxis.of("x", 4, 0, 2)).hasSameHashCodeAs(RegularAxis.of("x", 4, 0, 2));
        assertThat(a).isNotEqualTo(a.withOverflow(false));
        assertThat(a).isNotEqualTo(a.withLabel("x label"));
        assertThat(a.withUnit("GeV").unit()).isEqualTo("GeV");
        assertThat(BooleanAxis.of("b").extent()).isEqualTo(2);
    }

    @Test
    void invalidRegularAxes() {
        assertThatThrownBy(() -> RegularAxis.of("x", 0, 0, 1)).hasMessageContaining("bins >= 1, got 0");
        assertThatThrownBy(() -> RegularAxis.of("x", 3, 1, 1)).hasMessageContaining("low=1.0, high=1.0");
        assertThatThrownBy(() -> RegularAxis.of("x", 3, 0, Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> IntegerAxis.of("n", 3, 3)).hasMessageContaining("low=3, high=3");
    }
}
