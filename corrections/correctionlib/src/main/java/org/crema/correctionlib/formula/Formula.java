package org.crema.correctionlib.formula;

import java.util.Objects;
import org.crema.correctionlib.internal.FormulaParser;
import org.crema.correctionlib.internal.FormulaProgram;

/**
 * A compiled TFormula expression: variables {@code x, y, z, t} (or {@code x[k]}), parameters
 * {@code [k]}, arithmetic, comparisons, logical operators and the usual functions. The same
 * compiler serves correctionlib's {@code formula} nodes and the JetMET / BTV text formats.
 *
 * <p>Compiling folds constant sub-expressions and computes repeated sub-expressions once per
 * element (JEC parametrisations repeat {@code log10(x)} up to five times). Parameters stay
 * symbolic, so one compiled formula serves every parameter set: pass one list for all points, or a
 * column-major table and a row per point (a text file's records).
 *
 * <p>Column-wise evaluation runs each operator over a block of points before the next, so the
 * interpretation cost is paid per block, not per point. Scratch space lives in a caller-owned
 * {@link Workspace}, so evaluation allocates nothing once the workspace has grown.
 *
 * <p>Semantics: IEEE double arithmetic; comparisons and logical operators give 1.0 or 0.0;
 * {@code max}/{@code min} follow {@code std::max}/{@code std::min} (the first argument wins unless
 * the comparison holds, which differs from {@link Math#max} for NaN and signed zeros); see
 * {@link Dialect} for the rest. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Formula f = Formula.parse("max(0.0001,[0]+[1]*TMath::Erf([2]*(log10(x)-[3])))", 1, Formula.Dialect.ROOT);
 * double v = f.evaluate(new double[] {50.0}, new double[] {1.0, 0.1, 0.5, 1.2});
 * }</pre>
 */
public final class Formula {
    /** The two spellings of TFormula in CMS correction files. */
    public enum Dialect {
        /**
         * correctionlib's TFormula subset, as its C++ evaluator parses it: unary minus binds tighter
         * than {@code ^} ({@code -x^2 = (-x)^2}); functions {@code log log10 exp erf sqrt abs}, the
         * trigonometric and hyperbolic functions and their inverses, {@code atan2 pow max min};
         * transcendental functions use {@link StrictMath}, so results are identical on every
         * platform.
         */
        CORRECTIONLIB,
        /**
         * ROOT's TFormula as the JetMET and BTV text files use it: unary minus binds looser than
         * {@code ^} ({@code -x^2 = -(x^2)}); unary {@code +} and {@code !}; functions may carry a
         * {@code TMath::} prefix and any case ({@code TMath::Erf}, {@code TMath::Power}), with
         * {@code fabs erfc power fmod} besides the common ones; {@code Pi}; literals such as
         * {@code .5} and {@code 1E+3}; variables up to {@code x[3]}. Transcendental functions use
         * {@link Math} (JIT intrinsics: faster, possibly one ulp from {@link StrictMath}).
         */
        ROOT
    }

    private final String expression;
    private final Dialect dialect;
    private final FormulaProgram program;

    private Formula(String expression, Dialect dialect, FormulaProgram program) {
        this.expression = expression;
        this.dialect = dialect;
        this.program = program;
    }

    /**
     * Compiles an expression.
     *
     * @param expression the formula text
     * @param nVariables how many variables the expression may use ({@code x} is 0, {@code y} 1,
     *     {@code z} 2, {@code t} 3, {@code x[k]} is k); at least 0
     * @param dialect the TFormula spelling
     * @return the compiled formula
     * @throws FormulaSyntaxException with the position of the first character that cannot be parsed,
     *     including a variable index of {@code nVariables} or more
     * @throws IllegalArgumentException when {@code nVariables < 0}
     */
    public static Formula parse(String expression, int nVariables, Dialect dialect) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(dialect, "dialect");
        if (nVariables < 0) {
            throw new IllegalArgumentException("nVariables must be >= 0, got " + nVariables);
        }
        try {
            return new Formula(expression, dialect, FormulaProgram.compile(expression, nVariables, dialect == Dialect.ROOT));
        } catch (FormulaParser.SyntaxError e) {
            throw new FormulaSyntaxException(expression, e.position, e.getMessage());
        }
    }

    /** @return the source text */
    public String expression() {
        return expression;
    }

    /** @return the dialect it was parsed in */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the number of variables the expression uses (highest index + 1, 0 when none) */
    public int variableCount() {
        return program.variableCount();
    }

    /** @return the number of parameters the expression uses (highest index + 1, 0 when none) */
    public int parameterCount() {
        return program.parameterCount();
    }

    /** @return whether the formula folded to a constant (it depends on no variable or parameter) */
    public boolean isConstant() {
        return program.isConstant();
    }

    /** @return the constant value when {@link #isConstant()}, else NaN */
    public double constantValue() {
        return program.constantValue();
    }

    /**
     * Evaluates one point, with a fresh workspace (convenient, allocates; prefer
     * {@link #evaluate(double[], double[], Workspace)} in loops).
     *
     * @param vars at least {@link #variableCount()} variable values
     * @param params at least {@link #parameterCount()} parameter values
     * @return the formula value
     */
    public double evaluate(double[] vars, double[] params) {
        return evaluate(vars, params, new Workspace());
    }

    /**
     * Evaluates one point without allocating.
     *
     * @param vars at least {@link #variableCount()} variable values
     * @param params at least {@link #parameterCount()} parameter values
     * @param workspace scratch space of the calling thread
     * @return the formula value
     * @throws IllegalArgumentException when an array is too short
     */
    public double evaluate(double[] vars, double[] params, Workspace workspace) {
        checkLength("vars", vars.length, variableCount());
        checkLength("params", params.length, parameterCount());
        return program.evaluate(workspace.state, vars, params);
    }

    /**
     * Evaluates {@code n} points with one parameter list: point {@code j} uses {@code vars[v][j]}.
     *
     * @param vars at least {@link #variableCount()} columns, each of length {@code >= n}
     * @param params at least {@link #parameterCount()} parameter values
     * @param n number of points
     * @param out receives the values in {@code out[0..n)}
     * @param workspace scratch space of the calling thread
     * @throws IllegalArgumentException when an array is too short
     */
    public void evaluate(double[][] vars, double[] params, int n, double[] out, Workspace workspace) {
        checkColumns(vars, n, out);
        checkLength("params", params.length, parameterCount());
        program.evaluate(workspace.state, vars, params, null, null, n, out);
    }

    /**
     * Evaluates {@code n} points, each with its own row of a parameter table: point {@code j} uses
     * {@code vars[v][j]} and parameter {@code k} is {@code table[k][rows[j]]}.
     *
     * @param vars at least {@link #variableCount()} columns, each of length {@code >= n}
     * @param table column-major parameter table: at least {@link #parameterCount()} columns, one
     *     value per row
     * @param rows per-point row of {@code table}, length {@code >= n}
     * @param n number of points
     * @param out receives the values in {@code out[0..n)}
     * @param workspace scratch space of the calling thread
     * @throws IllegalArgumentException when an array is too short or a row is outside the table
     */
    public void evaluate(double[][] vars, double[][] table, int[] rows, int n, double[] out, Workspace workspace) {
        checkColumns(vars, n, out);
        checkLength("parameter table columns", table.length, parameterCount());
        checkLength("rows", rows.length, n);
        int nRows = Integer.MAX_VALUE;
        for (int k = 0; k < parameterCount(); k++) {
            nRows = Math.min(nRows, table[k].length);
        }
        if (parameterCount() > 0) {
            for (int j = 0; j < n; j++) {
                if (rows[j] < 0 || rows[j] >= nRows) {
                    throw new IllegalArgumentException("rows[" + j + "]=" + rows[j] + " outside the parameter table's "
                            + nRows + " rows");
                }
            }
        }
        program.evaluate(workspace.state, vars, null, table, rows, n, out);
    }

    private void checkColumns(double[][] vars, int n, double[] out) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        checkLength("vars", vars.length, variableCount());
        for (int v = 0; v < variableCount(); v++) {
            checkLength("vars[" + v + "]", vars[v].length, n);
        }
        checkLength("out", out.length, n);
    }

    private static void checkLength(String what, int length, int needed) {
        if (length < needed) {
            throw new IllegalArgumentException(what + " must have at least " + needed + " elements, got " + length);
        }
    }

    @Override
    public String toString() {
        return "Formula[" + expression + "]";
    }

    /**
     * Caller-owned scratch space for evaluation: not thread-safe, use one per thread. It grows to
     * the largest formula and block it serves and is then reused without allocation; one workspace
     * may serve any number of formulas.
     */
    public static final class Workspace {
        private final FormulaProgram.State state = new FormulaProgram.State();

        /** Creates an empty workspace. */
        public Workspace() {
        }
    }
}
