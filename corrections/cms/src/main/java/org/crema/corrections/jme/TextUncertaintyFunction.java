package org.crema.corrections.jme;

import java.util.List;
import java.util.Map;
import org.crema.corrections.text.TextUncertainty;

/**
 * A text JES source as a jet function (δ from the up column; no record → δ = 0). A named class so
 * that {@link JesVariations} can recognise sources of one file and locate each jet once for all.
 */
final class TextUncertaintyFunction implements JetFunction {
    final TextUncertainty uncertainty;

    TextUncertaintyFunction(TextUncertainty uncertainty) {
        this.uncertainty = uncertainty;
    }

    @Override
    public List<String> inputs() {
        return uncertainty.inputs();
    }

    @Override
    public void evaluate(Map<String, double[]> columns, int n, double[] out) {
        uncertainty.evaluate(true, JetFunction.columnsFor(uncertainty, columns, uncertainty.inputs(), n), n, out);
        noRecordToZero(out, n);
    }

    static void noRecordToZero(double[] out, int n) {
        for (int i = 0; i < n; i++) {
            if (out[i] == TextUncertainty.NO_RECORD) {
                out[i] = 0.0;
            }
        }
    }

    @Override
    public String toString() {
        return uncertainty.toString();
    }
}
