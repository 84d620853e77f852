package org.crema.columnar;

import org.crema.columnar.internal.KernelProvider;
import org.crema.columnar.internal.Kernels;
import org.crema.columnar.internal.Kernels.BinOp;
import org.crema.columnar.internal.Kernels.UnOp;

/**
 * Element-wise arithmetic on flat and jagged columns, and broadcasting of event-level values to
 * objects. Every method returns a new column (a copy). Jagged operands must have equal list
 * lengths in every entry; a flat operand paired with a jagged one is an event-level value,
 * broadcast to every object of its event.
 *
 * <p>Float and double follow Java (IEEE 754) arithmetic, {@code min}/{@code max} follow {@link
 * Math#min}/{@link Math#max} (NaN wins, −0 &lt; +0). Int arithmetic wraps like Java's {@code int};
 * int division is not offered (convert with {@link #toFloat} first). Unsigned int columns are
 * treated as their signed bits: add, sub, mul and negate are bit-identical, min/max/abs are not.
 */
public final class Arith {
    private static final Kernels K = KernelProvider.KERNELS;

    private Arith() {}

    private static FloatColumn bin(BinOp op, FloatColumn a, FloatColumn b) {
        Jagged.checkSameLength(op.name().toLowerCase(), a.length(), b.length());
        float[] out = new float[a.length()];
        K.binary(op, a.array(), a.offset(), b.array(), b.offset(), out, out.length);
        return FloatColumn.of(out);
    }

    private static FloatColumn bin(BinOp op, FloatColumn a, float b, boolean scalarFirst) {
        float[] out = new float[a.length()];
        K.binary(op, a.array(), a.offset(), b, scalarFirst, out, out.length);
        return FloatColumn.of(out);
    }

    private static DoubleColumn bin(BinOp op, DoubleColumn a, DoubleColumn b) {
        Jagged.checkSameLength(op.name().toLowerCase(), a.length(), b.length());
        double[] out = new double[a.length()];
        K.binary(op, a.array(), a.offset(), b.array(), b.offset(), out, out.length);
        return DoubleColumn.of(out);
    }

    private static DoubleColumn bin(BinOp op, DoubleColumn a, double b, boolean scalarFirst) {
        double[] out = new double[a.length()];
        K.binary(op, a.array(), a.offset(), b, scalarFirst, out, out.length);
        return DoubleColumn.of(out);
    }

    private static IntColumn bin(BinOp op, IntColumn a, IntColumn b) {
        Jagged.checkSameLength(op.name().toLowerCase(), a.length(), b.length());
        int[] out = new int[a.length()];
        K.binary(op, a.array(), a.offset(), b.array(), b.offset(), out, out.length);
        return IntColumn.of(out);
    }

    private static IntColumn bin(BinOp op, IntColumn a, int b, boolean scalarFirst) {
        int[] out = new int[a.length()];
        K.binary(op, a.array(), a.offset(), b, scalarFirst, out, out.length);
        return IntColumn.of(out);
    }

    @SuppressWarnings("unchecked")
    private static <C extends PrimitiveColumn> ListColumn<C> bin(BinOp op, ListColumn<C> a, ListColumn<C> b) {
        String what = op.name().toLowerCase();
        Jagged.checkSameLists(what, a, b);
        PrimitiveColumn x = Jagged.flat(a);
        PrimitiveColumn y = Jagged.flat(b);
        PrimitiveColumn r = switch (x) {
            case FloatColumn f when y instanceof FloatColumn g -> bin(op, f, g);
            case DoubleColumn f when y instanceof DoubleColumn g -> bin(op, f, g);
            case IntColumn f when y instanceof IntColumn g && op != BinOp.DIV -> bin(op, f, g);
            default -> throw new IllegalArgumentException(what + ": lists must both hold float or double values"
                    + (op == BinOp.DIV ? "" : " (or both int)") + ", got " + x.elementType() + " and " + y.elementType());
        };
        return Jagged.sameLists(a, (C) r);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] + b[i]}; both the same length
     */
    public static FloatColumn add(FloatColumn a, FloatColumn b) {
        return bin(BinOp.ADD, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] + b} (the sum with a scalar)
     */
    public static FloatColumn add(FloatColumn a, float b) {
        return bin(BinOp.ADD, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a + b}, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> add(ListColumn<FloatColumn> a, float b) {
        return Jagged.sameLists(a, bin(BinOp.ADD, Jagged.floats(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a + perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> add(ListColumn<FloatColumn> a, FloatColumn perEvent) {
        return add(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] + b[i]}; both the same length
     */
    public static DoubleColumn add(DoubleColumn a, DoubleColumn b) {
        return bin(BinOp.ADD, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] + b} (the sum with a scalar)
     */
    public static DoubleColumn add(DoubleColumn a, double b) {
        return bin(BinOp.ADD, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a + b}, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> add(ListColumn<DoubleColumn> a, double b) {
        return Jagged.sameLists(a, bin(BinOp.ADD, Jagged.doubles(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a + perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> add(ListColumn<DoubleColumn> a, DoubleColumn perEvent) {
        return add(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] + b[i]}; both the same length
     */
    public static IntColumn add(IntColumn a, IntColumn b) {
        return bin(BinOp.ADD, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] + b} (the sum with a scalar)
     */
    public static IntColumn add(IntColumn a, int b) {
        return bin(BinOp.ADD, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a + b}, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> add(ListColumn<IntColumn> a, int b) {
        return Jagged.sameLists(a, bin(BinOp.ADD, Jagged.ints(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a + perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> add(ListColumn<IntColumn> a, IntColumn perEvent) {
        return add(a, broadcast(perEvent, a));
    }

    /**
     * Element-wise add of two jagged columns of the same primitive type (float, double, int).
     *
     * @param a left lists
     * @param b right lists with equal list lengths in every entry
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    public static <C extends PrimitiveColumn> ListColumn<C> add(ListColumn<C> a, ListColumn<C> b) {
        return bin(BinOp.ADD, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] - b[i]}; both the same length
     */
    public static FloatColumn sub(FloatColumn a, FloatColumn b) {
        return bin(BinOp.SUB, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] - b} (the difference with a scalar)
     */
    public static FloatColumn sub(FloatColumn a, float b) {
        return bin(BinOp.SUB, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a - b}, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> sub(ListColumn<FloatColumn> a, float b) {
        return Jagged.sameLists(a, bin(BinOp.SUB, Jagged.floats(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a - perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> sub(ListColumn<FloatColumn> a, FloatColumn perEvent) {
        return sub(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a - b[i]} (scalar first)
     */
    public static FloatColumn sub(float a, FloatColumn b) {
        return bin(BinOp.SUB, b, a, true);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] - b[i]}; both the same length
     */
    public static DoubleColumn sub(DoubleColumn a, DoubleColumn b) {
        return bin(BinOp.SUB, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] - b} (the difference with a scalar)
     */
    public static DoubleColumn sub(DoubleColumn a, double b) {
        return bin(BinOp.SUB, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a - b}, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> sub(ListColumn<DoubleColumn> a, double b) {
        return Jagged.sameLists(a, bin(BinOp.SUB, Jagged.doubles(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a - perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> sub(ListColumn<DoubleColumn> a, DoubleColumn perEvent) {
        return sub(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a - b[i]} (scalar first)
     */
    public static DoubleColumn sub(double a, DoubleColumn b) {
        return bin(BinOp.SUB, b, a, true);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] - b[i]}; both the same length
     */
    public static IntColumn sub(IntColumn a, IntColumn b) {
        return bin(BinOp.SUB, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] - b} (the difference with a scalar)
     */
    public static IntColumn sub(IntColumn a, int b) {
        return bin(BinOp.SUB, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a - b}, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> sub(ListColumn<IntColumn> a, int b) {
        return Jagged.sameLists(a, bin(BinOp.SUB, Jagged.ints(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a - perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> sub(ListColumn<IntColumn> a, IntColumn perEvent) {
        return sub(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a - b[i]} (scalar first)
     */
    public static IntColumn sub(int a, IntColumn b) {
        return bin(BinOp.SUB, b, a, true);
    }

    /**
     * Element-wise sub of two jagged columns of the same primitive type (float, double, int).
     *
     * @param a left lists
     * @param b right lists with equal list lengths in every entry
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    public static <C extends PrimitiveColumn> ListColumn<C> sub(ListColumn<C> a, ListColumn<C> b) {
        return bin(BinOp.SUB, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] * b[i]}; both the same length
     */
    public static FloatColumn mul(FloatColumn a, FloatColumn b) {
        return bin(BinOp.MUL, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] * b} (the product with a scalar)
     */
    public static FloatColumn mul(FloatColumn a, float b) {
        return bin(BinOp.MUL, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a * b}, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> mul(ListColumn<FloatColumn> a, float b) {
        return Jagged.sameLists(a, bin(BinOp.MUL, Jagged.floats(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a * perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> mul(ListColumn<FloatColumn> a, FloatColumn perEvent) {
        return mul(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] * b[i]}; both the same length
     */
    public static DoubleColumn mul(DoubleColumn a, DoubleColumn b) {
        return bin(BinOp.MUL, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] * b} (the product with a scalar)
     */
    public static DoubleColumn mul(DoubleColumn a, double b) {
        return bin(BinOp.MUL, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a * b}, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> mul(ListColumn<DoubleColumn> a, double b) {
        return Jagged.sameLists(a, bin(BinOp.MUL, Jagged.doubles(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a * perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> mul(ListColumn<DoubleColumn> a, DoubleColumn perEvent) {
        return mul(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] * b[i]}; both the same length
     */
    public static IntColumn mul(IntColumn a, IntColumn b) {
        return bin(BinOp.MUL, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] * b} (the product with a scalar)
     */
    public static IntColumn mul(IntColumn a, int b) {
        return bin(BinOp.MUL, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a * b}, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> mul(ListColumn<IntColumn> a, int b) {
        return Jagged.sameLists(a, bin(BinOp.MUL, Jagged.ints(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a * perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> mul(ListColumn<IntColumn> a, IntColumn perEvent) {
        return mul(a, broadcast(perEvent, a));
    }

    /**
     * Element-wise mul of two jagged columns of the same primitive type (float, double, int).
     *
     * @param a left lists
     * @param b right lists with equal list lengths in every entry
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    public static <C extends PrimitiveColumn> ListColumn<C> mul(ListColumn<C> a, ListColumn<C> b) {
        return bin(BinOp.MUL, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] / b[i]}; both the same length
     */
    public static FloatColumn div(FloatColumn a, FloatColumn b) {
        return bin(BinOp.DIV, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] / b} (the quotient with a scalar)
     */
    public static FloatColumn div(FloatColumn a, float b) {
        return bin(BinOp.DIV, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a / b}, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> div(ListColumn<FloatColumn> a, float b) {
        return Jagged.sameLists(a, bin(BinOp.DIV, Jagged.floats(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a / perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> div(ListColumn<FloatColumn> a, FloatColumn perEvent) {
        return div(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a / b[i]} (scalar first)
     */
    public static FloatColumn div(float a, FloatColumn b) {
        return bin(BinOp.DIV, b, a, true);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] / b[i]}; both the same length
     */
    public static DoubleColumn div(DoubleColumn a, DoubleColumn b) {
        return bin(BinOp.DIV, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] / b} (the quotient with a scalar)
     */
    public static DoubleColumn div(DoubleColumn a, double b) {
        return bin(BinOp.DIV, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a / b}, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> div(ListColumn<DoubleColumn> a, double b) {
        return Jagged.sameLists(a, bin(BinOp.DIV, Jagged.doubles(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a / perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> div(ListColumn<DoubleColumn> a, DoubleColumn perEvent) {
        return div(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a / b[i]} (scalar first)
     */
    public static DoubleColumn div(double a, DoubleColumn b) {
        return bin(BinOp.DIV, b, a, true);
    }

    /**
     * Element-wise div of two jagged columns of the same primitive type (float, double).
     *
     * @param a left lists
     * @param b right lists with equal list lengths in every entry
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    public static <C extends PrimitiveColumn> ListColumn<C> div(ListColumn<C> a, ListColumn<C> b) {
        return bin(BinOp.DIV, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code Math.min(a[i], b[i])}; both the same length
     */
    public static FloatColumn min(FloatColumn a, FloatColumn b) {
        return bin(BinOp.MIN, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] min b} (the smaller with a scalar)
     */
    public static FloatColumn min(FloatColumn a, float b) {
        return bin(BinOp.MIN, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a min b}, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> min(ListColumn<FloatColumn> a, float b) {
        return Jagged.sameLists(a, bin(BinOp.MIN, Jagged.floats(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a min perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> min(ListColumn<FloatColumn> a, FloatColumn perEvent) {
        return min(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code Math.min(a[i], b[i])}; both the same length
     */
    public static DoubleColumn min(DoubleColumn a, DoubleColumn b) {
        return bin(BinOp.MIN, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] min b} (the smaller with a scalar)
     */
    public static DoubleColumn min(DoubleColumn a, double b) {
        return bin(BinOp.MIN, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a min b}, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> min(ListColumn<DoubleColumn> a, double b) {
        return Jagged.sameLists(a, bin(BinOp.MIN, Jagged.doubles(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a min perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> min(ListColumn<DoubleColumn> a, DoubleColumn perEvent) {
        return min(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code Math.min(a[i], b[i])}; both the same length
     */
    public static IntColumn min(IntColumn a, IntColumn b) {
        return bin(BinOp.MIN, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] min b} (the smaller with a scalar)
     */
    public static IntColumn min(IntColumn a, int b) {
        return bin(BinOp.MIN, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a min b}, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> min(ListColumn<IntColumn> a, int b) {
        return Jagged.sameLists(a, bin(BinOp.MIN, Jagged.ints(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a min perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> min(ListColumn<IntColumn> a, IntColumn perEvent) {
        return min(a, broadcast(perEvent, a));
    }

    /**
     * Element-wise min of two jagged columns of the same primitive type (float, double, int).
     *
     * @param a left lists
     * @param b right lists with equal list lengths in every entry
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    public static <C extends PrimitiveColumn> ListColumn<C> min(ListColumn<C> a, ListColumn<C> b) {
        return bin(BinOp.MIN, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code Math.max(a[i], b[i])}; both the same length
     */
    public static FloatColumn max(FloatColumn a, FloatColumn b) {
        return bin(BinOp.MAX, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] max b} (the larger with a scalar)
     */
    public static FloatColumn max(FloatColumn a, float b) {
        return bin(BinOp.MAX, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a max b}, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> max(ListColumn<FloatColumn> a, float b) {
        return Jagged.sameLists(a, bin(BinOp.MAX, Jagged.floats(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a max perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<FloatColumn> max(ListColumn<FloatColumn> a, FloatColumn perEvent) {
        return max(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code Math.max(a[i], b[i])}; both the same length
     */
    public static DoubleColumn max(DoubleColumn a, DoubleColumn b) {
        return bin(BinOp.MAX, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] max b} (the larger with a scalar)
     */
    public static DoubleColumn max(DoubleColumn a, double b) {
        return bin(BinOp.MAX, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a max b}, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> max(ListColumn<DoubleColumn> a, double b) {
        return Jagged.sameLists(a, bin(BinOp.MAX, Jagged.doubles(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a max perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<DoubleColumn> max(ListColumn<DoubleColumn> a, DoubleColumn perEvent) {
        return max(a, broadcast(perEvent, a));
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code Math.max(a[i], b[i])}; both the same length
     */
    public static IntColumn max(IntColumn a, IntColumn b) {
        return bin(BinOp.MAX, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return {@code a[i] max b} (the larger with a scalar)
     */
    public static IntColumn max(IntColumn a, int b) {
        return bin(BinOp.MAX, a, b, false);
    }

    /**
     * @param a left operand (or the values)
     * @param b right operand
     * @return per object, {@code a max b}, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> max(ListColumn<IntColumn> a, int b) {
        return Jagged.sameLists(a, bin(BinOp.MAX, Jagged.ints(a), b, false));
    }

    /**
     * @param a left operand (or the values)
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @return per object, {@code a max perEvent} with the event's value broadcast, with {@code a}'s lists
     */
    public static ListColumn<IntColumn> max(ListColumn<IntColumn> a, IntColumn perEvent) {
        return max(a, broadcast(perEvent, a));
    }

    /**
     * Element-wise max of two jagged columns of the same primitive type (float, double, int).
     *
     * @param a left lists
     * @param b right lists with equal list lengths in every entry
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    public static <C extends PrimitiveColumn> ListColumn<C> max(ListColumn<C> a, ListColumn<C> b) {
        return bin(BinOp.MAX, a, b);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code -a[i]}
     */
    public static FloatColumn negate(FloatColumn a) {
        float[] out = new float[a.length()];
        K.unary(UnOp.NEG, a.array(), a.offset(), out, out.length);
        return FloatColumn.of(out);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code -a[i]}
     */
    public static DoubleColumn negate(DoubleColumn a) {
        double[] out = new double[a.length()];
        K.unary(UnOp.NEG, a.array(), a.offset(), out, out.length);
        return DoubleColumn.of(out);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code -a[i]}
     */
    public static IntColumn negate(IntColumn a) {
        int[] out = new int[a.length()];
        K.unary(UnOp.NEG, a.array(), a.offset(), out, out.length);
        return IntColumn.of(out);
    }

    /**
     * Per object {@code -a[i]} for float, double or int lists.
     *
     * @param a lists
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    @SuppressWarnings("unchecked")
    public static <C extends PrimitiveColumn> ListColumn<C> negate(ListColumn<C> a) {
        PrimitiveColumn x = Jagged.flat(a);
        PrimitiveColumn r = switch (x) {
            case FloatColumn f -> negate(f);
            case DoubleColumn d -> negate(d);
            case IntColumn i -> negate(i);
            default -> throw new IllegalArgumentException("negate: lists must hold float, double or int values, got " + x.elementType());
        };
        return Jagged.sameLists(a, (C) r);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code |a[i]|}
     */
    public static FloatColumn abs(FloatColumn a) {
        float[] out = new float[a.length()];
        K.unary(UnOp.ABS, a.array(), a.offset(), out, out.length);
        return FloatColumn.of(out);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code |a[i]|}
     */
    public static DoubleColumn abs(DoubleColumn a) {
        double[] out = new double[a.length()];
        K.unary(UnOp.ABS, a.array(), a.offset(), out, out.length);
        return DoubleColumn.of(out);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code |a[i]|}
     */
    public static IntColumn abs(IntColumn a) {
        int[] out = new int[a.length()];
        K.unary(UnOp.ABS, a.array(), a.offset(), out, out.length);
        return IntColumn.of(out);
    }

    /**
     * Per object {@code |a[i]|} for float, double or int lists.
     *
     * @param a lists
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    @SuppressWarnings("unchecked")
    public static <C extends PrimitiveColumn> ListColumn<C> abs(ListColumn<C> a) {
        PrimitiveColumn x = Jagged.flat(a);
        PrimitiveColumn r = switch (x) {
            case FloatColumn f -> abs(f);
            case DoubleColumn d -> abs(d);
            case IntColumn i -> abs(i);
            default -> throw new IllegalArgumentException("abs: lists must hold float, double or int values, got " + x.elementType());
        };
        return Jagged.sameLists(a, (C) r);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code sqrt(a[i])}
     */
    public static FloatColumn sqrt(FloatColumn a) {
        float[] out = new float[a.length()];
        K.unary(UnOp.SQRT, a.array(), a.offset(), out, out.length);
        return FloatColumn.of(out);
    }

    /**
     * @param a left operand (or the values)
     * @return {@code sqrt(a[i])}
     */
    public static DoubleColumn sqrt(DoubleColumn a) {
        double[] out = new double[a.length()];
        K.unary(UnOp.SQRT, a.array(), a.offset(), out, out.length);
        return DoubleColumn.of(out);
    }

    /**
     * Per object {@code sqrt(a[i])} for float or double lists.
     *
     * @param a lists
     * @param <C> content type
     * @return lists shaped like {@code a}
     */
    @SuppressWarnings("unchecked")
    public static <C extends PrimitiveColumn> ListColumn<C> sqrt(ListColumn<C> a) {
        PrimitiveColumn x = Jagged.flat(a);
        PrimitiveColumn r = switch (x) {
            case FloatColumn f -> sqrt(f);
            case DoubleColumn d -> sqrt(d);
            default -> throw new IllegalArgumentException("sqrt: lists must hold float or double values, got " + x.elementType());
        };
        return Jagged.sameLists(a, (C) r);
    }

    // ---------------------------------------------------------------- broadcasting and conversion

    private static void checkBroadcast(int events, ListColumn<?> like) {
        if (events != like.length()) {
            throw new IllegalArgumentException("broadcast: event-level column must have one value per entry of the lists, got "
                    + events + " values for " + like.length() + " entries");
        }
    }

    /**
     * Repeats each event's value once per object of that event (a copy).
     *
     * @param perEvent one value per entry of {@code like}
     * @param like the lists that give the shape
     * @return lists shaped like {@code like}
     */
    public static ListColumn<FloatColumn> broadcast(FloatColumn perEvent, ListColumn<?> like) {
        checkBroadcast(perEvent.length(), like);
        return Jagged.sameLists(like, perEvent.take(Jagged.broadcastIndex(like)));
    }

    /**
     * Broadcast of doubles; see {@link #broadcast(FloatColumn, ListColumn)}.
     *
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @param like the lists that give the shape
     * @return the result
     */
    public static ListColumn<DoubleColumn> broadcast(DoubleColumn perEvent, ListColumn<?> like) {
        checkBroadcast(perEvent.length(), like);
        return Jagged.sameLists(like, perEvent.take(Jagged.broadcastIndex(like)));
    }

    /**
     * Broadcast of ints; see {@link #broadcast(FloatColumn, ListColumn)}.
     *
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @param like the lists that give the shape
     * @return the result
     */
    public static ListColumn<IntColumn> broadcast(IntColumn perEvent, ListColumn<?> like) {
        checkBroadcast(perEvent.length(), like);
        return Jagged.sameLists(like, perEvent.take(Jagged.broadcastIndex(like)));
    }

    /**
     * Broadcast of an event mask to objects; see {@link #broadcast(FloatColumn, ListColumn)}.
     *
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @param like the lists that give the shape
     * @return the result
     */
    public static ListColumn<BoolColumn> broadcast(BoolColumn perEvent, ListColumn<?> like) {
        checkBroadcast(perEvent.length(), like);
        return Jagged.sameLists(like, perEvent.take(Jagged.broadcastIndex(like)));
    }

    /**
     * @param a any flat column
     * @return its values as float (unsigned-aware widening, then rounding to float); a float
     *     column is returned as is
     */
    public static FloatColumn toFloat(PrimitiveColumn a) {
        if (a instanceof FloatColumn f) {
            return f;
        }
        float[] out = new float[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.getDouble(i);
        }
        return FloatColumn.of(out);
    }

    /**
     * @param a any flat column
     * @return its values as double (unsigned-aware); a double column is returned as is
     */
    public static DoubleColumn toDouble(PrimitiveColumn a) {
        if (a instanceof DoubleColumn d) {
            return d;
        }
        double[] out = new double[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getDouble(i);
        }
        return DoubleColumn.of(out);
    }

    /**
     * @param a jagged column of any primitive type
     * @return the same lists with float values
     */
    public static ListColumn<FloatColumn> toFloat(ListColumn<? extends PrimitiveColumn> a) {
        return Jagged.sameLists(a, toFloat((PrimitiveColumn) Jagged.flat(a)));
    }
}
