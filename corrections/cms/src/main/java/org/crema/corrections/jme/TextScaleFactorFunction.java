package org.crema.corrections.jme;

import java.util.List;
import java.util.Map;
import org.crema.corrections.text.TextJerScaleFactor;

/**
 * One column of a text JER scale factor as a jet function. A named class so that {@link
 * JetSmearing} can recognise nominal, up and down of one file and look each jet up once.
 */
final class TextScaleFactorFunction implements JetFunction {
    final TextJerScaleFactor scaleFactor;
    final Variation variation;

    TextScaleFactorFunction(TextJerScaleFactor scaleFactor, Variation variation) {
        this.scaleFactor = scaleFactor;
        this.variation = variation;
    }

    @Override
    public List<String> inputs() {
        return scaleFactor.inputs();
    }

    @Override
    public void evaluate(Map<String, double[]> columns, int n, double[] out) {
        scaleFactor.evaluate(variation, JetFunction.columnsFor(scaleFactor, columns, scaleFactor.inputs(), n), n, out);
    }

    @Override
    public String toString() {
        return scaleFactor + " " + variation;
    }
}
