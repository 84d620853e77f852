package org.crema.correctionlib.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaTest {
    private static final double[] NONE = new double[0];
    private static final String L2_RELATIVE_ERF =
            "max(0.0001,[0]+[1]*TMath::Erf([2]*(log10(x)-[3]))+[4]*exp([5]*pow((log10(x)-[6]),[7])))";

    private static Formula root(String expression) {
        return Formula.parse(expression, 4, Formula.Dialect.ROOT);
    }

    // Values from correctionlib's test_core.py::test_tformula (BSD-3, see NOTICE) and plain arithmetic.
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "4*3^2; 36",
        "3^2*4; 36",
        "1+2*3^4+5*2+6*2; 185",
        "(1+0.04432+1.724/100.)-1; 0.06155999999999984",
        "3>=3; 1",
        "3>3; 0",
        "2<3 && 3<4; 1",
        "0 || 0; 0",
        "2^3^2; 512",
        "-2^2; -4",
        "2^-1; 0.5",
        "max(1,2)+min(3,4); 5",
        "TMath::Max(0.0001,-3); 0.0001",
        "TMath::Power(2,10); 1024",
        "1e-3*1E+3; 1",
        ".5+.5; 1",
        "abs(-2)+fabs(-3); 5",
        "sqrt(16); 4",
        "log10(1000); 3",
        "!0 + !2; 1",
        "+3 - -2; 5",
        "fmod(7, 3); 1",
    })
    void rootArithmetic(String expression, double expected) {
        assertThat(root(expression).evaluate(new double[4], NONE)).isEqualTo(expected);
    }

    @Test
    void dialectsDifferOnlyWhereDocumented() {
        // correctionlib's C++ parser applies a unary minus to the atom: -2^2 = (-2)^2.
        assertThat(Formula.parse("-2^2", 0, Formula.Dialect.CORRECTIONLIB).evaluate(NONE, NONE)).isEqualTo(4.0);
        assertThat(root("-2^2").evaluate(NONE, NONE)).isEqualTo(-4.0);
        assertThatThrownBy(() -> Formula.parse("TMath::Erf(x)", 1, Formula.Dialect.CORRECTIONLIB))
                .isInstanceOf(FormulaSyntaxException.class);
        assertThat(Formula.parse("2^-1", 0, Formula.Dialect.CORRECTIONLIB).evaluate(NONE, NONE)).isEqualTo(0.5);
    }

    @Test
    void variablesAndParameters() {
        Formula f = root("[0]+[1]*x+y*z-t+x[1]");
        assertThat(f.variableCount()).isEqualTo(4);
        assertThat(f.parameterCount()).isEqualTo(2);
        assertThat(f.evaluate(new double[] {2, 3, 4, 5}, new double[] {10, 100})).isEqualTo(10 + 200 + 12 - 5 + 3);
        assertThat(root("1").isConstant()).isTrue();
        assertThat(root("1").constantValue()).isEqualTo(1.0);
        assertThat(root("x*0").isConstant()).isFalse();
    }

    // Reference values of erf from Abramowitz & Stegun table 7.1 (to the digits given there, 1e-15).
    @ParameterizedTest
    @CsvSource({"0.5, 0.5204998778130465", "1.0, 0.8427007929497149", "2.0, 0.9953222650189527",
        "3.0, 0.9999779095030014", "-1.0, -0.8427007929497149", "0.0, 0.0", "6.0, 1.0"})
    void erf(double x, double expected) {
        assertThat(root("TMath::Erf(x)").evaluate(new double[] {x, 0, 0, 0}, NONE)).isCloseTo(expected, within(2e-15));
        assertThat(SpecialFunctions.erf(x)).isCloseTo(expected, within(2e-15));
    }

    // erfc from Abramowitz & Stegun table 7.1 / 7.3 (erfc(3) = 2.209049699858544e-5, erfc(5) =
    // 1.5374597944280349e-12): relative 1e-13, far below the 16 digits tabulated, well above rounding.
    @ParameterizedTest
    @CsvSource({"3.0, 2.209049699858544e-5", "5.0, 1.5374597944280349e-12", "1.0, 0.15729920705028513",
        "-1.0, 1.8427007929497148", "30.0, 0.0"})
    void erfc(double x, double expected) {
        assertThat(SpecialFunctions.erfc(x)).isCloseTo(expected, within(Math.abs(expected) * 1e-13));
        assertThat(root("erfc(x)").evaluate(new double[] {x}, NONE)).isEqualTo(SpecialFunctions.erfc(x));
    }

    @Test
    void errorsNamePosition() {
        assertThatThrownBy(() -> root("1+*2")).isInstanceOf(FormulaSyntaxException.class)
                .hasMessageContaining("position 2")
                .satisfies(e -> assertThat(((FormulaSyntaxException) e).position()).isEqualTo(2));
        assertThatThrownBy(() -> root("foo(x)")).hasMessageContaining("unknown function 'foo'");
        assertThatThrownBy(() -> root("(x+1")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> root("w+1")).hasMessageContaining("unknown name 'w'");
        assertThatThrownBy(() -> root("max(1)")).hasMessageContaining("max takes 2 arguments, got 1");
        assertThatThrownBy(() -> root("x[4]")).hasMessageContaining("x[4] must be 0..3");
        assertThatThrownBy(() -> Formula.parse("y", 1, Formula.Dialect.ROOT))
                .hasMessageContaining("needs 2 variables, but the formula declares 1");
    }

    @Test
    void argumentErrorsSayWhatMustHold() {
        Formula f = root("[0]+[1]*x");
        assertThatThrownBy(() -> f.evaluate(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("params must have at least 2 elements, got 1");
        double[][] table = {{1, 2}, {3, 4}};
        assertThatThrownBy(() -> f.evaluate(new double[][] {{1}}, table, new int[] {2}, 1, new double[1],
                new Formula.Workspace())).hasMessage("rows[0]=2 outside the parameter table's 2 rows");
        assertThatThrownBy(() -> f.evaluate(new double[][] {{1}}, new double[] {1, 2}, 2, new double[2],
                new Formula.Workspace())).hasMessage("vars[0] must have at least 2 elements, got 1");
    }

    @Property(tries = 200)
    void columnsEqualPoints(@ForAll @DoubleRange(min = 1, max = 5000) double x,
            @ForAll @DoubleRange(min = -3, max = 3) double p) {
        Formula f = root(L2_RELATIVE_ERF);
        double[] params = {p, 0.1, 0.5, 1.2, 0.3, -0.2, 1.5, 2};
        double scalar = f.evaluate(new double[] {x, 0, 0, 0}, params);
        double[][] table = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            table[k] = new double[] {params[k]};
        }
        double[] out = new double[3];
        f.evaluate(new double[][] {{x, x, x}}, table, new int[3], 3, out, new Formula.Workspace());
        assertThat(out).containsOnly(scalar);
        double[] out2 = new double[3];
        f.evaluate(new double[][] {{x, x, x}}, params, 3, out2, new Formula.Workspace());
        assertThat(out2).containsOnly(scalar);
    }

    /** Per-row parameters across several internal blocks (n beyond one block, reused workspace). */
    @Property(tries = 20)
    void parameterTableRowsAcrossBlocks(@ForAll @IntRange(min = 0, max = 5000) int n) {
        Formula f = root("[0]+([1]/(pow(log10(x),2)+[2]))+([3]*exp(-([4]*((log10(x)-[5])*(log10(x)-[5])))))");
        double[][] table = new double[6][3];
        for (int k = 0; k < 6; k++) {
            for (int r = 0; r < 3; r++) {
                table[k][r] = 0.1 * (k + 1) + r;
            }
        }
        double[] x = new double[n];
        int[] rows = new int[n];
        for (int j = 0; j < n; j++) {
            x[j] = 10 + 7.5 * j;
            rows[j] = j % 3;
        }
        double[] out = new double[n];
        Formula.Workspace ws = new Formula.Workspace();
        f.evaluate(new double[][] {x}, table, rows, n, out, ws);
        for (int j = 0; j < n; j++) {
            double[] p = new double[6];
            for (int k = 0; k < 6; k++) {
                p[k] = table[k][rows[j]];
            }
            // Independent of the compiler: the same expression written in Java with the same functions.
            double l = Math.log10(x[j]);
            double expected = p[0] + (p[1] / (Math.pow(l, 2) + p[2])) + (p[3] * Math.exp(-(p[4] * ((l - p[5]) * (l - p[5])))));
            assertThat(out[j]).isEqualTo(expected);
            assertThat(f.evaluate(new double[] {x[j]}, p, ws)).isEqualTo(expected);
        }
    }
}
