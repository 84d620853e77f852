package org.crema.columnar;

import java.util.Objects;

/**
 * The run-time dispatch behind the fluent methods of {@link ListColumn}, {@link PrimitiveColumn}
 * and {@link BoolColumn}: each picks the typed kernel of {@link Masks}, {@link Arith}, {@link
 * Selection} or {@link Reductions} for the column's element type, and falls back to a widening
 * loop for types those kernels do not cover (int8, int16, int64, unsigned). Wrong types fail with
 * a message that names the operation and the type.
 *
 * <p>Scalars follow NumPy's rule for a Python number against a typed array (NEP 50): against
 * float32 values the threshold is rounded to float32 first, so {@code pt.gt(30.3)} equals {@code
 * Masks.gt(pt, 30.3f)}; against integers a whole-number threshold is compared exactly.
 */
final class Fluent {
    private Fluent() {}

    // ---------------------------------------------------------------- flat

    static BoolColumn compare(PrimitiveColumn a, Comparison op, double b) {
        return switch (a) {
            case FloatColumn f -> Masks.compare(f, op, (float) b);
            case DoubleColumn d -> Masks.compare(d, op, b);
            case IntColumn i when !i.isUnsigned() && b == Math.rint(b) && b >= Integer.MIN_VALUE
                    && b <= Integer.MAX_VALUE -> Masks.compare(i, op, (int) b);
            case BoolColumn bool -> throw new IllegalArgumentException(op.symbol() + ": cannot compare a boolean "
                    + "column with a number; use and/or/not");
            default -> Masks.compare(a, op, b);
        };
    }

    static BoolColumn hasBits(PrimitiveColumn a, long bits) {
        boolean[] out = new boolean[a.length()];
        switch (a) {
            case IntColumn i -> {
                return Masks.hasBits(i, (int) checkBits(a, bits, 0xFFFF_FFFFL));
            }
            case ByteColumn b -> {
                checkBits(a, bits, 0xFFL);
                byte[] v = b.array();
                for (int k = 0; k < out.length; k++) {
                    out[k] = (v[b.offset() + k] & bits) == bits;
                }
            }
            case ShortColumn s -> {
                checkBits(a, bits, 0xFFFFL);
                short[] v = s.array();
                for (int k = 0; k < out.length; k++) {
                    out[k] = (v[s.offset() + k] & bits) == bits;
                }
            }
            case LongColumn l -> {
                long[] v = l.array();
                for (int k = 0; k < out.length; k++) {
                    out[k] = (v[l.offset() + k] & bits) == bits;
                }
            }
            default -> throw new IllegalArgumentException("hasBits: needs an integer column (int8 to int64, signed "
                    + "or unsigned), got " + a.elementType());
        }
        return BoolColumn.of(out);
    }

    private static long checkBits(PrimitiveColumn a, long bits, long allowed) {
        if ((bits & ~allowed) != 0) {
            throw new IllegalArgumentException("hasBits: bits 0x" + Long.toHexString(bits) + " do not fit in a "
                    + a.elementType() + " column");
        }
        return bits;
    }

    static IntColumn toInt(PrimitiveColumn a) {
        if (a instanceof IntColumn i && !i.isUnsigned()) {
            return i;
        }
        if (a.elementType().isFloatingPoint() || a.elementType() == ElementType.BOOL) {
            throw new IllegalArgumentException("toInt: needs an integer column, got " + a.elementType()
                    + " (round or compare floating-point values explicitly)");
        }
        int[] out = new int[a.length()];
        for (int k = 0; k < out.length; k++) {
            long v = a.getLong(k);
            if (v != (int) v) {
                throw new IllegalArgumentException("toInt: value " + Long.toUnsignedString(v) + " at entry " + k
                        + " of a " + a.elementType() + " column does not fit in 32 bits");
            }
            out[k] = (int) v;
        }
        return IntColumn.of(out);
    }

    static LongColumn toLong(PrimitiveColumn a) {
        if (a instanceof LongColumn l) {
            return l;
        }
        if (a.elementType().isFloatingPoint() || a.elementType() == ElementType.BOOL) {
            throw new IllegalArgumentException("toLong: needs an integer column, got " + a.elementType()
                    + " (round or compare floating-point values explicitly)");
        }
        long[] out = new long[a.length()];
        for (int k = 0; k < out.length; k++) {
            out[k] = a.getLong(k);
        }
        return LongColumn.of(out);
    }

    static DoubleColumn toDouble(PrimitiveColumn a) {
        return a instanceof DoubleColumn d ? d : Arith.toDouble(a);
    }

    static FloatColumn toFloat(PrimitiveColumn a) {
        return a instanceof FloatColumn f ? f : Arith.toFloat(a);
    }

    /** Element-wise arithmetic with a scalar, keeping float, double or int values. */
    @SuppressWarnings("unchecked")
    static <C extends PrimitiveColumn> C arith(String op, C a, double b) {
        Object r = switch (a) {
            case FloatColumn f -> switch (op) {
                case "add" -> Arith.add(f, (float) b);
                case "sub" -> Arith.sub(f, (float) b);
                case "mul" -> Arith.mul(f, (float) b);
                default -> Arith.div(f, (float) b);
            };
            case DoubleColumn d -> switch (op) {
                case "add" -> Arith.add(d, b);
                case "sub" -> Arith.sub(d, b);
                case "mul" -> Arith.mul(d, b);
                default -> Arith.div(d, b);
            };
            case IntColumn i when !i.isUnsigned() && b == Math.rint(b) && !op.equals("div") -> switch (op) {
                case "add" -> Arith.add(i, (int) b);
                case "sub" -> Arith.sub(i, (int) b);
                default -> Arith.mul(i, (int) b);
            };
            default -> throw new IllegalArgumentException(op + ": needs float, double or int values (and a whole "
                    + "number and no division for int), got " + a.elementType() + " and " + b
                    + "; convert with toDouble() first");
        };
        return (C) r;
    }

    @SuppressWarnings("unchecked")
    static <C extends PrimitiveColumn> C abs(C a) {
        Object r = switch (a) {
            case FloatColumn f -> Arith.abs(f);
            case DoubleColumn d -> Arith.abs(d);
            case IntColumn i when !i.isUnsigned() -> Arith.abs(i);
            default -> throw new IllegalArgumentException("abs: needs float, double or signed int values, got "
                    + a.elementType());
        };
        return (C) r;
    }

    // ---------------------------------------------------------------- jagged

    static PrimitiveColumn primitive(String what, ListColumn<?> lists) {
        if (!(lists.content() instanceof PrimitiveColumn)) {
            throw new IllegalArgumentException(what + ": needs lists of numbers, got lists of "
                    + lists.content().getClass().getSimpleName());
        }
        return (PrimitiveColumn) Jagged.flat(lists);
    }

    @SuppressWarnings("unchecked")
    static ListColumn<BoolColumn> bools(String what, ListColumn<?> lists) {
        if (!(lists.content() instanceof BoolColumn)) {
            throw new IllegalArgumentException(what + ": needs lists of booleans, got lists of "
                    + (lists.content() instanceof PrimitiveColumn p ? p.elementType()
                            : lists.content().getClass().getSimpleName()));
        }
        return (ListColumn<BoolColumn>) lists;
    }

    /** @return the first {@code k} elements of each list (fewer where a list is shorter); a copy */
    static <C extends Column> ListColumn<C> first(ListColumn<C> lists, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("first: k must be >= 0, got " + k);
        }
        int n = lists.length();
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        boolean[] keep = new boolean[lists.totalCount()];
        int base = off[from];
        for (int e = 0; e < n; e++) {
            int s = off[from + e];
            int end = Math.min(off[from + e + 1], s + k);
            for (int j = s; j < end; j++) {
                keep[j - base] = true;
            }
        }
        return Selection.filter(lists, Jagged.sameLists(lists, BoolColumn.of(keep)));
    }

    /** @return the {@code k}-th element of each list, {@code missing} (converted) where it has none */
    @SuppressWarnings("unchecked")
    static <C extends Column> C at(ListColumn<C> lists, int k, double missing) {
        if (k < 0) {
            throw new IllegalArgumentException("at: k must be >= 0, got " + k);
        }
        Object r = switch (lists.content()) {
            case FloatColumn f -> Selection.kth((ListColumn<FloatColumn>) lists, k, (float) missing);
            case DoubleColumn d -> Selection.kth((ListColumn<DoubleColumn>) lists, k, missing);
            case IntColumn i when !i.isUnsigned() && missing == Math.rint(missing) ->
                Selection.kth((ListColumn<IntColumn>) lists, k, (int) missing);
            case BoolColumn b -> {
                boolean[] out = new boolean[lists.length()];
                for (int e = 0; e < out.length; e++) {
                    out[e] = lists.count(e) > k ? b.get(lists.start(e) + k) : missing != 0;
                }
                yield BoolColumn.of(out);
            }
            default -> throw new IllegalArgumentException("at: needs lists of float, double, int or bool, got "
                    + describe(lists) + (lists.content() instanceof PrimitiveColumn
                            ? "; convert with toDouble() or toInt() first" : ""));
        };
        return (C) r;
    }

    static String describe(ListColumn<?> lists) {
        return lists.content() instanceof PrimitiveColumn p ? p.elementType().name()
                : lists.content().getClass().getSimpleName();
    }

    /** Per-event maximum (or minimum) of any numeric lists, NaN (float, double) for empty lists. */
    @SuppressWarnings("unchecked")
    static <C extends Column> C extremum(ListColumn<C> lists, boolean max) {
        switch (lists.content()) {
            case FloatColumn f -> {
                ListColumn<FloatColumn> l = (ListColumn<FloatColumn>) lists;
                return (C) (max ? Reductions.max(l, Float.NaN) : Reductions.min(l, Float.NaN));
            }
            case DoubleColumn d -> {
                double[] out = new double[lists.length()];
                for (int e = 0; e < out.length; e++) {
                    double m = Double.NaN;
                    for (int j = lists.start(e); j < lists.end(e); j++) {
                        double v = d.get(j);
                        m = Double.isNaN(m) || (max ? v > m : v < m) ? v : m;
                    }
                    out[e] = m;
                }
                return (C) DoubleColumn.of(out);
            }
            case IntColumn i when !i.isUnsigned() -> {
                // empty lists have no extremum: 0, as ak.max(..., initial=0) would give
                return (C) Selection.pick((ListColumn<IntColumn>) lists, argExtremum(lists, max), 0);
            }
            default -> throw new IllegalArgumentException((max ? "max" : "min") + ": needs float, double or signed "
                    + "int lists, got " + describe(lists) + "; convert with toDouble() first");
        }
    }

    /** Per-event position of the largest (smallest) value, −1 for empty lists; first one wins ties. */
    @SuppressWarnings("unchecked")
    static IntColumn argExtremum(ListColumn<?> lists, boolean max) {
        if (lists.content() instanceof FloatColumn) {
            ListColumn<FloatColumn> l = (ListColumn<FloatColumn>) lists;
            return max ? Reductions.argmax(l) : Reductions.argmin(l);
        }
        PrimitiveColumn c = primitive(max ? "argmax" : "argmin", lists);
        if (c instanceof BoolColumn) {
            throw new IllegalArgumentException((max ? "argmax" : "argmin") + ": needs numeric lists, got BOOL");
        }
        int base = lists.offsets()[lists.offsetsFrom()];
        int[] out = new int[lists.length()];
        for (int e = 0; e < out.length; e++) {
            int best = -1;
            double bv = 0;
            for (int j = lists.start(e); j < lists.end(e); j++) {
                double v = c.getDouble(j - base);
                if (Double.isNaN(v)) {
                    continue;
                }
                if (best < 0 || (max ? v > bv : v < bv)) {
                    best = j - lists.start(e);
                    bv = v;
                }
            }
            out[e] = best;
        }
        return IntColumn.of(out);
    }

    // ---------------------------------------------------------------- where, mask, constants

    @SuppressWarnings("unchecked")
    static <C extends PrimitiveColumn> C where(BoolColumn cond, C a, C b) {
        int n = cond.length();
        Jagged.checkSameLength("where", n, a.length());
        Jagged.checkSameLength("where", n, b.length());
        Object r = switch (a) {
            case FloatColumn f when b instanceof FloatColumn g -> {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = cond.get(i) ? f.get(i) : g.get(i);
                }
                yield FloatColumn.of(out);
            }
            case DoubleColumn f when b instanceof DoubleColumn g -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = cond.get(i) ? f.get(i) : g.get(i);
                }
                yield DoubleColumn.of(out);
            }
            case IntColumn f when b instanceof IntColumn g && f.isUnsigned() == g.isUnsigned() -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = cond.get(i) ? f.get(i) : g.get(i);
                }
                yield f.isUnsigned() ? IntColumn.ofUnsigned(out) : IntColumn.of(out);
            }
            case LongColumn f when b instanceof LongColumn g && f.isUnsigned() == g.isUnsigned() -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = cond.get(i) ? f.get(i) : g.get(i);
                }
                yield f.isUnsigned() ? LongColumn.ofUnsigned(out) : LongColumn.of(out);
            }
            case BoolColumn f when b instanceof BoolColumn g -> {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = cond.get(i) ? f.get(i) : g.get(i);
                }
                yield BoolColumn.of(out);
            }
            default -> throw new IllegalArgumentException("where: both branches must have the same type (float, "
                    + "double, int, long or bool), got " + a.elementType() + " and " + b.elementType());
        };
        return (C) r;
    }

    static <C extends PrimitiveColumn> C mask(C values, BoolColumn keep) {
        Objects.requireNonNull(values, "values");
        Jagged.checkSameLength("mask", values.length(), keep.length());
        PrimitiveColumn missing = switch (values) {
            case FloatColumn f -> constant(values.length(), Float.NaN);
            case DoubleColumn d -> constant(values.length(), Double.NaN);
            default -> throw new IllegalArgumentException("mask: needs float or double values (masked entries "
                    + "become NaN, which histograms skip), got " + values.elementType()
                    + "; convert with toDouble() first");
        };
        @SuppressWarnings("unchecked")
        C m = (C) missing;
        return where(keep, values, m);
    }

    static FloatColumn constant(int length, float value) {
        checkLength(length);
        float[] out = new float[length];
        java.util.Arrays.fill(out, value);
        return FloatColumn.of(out);
    }

    static DoubleColumn constant(int length, double value) {
        checkLength(length);
        double[] out = new double[length];
        java.util.Arrays.fill(out, value);
        return DoubleColumn.of(out);
    }

    static IntColumn constant(int length, int value) {
        checkLength(length);
        int[] out = new int[length];
        java.util.Arrays.fill(out, value);
        return IntColumn.of(out);
    }

    private static void checkLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("constant: length must be >= 0, got " + length);
        }
    }
}
