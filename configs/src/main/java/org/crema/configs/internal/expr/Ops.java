package org.crema.configs.internal.expr;

import java.util.Arrays;
import org.crema.columnar.Arith;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Combinations;
import org.crema.columnar.Combinatorics;
import org.crema.columnar.Column;
import org.crema.columnar.Comparison;
import org.crema.columnar.CartesianKinematics;
import org.crema.columnar.Kinematics;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.Masks;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.Reductions;
import org.crema.columnar.Selection;
import org.crema.columnar.ShortColumn;
import org.crema.columnar.Sorting;

/**
 * The one place the configurator calls core-columnar: every compiled expression is a tree of these
 * whole-column operations. Arguments arrive already type-checked and promoted by {@link Compiler},
 * so a mismatch here is a bug, reported as {@link IllegalStateException}.
 *
 * <p>Per-object values are {@code ListColumn}s of flat columns; binary operations on them work on
 * the flat contents ({@link ListColumn#flatContent()}) with zero-based offsets, broadcasting a
 * per-event operand to the objects first. Operations without a core-columnar kernel (bit
 * operations, {@code where}, {@code exp}/{@code log}/{@code pow}) are plain array loops here.
 */
public final class Ops {
    private Ops() {
    }

    /** One object per event: the k-th of a collection. */
    public record ObjRef(ListColumn<RecordColumn> collection, int k) {
    }

    /**
     * The k-object combinations of a collection. The four-vector sums of the combinations are
     * computed on first use and kept, so {@code .pt} and {@code .mass} share one pass.
     */
    public static final class Combos {
        private final ListColumn<RecordColumn> source;
        private final Combinations tuples;
        private double[][] sums;
        private int[] offsets;

        Combos(ListColumn<RecordColumn> source, Combinations tuples) {
            this.source = source;
            this.tuples = tuples;
        }

        /** @return the combined collection */
        public ListColumn<RecordColumn> source() {
            return source;
        }

        /** @return the index tuples */
        public Combinations tuples() {
            return tuples;
        }
    }

    /** @param c a collection @param k objects per combination @return every combination, in order */
    public static Combos combinations(ListColumn<RecordColumn> c, int k) {
        return new Combos(c, Combinatorics.combinations(c, k));
    }

    /**
     * @param c combinations
     * @param slot position in the combination
     * @param field a field of the combined collection
     * @return that field of the slot's object, one value per combination
     */
    public static Column memberField(Combos c, int slot, String field) {
        return c.tuples().select(slot, (ListColumn<?>) field(c.source(), field));
    }

    /**
     * @param c combinations
     * @param slot position in the combination
     * @return the objects at that position, one list entry per combination
     */
    public static ListColumn<RecordColumn> member(Combos c, int slot) {
        if (slot >= c.tuples().arity()) {
            throw new IllegalArgumentException("combination slot " + slot + " >= " + c.tuples().arity());
        }
        return c.tuples().select(slot, c.source());
    }

    /**
     * The four-vector sum of every combination. Each object's Cartesian components are computed once
     * (sinh and cosh are the expensive part) and summed per combination in double; results stay
     * double, as the Java API's {@code CartesianKinematics} returns them.
     *
     * @param c combinations
     * @param property {@code pt eta phi mass}
     * @return one value per combination
     */
    public static ListColumn<DoubleColumn> comboP4(Combos c, String property) {
        synchronized (c) {
            if (c.sums == null) {
                sums(c);
            }
        }
        FourVectors.PxPyPzE v = new FourVectors.PxPyPzE(DoubleColumn.of(c.sums[0]), DoubleColumn.of(c.sums[1]),
                DoubleColumn.of(c.sums[2]), DoubleColumn.of(c.sums[3]));
        return ListColumn.of(c.offsets, property(property, v));
    }

    /** The combinations' four-vector sums, from core-columnar's Cartesian sums over the index arrays. */
    private static void sums(Combos c) {
        ListColumn<RecordColumn> jets = c.source();
        RecordColumn flat = (RecordColumn) jets.flatContent();
        int[] off = jets.zeroBasedOffsets();
        Kinematics objects = Kinematics.of(
                ListColumn.of(off, (FloatColumn) to(flat.field("pt"), Type.Kind.FLOAT)),
                ListColumn.of(off, (FloatColumn) to(flat.field("eta"), Type.Kind.FLOAT)),
                ListColumn.of(off, (FloatColumn) to(flat.field("phi"), Type.Kind.FLOAT)),
                ListColumn.of(off, (FloatColumn) to(flat.field("mass"), Type.Kind.FLOAT)));
        CartesianKinematics sums = c.tuples().sum(objects);
        FourVectors.PxPyPzE v = sums.flat();
        c.sums = new double[][] {v.px().toArray(), v.py().toArray(), v.pz().toArray(), v.energy().toArray()};
        c.offsets = sums.px().zeroBasedOffsets();
    }

    /** A property of four-vectors held in double; kept in double like the Java API's kinematics. */
    private static DoubleColumn property(String property, FourVectors.PxPyPzE v) {
        return switch (property) {
            case "pt" -> v.pt();
            case "mass" -> v.mass();
            case "eta" -> v.eta();
            case "phi" -> v.phi();
            default -> throw bad(property);
        };
    }

    /**
     * @param values per-object values
     * @param key per-object key with the same counts
     * @return per event, the value where the key is largest (first on ties); NaN, 0 or false for
     *     an empty list
     */
    @SuppressWarnings("unchecked")
    public static Column best(ListColumn<?> values, ListColumn<?> key) {
        // argmax in the key's own kind: rounding a double key to float could merge distinct maxima
        ListColumn<?> k = key.content() instanceof BoolColumn ? (ListColumn<?>) to(key, Type.Kind.INT) : key;
        IntColumn at = Reductions.argmax(k);
        return switch (values.content()) {
            case FloatColumn f -> Selection.pick((ListColumn<FloatColumn>) values, at, Float.NaN);
            case IntColumn i -> Selection.pick((ListColumn<IntColumn>) values, at, 0);
            case DoubleColumn d -> Selection.pick((ListColumn<DoubleColumn>) values, at, Double.NaN);
            default -> {
                ListColumn<IntColumn> v = (ListColumn<IntColumn>) to(values, Type.Kind.INT);
                yield to(Selection.pick(v, at, 0), Type.Kind.BOOL);
            }
        };
    }

    /**
     * @param values per-object values
     * @param mask per-object booleans with the same counts
     * @return the values where the mask holds
     */
    @SuppressWarnings("unchecked")
    public static Column filterValues(ListColumn<?> values, ListColumn<?> mask) {
        return Selection.filter((ListColumn<Column>) values, (ListColumn<BoolColumn>) mask);
    }

    /** A per-event sum of objects, kept symbolic until a property is asked for. */
    public record P4(java.util.List<ObjRef> parts) {
    }

    // ------------------------------------------------------------------ kinds

    /**
     * @param c a column as read (any primitive, or lists of one)
     * @return the same values as bool, int, float or double: narrower integers widen to int (unsigned
     *     aware), 64-bit integers become double
     */
    public static Column normalize(Column c) {
        if (c instanceof ListColumn<?> l) {
            Column content = l.content();
            Column n = normalize(content);
            return n == content ? l : l.withContent(n);
        }
        return switch (c) {
            case ByteColumn b -> {
                int[] out = new int[b.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (int) b.getLong(i);
                }
                yield IntColumn.of(out);
            }
            case ShortColumn s -> {
                int[] out = new int[s.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (int) s.getLong(i);
                }
                yield IntColumn.of(out);
            }
            case LongColumn l -> Arith.toDouble(l);
            default -> c;
        };
    }

    /** @param c flat or lists @param k kind @return the values converted to {@code k} */
    public static Column to(Column c, Type.Kind k) {
        if (c instanceof ListColumn<?> l) {
            return ListColumn.of(l.zeroBasedOffsets(), to(l.flatContent(), k));
        }
        PrimitiveColumn p = (PrimitiveColumn) c;
        return switch (k) {
            case FLOAT -> Arith.toFloat(p);
            case DOUBLE -> Arith.toDouble(p);
            case INT -> {
                if (p instanceof IntColumn i) {
                    yield i;
                }
                int[] out = new int[p.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (int) p.getLong(i);
                }
                yield IntColumn.of(out);
            }
            case BOOL -> {
                if (p instanceof BoolColumn b) {
                    yield b;
                }
                boolean[] out = new boolean[p.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = p.getDouble(i) != 0;
                }
                yield BoolColumn.of(out);
            }
        };
    }

    /** @param n events @param k kind @param v value @return a per-event column holding {@code v} */
    public static Column constant(int n, Type.Kind k, double v) {
        return switch (k) {
            case BOOL -> Masks.constant(n, v != 0);
            case INT -> {
                int[] a = new int[n];
                Arrays.fill(a, (int) v);
                yield IntColumn.of(a);
            }
            case FLOAT -> {
                float[] a = new float[n];
                Arrays.fill(a, (float) v);
                yield FloatColumn.of(a);
            }
            case DOUBLE -> {
                double[] a = new double[n];
                Arrays.fill(a, v);
                yield DoubleColumn.of(a);
            }
        };
    }

    /**
     * @param c a per-event column
     * @return its values as a new double array (weights)
     */
    public static double[] doubles(Column c) {
        PrimitiveColumn p = (PrimitiveColumn) c;
        double[] out = new double[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.getDouble(i);
        }
        return out;
    }

    // ------------------------------------------------------------------ alignment of lists

    private record Aligned(int[] offsets, PrimitiveColumn a, PrimitiveColumn b) {
        Column wrap(PrimitiveColumn r) {
            return offsets == null ? r : ListColumn.of(offsets, r);
        }
    }

    private static Aligned align(Column a, Column b) {
        if (a instanceof ListColumn<?> la) {
            int[] off = la.zeroBasedOffsets();
            PrimitiveColumn fa = (PrimitiveColumn) la.flatContent();
            if (b instanceof ListColumn<?> lb) {
                int[] ob = lb.zeroBasedOffsets();
                if (!Arrays.equals(off, ob)) {
                    throw new IllegalArgumentException("per-object values of different collections cannot be combined:"
                            + " their object counts differ");
                }
                return new Aligned(off, fa, (PrimitiveColumn) lb.flatContent());
            }
            return new Aligned(off, fa, broadcast((PrimitiveColumn) b, off));
        }
        if (b instanceof ListColumn<?> lb) {
            int[] off = lb.zeroBasedOffsets();
            return new Aligned(off, broadcast((PrimitiveColumn) a, off), (PrimitiveColumn) lb.flatContent());
        }
        return new Aligned(null, (PrimitiveColumn) a, (PrimitiveColumn) b);
    }

    private static PrimitiveColumn broadcast(PrimitiveColumn perEvent, int[] off) {
        int[] rows = new int[off[off.length - 1]];
        for (int e = 0; e < off.length - 1; e++) {
            Arrays.fill(rows, off[e], off[e + 1], e);
        }
        return (PrimitiveColumn) Selection.takeRows(perEvent, rows);
    }

    private static Column mapFlat(Column c, java.util.function.UnaryOperator<PrimitiveColumn> f) {
        if (c instanceof ListColumn<?> l) {
            return ListColumn.of(l.zeroBasedOffsets(), f.apply((PrimitiveColumn) l.flatContent()));
        }
        return f.apply((PrimitiveColumn) c);
    }

    // ------------------------------------------------------------------ arithmetic

    /** @param op {@code + - * / % min max} @param a values @param b values of the same kind @return a op b */
    public static Column arith(String op, Column a, Column b) {
        Aligned al = align(a, b);
        return al.wrap(arithFlat(op, al.a(), al.b()));
    }

    private static PrimitiveColumn arithFlat(String op, PrimitiveColumn a, PrimitiveColumn b) {
        switch (a) {
            case FloatColumn x -> {
                FloatColumn y = (FloatColumn) b;
                return switch (op) {
                    case "+" -> Arith.add(x, y);
                    case "-" -> Arith.sub(x, y);
                    case "*" -> Arith.mul(x, y);
                    case "/" -> Arith.div(x, y);
                    case "min" -> Arith.min(x, y);
                    case "max" -> Arith.max(x, y);
                    case "%" -> {
                        float[] o = new float[x.length()];
                        for (int i = 0; i < o.length; i++) {
                            o[i] = x.get(i) % y.get(i);
                        }
                        yield FloatColumn.of(o);
                    }
                    default -> throw bad(op);
                };
            }
            case DoubleColumn x -> {
                DoubleColumn y = (DoubleColumn) b;
                return switch (op) {
                    case "+" -> Arith.add(x, y);
                    case "-" -> Arith.sub(x, y);
                    case "*" -> Arith.mul(x, y);
                    case "/" -> Arith.div(x, y);
                    case "min" -> Arith.min(x, y);
                    case "max" -> Arith.max(x, y);
                    case "%" -> {
                        double[] o = new double[x.length()];
                        for (int i = 0; i < o.length; i++) {
                            o[i] = x.get(i) % y.get(i);
                        }
                        yield DoubleColumn.of(o);
                    }
                    default -> throw bad(op);
                };
            }
            case IntColumn x -> {
                IntColumn y = (IntColumn) b;
                return switch (op) {
                    case "+" -> Arith.add(x, y);
                    case "-" -> Arith.sub(x, y);
                    case "*" -> Arith.mul(x, y);
                    case "min" -> Arith.min(x, y);
                    case "max" -> Arith.max(x, y);
                    case "%", "&", "|", "^" -> {
                        int[] o = new int[x.length()];
                        for (int i = 0; i < o.length; i++) {
                            int p = x.get(i);
                            int q = y.get(i);
                            o[i] = switch (op) {
                                case "%" -> q == 0 ? 0 : p % q;
                                case "&" -> p & q;
                                case "|" -> p | q;
                                default -> p ^ q;
                            };
                        }
                        yield IntColumn.of(o);
                    }
                    default -> throw bad(op);
                };
            }
            default -> throw bad(op + " on " + a.getClass().getSimpleName());
        }
    }

    /**
     * @param op {@code + - * / % min max & | ^}
     * @param a values
     * @param c a constant of a's kind (as double)
     * @param constLeft true for {@code c op a}
     * @return the result
     */
    public static Column arithConst(String op, Column a, double c, boolean constLeft) {
        return mapFlat(a, x -> arithConstFlat(op, x, c, constLeft));
    }

    private static PrimitiveColumn arithConstFlat(String op, PrimitiveColumn a, double c, boolean left) {
        switch (a) {
            case FloatColumn x -> {
                float f = (float) c;
                return switch (op) {
                    case "+" -> Arith.add(x, f);
                    case "*" -> Arith.mul(x, f);
                    case "-" -> left ? Arith.sub(f, x) : Arith.sub(x, f);
                    case "/" -> left ? Arith.div(f, x) : Arith.div(x, f);
                    case "min" -> Arith.min(x, f);
                    case "max" -> Arith.max(x, f);
                    default -> arithFlat(op, left ? FloatColumn.of(fill(x.length(), f)) : x,
                            left ? x : FloatColumn.of(fill(x.length(), f)));
                };
            }
            case DoubleColumn x -> {
                return switch (op) {
                    case "+" -> Arith.add(x, c);
                    case "*" -> Arith.mul(x, c);
                    case "-" -> left ? Arith.sub(c, x) : Arith.sub(x, c);
                    case "/" -> left ? Arith.div(c, x) : Arith.div(x, c);
                    case "min" -> Arith.min(x, c);
                    case "max" -> Arith.max(x, c);
                    default -> {
                        DoubleColumn k = (DoubleColumn) constant(x.length(), Type.Kind.DOUBLE, c);
                        yield arithFlat(op, left ? k : x, left ? x : k);
                    }
                };
            }
            case IntColumn x -> {
                int i = (int) c;
                return switch (op) {
                    case "+" -> Arith.add(x, i);
                    case "*" -> Arith.mul(x, i);
                    case "-" -> left ? Arith.sub(i, x) : Arith.sub(x, i);
                    case "min" -> Arith.min(x, i);
                    case "max" -> Arith.max(x, i);
                    default -> {
                        IntColumn k = (IntColumn) constant(x.length(), Type.Kind.INT, c);
                        yield arithFlat(op, left ? k : x, left ? x : k);
                    }
                };
            }
            default -> throw bad(op + " on " + a.getClass().getSimpleName());
        }
    }

    private static float[] fill(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    /** @param a numbers @return -a */
    public static Column negate(Column a) {
        return mapFlat(a, x -> switch (x) {
            case FloatColumn f -> Arith.negate(f);
            case DoubleColumn d -> Arith.negate(d);
            case IntColumn i -> Arith.negate(i);
            default -> throw bad("- on " + x.getClass().getSimpleName());
        });
    }

    /** @param a ints @return ~a */
    public static Column bitNot(Column a) {
        return mapFlat(a, x -> {
            IntColumn i = (IntColumn) x;
            int[] o = new int[i.length()];
            for (int j = 0; j < o.length; j++) {
                o[j] = ~i.get(j);
            }
            return IntColumn.of(o);
        });
    }

    /**
     * @param fn {@code abs sqrt exp log}
     * @param a numbers ({@code exp} and {@code log} arrive as double)
     * @return fn(a)
     */
    public static Column math(String fn, Column a) {
        return mapFlat(a, x -> switch (fn) {
            case "abs" -> switch (x) {
                case FloatColumn f -> Arith.abs(f);
                case DoubleColumn d -> Arith.abs(d);
                case IntColumn i -> Arith.abs(i);
                default -> throw bad(fn);
            };
            case "sqrt" -> switch (x) {
                case FloatColumn f -> Arith.sqrt(f);
                case DoubleColumn d -> Arith.sqrt(d);
                default -> throw bad(fn);
            };
            case "exp", "log" -> {
                DoubleColumn d = (DoubleColumn) x;
                double[] o = new double[d.length()];
                for (int i = 0; i < o.length; i++) {
                    o[i] = fn.equals("exp") ? Math.exp(d.get(i)) : Math.log(d.get(i));
                }
                yield DoubleColumn.of(o);
            }
            default -> throw bad(fn);
        });
    }

    /** @param a doubles @param b doubles @return a to the power b */
    public static Column pow(Column a, Column b) {
        Aligned al = align(a, b);
        DoubleColumn x = (DoubleColumn) al.a();
        DoubleColumn y = (DoubleColumn) al.b();
        double[] o = new double[x.length()];
        for (int i = 0; i < o.length; i++) {
            o[i] = Math.pow(x.get(i), y.get(i));
        }
        return al.wrap(DoubleColumn.of(o));
    }

    // ------------------------------------------------------------------ comparisons and logic

    private static Comparison comparison(String op) {
        return switch (op) {
            case ">" -> Comparison.GT;
            case ">=" -> Comparison.GE;
            case "<" -> Comparison.LT;
            case "<=" -> Comparison.LE;
            case "==" -> Comparison.EQ;
            case "!=" -> Comparison.NE;
            default -> throw bad(op);
        };
    }

    private static String flip(String op) {
        return switch (op) {
            case ">" -> "<";
            case ">=" -> "<=";
            case "<" -> ">";
            case "<=" -> ">=";
            default -> op;
        };
    }

    /** @param op a comparison @param a values @param b values of the same kind @return a op b */
    public static Column compare(String op, Column a, Column b) {
        Aligned al = align(a, b);
        Comparison cmp = comparison(op);
        PrimitiveColumn r = switch (al.a()) {
            case FloatColumn x -> Masks.compare(x, cmp, (FloatColumn) al.b());
            case DoubleColumn x -> Masks.compare(x, cmp, (DoubleColumn) al.b());
            case IntColumn x -> Masks.compare(x, cmp, (IntColumn) al.b());
            case BoolColumn x -> {
                BoolColumn eq = Masks.not(Masks.xor(x, (BoolColumn) al.b()));
                yield op.equals("==") ? eq : Masks.not(eq);
            }
            default -> throw bad(op);
        };
        return al.wrap(r);
    }

    /**
     * @param op a comparison
     * @param a values
     * @param c a constant of a's kind
     * @param constLeft true for {@code c op a}
     * @return the mask
     */
    public static Column compareConst(String op, Column a, double c, boolean constLeft) {
        Comparison cmp = comparison(constLeft ? flip(op) : op);
        return mapFlat(a, x -> switch (x) {
            case FloatColumn f -> Masks.compare(f, cmp, (float) c);
            case DoubleColumn d -> Masks.compare(d, cmp, c);
            case IntColumn i -> Masks.compare(i, cmp, (int) c);
            case BoolColumn b -> {
                boolean eq = op.equals("==");
                yield (c != 0) == eq ? b : Masks.not(b);
            }
            default -> throw bad(op);
        });
    }

    /**
     * @param a ints
     * @param bits a constant
     * @return {@code (a & bits) == bits}
     */
    public static Column hasBits(Column a, int bits) {
        if (a instanceof ListColumn<?> l) {
            @SuppressWarnings("unchecked")
            ListColumn<IntColumn> li = (ListColumn<IntColumn>) l;
            return Masks.hasBits(li, bits);
        }
        return Masks.hasBits((IntColumn) a, bits);
    }

    /** @param op {@code && ||} @param a booleans @param b booleans @return a op b */
    public static Column logic(String op, Column a, Column b) {
        Aligned al = align(a, b);
        BoolColumn x = (BoolColumn) al.a();
        BoolColumn y = (BoolColumn) al.b();
        return al.wrap(op.equals("&&") ? Masks.and(x, y) : Masks.or(x, y));
    }

    /** @param a booleans @return !a */
    public static Column not(Column a) {
        return mapFlat(a, x -> Masks.not((BoolColumn) x));
    }

    /**
     * @param cond booleans
     * @param a values where cond holds
     * @param b values elsewhere (same kind as a)
     * @return the choice, element by element
     */
    public static Column where(Column cond, Column a, Column b) {
        Aligned ab = align(a, b);
        Aligned ca = align(cond, ab.offsets() == null ? ab.a() : ListColumn.of(ab.offsets(), ab.a()));
        int[] off = ca.offsets() != null ? ca.offsets() : ab.offsets();
        BoolColumn c = (BoolColumn) ca.a();
        PrimitiveColumn x = ca.b();
        PrimitiveColumn y = ab.offsets() == null && off != null ? broadcast(ab.b(), off) : ab.b();
        int n = c.length();
        PrimitiveColumn r = switch (x) {
            case FloatColumn f -> {
                float[] o = new float[n];
                for (int i = 0; i < n; i++) {
                    o[i] = c.get(i) ? f.get(i) : ((FloatColumn) y).get(i);
                }
                yield FloatColumn.of(o);
            }
            case DoubleColumn d -> {
                double[] o = new double[n];
                for (int i = 0; i < n; i++) {
                    o[i] = c.get(i) ? d.get(i) : ((DoubleColumn) y).get(i);
                }
                yield DoubleColumn.of(o);
            }
            case IntColumn d -> {
                int[] o = new int[n];
                for (int i = 0; i < n; i++) {
                    o[i] = c.get(i) ? d.get(i) : ((IntColumn) y).get(i);
                }
                yield IntColumn.of(o);
            }
            case BoolColumn d -> {
                boolean[] o = new boolean[n];
                for (int i = 0; i < n; i++) {
                    o[i] = c.get(i) ? d.get(i) : ((BoolColumn) y).get(i);
                }
                yield BoolColumn.of(o);
            }
            default -> throw bad("where");
        };
        return off == null ? r : ListColumn.of(off, r);
    }

    // ------------------------------------------------------------------ lists

    /**
     * @param fn {@code sum count max min any all}
     * @param lists per-object values
     * @return one value per event: sum 0, max/min NaN (float, double) or 0 (int) for empty lists
     */
    @SuppressWarnings("unchecked")
    public static Column reduce(String fn, ListColumn<?> lists) {
        Column content = lists.content();
        switch (fn) {
            case "sum":
                if (content instanceof BoolColumn) {
                    return Reductions.count((ListColumn<BoolColumn>) lists);
                }
                return Reductions.sum((ListColumn<PrimitiveColumn>) lists);
            case "count":
                return content instanceof BoolColumn ? Reductions.count((ListColumn<BoolColumn>) lists)
                        : Selection.counts(lists);
            case "any":
                return Reductions.any((ListColumn<BoolColumn>) lists);
            case "all":
                return Reductions.all((ListColumn<BoolColumn>) lists);
            case "max", "min":
                if (content instanceof FloatColumn) {
                    return fn.equals("max") ? Reductions.max((ListColumn<FloatColumn>) lists)
                            : Reductions.min((ListColumn<FloatColumn>) lists);
                }
                return extreme(fn.equals("max"), lists);
            default:
                throw bad(fn);
        }
    }

    private static Column extreme(boolean max, ListColumn<?> lists) {
        int n = lists.length();
        PrimitiveColumn c = (PrimitiveColumn) lists.content();
        if (c instanceof IntColumn ic) {
            int[] o = new int[n];
            for (int e = 0; e < n; e++) {
                int best = 0;
                for (int j = lists.start(e); j < lists.end(e); j++) {
                    int v = ic.get(j);
                    best = j == lists.start(e) ? v : max ? Math.max(best, v) : Math.min(best, v);
                }
                o[e] = best;
            }
            return IntColumn.of(o);
        }
        double[] o = new double[n];
        for (int e = 0; e < n; e++) {
            double best = Double.NaN;
            for (int j = lists.start(e); j < lists.end(e); j++) {
                double v = c.getDouble(j);
                best = j == lists.start(e) ? v : max ? Math.max(best, v) : Math.min(best, v);
            }
            o[e] = best;
        }
        return DoubleColumn.of(o);
    }

    /**
     * @param lists per-object values
     * @param k position
     * @return the k-th value per event; NaN (float, double), 0 (int) or false when the list is shorter
     */
    @SuppressWarnings("unchecked")
    public static Column kth(ListColumn<?> lists, int k) {
        return switch (lists.content()) {
            case FloatColumn f -> Selection.kth((ListColumn<FloatColumn>) lists, k, Float.NaN);
            case IntColumn i -> Selection.kth((ListColumn<IntColumn>) lists, k, 0);
            case DoubleColumn d -> Selection.kth((ListColumn<DoubleColumn>) lists, k, Double.NaN);
            case BoolColumn b -> {
                boolean[] o = new boolean[lists.length()];
                for (int e = 0; e < o.length; e++) {
                    o[e] = lists.count(e) > k && b.get(lists.start(e) + k);
                }
                yield BoolColumn.of(o);
            }
            default -> throw bad("index");
        };
    }

    /**
     * @param lists lists of anything
     * @param from first position kept (null = 0)
     * @param to first position dropped (null = end)
     * @param <C> content
     * @return the sub-lists (a copy of the kept elements)
     */
    public static <C extends Column> ListColumn<C> slice(ListColumn<C> lists, Integer from, Integer to) {
        ListColumn<IntColumn> local = Selection.localIndex(lists);
        int lo = from == null ? 0 : from;
        ListColumn<BoolColumn> keep = Masks.ge(local, lo);
        if (to != null) {
            keep = Masks.and(keep, Masks.lt(local, to));
        }
        return Selection.filter(lists, keep);
    }

    /**
     * @param objects a collection
     * @param mask one boolean per object
     * @return the objects passing
     */
    @SuppressWarnings("unchecked")
    public static ListColumn<RecordColumn> filter(ListColumn<RecordColumn> objects, Column mask) {
        return Selection.filter(objects, (ListColumn<BoolColumn>) mask);
    }

    /**
     * @param objects a collection
     * @param key per-object sort key (float)
     * @param descending true for largest first
     * @return the objects reordered
     */
    @SuppressWarnings("unchecked")
    public static ListColumn<RecordColumn> sort(ListColumn<RecordColumn> objects, Column key, boolean descending) {
        Column k = key;
        if (!(((ListColumn<?>) k).content() instanceof FloatColumn)) {
            k = to(k, Type.Kind.FLOAT);
        }
        return Sorting.sortBy(objects, (ListColumn<FloatColumn>) k, descending);
    }

    /**
     * @param objects a collection
     * @param field a field name
     * @return the field's values as lists, normalised (no copy for bool, int, float, double)
     */
    public static Column field(ListColumn<RecordColumn> objects, String field) {
        return normalize(objects.withContent(objects.content().field(field)));
    }

    /**
     * @param objects a collection
     * @param field a float field
     * @param factor the scale
     * @return the collection with that field multiplied by {@code factor} (in float, as a Java
     *     processor writes {@code Arith.mul(pt, factor)})
     */
    public static ListColumn<RecordColumn> scale(ListColumn<RecordColumn> objects, String field, float factor) {
        FloatColumn v = objects.content().field(field, FloatColumn.class);
        return objects.withContent(objects.content().withField(field, Arith.mul(v, factor)));
    }

    /** @param c a collection @return objects per event */
    public static IntColumn counts(ListColumn<?> c) {
        return Selection.counts(c);
    }

    // ------------------------------------------------------------------ four-vectors

    private static FloatColumn kthFloat(ObjRef o, String f) {
        return (FloatColumn) to(kth((ListColumn<?>) field(o.collection(), f), o.k()), Type.Kind.FLOAT);
    }

    /**
     * @param p a sum of objects
     * @param property {@code pt eta phi mass}
     * @return the property per event (NaN when an object is missing)
     */
    public static Column p4(P4 p, String property) {
        FourVectors.PxPyPzE sum = null;
        for (ObjRef o : p.parts()) {
            FourVectors.PxPyPzE v = FourVectors.toCartesian(kthFloat(o, "pt"), kthFloat(o, "eta"), kthFloat(o, "phi"),
                    kthFloat(o, "mass"));
            sum = sum == null ? v : sum.add(v);
        }
        return property(property, sum);
    }

    /**
     * ΔR between objects or collections.
     *
     * @param a an {@link ObjRef} or a collection
     * @param b an {@link ObjRef} or a collection
     * @return per event (two objects) or per object (a collection against an object or a collection
     *     with the same counts)
     */
    @SuppressWarnings("unchecked")
    public static Column deltaR(Object a, Object b) {
        if (a instanceof ObjRef x && b instanceof ObjRef y) {
            return FourVectors.deltaR(kthFloat(x, "eta"), kthFloat(x, "phi"), kthFloat(y, "eta"), kthFloat(y, "phi"));
        }
        if (a instanceof ObjRef) {
            return deltaR(b, a);
        }
        ListColumn<RecordColumn> c = (ListColumn<RecordColumn>) a;
        ListColumn<FloatColumn> eta = (ListColumn<FloatColumn>) to(field(c, "eta"), Type.Kind.FLOAT);
        ListColumn<FloatColumn> phi = (ListColumn<FloatColumn>) to(field(c, "phi"), Type.Kind.FLOAT);
        ListColumn<FloatColumn> eta2;
        ListColumn<FloatColumn> phi2;
        if (b instanceof ObjRef y) {
            int[] off = eta.offsets();
            eta2 = ListColumn.of(off, (FloatColumn) broadcast(kthFloat(y, "eta"), off));
            phi2 = ListColumn.of(off, (FloatColumn) broadcast(kthFloat(y, "phi"), off));
        } else {
            ListColumn<RecordColumn> d = (ListColumn<RecordColumn>) b;
            eta2 = (ListColumn<FloatColumn>) to(field(d, "eta"), Type.Kind.FLOAT);
            phi2 = (ListColumn<FloatColumn>) to(field(d, "phi"), Type.Kind.FLOAT);
        }
        return FourVectors.deltaR(eta, phi, eta2, phi2);
    }

    /**
     * Removes objects within ΔR of any object of another collection.
     *
     * @param objects the collection to clean
     * @param against the other collection
     * @param dr the ΔR below which an object is removed
     * @return the kept objects
     */
    @SuppressWarnings("unchecked")
    public static ListColumn<RecordColumn> clean(ListColumn<RecordColumn> objects, ListColumn<RecordColumn> against,
            double dr) {
        ListColumn<FloatColumn> eta = (ListColumn<FloatColumn>) to(field(objects, "eta"), Type.Kind.FLOAT);
        ListColumn<FloatColumn> phi = (ListColumn<FloatColumn>) to(field(objects, "phi"), Type.Kind.FLOAT);
        ListColumn<FloatColumn> eta2 = (ListColumn<FloatColumn>) to(field(against, "eta"), Type.Kind.FLOAT);
        ListColumn<FloatColumn> phi2 = (ListColumn<FloatColumn>) to(field(against, "phi"), Type.Kind.FLOAT);
        ListColumn<ListColumn<DoubleColumn>> table = FourVectors.deltaRTable(eta, phi, eta2, phi2);
        ListColumn<DoubleColumn> inner = table.content();
        int n = objects.length();
        boolean[] out = new boolean[eta.totalCount()];
        int w = 0;
        for (int e = 0; e < n; e++) {
            for (int j = table.start(e); j < table.end(e); j++) {
                boolean ok = true;
                for (int q = inner.start(j); q < inner.end(j); q++) {
                    if (inner.content().get(q) < dr) {
                        ok = false;
                        break;
                    }
                }
                out[w++] = ok;
            }
        }
        return Selection.filter(objects, ListColumn.of(eta.zeroBasedOffsets(), BoolColumn.of(out)));
    }

    /**
     * Per object, the local index of the object of another collection it points to, −1 for none.
     *
     * @param local local indices shaped like the source objects
     * @param target the collection pointed into
     */
    public record Ref(ListColumn<IntColumn> local, ListColumn<RecordColumn> target) {
    }

    /**
     * NanoAOD stores −1 for "no match" and also indices past the objects it kept ({@code genJetIdx}
     * is set before the GenJet pt cut); both become −1 here, so a reference never reads an object
     * that is not there.
     *
     * @param source the objects holding the index field
     * @param idxField e.g. {@code genJetIdx}
     * @param target the collection it points into
     * @return the checked references
     */
    @SuppressWarnings("unchecked")
    public static Ref reference(ListColumn<RecordColumn> source, String idxField, ListColumn<RecordColumn> target) {
        ListColumn<IntColumn> idx = (ListColumn<IntColumn>) to(field(source, idxField), Type.Kind.INT);
        int[] off = idx.zeroBasedOffsets();
        IntColumn flat = (IntColumn) idx.flatContent();
        int[] out = new int[flat.length()];
        for (int e = 0; e < source.length(); e++) {
            int n = target.end(e) - target.start(e);
            for (int i = off[e]; i < off[e + 1]; i++) {
                int k = flat.get(i);
                out[i] = k >= 0 && k < n ? k : -1;
            }
        }
        return new Ref(ListColumn.of(off, IntColumn.of(out)), target);
    }

    /**
     * @param r references
     * @param name a field of the target collection
     * @return per source object, that field of the object it points to; NaN (float, double), 0
     *     (int) or false where it points to none
     */
    public static Column referencedField(Ref r, String name) {
        ListColumn<?> values = (ListColumn<?>) field(r.target(), name);
        int[] voff = values.zeroBasedOffsets();
        PrimitiveColumn v = (PrimitiveColumn) values.flatContent();
        int[] off = r.local().zeroBasedOffsets();
        IntColumn local = (IntColumn) r.local().flatContent();
        int n = local.length();
        int[] at = new int[n];
        for (int e = 0; e + 1 < off.length; e++) {
            for (int i = off[e]; i < off[e + 1]; i++) {
                int k = local.get(i);
                at[i] = k < 0 ? -1 : voff[e] + k;
            }
        }
        PrimitiveColumn out = switch (v) {
            case FloatColumn f -> {
                float[] o = new float[n];
                for (int i = 0; i < n; i++) {
                    o[i] = at[i] < 0 ? Float.NaN : f.get(at[i]);
                }
                yield FloatColumn.of(o);
            }
            case DoubleColumn d -> {
                double[] o = new double[n];
                for (int i = 0; i < n; i++) {
                    o[i] = at[i] < 0 ? Double.NaN : d.get(at[i]);
                }
                yield DoubleColumn.of(o);
            }
            case IntColumn x -> {
                int[] o = new int[n];
                for (int i = 0; i < n; i++) {
                    o[i] = at[i] < 0 ? 0 : x.get(at[i]);
                }
                yield IntColumn.of(o);
            }
            case BoolColumn b -> {
                boolean[] o = new boolean[n];
                for (int i = 0; i < n; i++) {
                    o[i] = at[i] >= 0 && b.get(at[i]);
                }
                yield BoolColumn.of(o);
            }
            default -> throw bad("cross-reference field of " + v.getClass().getSimpleName());
        };
        return ListColumn.of(off, out);
    }

    private static IllegalStateException bad(String what) {
        return new IllegalStateException("internal: unsupported operation " + what);
    }
}
