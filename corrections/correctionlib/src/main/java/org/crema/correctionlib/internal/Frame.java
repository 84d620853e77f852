package org.crema.correctionlib.internal;

/**
 * The inputs of one evaluation call, resolved to slots (the correction's input positions) and
 * primitive arrays, plus the per-element rewrites a {@code transform} node applies.
 *
 * <p>A frame belongs to one evaluation call on one thread. Real inputs are held as {@code double[]}
 * (int inputs additionally as {@code long[]}), so nodes read a slot with one array load and never
 * look a name up.
 */
public final class Frame {
    /** Number of elements. */
    public final int n;
    /** Per slot: values as double (real and int inputs), {@code null} for string inputs. */
    public final double[][] reals;
    /** Per slot: values as long (int inputs only). */
    public final long[][] longs;
    /** Per slot: one string per element, or {@code null} when the input is constant or not a string. */
    public final String[][] strings;
    /** Per slot: the constant string value, when the string input is constant. */
    public final String[] stringConstants;

    private final boolean[] rewritten;
    private final double[] rewrittenReal;
    private final long[] rewrittenLong;
    private long[] scratch = new long[8];
    /** Registers of the formula being evaluated (common sub-expressions of one element). */
    double[] registers = new double[8];
    private double[][] columnBuffers = new double[0][];
    private double[][] registerColumns = new double[0][];

    /** Scratch column for formula evaluation at expression depth {@code depth}. */
    double[] columnBuffer(int depth, int size) {
        if (depth >= columnBuffers.length) {
            columnBuffers = java.util.Arrays.copyOf(columnBuffers, Math.max(depth + 1, 2 * columnBuffers.length));
        }
        double[] b = columnBuffers[depth];
        if (b == null || b.length < size) {
            b = new double[Math.max(size, 64)];
            columnBuffers[depth] = b;
        }
        return b;
    }

    /** Column registers for the common sub-expressions of a formula evaluated column-wise. */
    double[][] registerColumns(int count, int size) {
        if (registerColumns.length < count) {
            registerColumns = java.util.Arrays.copyOf(registerColumns, count);
        }
        for (int r = 0; r < count; r++) {
            if (registerColumns[r] == null || registerColumns[r].length < size) {
                registerColumns[r] = new double[Math.max(size, 64)];
            }
        }
        return registerColumns;
    }

    /** Register columns of the formula currently evaluated column-wise. */
    double[][] activeRegisterColumns;

    // Parameters of a formula evaluated without binding (see Expr.Param): one list for every element
    // when paramRows is null, else paramTable[k][paramRows[i]].
    double[] params;
    double[][] paramTable;
    int[] paramRows;

    /**
     * @param n number of elements
     * @param reals per slot double values (length ≥ n) or null
     * @param longs per slot long values (length ≥ n) or null
     * @param strings per slot string values (length ≥ n) or null
     * @param stringConstants per slot constant string or null
     */
    public Frame(int n, double[][] reals, long[][] longs, String[][] strings, String[] stringConstants) {
        this.n = n;
        this.reals = reals;
        this.longs = longs;
        this.strings = strings;
        this.stringConstants = stringConstants;
        int slots = reals.length;
        this.rewritten = new boolean[slots];
        this.rewrittenReal = new double[slots];
        this.rewrittenLong = new long[slots];
    }

    /** A frame whose slot {@code k} is this frame's slot {@code map[k]}; arrays are shared, not copied. */
    public Frame project(int[] map) {
        int m = map.length;
        double[][] r = new double[m][];
        long[][] l = new long[m][];
        String[][] s = new String[m][];
        String[] c = new String[m];
        for (int k = 0; k < m; k++) {
            r[k] = reals[map[k]];
            l[k] = longs[map[k]];
            s[k] = strings[map[k]];
            c[k] = stringConstants[map[k]];
        }
        return new Frame(n, r, l, s, c);
    }

    /** The real (or int, widened) value of {@code slot} for element {@code i}. */
    public double real(int slot, int i) {
        return rewritten[slot] ? rewrittenReal[slot] : reals[slot][i];
    }

    /** The int value of {@code slot} for element {@code i}. */
    public long integer(int slot, int i) {
        return rewritten[slot] ? rewrittenLong[slot] : longs[slot][i];
    }

    /** The string value of {@code slot} for element {@code i}. */
    public String string(int slot, int i) {
        String[] a = strings[slot];
        return a == null ? stringConstants[slot] : a[i];
    }

    /** A reusable scratch buffer of at least {@code size} longs (HashPRNG input words). */
    long[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new long[size];
        }
        return scratch;
    }

    boolean isRewritten(int slot) {
        return rewritten[slot];
    }

    double rewrittenReal(int slot) {
        return rewrittenReal[slot];
    }

    long rewrittenLong(int slot) {
        return rewrittenLong[slot];
    }

    void rewrite(int slot, boolean on, double real, long integer) {
        rewritten[slot] = on;
        rewrittenReal[slot] = real;
        rewrittenLong[slot] = integer;
    }
}
