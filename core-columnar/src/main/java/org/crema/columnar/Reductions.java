package org.crema.columnar;

import org.crema.columnar.internal.KernelProvider;
import org.crema.columnar.internal.Kernels;

/**
 * Reductions: whole-column sums and per-event reductions of jagged columns (one result per event).
 *
 * <p>Element types: {@code argmax}/{@code argmin}, {@code max}/{@code min} and {@code mean} take
 * lists of float, double and every integer type (int, long, short, byte, signed or unsigned:
 * unsigned values compare as unsigned); {@code sum} takes float, double, int and long lists. Any
 * other content (booleans, nested lists, records) is refused with an {@link
 * IllegalArgumentException} that names the operation and the element type.
 *
 * <p>Results for an empty list: {@code sum} 0, {@code prod} 1, {@code count} 0, {@code any}
 * false, {@code all} true, {@code mean} NaN, {@code argmin}/{@code argmax} −1, and {@code min}/{@code
 * max} the caller's default (NaN when not given; integer lists have no NaN, so they need the
 * default). Float sums and products are accumulated in double and rounded to float once; integer
 * sums are exact and throw on overflow. Floating-point {@code min}/{@code max} follow {@link
 * Math#min}/{@link Math#max}: a NaN element makes the result NaN; {@code argmin}/{@code argmax} skip
 * NaN elements. Ties resolve to the first element ({@code argmax} of [3, 5, 5] is 1; −0.0 and +0.0
 * are equal there), and an all-NaN list gives −1.
 *
 * <p>Every method returns a new column.
 */
public final class Reductions {
    private static final Kernels K = KernelProvider.KERNELS;

    private Reductions() {}

    // ---------------------------------------------------------------- flat

    /**
     * @param a left operand (or the values)
     * @return the sum of all values, accumulated in double (0 for an empty column)
     */
    public static double sum(FloatColumn a) {
        return K.sum(a.array(), a.offset(), a.length());
    }

    /**
     * @param a left operand (or the values)
     * @return the sum of all values (0 for an empty column)
     */
    public static double sum(DoubleColumn a) {
        return K.sum(a.array(), a.offset(), a.length());
    }

    /**
     * The sum of the values whose mask entry is true, accumulated in double; values under a false
     * entry never contribute, even if NaN.
     *
     * @param a values
     * @param mask selection, same length as {@code a}
     * @return the masked sum
     */
    public static double sum(FloatColumn a, BoolColumn mask) {
        Jagged.checkSameLength("sum", a.length(), mask.length());
        return K.maskedSum(a.array(), a.offset(), mask.array(), mask.offset(), a.length());
    }

    /**
     * Masked sum of doubles; see {@link #sum(FloatColumn, BoolColumn)}.
     *
     * @param a left operand (or the values)
     * @param mask the mask
     * @return the result
     */
    public static double sum(DoubleColumn a, BoolColumn mask) {
        Jagged.checkSameLength("sum", a.length(), mask.length());
        return K.maskedSum(a.array(), a.offset(), mask.array(), mask.offset(), a.length());
    }

    // ---------------------------------------------------------------- per event, numeric

    /**
     * Per-event sum (e.g. HT from jet pt). Float lists give a {@link FloatColumn} (accumulated in
     * double, rounded once), double lists a {@link DoubleColumn}, int and long lists an exact sum of
     * the same type and signedness (overflow throws).
     *
     * @param lists per-event lists of float, double, int or long
     * @param <C> content type
     * @return one sum per event, 0 for an empty list
     * @throws IllegalArgumentException for other element types, naming the type
     * @throws ArithmeticException if an integer sum overflows
     */
    @SuppressWarnings("unchecked")
    public static <C extends PrimitiveColumn> C sum(ListColumn<C> lists) {
        int n = lists.length();
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        return (C) switch (content(lists)) {
            case FloatColumn f -> {
                float[] out = new float[n];
                K.segmentedSum(f.array(), f.offset(), off, from, n, out);
                yield FloatColumn.of(out);
            }
            case DoubleColumn d -> {
                double[] out = new double[n];
                double[] v = d.array();
                for (int e = 0; e < n; e++) {
                    double s = 0;
                    for (int j = d.offset() + off[from + e]; j < d.offset() + off[from + e + 1]; j++) {
                        s += v[j];
                    }
                    out[e] = s;
                }
                yield DoubleColumn.of(out);
            }
            case IntColumn c -> {
                int[] out = new int[n];
                int[] v = c.array();
                for (int e = 0; e < n; e++) {
                    long s = 0;
                    for (int j = c.offset() + off[from + e]; j < c.offset() + off[from + e + 1]; j++) {
                        s += c.isUnsigned() ? Integer.toUnsignedLong(v[j]) : v[j];
                    }
                    // an unsigned sum fits while it stays below 2^32
                    out[e] = c.isUnsigned() ? (int) checkUnsigned32(s, e) : Math.toIntExact(s);
                }
                yield c.isUnsigned() ? IntColumn.ofUnsigned(out) : IntColumn.of(out);
            }
            case LongColumn c -> {
                long[] out = new long[n];
                long[] v = c.array();
                for (int e = 0; e < n; e++) {
                    long s = 0;
                    for (int j = c.offset() + off[from + e]; j < c.offset() + off[from + e + 1]; j++) {
                        if (c.isUnsigned()) {
                            long t = s + v[j];
                            if (Long.compareUnsigned(t, s) < 0) {
                                throw new ArithmeticException("sum: unsigned long overflow in entry " + e);
                            }
                            s = t;
                        } else {
                            s = Math.addExact(s, v[j]);
                        }
                    }
                    out[e] = s;
                }
                yield c.isUnsigned() ? LongColumn.ofUnsigned(out) : LongColumn.of(out);
            }
            default -> throw unsupported("sum", lists, "float, double, int or long");
        };
    }

    private static long checkUnsigned32(long s, int entry) {
        if (s >>> 32 != 0) {
            throw new ArithmeticException("sum: unsigned int overflow in entry " + entry + ": " + s);
        }
        return s;
    }

    /** The content without the compiler's cast to the declared type, so a wrong type reaches our message. */
    private static Column content(ListColumn<?> lists) {
        return lists.content();
    }

    private static String typeName(Column c) {
        return c instanceof PrimitiveColumn p ? p.elementType().name() : c.getClass().getSimpleName();
    }

    private static IllegalArgumentException unsupported(String what, ListColumn<?> lists, String supported) {
        return new IllegalArgumentException(what + ": lists must hold " + supported + " values, got "
                + typeName(content(lists)));
    }

    private static final String NUMBERS = "float, double or integer";

    /**
     * Per-event product, accumulated in double (e.g. a product of per-object scale factors).
     *
     * @param lists per-event float lists
     * @return one product per event, 1 for an empty list
     */
    public static FloatColumn prod(ListColumn<FloatColumn> lists) {
        if (!(content(lists) instanceof FloatColumn c)) {
            throw unsupported("prod", lists, "float");
        }
        float[] v = c.array();
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        float[] out = new float[lists.length()];
        for (int e = 0; e < out.length; e++) {
            double p = 1;
            for (int j = c.offset() + off[from + e]; j < c.offset() + off[from + e + 1]; j++) {
                p *= v[j];
            }
            out[e] = (float) p;
        }
        return FloatColumn.of(out);
    }

    // ---------------------------------------------------------------- max / min

    /**
     * Per-event maximum of float lists ({@link Math#max}: a NaN element gives NaN).
     *
     * @param lists per-event float lists
     * @param empty result for an empty list
     * @return one value per event
     */
    public static FloatColumn max(ListColumn<FloatColumn> lists, float empty) {
        if (!(content(lists) instanceof FloatColumn c)) {
            throw unsupported("max", lists, "float");
        }
        float[] out = new float[lists.length()];
        K.segmentedMax(c.array(), c.offset(), lists.offsets(), lists.offsetsFrom(), out.length, empty, out);
        return FloatColumn.of(out);
    }

    /**
     * Per-event minimum of float lists ({@link Math#min}: a NaN element gives NaN).
     *
     * @param lists per-event float lists
     * @param empty result for an empty list
     * @return one value per event
     */
    public static FloatColumn min(ListColumn<FloatColumn> lists, float empty) {
        if (!(content(lists) instanceof FloatColumn c)) {
            throw unsupported("min", lists, "float");
        }
        float[] out = new float[lists.length()];
        K.segmentedMin(c.array(), c.offset(), lists.offsets(), lists.offsetsFrom(), out.length, empty, out);
        return FloatColumn.of(out);
    }

    /**
     * Per-event maximum of double lists ({@link Math#max}: a NaN element gives NaN).
     *
     * @param lists per-event double lists
     * @param empty result for an empty list
     * @return one value per event
     */
    public static DoubleColumn max(ListColumn<DoubleColumn> lists, double empty) {
        return extremeDouble("max", lists, true, empty);
    }

    /**
     * Per-event minimum of double lists ({@link Math#min}: a NaN element gives NaN).
     *
     * @param lists per-event double lists
     * @param empty result for an empty list
     * @return one value per event
     */
    public static DoubleColumn min(ListColumn<DoubleColumn> lists, double empty) {
        return extremeDouble("min", lists, false, empty);
    }

    private static DoubleColumn extremeDouble(String what, ListColumn<DoubleColumn> lists, boolean wantMax, double empty) {
        if (!(content(lists) instanceof DoubleColumn c)) {
            throw unsupported(what, lists, "double");
        }
        double[] v = c.array();
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        double[] out = new double[lists.length()];
        for (int e = 0; e < out.length; e++) {
            int s = c.offset() + off[from + e];
            int t = c.offset() + off[from + e + 1];
            if (s == t) {
                out[e] = empty;
                continue;
            }
            double m = v[s];
            for (int j = s + 1; j < t; j++) {
                m = wantMax ? Math.max(m, v[j]) : Math.min(m, v[j]);
            }
            out[e] = m;
        }
        return DoubleColumn.of(out);
    }

    /**
     * Per-event maximum of int lists (unsigned lists compare as unsigned).
     *
     * @param lists per-event int lists
     * @param empty result for an empty list
     * @return one value per event, same signedness as the lists
     */
    public static IntColumn max(ListColumn<IntColumn> lists, int empty) {
        return extremeInt("max", lists, true, empty);
    }

    /**
     * Per-event minimum of int lists (unsigned lists compare as unsigned).
     *
     * @param lists per-event int lists
     * @param empty result for an empty list
     * @return one value per event, same signedness as the lists
     */
    public static IntColumn min(ListColumn<IntColumn> lists, int empty) {
        return extremeInt("min", lists, false, empty);
    }

    private static IntColumn extremeInt(String what, ListColumn<IntColumn> lists, boolean wantMax, int empty) {
        if (!(content(lists) instanceof IntColumn c)) {
            throw unsupported(what, lists, "int");
        }
        int[] arg = argIntegers(lists, wantMax);
        int[] out = new int[arg.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = arg[e] < 0 ? empty : c.array()[c.offset() + lists.start(e) + arg[e]];
        }
        return c.isUnsigned() ? IntColumn.ofUnsigned(out) : IntColumn.of(out);
    }

    /**
     * Per-event maximum of long lists (unsigned lists compare as unsigned).
     *
     * @param lists per-event long lists
     * @param empty result for an empty list
     * @return one value per event, same signedness as the lists
     */
    public static LongColumn max(ListColumn<LongColumn> lists, long empty) {
        return extremeLong("max", lists, true, empty);
    }

    /**
     * Per-event minimum of long lists (unsigned lists compare as unsigned).
     *
     * @param lists per-event long lists
     * @param empty result for an empty list
     * @return one value per event, same signedness as the lists
     */
    public static LongColumn min(ListColumn<LongColumn> lists, long empty) {
        return extremeLong("min", lists, false, empty);
    }

    private static LongColumn extremeLong(String what, ListColumn<LongColumn> lists, boolean wantMax, long empty) {
        if (!(content(lists) instanceof LongColumn c)) {
            throw unsupported(what, lists, "long");
        }
        int[] arg = argIntegers(lists, wantMax);
        long[] out = new long[arg.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = arg[e] < 0 ? empty : c.array()[c.offset() + lists.start(e) + arg[e]];
        }
        return c.isUnsigned() ? LongColumn.ofUnsigned(out) : LongColumn.of(out);
    }

    /**
     * Per-event maximum of short lists (unsigned lists compare as unsigned).
     *
     * @param lists per-event short lists
     * @param empty result for an empty list
     * @return one value per event, same signedness as the lists
     */
    public static ShortColumn max(ListColumn<ShortColumn> lists, short empty) {
        return extremeShort("max", lists, true, empty);
    }

    /**
     * Per-event minimum of short lists (unsigned lists compare as unsigned).
     *
     * @param lists per-event short lists
     * @param empty result for an empty list
     * @return one value per event, same signedness as the lists
     */
    public static ShortColumn min(ListColumn<ShortColumn> lists, short empty) {
        return extremeShort("min", lists, false, empty);
    }

    private static ShortColumn extremeShort(String what, ListColumn<ShortColumn> lists, boolean wantMax, short empty) {
        if (!(content(lists) instanceof ShortColumn c)) {
            throw unsupported(what, lists, "short");
        }
        int[] arg = argIntegers(lists, wantMax);
        short[] out = new short[arg.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = arg[e] < 0 ? empty : c.array()[c.offset() + lists.start(e) + arg[e]];
        }
        return c.isUnsigned() ? ShortColumn.ofUnsigned(out) : ShortColumn.of(out);
    }

    /**
     * Per-event maximum of byte lists (unsigned lists compare as unsigned).
     *
     * @param lists per-event byte lists
     * @param empty result for an empty list
     * @return one value per event, same signedness as the lists
     */
    public static ByteColumn max(ListColumn<ByteColumn> lists, byte empty) {
        return extremeByte("max", lists, true, empty);
    }

    /**
     * Per-event minimum of byte lists (unsigned lists compare as unsigned).
     *
     * @param lists per-event byte lists
     * @param empty result for an empty list
     * @return one value per event, same signedness as the lists
     */
    public static ByteColumn min(ListColumn<ByteColumn> lists, byte empty) {
        return extremeByte("min", lists, false, empty);
    }

    private static ByteColumn extremeByte(String what, ListColumn<ByteColumn> lists, boolean wantMax, byte empty) {
        if (!(content(lists) instanceof ByteColumn c)) {
            throw unsupported(what, lists, "byte");
        }
        int[] arg = argIntegers(lists, wantMax);
        byte[] out = new byte[arg.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = arg[e] < 0 ? empty : c.array()[c.offset() + lists.start(e) + arg[e]];
        }
        return c.isUnsigned() ? ByteColumn.ofUnsigned(out) : ByteColumn.of(out);
    }

    /**
     * Per-event maximum with NaN for empty lists, for float and double lists (the result has the
     * lists' type). Integer lists have no NaN: use the overload that takes the value for empty lists.
     *
     * @param lists per-event float or double lists
     * @param <C> content type
     * @return one value per event
     * @throws IllegalArgumentException for other element types, naming the type
     */
    @SuppressWarnings("unchecked")
    public static <C extends PrimitiveColumn> C max(ListColumn<C> lists) {
        return (C) switch (content(lists)) {
            case FloatColumn f -> max((ListColumn<FloatColumn>) (ListColumn<?>) lists, Float.NaN);
            case DoubleColumn d -> max((ListColumn<DoubleColumn>) (ListColumn<?>) lists, Double.NaN);
            default -> throw noNaN("max", lists);
        };
    }

    /**
     * Per-event minimum with NaN for empty lists; see {@link #max(ListColumn)}.
     *
     * @param lists per-event float or double lists
     * @param <C> content type
     * @return one value per event
     * @throws IllegalArgumentException for other element types, naming the type
     */
    @SuppressWarnings("unchecked")
    public static <C extends PrimitiveColumn> C min(ListColumn<C> lists) {
        return (C) switch (content(lists)) {
            case FloatColumn f -> min((ListColumn<FloatColumn>) (ListColumn<?>) lists, Float.NaN);
            case DoubleColumn d -> min((ListColumn<DoubleColumn>) (ListColumn<?>) lists, Double.NaN);
            default -> throw noNaN("min", lists);
        };
    }

    private static IllegalArgumentException noNaN(String what, ListColumn<?> lists) {
        Column c = content(lists);
        if (c instanceof PrimitiveColumn p && p.elementType() != ElementType.BOOL) {
            return new IllegalArgumentException(what + ": lists of " + p.elementType()
                    + " have no NaN for empty lists; pass the value for empty lists, e.g. " + what + "(lists, -1)");
        }
        return unsupported(what, lists, NUMBERS);
    }

    // ---------------------------------------------------------------- mean

    /**
     * Per-event mean in double, of float, double or integer lists (unsigned read as unsigned).
     *
     * @param lists per-event numeric lists
     * @return one mean per event, NaN for an empty list
     * @throws IllegalArgumentException for other element types, naming the type
     */
    public static DoubleColumn mean(ListColumn<? extends Column> lists) {
        Column c = content(lists);
        if (!(c instanceof PrimitiveColumn p) || p.elementType() == ElementType.BOOL) {
            throw unsupported("mean", lists, NUMBERS);
        }
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        double[] out = new double[lists.length()];
        for (int e = 0; e < out.length; e++) {
            int s = off[from + e];
            int t = off[from + e + 1];
            double sum = 0;
            if (p instanceof FloatColumn f) {
                float[] v = f.array();
                for (int j = f.offset() + s; j < f.offset() + t; j++) {
                    sum += v[j];
                }
            } else {
                for (int j = s; j < t; j++) {
                    sum += p.getDouble(j);
                }
            }
            out[e] = s == t ? Double.NaN : sum / (t - s);
        }
        return DoubleColumn.of(out);
    }

    // ---------------------------------------------------------------- argmax / argmin

    /** Local index of the extreme integer per event (first on ties), −1 for an empty list. */
    private static int[] argIntegers(ListColumn<?> lists, boolean wantMax) {
        Column col = content(lists);
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        int[] out = new int[lists.length()];
        for (int e = 0; e < out.length; e++) {
            int s = off[from + e];
            int t = off[from + e + 1];
            int best = -1;
            // every type compares as a long key; unsigned types are widened as unsigned, and for
            // unsigned long the sign bit is flipped so that signed order is unsigned order
            long bestKey = 0;
            for (int j = s; j < t; j++) {
                long k = switch (col) {
                    case IntColumn c -> c.isUnsigned() ? Integer.toUnsignedLong(c.array()[c.offset() + j]) : c.array()[c.offset() + j];
                    case LongColumn c -> c.isUnsigned() ? c.array()[c.offset() + j] ^ Long.MIN_VALUE : c.array()[c.offset() + j];
                    case ShortColumn c -> c.isUnsigned() ? Short.toUnsignedInt(c.array()[c.offset() + j]) : c.array()[c.offset() + j];
                    case ByteColumn c -> c.isUnsigned() ? Byte.toUnsignedInt(c.array()[c.offset() + j]) : c.array()[c.offset() + j];
                    default -> throw new IllegalStateException("not an integer column: " + typeName(col));
                };
                if (best < 0 || (wantMax ? k > bestKey : k < bestKey)) {
                    best = j - s;
                    bestKey = k;
                }
            }
            out[e] = best;
        }
        return out;
    }

    private static IntColumn arg(String what, ListColumn<?> lists, boolean wantMax) {
        Column col = content(lists);
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        int[] out = new int[lists.length()];
        switch (col) {
            case FloatColumn c -> {
                float[] v = c.array();
                for (int e = 0; e < out.length; e++) {
                    int s = c.offset() + off[from + e];
                    int t = c.offset() + off[from + e + 1];
                    int best = -1;
                    float bestValue = 0;
                    for (int j = s; j < t; j++) {
                        float x = v[j];
                        // x == x skips NaN; strict comparison keeps the first of equal values
                        if (x == x && (best < 0 || (wantMax ? x > bestValue : x < bestValue))) {
                            best = j - s;
                            bestValue = x;
                        }
                    }
                    out[e] = best;
                }
            }
            case DoubleColumn c -> {
                double[] v = c.array();
                for (int e = 0; e < out.length; e++) {
                    int s = c.offset() + off[from + e];
                    int t = c.offset() + off[from + e + 1];
                    int best = -1;
                    double bestValue = 0;
                    for (int j = s; j < t; j++) {
                        double x = v[j];
                        if (x == x && (best < 0 || (wantMax ? x > bestValue : x < bestValue))) {
                            best = j - s;
                            bestValue = x;
                        }
                    }
                    out[e] = best;
                }
            }
            case IntColumn c -> out = argIntegers(lists, wantMax);
            case LongColumn c -> out = argIntegers(lists, wantMax);
            case ShortColumn c -> out = argIntegers(lists, wantMax);
            case ByteColumn c -> out = argIntegers(lists, wantMax);
            default -> throw unsupported(what, lists, NUMBERS);
        }
        return IntColumn.of(out);
    }

    /**
     * Per-event local index of the largest element (first on ties, NaN skipped); combine with
     * {@link Selection#pick} to fetch other fields of that object, or use it over combinations for
     * "the trijet with the largest pt". Takes float, double and integer lists of any width and
     * signedness.
     *
     * @param lists per-event numeric lists
     * @return one local index per event, −1 for an empty or all-NaN list
     * @throws IllegalArgumentException for other element types, naming the type
     */
    public static IntColumn argmax(ListColumn<? extends Column> lists) {
        return arg("argmax", lists, true);
    }

    /**
     * @param lists per-event numeric lists
     * @return per-event local index of the smallest element; see {@link #argmax}
     */
    public static IntColumn argmin(ListColumn<? extends Column> lists) {
        return arg("argmin", lists, false);
    }

    // ---------------------------------------------------------------- per event, masks

    /**
     * @param mask object-level mask
     * @return per event, the number of true elements (e.g. the number of selected jets)
     */
    public static IntColumn count(ListColumn<BoolColumn> mask) {
        BoolColumn c = mask.content();
        int[] off = mask.offsets();
        int from = mask.offsetsFrom();
        int[] out = new int[mask.length()];
        for (int e = 0; e < out.length; e++) {
            int s = off[from + e];
            out[e] = K.countTrue(c.array(), c.offset() + s, off[from + e + 1] - s);
        }
        return IntColumn.of(out);
    }

    /**
     * @param mask the mask
     * @return per event, whether any element is true (false for an empty list)
     */
    public static BoolColumn any(ListColumn<BoolColumn> mask) {
        IntColumn n = count(mask);
        boolean[] out = new boolean[n.length()];
        for (int e = 0; e < out.length; e++) {
            out[e] = n.array()[e] > 0;
        }
        return BoolColumn.of(out);
    }

    /**
     * @param mask the mask
     * @return per event, whether every element is true (true for an empty list)
     */
    public static BoolColumn all(ListColumn<BoolColumn> mask) {
        IntColumn n = count(mask);
        int[] off = mask.offsets();
        int from = mask.offsetsFrom();
        boolean[] out = new boolean[n.length()];
        for (int e = 0; e < out.length; e++) {
            out[e] = n.array()[e] == off[from + e + 1] - off[from + e];
        }
        return BoolColumn.of(out);
    }
}
