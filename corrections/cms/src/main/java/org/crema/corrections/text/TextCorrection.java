package org.crema.corrections.text;

import java.util.ArrayList;
import java.util.List;
import org.crema.corrections.CorrectionFileException;
import org.crema.correctionlib.formula.Formula;
import org.crema.correctionlib.formula.FormulaSyntaxException;

/**
 * A parametrised correction from a JetCorrectorParameters text file: a JEC level (L1FastJet,
 * L2Relative, L3Absolute, L2L3Residual, L5Flavor, L1JPTOffset, …) or a JER resolution. For a point,
 * the first record whose bin ranges contain the bin variables is chosen; each formula variable is
 * clamped to the record's {@code [min, max]} range (as CMSSW's {@code SimpleJetCorrector} does);
 * the formula is evaluated with the record's parameters. Without a record the result is 1.0
 * ({@link OutOfRangePolicy#CMSSW}) or the nearest record is used ({@link OutOfRangePolicy#CLAMP}).
 *
 * <p>Inputs are bound by name: {@link #inputs()} lists the bin variables, then the formula
 * variables not already listed (e.g. {@code [JetEta, Rho, JetPt, JetA]} for L1FastJet).
 * Immutable and thread-safe.
 */
public final class TextCorrection {
    private static final int BATCH = 256;

    private final JetCorrectorParameters parameters;
    private final OutOfRangePolicy policy;
    private final Formula formula;
    private final List<String> inputs;
    private final int[] binInput;
    private final int[] varInput;
    private final double[][] varMin;
    private final double[][] varMax;
    private final double[][] params;

    private TextCorrection(JetCorrectorParameters p, OutOfRangePolicy policy) {
        this.parameters = p;
        this.policy = policy;
        List<String> names = new ArrayList<>(p.binVariables());
        for (String v : p.parVariables()) {
            if (!names.contains(v)) {
                names.add(v);
            }
        }
        this.inputs = List.copyOf(names);
        int nBin = p.binVariables().size();
        int nVar = p.parVariables().size();
        binInput = new int[nBin];
        for (int d = 0; d < nBin; d++) {
            binInput[d] = names.indexOf(p.binVariables().get(d));
        }
        varInput = new int[nVar];
        for (int v = 0; v < nVar; v++) {
            varInput[v] = names.indexOf(p.parVariables().get(v));
        }
        try {
            this.formula = Formula.parse(p.formula().isEmpty() ? "1" : p.formula(), 4, Formula.Dialect.ROOT);
        } catch (FormulaSyntaxException e) {
            throw new CorrectionFileException(p.source(), 0, "header formula: " + e.getMessage());
        }
        if (formula.variableCount() > Math.max(nVar, 0) && !formula.isConstant()) {
            throw new CorrectionFileException(p.source(), 0, "formula uses " + formula.variableCount()
                    + " variables but the header declares " + nVar + " " + p.parVariables());
        }
        int records = p.size();
        double[][] values = p.valuesUnsafe();
        int nPar = Math.max(formula.parameterCount(), 0);
        varMin = new double[nVar][records];
        varMax = new double[nVar][records];
        params = new double[nPar][records];
        for (int r = 0; r < records; r++) {
            double[] row = values[r];
            if (row.length < 2 * nVar + nPar) {
                throw new CorrectionFileException(p.source(), p.line(r), "record has " + row.length
                        + " values, the formula needs " + nVar + " variable ranges and " + nPar + " parameters ("
                        + (2 * nVar + nPar) + " values)");
            }
            for (int v = 0; v < nVar; v++) {
                varMin[v][r] = row[2 * v];
                varMax[v][r] = row[2 * v + 1];
            }
            for (int k = 0; k < nPar; k++) {
                params[k][r] = row[2 * nVar + k];
            }
        }
    }

    /**
     * @param parameters a parsed section with a formula (JEC level or resolution)
     * @return the correction with CMSSW semantics
     */
    public static TextCorrection of(JetCorrectorParameters parameters) {
        return new TextCorrection(parameters, OutOfRangePolicy.CMSSW);
    }

    /**
     * @param parameters a parsed section with a formula (JEC level or resolution)
     * @param policy what to do outside every record's bins
     * @return the correction
     */
    public static TextCorrection of(JetCorrectorParameters parameters, OutOfRangePolicy policy) {
        return new TextCorrection(parameters, policy);
    }

    /** @return the input names in the order {@code evaluate} takes them */
    public List<String> inputs() {
        return inputs;
    }

    /** @return the level name from the header, e.g. {@code L2Relative} or {@code Resolution} */
    public String level() {
        return parameters.level();
    }

    /** @return the parsed file section */
    public JetCorrectorParameters parameters() {
        return parameters;
    }

    /** @return whether the correction is 1 everywhere it is defined (e.g. an MC L3Absolute) */
    public boolean isIdentity() {
        return formula.isConstant() && formula.constantValue() == 1.0;
    }

    /**
     * Evaluates one point.
     *
     * @param values one value per name in {@link #inputs()}
     * @return the correction factor
     * @throws IllegalArgumentException when the number of values does not match
     */
    public double evaluate(double... values) {
        if (values.length != inputs.size()) {
            throw new IllegalArgumentException(parameters.source() + ": need " + inputs.size() + " inputs " + inputs
                    + ", got " + values.length);
        }
        double[] point = new double[binInput.length];
        for (int d = 0; d < point.length; d++) {
            point[d] = values[binInput[d]];
        }
        int r = parameters.index().find(point, policy == OutOfRangePolicy.CLAMP);
        if (r < 0) {
            return 1.0;
        }
        double[] vars = new double[Math.max(varInput.length, 4)];
        for (int v = 0; v < varInput.length; v++) {
            vars[v] = clamp(values[varInput[v]], varMin[v][r], varMax[v][r]);
        }
        double[] p = new double[params.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = params[k][r];
        }
        return formula.evaluate(vars, p);
    }

    /**
     * Evaluates a batch. Column {@code i} of {@code columns} holds input {@code inputs().get(i)}.
     *
     * @param columns one array per input, each of length {@code >= n}
     * @param n number of points
     * @param out receives the {@code n} correction factors
     */
    public void evaluate(double[][] columns, int n, double[] out) {
        if (columns.length != inputs.size()) {
            throw new IllegalArgumentException(parameters.source() + ": need " + inputs.size() + " input columns "
                    + inputs + ", got " + columns.length);
        }
        for (double[] c : columns) {
            if (c.length < n) {
                throw new IllegalArgumentException("input column shorter than n=" + n + ": " + c.length);
            }
        }
        if (out.length < n) {
            throw new IllegalArgumentException("output shorter than n=" + n + ": " + out.length);
        }
        if (isIdentity()) {
            // 1 inside every record and 1 outside: no look-up needed (MC L3Absolute, Puppi L1).
            java.util.Arrays.fill(out, 0, n, 1.0);
            return;
        }
        boolean clamp = policy == OutOfRangePolicy.CLAMP;
        double[][] binCols = new double[binInput.length][];
        for (int d = 0; d < binCols.length; d++) {
            binCols[d] = columns[binInput[d]];
        }
        int nVar = varInput.length;
        double[][] vars = new double[Math.max(nVar, 1)][BATCH];
        int[] rows = new int[BATCH];
        boolean[] missing = new boolean[BATCH];
        double[] result = new double[BATCH];
        Formula.Workspace scratch = new Formula.Workspace();
        boolean constant = formula.isConstant();
        for (int from = 0; from < n; from += BATCH) {
            int len = Math.min(BATCH, n - from);
            parameters.index().find(binCols, from, len, clamp, rows);
            boolean anyMissing = false;
            for (int j = 0; j < len; j++) {
                boolean m = rows[j] < 0;
                missing[j] = m;
                anyMissing |= m;
                if (m) {
                    rows[j] = 0; // evaluate a valid record, then overwrite with the neutral value
                }
            }
            if (constant) {
                java.util.Arrays.fill(result, 0, len, formula.constantValue());
            } else {
                for (int v = 0; v < nVar; v++) {
                    double[] src = columns[varInput[v]];
                    double[] lo = varMin[v];
                    double[] hi = varMax[v];
                    double[] dst = vars[v];
                    for (int j = 0; j < len; j++) {
                        int r = rows[j];
                        dst[j] = clamp(src[from + j], lo[r], hi[r]);
                    }
                }
                formula.evaluate(vars, params, rows, len, result, scratch);
            }
            if (anyMissing) {
                for (int j = 0; j < len; j++) {
                    if (missing[j]) {
                        result[j] = 1.0;
                    }
                }
            }
            System.arraycopy(result, 0, out, from, len);
        }
    }

    // CMSSW: x < lo ? lo : (x > hi ? hi : x); NaN passes through unchanged.
    private static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    @Override
    public String toString() {
        return "TextCorrection[" + parameters.source() + " " + level() + " inputs=" + inputs + " policy=" + policy + "]";
    }
}
