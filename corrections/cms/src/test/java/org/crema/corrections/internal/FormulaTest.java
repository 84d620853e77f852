package org.crema.corrections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormulaTest {
    private static final double[] NONE = new double[0];

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
    })
    void arithmetic(String expression, double expected) {
        assertThat(Formula.compile(expression).evaluate(new double[4], NONE)).isEqualTo(expected);
    }

    @Test
    void variablesAndParameters() {
        Formula f = Formula.compile("[0]+[1]*x+y*z-t+x[1]");
        assertThat(f.variableCount()).isEqualTo(4);
        assertThat(f.parameterCount()).isEqualTo(2);
        assertThat(f.evaluate(new double[] {2, 3, 4, 5}, new double[] {10, 100})).isEqualTo(10 + 200 + 12 - 5 + 3);
    }

    // Reference values of erf from Abramowitz & Stegun table 7.1 (to the digits given there, 1e-15).
    @ParameterizedTest
    @CsvSource({"0.5, 0.5204998778130465", "1.0, 0.8427007929497149", "2.0, 0.9953222650189527",
        "3.0, 0.9999779095030014", "-1.0, -0.8427007929497149", "0.0, 0.0", "6.0, 1.0"})
    void erf(double x, double expected) {
        assertThat(Formula.compile("TMath::Erf(x)").evaluate(new double[] {x, 0, 0, 0}, NONE))
                .isCloseTo(expected, within(2e-15));
    }

    @Test
    void sharedSubexpressionsAreComputedOnce() {
        // Five log10(x) in the text, one instruction after interning.
        String text = "max(0.0001,((x<[10])*([9]))+((x>=[10])*([0]+([1]/(pow(log10(x),2)+[2]))"
                + "+([3]*exp(-([4]*((log10(x)-[5])*(log10(x)-[5])))))+([6]*exp(-([7]*((log10(x)-[8])*(log10(x)-[8]))))))))";
        Formula f = Formula.compile(text);
        assertThat(f.parameterCount()).isEqualTo(11);
        // Distinct nodes: x, 11 params, log10, pow-2 const, pow, +, /, ... well below the ~60 of the text;
        // the exact count pins that the five log10(x) and two (log10(x)-[5]) collapse.
        Formula once = Formula.compile("log10(x)+log10(x)");
        assertThat(once.instructionCount()).isEqualTo(3); // x, log10, +
        assertThat(f.instructionCount()).isLessThan(45);
    }

    @Test
    void errorsNamePosition() {
        assertThatThrownBy(() -> Formula.compile("1+*2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 2");
        assertThatThrownBy(() -> Formula.compile("foo(x)")).hasMessageContaining("unknown function 'foo'");
        assertThatThrownBy(() -> Formula.compile("(x+1")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> Formula.compile("w+1")).hasMessageContaining("unknown name 'w'");
    }

    @Property(tries = 200)
    void batchEqualsScalar(@ForAll @DoubleRange(min = 1, max = 5000) double x,
            @ForAll @DoubleRange(min = -3, max = 3) double p) {
        Formula f = Formula.compile("max(0.0001,[0]+[1]*TMath::Erf([2]*(log10(x)-[3]))+[4]*exp([5]*pow((log10(x)-[6]),[7])))");
        double[] params = {p, 0.1, 0.5, 1.2, 0.3, -0.2, 1.5, 2};
        double scalar = f.evaluate(new double[] {x, 0, 0, 0}, params);
        double[][] table = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            table[k] = new double[] {params[k]};
        }
        double[] out = new double[3];
        f.evaluate(new double[][] {{x, x, x}}, table, new int[3], 3, out, new Formula.Scratch());
        assertThat(out).containsOnly(scalar);
    }
}
