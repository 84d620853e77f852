package org.crema.correctionlib.internal;

/**
 * A parsed, constant-folded and CSE-rewritten TFormula whose parameters stay symbolic, so one
 * compiled program serves every parameter set (for example every record of a JetCorrectorParameters
 * text file). The implementation behind {@code org.crema.correctionlib.formula.Formula}: arguments
 * are checked there, not here. Immutable and thread-safe; the mutable evaluation state lives in a
 * caller-owned {@link State}.
 */
public final class FormulaProgram {
    /** Elements per column-wise pass: bounds the scratch columns a state keeps, whatever n is. */
    private static final int CHUNK = 1024;

    private final Expr expr;
    private final int registers;
    private final int variableCount;
    private final int parameterCount;
    private final boolean constant;
    private final double constantValue;

    private FormulaProgram(Expr folded, int variableCount) {
        this.constant = folded.isConstant();
        this.constantValue = constant ? folded.constantValue() : Double.NaN;
        this.parameterCount = folded.maxParameter() + 1;
        this.variableCount = variableCount;
        Cse.Result r = Cse.apply(folded);
        this.expr = r.expr();
        this.registers = r.registers();
    }

    /**
     * Compiles an expression over the variables {@code x[0] .. x[nVariables-1]}.
     *
     * @param expression the formula text
     * @param nVariables how many variables the expression may use
     * @param root whether to parse the ROOT dialect (see {@link FormulaParser})
     * @return the program
     * @throws FormulaParser.SyntaxError with the failing position
     */
    public static FormulaProgram compile(String expression, int nVariables, boolean root) throws FormulaParser.SyntaxError {
        int[] slots = new int[nVariables];
        for (int k = 0; k < nVariables; k++) {
            slots[k] = k;
        }
        Expr parsed = FormulaParser.parse(expression, slots, root);
        return new FormulaProgram(parsed.bind(null), maxVariable(parsed) + 1);
    }

    private static int maxVariable(Expr e) {
        return switch (e) {
            case Expr.Var v -> v.slot;
            case Expr.Unary u -> maxVariable(u.a);
            case Expr.Binary b -> Math.max(maxVariable(b.a), maxVariable(b.b));
            case Expr.Add b -> Math.max(maxVariable(b.a), maxVariable(b.b));
            case Expr.Sub b -> Math.max(maxVariable(b.a), maxVariable(b.b));
            case Expr.Mul b -> Math.max(maxVariable(b.a), maxVariable(b.b));
            case Expr.Div b -> Math.max(maxVariable(b.a), maxVariable(b.b));
            default -> -1;
        };
    }

    /** @return highest variable index used + 1 (before folding, so {@code 0*x} still counts x) */
    public int variableCount() {
        return variableCount;
    }

    /** @return highest parameter index used + 1 */
    public int parameterCount() {
        return parameterCount;
    }

    /** @return whether the folded program is a constant */
    public boolean isConstant() {
        return constant;
    }

    /** @return the constant, NaN unless {@link #isConstant()} */
    public double constantValue() {
        return constantValue;
    }

    /** @return number of registers the common sub-expressions use (0 when none repeats) */
    public int registers() {
        return registers;
    }

    /**
     * Evaluates one point.
     *
     * @param st evaluation state of the calling thread
     * @param vars at least {@link #variableCount()} values
     * @param params at least {@link #parameterCount()} values
     * @return the value
     */
    public double evaluate(State st, double[] vars, double[] params) {
        if (constant) {
            return constantValue;
        }
        Frame f = st.frame(variableCount);
        double[][] single = st.single;
        for (int k = 0; k < variableCount; k++) {
            single[k][0] = vars[k];
            f.reals[k] = single[k];
        }
        f.params = params;
        f.paramTable = null;
        f.paramRows = null;
        if (f.registers.length < registers) {
            f.registers = new double[registers];
        }
        double v = expr.eval(f, 0);
        f.params = null;
        return v;
    }

    /**
     * Evaluates {@code n} points column-wise: element {@code j} reads {@code vars[v][j]} and, when
     * {@code rows} is null, {@code params[k]}, else {@code table[k][rows[j]]}.
     *
     * @param st evaluation state of the calling thread
     * @param vars at least {@link #variableCount()} columns of length {@code >= n}
     * @param params one parameter list, or null when {@code rows} is given
     * @param table column-major parameter table, or null
     * @param rows per-element row of {@code table}, or null
     * @param n number of points
     * @param out receives the values in {@code [0, n)}
     */
    public void evaluate(State st, double[][] vars, double[] params, double[][] table, int[] rows, int n, double[] out) {
        if (constant) {
            java.util.Arrays.fill(out, 0, n, constantValue);
            return;
        }
        Frame f = st.frame(variableCount);
        for (int k = 0; k < variableCount; k++) {
            f.reals[k] = vars[k];
        }
        f.params = params;
        f.paramTable = table;
        f.paramRows = rows;
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            // Expressions write their result from index 0: later chunks go through a buffer.
            double[] dst = from == 0 ? out : st.chunk(count);
            f.activeRegisterColumns = registers == 0 ? null : f.registerColumns(registers, count);
            expr.evalColumn(f, null, from, count, dst, 0);
            if (dst != out) {
                System.arraycopy(dst, 0, out, from, count);
            }
        }
        // Do not keep the caller's arrays reachable from a long-lived state.
        java.util.Arrays.fill(f.reals, null);
        f.params = null;
        f.paramTable = null;
        f.paramRows = null;
    }

    /** Mutable scratch space for evaluation; one per thread, grows to the largest program served. */
    public static final class State {
        private Frame frame;
        private double[][] single = new double[0][];
        private double[] chunk = new double[0];

        /** Creates an empty state. */
        public State() {
        }

        Frame frame(int slots) {
            int s = Math.max(slots, 4);
            if (frame == null || frame.reals.length < s) {
                frame = new Frame(0, new double[s][], new long[s][], new String[s][], new String[s]);
                single = new double[s][1];
            }
            return frame;
        }

        double[] chunk(int size) {
            if (chunk.length < size) {
                chunk = new double[CHUNK];
            }
            return chunk;
        }
    }
}
