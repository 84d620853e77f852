package org.crema.correctionlib.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaProgramTest {
    @Test
    void sharedSubexpressionsAreComputedOnce() throws FormulaParser.SyntaxError {
        // Five log10(x) and two each of (log10(x)-[5]) and (log10(x)-[8]) in the text: three
        // repeated sub-trees, each computed once per element and kept in a register.
        String text = "max(0.0001,((x<[10])*([9]))+((x>=[10])*([0]+([1]/(pow(log10(x),2)+[2]))"
                + "+([3]*exp(-([4]*((log10(x)-[5])*(log10(x)-[5])))))+([6]*exp(-([7]*((log10(x)-[8])*(log10(x)-[8]))))))))";
        FormulaProgram f = FormulaProgram.compile(text, 4, true);
        assertThat(f.parameterCount()).isEqualTo(11);
        assertThat(f.variableCount()).isEqualTo(1);
        assertThat(f.registers()).isEqualTo(3);
        assertThat(FormulaProgram.compile("log10(x)+log10(x)+exp(x)", 4, true).registers()).isEqualTo(1);
    }
}
