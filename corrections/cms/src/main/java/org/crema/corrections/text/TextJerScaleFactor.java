package org.crema.corrections.text;

import java.util.List;
import org.crema.corrections.CorrectionFileException;
import org.crema.corrections.jme.Variation;

/**
 * A JER scale factor from a JetMET text file ({@code *_SF_*.txt}, {@code .jersf.txt}): records on
 * {@code JetEta} (and {@code JetPt} in newer files) holding the columns {@code nominal down up}.
 * Files with split systematics carry more columns (named in the header); only the first three are
 * used, as CMSSW's {@code JetResolutionScaleFactor} and coffea do. Without a record the factor is
 * 1.0 ({@link OutOfRangePolicy#CMSSW}) or the nearest record's ({@link OutOfRangePolicy#CLAMP}).
 * Immutable and thread-safe.
 */
public final class TextJerScaleFactor {
    private final JetCorrectorParameters parameters;
    private final OutOfRangePolicy policy;
    private final double[][] columns;

    private TextJerScaleFactor(JetCorrectorParameters p, OutOfRangePolicy policy) {
        this.parameters = p;
        this.policy = policy;
        int records = p.size();
        columns = new double[3][records];
        double[][] values = p.valuesUnsafe();
        for (int r = 0; r < records; r++) {
            if (values[r].length < 3) {
                throw new CorrectionFileException(p.source(), p.line(r), "scale-factor record needs 3 values"
                        + " (nominal down up), has " + values[r].length);
            }
            for (int c = 0; c < 3; c++) {
                columns[c][r] = values[r][c];
            }
        }
    }

    /**
     * @param parameters a parsed {@code ScaleFactor} section
     * @return the scale factor with CMSSW semantics
     */
    public static TextJerScaleFactor of(JetCorrectorParameters parameters) {
        return new TextJerScaleFactor(parameters, OutOfRangePolicy.CMSSW);
    }

    /**
     * @param parameters a parsed {@code ScaleFactor} section
     * @param policy what to do outside every record
     * @return the scale factor
     */
    public static TextJerScaleFactor of(JetCorrectorParameters parameters, OutOfRangePolicy policy) {
        return new TextJerScaleFactor(parameters, policy);
    }

    /** @return the input names in call order: the bin variables, e.g. {@code [JetEta]} or {@code [JetEta, JetPt]} */
    public List<String> inputs() {
        return parameters.binVariables();
    }

    /**
     * @param variation nominal, up or down
     * @param values one value per name in {@link #inputs()}
     * @return the scale factor
     */
    public double evaluate(Variation variation, double... values) {
        if (values.length != inputs().size()) {
            throw new IllegalArgumentException(parameters.source() + ": need " + inputs().size() + " inputs "
                    + inputs() + ", got " + values.length);
        }
        int r = parameters.index().find(values, policy == OutOfRangePolicy.CLAMP);
        return r < 0 ? 1.0 : columns[column(variation)][r];
    }

    /**
     * Batch evaluation; column {@code i} holds input {@code inputs().get(i)}.
     *
     * @param variation nominal, up or down
     * @param inputColumns one array per input
     * @param n number of points
     * @param out receives the scale factors
     */
    public void evaluate(Variation variation, double[][] inputColumns, int n, double[] out) {
        if (inputColumns.length != inputs().size()) {
            throw new IllegalArgumentException(parameters.source() + ": need " + inputs().size() + " input columns "
                    + inputs() + ", got " + inputColumns.length);
        }
        final int batch = 512;
        int[] rows = new int[batch];
        double[] col = columns[column(variation)];
        boolean clamp = policy == OutOfRangePolicy.CLAMP;
        for (int from = 0; from < n; from += batch) {
            int len = Math.min(batch, n - from);
            parameters.index().find(inputColumns, from, len, clamp, rows);
            for (int j = 0; j < len; j++) {
                int r = rows[j];
                out[from + j] = r < 0 ? 1.0 : col[r];
            }
        }
    }

    /**
     * Evaluates nominal, up and down with one record look-up per point.
     *
     * @param inputColumns one array per input
     * @param n number of points
     * @param nominal receives the nominal factors
     * @param up receives the up factors
     * @param down receives the down factors
     */
    public void evaluateAll(double[][] inputColumns, int n, double[] nominal, double[] up, double[] down) {
        if (inputColumns.length != inputs().size()) {
            throw new IllegalArgumentException(parameters.source() + ": need " + inputs().size() + " input columns "
                    + inputs() + ", got " + inputColumns.length);
        }
        final int batch = 512;
        int[] rows = new int[batch];
        boolean clamp = policy == OutOfRangePolicy.CLAMP;
        double[] c0 = columns[0];
        double[] c1 = columns[1];
        double[] c2 = columns[2];
        for (int from = 0; from < n; from += batch) {
            int len = Math.min(batch, n - from);
            parameters.index().find(inputColumns, from, len, clamp, rows);
            for (int j = 0; j < len; j++) {
                int r = rows[j];
                nominal[from + j] = r < 0 ? 1.0 : c0[r];
                down[from + j] = r < 0 ? 1.0 : c1[r];
                up[from + j] = r < 0 ? 1.0 : c2[r];
            }
        }
    }

    private static int column(Variation v) {
        // Text files order the columns nominal, down, up.
        return switch (v) {
            case NOMINAL -> 0;
            case DOWN -> 1;
            case UP -> 2;
        };
    }

    @Override
    public String toString() {
        return "TextJerScaleFactor[" + parameters.source() + " inputs=" + inputs() + "]";
    }
}
