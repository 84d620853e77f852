package org.crema.columnar;

import java.util.Objects;
import org.crema.columnar.internal.KernelProvider;
import org.crema.columnar.internal.Kernels;
import org.crema.columnar.internal.Kernels.BoolOp;

/**
 * Masks: comparisons that turn columns into {@link BoolColumn}s, and boolean logic on masks.
 * Event-level masks are flat {@code BoolColumn}s (one value per event); object-level masks are
 * {@code ListColumn<BoolColumn>} with the same lists as the objects they select.
 *
 * <pre>{@code
 * ListColumn<BoolColumn> good = Masks.and(Masks.gt(jetPt, 30f), Masks.lt(Arith.abs(jetEta), 2.4f));
 * BoolColumn twoJets = Masks.ge(Reductions.count(good), 2);
 * }</pre>
 *
 * <p>Every method returns a new column (a copy); inputs are never modified. Floating-point
 * comparisons follow Java: any comparison with NaN is false except {@code ne}. Unsigned int columns
 * are compared as unsigned. Runs on SIMD kernels when the Vector API is available.
 */
public final class Masks {
    private static final Kernels K = KernelProvider.KERNELS;

    private Masks() {}

    // ---------------------------------------------------------------- flat against a scalar

    /**
     * @param a values
     * @param op comparison
     * @param b threshold
     * @return {@code a[i] op b} for every entry
     */
    public static BoolColumn compare(FloatColumn a, Comparison op, float b) {
        boolean[] out = new boolean[a.length()];
        K.compare(Objects.requireNonNull(op, "op"), a.array(), a.offset(), b, out, out.length);
        return BoolColumn.of(out);
    }

    /**
     * @param a values
     * @param op comparison
     * @param b threshold
     * @return {@code a[i] op b} for every entry
     */
    public static BoolColumn compare(DoubleColumn a, Comparison op, double b) {
        boolean[] out = new boolean[a.length()];
        K.compare(Objects.requireNonNull(op, "op"), a.array(), a.offset(), b, out, out.length);
        return BoolColumn.of(out);
    }

    /**
     * @param a values (signed, or unsigned if {@link IntColumn#isUnsigned()}: then {@code b} is read
     *     as unsigned too)
     * @param op comparison
     * @param b threshold
     * @return {@code a[i] op b} for every entry
     */
    public static BoolColumn compare(IntColumn a, Comparison op, int b) {
        boolean[] out = new boolean[a.length()];
        Objects.requireNonNull(op, "op");
        if (a.isUnsigned()) {
            int[] v = a.array();
            for (int i = 0; i < out.length; i++) {
                out[i] = op.test(Integer.compareUnsigned(v[a.offset() + i], b), 0);
            }
        } else {
            K.compare(op, a.array(), a.offset(), b, out, out.length);
        }
        return BoolColumn.of(out);
    }

    /**
     * Comparison of any flat column against a double threshold, for column types without their own
     * overload (int8, int16, int64, bool, …). Values are widened with {@link
     * PrimitiveColumn#getDouble(int)} (unsigned-aware), so this is slower than the typed overloads.
     *
     * @param a values
     * @param op comparison
     * @param b threshold
     * @return {@code a[i] op b} for every entry
     */
    public static BoolColumn compare(PrimitiveColumn a, Comparison op, double b) {
        Objects.requireNonNull(op, "op");
        switch (a) {
            case FloatColumn f when (double) (float) b == b -> {
                return compare(f, op, (float) b);
            }
            case DoubleColumn d -> {
                return compare(d, op, b);
            }
            default -> {
                boolean[] out = new boolean[a.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = op.test(a.getDouble(i), b);
                }
                return BoolColumn.of(out);
            }
        }
    }

    // ---------------------------------------------------------------- flat element-wise

    /**
     * @param a left operands
     * @param op comparison
     * @param b right operands, same length as {@code a}
     * @return {@code a[i] op b[i]}
     */
    public static BoolColumn compare(FloatColumn a, Comparison op, FloatColumn b) {
        Jagged.checkSameLength("compare", a.length(), b.length());
        boolean[] out = new boolean[a.length()];
        K.compare(Objects.requireNonNull(op, "op"), a.array(), a.offset(), b.array(), b.offset(), out, out.length);
        return BoolColumn.of(out);
    }

    /**
     * @param a left operands
     * @param op comparison
     * @param b right operands, same length as {@code a}
     * @return {@code a[i] op b[i]}
     */
    public static BoolColumn compare(DoubleColumn a, Comparison op, DoubleColumn b) {
        Jagged.checkSameLength("compare", a.length(), b.length());
        boolean[] out = new boolean[a.length()];
        K.compare(Objects.requireNonNull(op, "op"), a.array(), a.offset(), b.array(), b.offset(), out, out.length);
        return BoolColumn.of(out);
    }

    /**
     * @param a left operands (signed)
     * @param op comparison
     * @param b right operands, same length as {@code a}
     * @return {@code a[i] op b[i]}
     */
    public static BoolColumn compare(IntColumn a, Comparison op, IntColumn b) {
        Jagged.checkSameLength("compare", a.length(), b.length());
        if (a.isUnsigned() || b.isUnsigned()) {
            throw new IllegalArgumentException("compare: element-wise comparison needs signed int columns, got unsigned="
                    + a.isUnsigned() + " and unsigned=" + b.isUnsigned());
        }
        boolean[] out = new boolean[a.length()];
        K.compare(Objects.requireNonNull(op, "op"), a.array(), a.offset(), b.array(), b.offset(), out, out.length);
        return BoolColumn.of(out);
    }

    /**
     * Inclusive range test, like SQL {@code BETWEEN}: {@code lo <= a[i] && a[i] <= hi} (false for NaN).
     *
     * @param a values
     * @param lo lower bound, inclusive
     * @param hi upper bound, inclusive
     * @return the mask
     */
    public static BoolColumn between(FloatColumn a, float lo, float hi) {
        boolean[] out = new boolean[a.length()];
        K.between(a.array(), a.offset(), lo, hi, out, out.length);
        return BoolColumn.of(out);
    }

    /**
     * Inclusive range test; see {@link #between(FloatColumn, float, float)}.
     *
     * @param a left operand (or the values)
     * @param lo lower bound, inclusive
     * @param hi upper bound, inclusive
     * @return the result
     */
    public static BoolColumn between(DoubleColumn a, double lo, double hi) {
        boolean[] out = new boolean[a.length()];
        K.between(a.array(), a.offset(), lo, hi, out, out.length);
        return BoolColumn.of(out);
    }

    /**
     * Inclusive range test on signed ints; see {@link #between(FloatColumn, float, float)}.
     *
     * @param a left operand (or the values)
     * @param lo lower bound, inclusive
     * @param hi upper bound, inclusive
     * @return the result
     */
    public static BoolColumn between(IntColumn a, int lo, int hi) {
        if (a.isUnsigned()) {
            return and(compare(a, Comparison.GE, lo), compare(a, Comparison.LE, hi));
        }
        boolean[] out = new boolean[a.length()];
        K.between(a.array(), a.offset(), lo, hi, out, out.length);
        return BoolColumn.of(out);
    }

    // ---------------------------------------------------------------- jagged

    /**
     * Object-level comparison against a scalar.
     *
     * @param a per-event lists
     * @param op comparison
     * @param b threshold
     * @return a mask with the same lists as {@code a}
     */
    public static ListColumn<BoolColumn> compare(ListColumn<FloatColumn> a, Comparison op, float b) {
        return Jagged.sameLists(a, compare(Jagged.floats(a), op, b));
    }

    /**
     * Object-level comparison against a scalar; see {@link #compare(ListColumn, Comparison, float)}.
     *
     * @param a left operand (or the values)
     * @param op comparison
     * @param b right operand
     * @return the result
     */
    public static ListColumn<BoolColumn> compare(ListColumn<DoubleColumn> a, Comparison op, double b) {
        return Jagged.sameLists(a, compare(Jagged.doubles(a), op, b));
    }

    /**
     * Object-level comparison against a scalar; see {@link #compare(ListColumn, Comparison, float)}.
     *
     * @param a left operand (or the values)
     * @param op comparison
     * @param b right operand
     * @return the result
     */
    public static ListColumn<BoolColumn> compare(ListColumn<IntColumn> a, Comparison op, int b) {
        return Jagged.sameLists(a, compare(Jagged.ints(a), op, b));
    }

    /**
     * Object-level comparison against a per-event value broadcast to every object of the event
     * (e.g. jet pt against the event's leading-muon pt).
     *
     * @param a per-event lists
     * @param op comparison
     * @param perEvent one value per entry of {@code a}
     * @return a mask with the same lists as {@code a}
     */
    public static ListColumn<BoolColumn> compare(ListColumn<FloatColumn> a, Comparison op, FloatColumn perEvent) {
        return compare(a, op, Arith.broadcast(perEvent, a));
    }

    /**
     * Element-wise object-level comparison of two lists with the same layout (e.g. {@code Jet_pt}
     * against {@code Jet_ptRaw}); both must hold the same primitive type (float, double or int).
     *
     * @param a left lists
     * @param op comparison
     * @param b right lists, equal list lengths in every entry
     * @param <C> content type
     * @return a mask with the same lists as {@code a}
     */
    public static <C extends PrimitiveColumn> ListColumn<BoolColumn> compare(ListColumn<C> a, Comparison op, ListColumn<C> b) {
        Jagged.checkSameLists("compare", a, b);
        PrimitiveColumn x = Jagged.flat(a);
        PrimitiveColumn y = Jagged.flat(b);
        BoolColumn r = switch (x) {
            case FloatColumn f when y instanceof FloatColumn g -> compare(f, op, g);
            case DoubleColumn f when y instanceof DoubleColumn g -> compare(f, op, g);
            case IntColumn f when y instanceof IntColumn g -> compare(f, op, g);
            default -> throw new IllegalArgumentException("compare: lists must both hold float, double or int values, got "
                    + x.elementType() + " and " + y.elementType());
        };
        return Jagged.sameLists(a, r);
    }

    /**
     * Object-level inclusive range test; see {@link #between(FloatColumn, float, float)}.
     *
     * @param a left operand (or the values)
     * @param lo lower bound, inclusive
     * @param hi upper bound, inclusive
     * @return the result
     */
    public static ListColumn<BoolColumn> between(ListColumn<FloatColumn> a, float lo, float hi) {
        return Jagged.sameLists(a, between(Jagged.floats(a), lo, hi));
    }

    /**
     * Object-level inclusive range test; see {@link #between(FloatColumn, float, float)}.
     *
     * @param a left operand (or the values)
     * @param lo lower bound, inclusive
     * @param hi upper bound, inclusive
     * @return the result
     */
    public static ListColumn<BoolColumn> between(ListColumn<IntColumn> a, int lo, int hi) {
        return Jagged.sameLists(a, between(Jagged.ints(a), lo, hi));
    }

    // ---------------------------------------------------------------- shortcuts

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a > b} per entry; see {@link #compare(FloatColumn, Comparison, float)}
     */
    public static BoolColumn gt(FloatColumn a, float b) {
        return compare(a, Comparison.GT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a > b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> gt(ListColumn<FloatColumn> a, float b) {
        return compare(a, Comparison.GT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a > b} per entry; see {@link #compare(DoubleColumn, Comparison, double)}
     */
    public static BoolColumn gt(DoubleColumn a, double b) {
        return compare(a, Comparison.GT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a > b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> gt(ListColumn<DoubleColumn> a, double b) {
        return compare(a, Comparison.GT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a > b} per entry; see {@link #compare(IntColumn, Comparison, int)}
     */
    public static BoolColumn gt(IntColumn a, int b) {
        return compare(a, Comparison.GT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a > b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> gt(ListColumn<IntColumn> a, int b) {
        return compare(a, Comparison.GT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a >= b} per entry; see {@link #compare(FloatColumn, Comparison, float)}
     */
    public static BoolColumn ge(FloatColumn a, float b) {
        return compare(a, Comparison.GE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a >= b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> ge(ListColumn<FloatColumn> a, float b) {
        return compare(a, Comparison.GE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a >= b} per entry; see {@link #compare(DoubleColumn, Comparison, double)}
     */
    public static BoolColumn ge(DoubleColumn a, double b) {
        return compare(a, Comparison.GE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a >= b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> ge(ListColumn<DoubleColumn> a, double b) {
        return compare(a, Comparison.GE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a >= b} per entry; see {@link #compare(IntColumn, Comparison, int)}
     */
    public static BoolColumn ge(IntColumn a, int b) {
        return compare(a, Comparison.GE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a >= b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> ge(ListColumn<IntColumn> a, int b) {
        return compare(a, Comparison.GE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a < b} per entry; see {@link #compare(FloatColumn, Comparison, float)}
     */
    public static BoolColumn lt(FloatColumn a, float b) {
        return compare(a, Comparison.LT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a < b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> lt(ListColumn<FloatColumn> a, float b) {
        return compare(a, Comparison.LT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a < b} per entry; see {@link #compare(DoubleColumn, Comparison, double)}
     */
    public static BoolColumn lt(DoubleColumn a, double b) {
        return compare(a, Comparison.LT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a < b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> lt(ListColumn<DoubleColumn> a, double b) {
        return compare(a, Comparison.LT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a < b} per entry; see {@link #compare(IntColumn, Comparison, int)}
     */
    public static BoolColumn lt(IntColumn a, int b) {
        return compare(a, Comparison.LT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a < b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> lt(ListColumn<IntColumn> a, int b) {
        return compare(a, Comparison.LT, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a <= b} per entry; see {@link #compare(FloatColumn, Comparison, float)}
     */
    public static BoolColumn le(FloatColumn a, float b) {
        return compare(a, Comparison.LE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a <= b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> le(ListColumn<FloatColumn> a, float b) {
        return compare(a, Comparison.LE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a <= b} per entry; see {@link #compare(DoubleColumn, Comparison, double)}
     */
    public static BoolColumn le(DoubleColumn a, double b) {
        return compare(a, Comparison.LE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a <= b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> le(ListColumn<DoubleColumn> a, double b) {
        return compare(a, Comparison.LE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a <= b} per entry; see {@link #compare(IntColumn, Comparison, int)}
     */
    public static BoolColumn le(IntColumn a, int b) {
        return compare(a, Comparison.LE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a <= b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> le(ListColumn<IntColumn> a, int b) {
        return compare(a, Comparison.LE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a == b} per entry; see {@link #compare(FloatColumn, Comparison, float)}
     */
    public static BoolColumn eq(FloatColumn a, float b) {
        return compare(a, Comparison.EQ, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a == b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> eq(ListColumn<FloatColumn> a, float b) {
        return compare(a, Comparison.EQ, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a == b} per entry; see {@link #compare(DoubleColumn, Comparison, double)}
     */
    public static BoolColumn eq(DoubleColumn a, double b) {
        return compare(a, Comparison.EQ, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a == b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> eq(ListColumn<DoubleColumn> a, double b) {
        return compare(a, Comparison.EQ, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a == b} per entry; see {@link #compare(IntColumn, Comparison, int)}
     */
    public static BoolColumn eq(IntColumn a, int b) {
        return compare(a, Comparison.EQ, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a == b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> eq(ListColumn<IntColumn> a, int b) {
        return compare(a, Comparison.EQ, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a != b} per entry; see {@link #compare(FloatColumn, Comparison, float)}
     */
    public static BoolColumn ne(FloatColumn a, float b) {
        return compare(a, Comparison.NE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a != b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> ne(ListColumn<FloatColumn> a, float b) {
        return compare(a, Comparison.NE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a != b} per entry; see {@link #compare(DoubleColumn, Comparison, double)}
     */
    public static BoolColumn ne(DoubleColumn a, double b) {
        return compare(a, Comparison.NE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a != b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> ne(ListColumn<DoubleColumn> a, double b) {
        return compare(a, Comparison.NE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a != b} per entry; see {@link #compare(IntColumn, Comparison, int)}
     */
    public static BoolColumn ne(IntColumn a, int b) {
        return compare(a, Comparison.NE, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a != b} per object, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> ne(ListColumn<IntColumn> a, int b) {
        return compare(a, Comparison.NE, b);
    }

    // ---------------------------------------------------------------- logic

    private static BoolColumn logic(String what, BoolOp op, BoolColumn a, BoolColumn b) {
        Jagged.checkSameLength(what, a.length(), b.length());
        boolean[] out = new boolean[a.length()];
        K.logic(op, a.array(), a.offset(), b.array(), b.offset(), out, out.length);
        return BoolColumn.of(out);
    }

    private static ListColumn<BoolColumn> logic(String what, BoolOp op, ListColumn<BoolColumn> a, ListColumn<BoolColumn> b) {
        Jagged.checkSameLists(what, a, b);
        return Jagged.sameLists(a, logic(what, op, Jagged.bools(a), Jagged.bools(b)));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] && b[i]}; both the same length
     */
    public static BoolColumn and(BoolColumn a, BoolColumn b) {
        return logic("and", BoolOp.AND, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] || b[i]}; both the same length
     */
    public static BoolColumn or(BoolColumn a, BoolColumn b) {
        return logic("or", BoolOp.OR, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] && !b[i]}; both the same length
     */
    public static BoolColumn andNot(BoolColumn a, BoolColumn b) {
        return logic("andNot", BoolOp.ANDNOT, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] ^ b[i]}; both the same length
     */
    public static BoolColumn xor(BoolColumn a, BoolColumn b) {
        return logic("xor", BoolOp.XOR, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code !a[i]}
     */
    public static BoolColumn not(BoolColumn a) {
        boolean[] out = new boolean[a.length()];
        K.not(a.array(), a.offset(), out, out.length);
        return BoolColumn.of(out);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return object-level {@code a && b}; both with equal list lengths in every entry
     */
    public static ListColumn<BoolColumn> and(ListColumn<BoolColumn> a, ListColumn<BoolColumn> b) {
        return logic("and", BoolOp.AND, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return object-level {@code a || b}; both with equal list lengths in every entry
     */
    public static ListColumn<BoolColumn> or(ListColumn<BoolColumn> a, ListColumn<BoolColumn> b) {
        return logic("or", BoolOp.OR, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return object-level {@code a && !b}; both with equal list lengths in every entry
     */
    public static ListColumn<BoolColumn> andNot(ListColumn<BoolColumn> a, ListColumn<BoolColumn> b) {
        return logic("andNot", BoolOp.ANDNOT, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @return object-level {@code !a}, with {@code a}'s lists
     */
    public static ListColumn<BoolColumn> not(ListColumn<BoolColumn> a) {
        return Jagged.sameLists(a, not(Jagged.bools(a)));
    }

    /**
     * Combines an object-level mask with an event-level one: an object passes if it passes {@code
     * objects} and its event passes {@code events}.
     *
     * @param objects object-level mask
     * @param events one value per entry of {@code objects}
     * @return the combined object-level mask
     */
    public static ListColumn<BoolColumn> and(ListColumn<BoolColumn> objects, BoolColumn events) {
        return and(objects, Arith.broadcast(events, objects));
    }

    /**
     * Bit test, e.g. NanoAOD's {@code Jet_jetId} where bit 1 (value 2) means tight: {@code (a[i] &
     * bits) == bits}.
     *
     * @param a int values (bit patterns)
     * @param bits the bits that must all be set
     * @return the mask
     */
    public static BoolColumn hasBits(IntColumn a, int bits) {
        int[] v = a.array();
        boolean[] out = new boolean[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (v[a.offset() + i] & bits) == bits;
        }
        return BoolColumn.of(out);
    }

    /**
     * Object-level bit test; see {@link #hasBits(IntColumn, int)}.
     *
     * @param a left operand (or the values)
     * @param bits the bits that must all be set
     * @return the result
     */
    public static ListColumn<BoolColumn> hasBits(ListColumn<IntColumn> a, int bits) {
        return Jagged.sameLists(a, hasBits(Jagged.ints(a), bits));
    }

    /**
     * @param mask the mask
     * @return the number of true entries
     */
    public static int countTrue(BoolColumn mask) {
        return K.countTrue(mask.array(), mask.offset(), mask.length());
    }

    /**
     * @param length number of entries
     * @param value the value of every entry
     * @return a constant mask
     */
    public static BoolColumn constant(int length, boolean value) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        boolean[] out = new boolean[length];
        if (value) {
            java.util.Arrays.fill(out, true);
        }
        return BoolColumn.of(out);
    }
}
