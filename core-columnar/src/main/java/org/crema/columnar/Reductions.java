package org.crema.columnar;

import org.crema.columnar.internal.KernelProvider;
import org.crema.columnar.internal.Kernels;

/**
 * Reductions: whole-column sums and per-event reductions of jagged columns (one result per event).
 *
 * <p>Results for an empty list: {@code sum} 0, {@code prod} 1, {@code count} 0, {@code any}
 * false, {@code all} true, {@code mean} NaN, {@code argmin}/{@code argmax} −1, and {@code min}/{@code
 * max} the caller's default (NaN when not given). Float sums and products are accumulated in double
 * and rounded to float once. {@code min}/{@code max} follow {@link Math#min}/{@link Math#max}: a
 * NaN element makes the result NaN; {@code argmin}/{@code argmax} skip NaN elements and return the
 * first index on ties (−1 when every element is NaN).
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
     * Per-event sum (e.g. HT from jet pt). Float lists give a {@link FloatColumn}, double lists a
     * {@link DoubleColumn}, int lists an {@link IntColumn} (exact; overflow throws).
     *
     * @param lists per-event lists of float, double or int
     * @param <C> content type
     * @return one sum per event, 0 for an empty list
     */
    @SuppressWarnings("unchecked")
    public static <C extends PrimitiveColumn> C sum(ListColumn<C> lists) {
        int n = lists.length();
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        return (C) switch (lists.content()) {
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
                    out[e] = Math.toIntExact(s);
                }
                yield c.isUnsigned() ? IntColumn.ofUnsigned(out) : IntColumn.of(out);
            }
            default -> throw unsupported("sum", lists);
        };
    }

    private static IllegalArgumentException unsupported(String what, ListColumn<?> lists) {
        String type = lists.content() instanceof PrimitiveColumn p ? p.elementType().name() : lists.content().getClass().getSimpleName();
        return new IllegalArgumentException(what + ": lists must hold float, double or int values, got " + type);
    }

    /**
     * Per-event product, accumulated in double (e.g. a product of per-object scale factors).
     *
     * @param lists per-event float lists
     * @return one product per event, 1 for an empty list
     */
    public static FloatColumn prod(ListColumn<FloatColumn> lists) {
        FloatColumn c = lists.content();
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

    /**
     * Per-event maximum.
     *
     * @param lists per-event float lists
     * @param empty result for an empty list
     * @return one value per event
     */
    public static FloatColumn max(ListColumn<FloatColumn> lists, float empty) {
        FloatColumn c = lists.content();
        float[] out = new float[lists.length()];
        K.segmentedMax(c.array(), c.offset(), lists.offsets(), lists.offsetsFrom(), out.length, empty, out);
        return FloatColumn.of(out);
    }

    /**
     * @param lists per-event lists
     * @return per-event maximum, NaN for an empty list; see {@link #max(ListColumn, float)}
     */
    public static FloatColumn max(ListColumn<FloatColumn> lists) {
        return max(lists, Float.NaN);
    }

    /**
     * Per-event minimum.
     *
     * @param lists per-event float lists
     * @param empty result for an empty list
     * @return one value per event
     */
    public static FloatColumn min(ListColumn<FloatColumn> lists, float empty) {
        FloatColumn c = lists.content();
        float[] out = new float[lists.length()];
        K.segmentedMin(c.array(), c.offset(), lists.offsets(), lists.offsetsFrom(), out.length, empty, out);
        return FloatColumn.of(out);
    }

    /**
     * @param lists per-event lists
     * @return per-event minimum, NaN for an empty list; see {@link #min(ListColumn, float)}
     */
    public static FloatColumn min(ListColumn<FloatColumn> lists) {
        return min(lists, Float.NaN);
    }

    /**
     * Per-event mean in double.
     *
     * @param lists per-event float lists
     * @return one mean per event, NaN for an empty list
     */
    public static DoubleColumn mean(ListColumn<FloatColumn> lists) {
        FloatColumn c = lists.content();
        float[] v = c.array();
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        double[] out = new double[lists.length()];
        for (int e = 0; e < out.length; e++) {
            int s = c.offset() + off[from + e];
            int t = c.offset() + off[from + e + 1];
            double sum = 0;
            for (int j = s; j < t; j++) {
                sum += v[j];
            }
            out[e] = s == t ? Double.NaN : sum / (t - s);
        }
        return DoubleColumn.of(out);
    }

    private static IntColumn arg(ListColumn<FloatColumn> lists, boolean wantMax) {
        FloatColumn c = lists.content();
        float[] v = c.array();
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        int[] out = new int[lists.length()];
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
        return IntColumn.of(out);
    }

    /**
     * Per-event local index of the largest non-NaN element (first on ties); combine with {@link
     * Selection#pick} to fetch other fields of that object, or use it over combinations for "the
     * trijet with the largest pt".
     *
     * @param lists per-event float lists
     * @return one local index per event, −1 for an empty or all-NaN list
     */
    public static IntColumn argmax(ListColumn<FloatColumn> lists) {
        return arg(lists, true);
    }

    /**
     * @param lists per-event lists
     * @return per-event local index of the smallest non-NaN element; see {@link #argmax}
     */
    public static IntColumn argmin(ListColumn<FloatColumn> lists) {
        return arg(lists, false);
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
