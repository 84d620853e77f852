package org.crema.correctionlib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.crema.columnar.DoubleColumn;
import org.crema.columnar.ElementType;
import org.crema.columnar.PrimitiveColumn;
import org.crema.correctionlib.internal.Frame;

/**
 * Inputs of a {@link Corrector} bound by name, for evaluating a whole chunk at once. Files order
 * the same inputs differently, so binding is by name, never by position:
 *
 * <pre>{@code
 * double[] sf = muonSf.bind()
 *         .column("abseta", absEta)      // float[] or double[]
 *         .column("pt", pt)
 *         .constant("ValType", "sf")     // resolved once per chunk, not per element
 *         .evaluate();
 * }</pre>
 *
 * <p>Real inputs accept {@code double[]}, {@code float[]}, {@code int[]}, {@code long[]} and
 * numeric {@link PrimitiveColumn}s (a {@code double[]} is read in place, others are widened once);
 * int inputs accept {@code int[]}, {@code long[]} and integral columns; string inputs accept
 * {@code String[]} or a constant. A {@code double[]} passed here must not change while an
 * evaluation runs. An {@code Inputs} is a mutable builder for one thread; the evaluation methods
 * may be called repeatedly, e.g. after re-binding a column.
 */
public final class Inputs {
    private final Corrector target;
    private final List<Variable> vars;
    private final Object[] sources;

    Inputs(Corrector target) {
        this.target = target;
        this.vars = target.inputs();
        this.sources = new Object[vars.size()];
        this.constant = new boolean[vars.size()];
    }

    private int slot(String name, String what) {
        int k = target.inputIndex(name);
        if (k < 0) {
            throw new CorrectionInputException(kind() + " '" + target.name() + "' has no input '" + name
                    + "'; its inputs are " + Engine.describe(vars));
        }
        return k;
    }

    private String kind() {
        return target instanceof CompoundCorrection ? "compound correction" : "correction";
    }

    private CorrectionInputException typeError(int slot, String given) {
        Variable v = vars.get(slot);
        return new CorrectionInputException(kind() + " '" + target.name() + "': input '" + v.name() + "' is "
                + v.type() + ", but a " + given + " was given");
    }

    private Inputs put(String name, Object source, boolean numeric, boolean integral, String given) {
        int k = slot(name, given);
        VariableType t = vars.get(k).type();
        boolean ok = switch (t) {
            case REAL -> numeric;
            case INT -> integral;
            case STRING -> !numeric;
        };
        if (!ok) {
            throw typeError(k, given);
        }
        sources[k] = source;
        constant[k] = false;
        return this;
    }

    /**
     * Binds a real input to a column (read in place, not copied).
     *
     * @param name the input name
     * @param values one value per element
     * @return this, for chaining
     */
    public Inputs column(String name, double[] values) {
        return put(name, values, true, false, "double[] column");
    }

    /**
     * Binds a real input to a float column (widened to double once per evaluation).
     *
     * @param name the input name
     * @param values one value per element
     * @return this, for chaining
     */
    public Inputs column(String name, float[] values) {
        return put(name, values, true, false, "float[] column");
    }

    /**
     * Binds a real or int input to an int column.
     *
     * @param name the input name
     * @param values one value per element
     * @return this, for chaining
     */
    public Inputs column(String name, int[] values) {
        return put(name, values, true, true, "int[] column");
    }

    /**
     * Binds a real or int input to a long column.
     *
     * @param name the input name
     * @param values one value per element
     * @return this, for chaining
     */
    public Inputs column(String name, long[] values) {
        return put(name, values, true, true, "long[] column");
    }

    /**
     * Binds a string input to one string per element.
     *
     * @param name the input name
     * @param values one value per element
     * @return this, for chaining
     */
    public Inputs column(String name, String[] values) {
        return put(name, values, false, false, "String[] column");
    }

    /**
     * Binds an input to a core-columnar column: floating columns for real inputs, integral columns
     * for real or int inputs (unsigned types read as unsigned).
     *
     * @param name the input name
     * @param column one value per element
     * @return this, for chaining
     */
    public Inputs column(String name, PrimitiveColumn column) {
        ElementType et = column.elementType();
        boolean floating = et == ElementType.FLOAT32 || et == ElementType.FLOAT64;
        return put(name, column, true, !floating && et != ElementType.BOOL, et + " column");
    }

    /**
     * Binds a real input to a constant.
     *
     * @param name the input name
     * @param value the value of every element
     * @return this, for chaining
     */
    public Inputs constant(String name, double value) {
        return put(name, new double[] {value}, true, false, "double constant").markConstant(name);
    }

    /**
     * Binds a real or int input to a constant.
     *
     * @param name the input name
     * @param value the value of every element
     * @return this, for chaining
     */
    public Inputs constant(String name, long value) {
        return put(name, new long[] {value}, true, true, "long constant").markConstant(name);
    }

    /**
     * Binds a string input to a constant (categories on it are resolved once per chunk).
     *
     * @param name the input name
     * @param value the value of every element
     * @return this, for chaining
     */
    public Inputs constant(String name, String value) {
        if (value == null) {
            throw new CorrectionInputException(kind() + " '" + target.name() + "': constant for input '" + name + "' is null");
        }
        return put(name, value, false, false, "String constant");
    }

    private final boolean[] constant;

    private Inputs markConstant(String name) {
        constant[target.inputIndex(name)] = true;
        return this;
    }

    private boolean isConstant(int k, Object src) {
        return src instanceof String || constant[k];
    }

    /**
     * Evaluates every element; the length is that of the bound columns (they must agree).
     *
     * @return one output per element
     * @throws CorrectionInputException when an input is unbound, only constants are bound, or columns differ in length
     * @throws CorrectionDomainException for the first element outside the domain
     */
    public double[] evaluate() {
        return evaluate(inferLength());
    }

    /**
     * Evaluates the first {@code n} elements.
     *
     * @param n number of elements; every column must have at least {@code n}
     * @return one output per element
     * @throws CorrectionDomainException for the first element outside the domain
     */
    public double[] evaluate(int n) {
        double[] out = new double[n];
        evaluateInto(n, out);
        return out;
    }

    /**
     * Evaluates the first {@code n} elements into {@code out} (no allocation beyond widened inputs).
     *
     * @param n number of elements
     * @param out receives the outputs, length at least {@code n}
     */
    public void evaluateInto(int n, double[] out) {
        if (out.length < n) {
            throw new CorrectionInputException("output array has length " + out.length + ", but n = " + n);
        }
        run(n, out, null);
    }

    /**
     * Evaluates the first {@code n} elements under a policy; with {@link ErrorPolicy#COLLECT},
     * failing elements give NaN and are listed instead of failing the chunk.
     *
     * @param n number of elements
     * @param policy FAIL or COLLECT
     * @return values and per-element errors
     */
    public Evaluation evaluate(int n, ErrorPolicy policy) {
        double[] out = new double[n];
        if (policy == ErrorPolicy.FAIL) {
            run(n, out, null);
            return new Evaluation(out, List.of());
        }
        List<Evaluation.ElementError> errors = new ArrayList<>();
        run(n, out, errors);
        errors.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new Evaluation(out, errors);
    }

    private void run(int n, double[] out, List<Evaluation.ElementError> errors) {
        if (n < 0) {
            throw new CorrectionInputException("number of elements must be >= 0, got " + n);
        }
        Frame f = frame(n);
        Engine.BoundConstants consts = constants();
        switch (target) {
            case Correction c -> c.run(f, consts, out, errors, errors == null ? null : new boolean[n]);
            case CompoundCorrection cc -> cc.run(f, consts, out, errors);
        }
    }

    private int inferLength() {
        int n = -1;
        for (int k = 0; k < sources.length; k++) {
            Object s = sources[k];
            if (s == null || isConstant(k, s)) {
                continue;
            }
            int len = length(s);
            if (n >= 0 && len != n) {
                throw new CorrectionInputException(kind() + " '" + target.name() + "': bound columns differ in length ("
                        + n + " and " + len + " for input '" + vars.get(k).name() + "'); pass n explicitly to use a prefix");
            }
            n = len;
        }
        if (n < 0) {
            checkBound();
            throw new CorrectionInputException(kind() + " '" + target.name()
                    + "': only constants are bound, so the number of elements is unknown; use evaluate(n)");
        }
        return n;
    }

    private static int length(Object s) {
        return switch (s) {
            case double[] a -> a.length;
            case float[] a -> a.length;
            case int[] a -> a.length;
            case long[] a -> a.length;
            case String[] a -> a.length;
            case PrimitiveColumn c -> c.length();
            default -> throw new IllegalStateException("unexpected source " + s.getClass());
        };
    }

    private void checkBound() {
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < sources.length; k++) {
            if (sources[k] == null) {
                missing.add(vars.get(k).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new CorrectionInputException(kind() + " '" + target.name() + "': inputs " + missing
                    + " are not bound; its inputs are " + Engine.describe(vars));
        }
    }

    Engine.BoundConstants constants() {
        int m = sources.length;
        String[] strs = new String[m];
        boolean[] has = new boolean[m];
        long[] ints = new long[m];
        for (int k = 0; k < m; k++) {
            Object s = sources[k];
            if (s instanceof String str) {
                strs[k] = str;
            } else if (vars.get(k).type() == VariableType.INT && isConstant(k, s) && s instanceof long[] l) {
                has[k] = true;
                ints[k] = l[0];
            }
        }
        return new Engine.BoundConstants(strs, has, ints);
    }

    Frame frame(int n) {
        checkBound();
        int m = sources.length;
        double[][] reals = new double[m][];
        long[][] longs = new long[m][];
        String[][] strings = new String[m][];
        String[] consts = new String[m];
        for (int k = 0; k < m; k++) {
            Object s = sources[k];
            Variable v = vars.get(k);
            if (s instanceof String str) {
                consts[k] = str;
                continue;
            }
            if (s instanceof String[] arr) {
                requireLength(k, arr.length, n);
                strings[k] = arr;
                continue;
            }
            if (isConstant(k, s)) {
                if (s instanceof double[] d) {
                    double[] r = new double[n];
                    Arrays.fill(r, d[0]);
                    reals[k] = r;
                } else {
                    long value = ((long[]) s)[0];
                    double[] r = new double[n];
                    Arrays.fill(r, value);
                    reals[k] = r;
                    if (v.type() == VariableType.INT) {
                        long[] l = new long[n];
                        Arrays.fill(l, value);
                        longs[k] = l;
                    }
                }
                continue;
            }
            requireLength(k, length(s), n);
            if (v.type() == VariableType.INT) {
                long[] l = toLongs(s, n);
                longs[k] = l;
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = l[i];
                }
                reals[k] = r;
            } else {
                reals[k] = toDoubles(s, n);
            }
        }
        return new Frame(n, reals, longs, strings, consts);
    }

    private void requireLength(int k, int len, int n) {
        if (len < n) {
            throw new CorrectionInputException(kind() + " '" + target.name() + "': column for input '" + vars.get(k).name()
                    + "' has " + len + " elements, but " + n + " are evaluated");
        }
    }

    private static double[] toDoubles(Object s, int n) {
        switch (s) {
            case double[] a -> {
                return a;
            }
            case float[] a -> {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = a[i];
                }
                return r;
            }
            case int[] a -> {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = a[i];
                }
                return r;
            }
            case long[] a -> {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = a[i];
                }
                return r;
            }
            case DoubleColumn c when c.offset() == 0 -> {
                return c.array();
            }
            case PrimitiveColumn c -> {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = c.getDouble(i);
                }
                return r;
            }
            default -> throw new IllegalStateException("unexpected source " + s.getClass());
        }
    }

    private static long[] toLongs(Object s, int n) {
        switch (s) {
            case long[] a -> {
                return a;
            }
            case int[] a -> {
                long[] r = new long[n];
                for (int i = 0; i < n; i++) {
                    r[i] = a[i];
                }
                return r;
            }
            case PrimitiveColumn c -> {
                long[] r = new long[n];
                for (int i = 0; i < n; i++) {
                    r[i] = c.getLong(i);
                }
                return r;
            }
            default -> throw new IllegalStateException("unexpected source " + s.getClass());
        }
    }
}
