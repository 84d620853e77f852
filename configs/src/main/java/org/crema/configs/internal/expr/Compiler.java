package org.crema.configs.internal.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.internal.expr.Type.Kind;
import org.crema.configs.internal.expr.Type.Shape;

/**
 * Type-checks an expression against a {@link Scope} and compiles it into a tree of whole-column
 * kernels ({@link Ops}). Runs once per configuration; at run time each chunk evaluates the tree,
 * one column operation per node, with no per-event interpretation.
 *
 * <p>Kinds follow Java: int &lt; float &lt; double, and the wider operand wins. A literal written
 * without a point is an int, one with a point or exponent a double, so {@code 2 * pt} stays float
 * while {@code 0.5 * pt} is double ({@code 0.5 * pt} in Java). Kinematic results (four-vector
 * {@code .pt .eta .phi .mass} of sums and combinations, {@code deltaR}) are double, as the Java
 * API's four-vectors return them; float branches stay float until combined with a double.
 * Comparisons are the one exception: there a literal takes the kind of the column it meets
 * ({@code pt > 30.5} compares floats with 30.5f, as a Java analysis writes {@code pt > 30.5f}),
 * and a non-integral literal against an int column compares in double. Dividing two ints gives a
 * double; {@code exp}, {@code log} and {@code pow} compute in double.
 */
public final class Compiler {
    /** Functions the language knows, for messages. */
    public static final List<String> FUNCTIONS = List.of("abs", "sqrt", "exp", "log", "pow", "min", "max", "sum",
            "count", "any", "all", "deltaR", "where", "float", "double", "int", "combinations", "best", "filter");

    /** Cross-reference names a collection may have, for messages. */
    public static final List<String> REFERENCES = List.of("matchedGen", "matchedJet", "matchedMuon", "matchedElectron",
            "matchedPhoton", "matchedTau", "mother");

    private final Scope scope;
    /** Compiled {@code combinations(...)[i]} → (the combinations, i), so a field reads one column only. */
    private final java.util.IdentityHashMap<Compiled, Object[]> members = new java.util.IdentityHashMap<>();

    private Compiler(Scope scope) {
        this.scope = scope;
    }

    /**
     * @param ast a parsed expression
     * @param scope what names mean here
     * @return the typed, compiled expression
     * @throws ExprException at the offending node for undefined names and type errors
     */
    public static Compiled compile(Ast ast, Scope scope) {
        return new Compiler(scope).c(ast);
    }

    private static Compiled constant(Kind k, double v) {
        return new Compiled(new Type(Shape.CONST, k, null), null, v);
    }

    private static Compiled of(Type t, Function<Env, Object> f) {
        return new Compiled(t, f, 0);
    }

    private Compiled c(Ast a) {
        return switch (a) {
            case Ast.Num n -> constant(n.integral() ? Kind.INT : Kind.DOUBLE, n.value());
            case Ast.Bool b -> constant(Kind.BOOL, b.value() ? 1 : 0);
            case Ast.Name n -> name(n);
            case Ast.Field f -> field(f);
            case Ast.Index i -> index(i);
            case Ast.Slice s -> slice(s);
            case Ast.Call call -> call(call);
            case Ast.Unary u -> unary(u);
            case Ast.Binary b -> binary(b);
        };
    }

    // ------------------------------------------------------------------ names

    private Compiled name(Ast.Name n) {
        String name = n.name();
        String self = scope.self();
        if (self != null) {
            Map<String, Kind> fields = scope.collection(self);
            Kind k = fields.get(name);
            if (k != null) {
                scope.use(self, name);
                return of(Type.jagged(k), env -> Ops.field(env.self(), name));
            }
        }
        Type v = scope.variable(name);
        if (v != null) {
            return of(v, env -> env.variable(name));
        }
        if (scope.collection(name) != null) {
            return of(new Type(Shape.COLLECTION, null, name), env -> env.collection(name));
        }
        Kind b = scope.branch(name);
        if (b != null) {
            return of(Type.event(b), env -> Ops.normalize(env.branch(name)));
        }
        List<String> names = new ArrayList<>(scope.names());
        if (self != null) {
            names.addAll(scope.collection(self).keySet());
        }
        throw new ExprException(n.pos(), "undefined name '" + name + "'" + Suggest.didYouMean(name, names)
                + (self != null ? "; expected a field of " + self + ", a variable, a collection or a branch"
                        : "; expected a variable, a collection or a branch"));
    }

    private Compiled field(Ast.Field f) {
        Compiled t = c(f.target());
        String name = f.name();
        Type tt = t.type();
        switch (tt.shape()) {
            case COLLECTION, OBJECT -> {
                Map<String, Kind> fields = scope.collection(tt.collection());
                Kind k = fields.get(name);
                String[] ref = k == null ? scope.reference(tt.collection(), name) : null;
                if (ref != null && tt.shape() == Shape.COLLECTION && members.get(t) == null) {
                    String idx = ref[0];
                    String target = ref[1];
                    scope.use(tt.collection(), idx);
                    return of(new Type(Shape.REF, null, target),
                            env -> Ops.reference(collection(t, env), idx, env.collection(target)));
                }
                if (k == null) {
                    List<String> names = new ArrayList<>(fields.keySet());
                    names.addAll(REFERENCES);
                    throw new ExprException(f.namePos(), tt.collection() + " has no field '" + name + "'"
                            + (ref != null ? "; cross-references such as " + name + " are read from a collection,"
                                    + " e.g. Jet." + name + ".pt" : Suggest.didYouMean(name, names)));
                }
                scope.use(tt.collection(), name);
                Object[] member = members.get(t);
                if (member != null) {
                    Compiled combos = (Compiled) member[0];
                    int slot = (Integer) member[1];
                    return of(Type.jagged(k), env -> Ops.memberField((Ops.Combos) combos.eval(env), slot, name));
                }
                if (tt.shape() == Shape.COLLECTION) {
                    return of(Type.jagged(k), env -> Ops.field(collection(t, env), name));
                }
                return of(Type.event(k), env -> {
                    Ops.ObjRef o = (Ops.ObjRef) t.eval(env);
                    return Ops.kth((ListColumn<?>) Ops.field(o.collection(), name), o.k());
                });
            }
            case COMBOS -> {
                if (!Set.of("pt", "eta", "phi", "mass").contains(name)) {
                    throw new ExprException(f.namePos(), "combinations have the pt, eta, phi and mass of their sum, not '"
                            + name + "'; use [i]." + name + " for the i-th object's field");
                }
                return of(Type.jagged(Kind.DOUBLE), env -> Ops.comboP4((Ops.Combos) t.eval(env), name));
            }
            case REF -> {
                Map<String, Kind> fields = scope.collection(tt.collection());
                Kind k = fields.get(name);
                if (k == null) {
                    throw new ExprException(f.namePos(), tt.collection() + " has no field '" + name + "'"
                            + Suggest.didYouMean(name, fields.keySet()));
                }
                scope.use(tt.collection(), name);
                return of(Type.jagged(k), env -> Ops.referencedField((Ops.Ref) t.eval(env), name));
            }
            case P4 -> {
                if (!Set.of("pt", "eta", "phi", "mass").contains(name)) {
                    throw new ExprException(f.namePos(), "a four-vector sum has pt, eta, phi and mass, not '" + name + "'");
                }
                return of(Type.event(Kind.DOUBLE), env -> Ops.p4((Ops.P4) t.eval(env), name));
            }
            default -> throw new ExprException(f.pos(), "'." + name + "' needs a collection or an object, not a "
                    + tt);
        }
    }

    @SuppressWarnings("unchecked")
    private static ListColumn<RecordColumn> collection(Compiled c, Env env) {
        return (ListColumn<RecordColumn>) c.eval(env);
    }

    private Compiled index(Ast.Index i) {
        Compiled t = c(i.target());
        int k = i.k();
        return switch (t.type().shape()) {
            case COLLECTION -> {
                scope.use(t.type().collection(), null);
                yield of(new Type(Shape.OBJECT, null, t.type().collection()),
                        env -> new Ops.ObjRef(collection(t, env), k));
            }
            case JAGGED -> of(Type.event(t.type().kind()), env -> Ops.kth((ListColumn<?>) t.eval(env), k));
            case COMBOS -> {
                if (k >= t.constant()) {
                    throw new ExprException(i.pos(), "combinations of " + (int) t.constant() + " objects have slots 0 to "
                            + ((int) t.constant() - 1) + ", not " + k);
                }
                Compiled m = of(new Type(Shape.COLLECTION, null, t.type().collection()),
                        env -> Ops.member((Ops.Combos) t.eval(env), k));
                members.put(m, new Object[] {t, k});
                yield m;
            }
            default -> throw new ExprException(i.pos(), "[" + k + "] needs a collection or per-object values, not a "
                    + t.type());
        };
    }

    private Compiled slice(Ast.Slice s) {
        Compiled t = c(s.target());
        if (s.from() != null && s.to() != null && s.to() < s.from()) {
            throw new ExprException(s.pos(), "slice end " + s.to() + " is before its start " + s.from());
        }
        return switch (t.type().shape()) {
            case COLLECTION, JAGGED -> of(t.type(), env -> Ops.slice((ListColumn<?>) t.eval(env), s.from(), s.to()));
            default -> throw new ExprException(s.pos(), "a slice needs a collection or per-object values, not a "
                    + t.type());
        };
    }

    // ------------------------------------------------------------------ operators

    private Compiled unary(Ast.Unary u) {
        Compiled x = c(u.x());
        Type t = x.type();
        switch (u.op()) {
            case "!" -> {
                requireValue(u.x(), t, Kind.BOOL, "'!'");
                if (t.shape() == Shape.CONST) {
                    return constant(Kind.BOOL, x.constant() != 0 ? 0 : 1);
                }
                return of(t, env -> Ops.not((Column) x.eval(env)));
            }
            case "~" -> {
                requireValue(u.x(), t, Kind.INT, "'~'");
                if (t.shape() == Shape.CONST) {
                    return constant(Kind.INT, ~(int) x.constant());
                }
                return of(t, env -> Ops.bitNot((Column) x.eval(env)));
            }
            default -> {
                requireNumber(u.x(), t, "'-'");
                if (t.shape() == Shape.CONST) {
                    return constant(t.kind(), -x.constant());
                }
                return of(t, env -> Ops.negate((Column) x.eval(env)));
            }
        }
    }

    private Compiled binary(Ast.Binary b) {
        String op = b.op();
        if (op.equals("+") || op.equals("-")) {
            Compiled a = c(b.a());
            Compiled y = c(b.b());
            if (isFourVector(a.type()) || isFourVector(y.type())) {
                if (op.equals("-") || !isFourVector(a.type()) || !isFourVector(y.type())) {
                    throw new ExprException(b.pos(), "four-vectors can only be added to four-vectors, e.g."
                            + " 'Muon[0] + Muon[1]'");
                }
                for (Compiled x : List.of(a, y)) {
                    if (x.type().shape() == Shape.OBJECT) {
                        for (String f : List.of("pt", "eta", "phi", "mass")) {
                            if (!scope.collection(x.type().collection()).containsKey(f)) {
                                throw new ExprException(b.pos(), x.type().collection() + " has no field '" + f
                                        + "'; four-vector sums need pt, eta, phi and mass");
                            }
                            scope.use(x.type().collection(), f);
                        }
                    }
                }
                return of(new Type(Shape.P4, null, null), env -> {
                    List<Ops.ObjRef> parts = new ArrayList<>(parts(a.eval(env)));
                    parts.addAll(parts(y.eval(env)));
                    return new Ops.P4(parts);
                });
            }
            return arithmetic(b, a, y);
        }
        Compiled a = c(b.a());
        Compiled y = c(b.b());
        return switch (op) {
            case "*", "/", "%" -> arithmetic(b, a, y);
            case "&", "|", "^" -> bits(b, a, y);
            case "&&", "||" -> logic(b, a, y);
            default -> comparison(b, a, y);
        };
    }

    private static boolean isFourVector(Type t) {
        return t.shape() == Shape.OBJECT || t.shape() == Shape.P4;
    }

    private static List<Ops.ObjRef> parts(Object v) {
        return v instanceof Ops.ObjRef o ? List.of(o) : ((Ops.P4) v).parts();
    }

    private static Kind promote(Kind a, Kind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The kind two operands of arithmetic, min, max and where() are computed in: the wider, as in Java. */
    private static Kind wider(Compiled a, Compiled b) {
        return promote(a.type().kind(), b.type().kind());
    }

    /** The kind two operands of a comparison meet in; a literal adopts the column's kind. */
    private static Kind common(Compiled a, Compiled b) {
        boolean ca = a.type().shape() == Shape.CONST;
        boolean cb = b.type().shape() == Shape.CONST;
        if (ca && !cb) {
            return literalMeets(a, b.type().kind());
        }
        if (cb && !ca) {
            return literalMeets(b, a.type().kind());
        }
        return promote(a.type().kind(), b.type().kind());
    }

    private static Kind literalMeets(Compiled literal, Kind column) {
        if (column == Kind.INT && literal.type().kind() == Kind.DOUBLE && literal.constant() != Math.rint(literal.constant())) {
            return Kind.DOUBLE;
        }
        return column == Kind.INT && literal.type().kind() == Kind.DOUBLE ? Kind.INT : column;
    }

    private static Shape shape(Compiled a, Compiled b) {
        Shape x = a.type().shape();
        Shape y = b.type().shape();
        if (x == Shape.JAGGED || y == Shape.JAGGED) {
            return Shape.JAGGED;
        }
        if (x == Shape.EVENT || y == Shape.EVENT) {
            return Shape.EVENT;
        }
        return Shape.CONST;
    }

    private static Function<Env, Object> as(Compiled c, Kind k) {
        if (c.type().kind() == k) {
            return c::eval;
        }
        return env -> Ops.to((Column) c.eval(env), k);
    }

    private Compiled arithmetic(Ast.Binary b, Compiled a, Compiled y) {
        String op = b.op();
        requireNumber(b.a(), a.type(), "'" + op + "'");
        requireNumber(b.b(), y.type(), "'" + op + "'");
        Kind k = wider(a, y);
        if (op.equals("/") && k == Kind.INT) {
            k = Kind.DOUBLE;
        }
        return numeric(op, a, y, k);
    }

    private Compiled numeric(String op, Compiled a, Compiled y, Kind k) {
        Shape s = shape(a, y);
        if (s == Shape.CONST) {
            double p = a.constant();
            double q = y.constant();
            double r = switch (op) {
                case "+" -> p + q;
                case "-" -> p - q;
                case "*" -> p * q;
                case "/" -> p / q;
                case "%" -> p % q;
                case "min" -> Math.min(p, q);
                case "max" -> Math.max(p, q);
                case "pow" -> Math.pow(p, q);
                case "&" -> (int) p & (int) q;
                case "|" -> (int) p | (int) q;
                case "^" -> (int) p ^ (int) q;
                default -> throw new IllegalStateException(op);
            };
            Kind rk = k == Kind.INT && r == Math.rint(r) && !op.equals("/") && !op.equals("pow") ? Kind.INT : Kind.DOUBLE;
            return constant(rk, r);
        }
        Type t = new Type(s, k, null);
        if (op.equals("pow")) {
            Function<Env, Object> fa = a.type().shape() == Shape.CONST ? env -> a.eval(env) : as(a, Kind.DOUBLE);
            Function<Env, Object> fy = as(y, Kind.DOUBLE);
            return of(new Type(s, Kind.DOUBLE, null), env -> Ops.pow(Ops.to((Column) fa.apply(env), Kind.DOUBLE),
                    Ops.to((Column) fy.apply(env), Kind.DOUBLE)));
        }
        if (y.type().shape() == Shape.CONST) {
            Function<Env, Object> fa = as(a, k);
            double q = y.constant();
            return of(t, env -> Ops.arithConst(op, (Column) fa.apply(env), q, false));
        }
        if (a.type().shape() == Shape.CONST) {
            Function<Env, Object> fy = as(y, k);
            double p = a.constant();
            return of(t, env -> Ops.arithConst(op, (Column) fy.apply(env), p, true));
        }
        Function<Env, Object> fa = as(a, k);
        Function<Env, Object> fy = as(y, k);
        return of(t, env -> Ops.arith(op, (Column) fa.apply(env), (Column) fy.apply(env)));
    }

    private Compiled bits(Ast.Binary b, Compiled a, Compiled y) {
        requireValue(b.a(), a.type(), Kind.INT, "'" + b.op() + "'");
        requireValue(b.b(), y.type(), Kind.INT, "'" + b.op() + "'");
        return numeric(b.op(), a, y, Kind.INT);
    }

    private Compiled logic(Ast.Binary b, Compiled a, Compiled y) {
        requireValue(b.a(), a.type(), Kind.BOOL, "'" + b.op() + "'");
        requireValue(b.b(), y.type(), Kind.BOOL, "'" + b.op() + "'");
        boolean and = b.op().equals("&&");
        if (a.type().shape() == Shape.CONST && y.type().shape() == Shape.CONST) {
            boolean p = a.constant() != 0;
            boolean q = y.constant() != 0;
            return constant(Kind.BOOL, (and ? p && q : p || q) ? 1 : 0);
        }
        Type t = new Type(shape(a, y), Kind.BOOL, null);
        return of(t, env -> Ops.logic(b.op(), (Column) a.eval(env), (Column) y.eval(env)));
    }

    private Compiled comparison(Ast.Binary b, Compiled a, Compiled y) {
        String op = b.op();
        boolean equality = op.equals("==") || op.equals("!=");
        requireAnyValue(b.a(), a.type(), "'" + op + "'");
        requireAnyValue(b.b(), y.type(), "'" + op + "'");
        boolean boolA = a.type().kind() == Kind.BOOL;
        boolean boolB = y.type().kind() == Kind.BOOL;
        if (boolA != boolB || (boolA && !equality)) {
            throw new ExprException(b.pos(), "'" + op + "' cannot compare a " + a.type() + " with a " + y.type()
                    + (boolA && boolB ? "; booleans only compare with == and !=" : "; expected two numbers"));
        }
        Shape s = shape(a, y);
        if (s == Shape.CONST) {
            double p = a.constant();
            double q = y.constant();
            boolean r = switch (op) {
                case "<" -> p < q;
                case "<=" -> p <= q;
                case ">" -> p > q;
                case ">=" -> p >= q;
                case "==" -> p == q;
                default -> p != q;
            };
            return constant(Kind.BOOL, r ? 1 : 0);
        }
        Kind k = common(a, y);
        Type t = new Type(s, Kind.BOOL, null);
        // (x & bits) == bits and (x & bit) != 0 for one bit: the bit-test kernel.
        if (y.type().shape() == Shape.CONST && b.a() instanceof Ast.Binary inner && inner.op().equals("&")
                && k == Kind.INT) {
            Compiled lhs = c(inner.a());
            Compiled mask = c(inner.b());
            if (lhs.type().shape() != Shape.CONST && mask.type().shape() == Shape.CONST) {
                int bits = (int) mask.constant();
                int q = (int) y.constant();
                if (op.equals("==") && q == bits || op.equals("!=") && q == 0 && Integer.bitCount(bits) == 1) {
                    Function<Env, Object> f = as(lhs, Kind.INT);
                    return of(t, env -> Ops.hasBits((Column) f.apply(env), bits));
                }
            }
        }
        if (y.type().shape() == Shape.CONST) {
            Function<Env, Object> fa = as(a, k);
            double q = y.constant();
            return of(t, env -> Ops.compareConst(op, (Column) fa.apply(env), q, false));
        }
        if (a.type().shape() == Shape.CONST) {
            Function<Env, Object> fy = as(y, k);
            double p = a.constant();
            return of(t, env -> Ops.compareConst(op, (Column) fy.apply(env), p, true));
        }
        Function<Env, Object> fa = as(a, k);
        Function<Env, Object> fy = as(y, k);
        return of(t, env -> Ops.compare(op, (Column) fa.apply(env), (Column) fy.apply(env)));
    }

    // ------------------------------------------------------------------ functions

    private Compiled call(Ast.Call call) {
        String fn = call.name();
        List<Ast> args = call.args();
        switch (fn) {
            case "abs", "sqrt", "exp", "log" -> {
                arity(call, 1);
                Compiled x = c(args.get(0));
                requireNumber(args.get(0), x.type(), fn + "()");
                if (x.type().shape() == Shape.CONST) {
                    double v = x.constant();
                    double r = switch (fn) {
                        case "abs" -> Math.abs(v);
                        case "sqrt" -> Math.sqrt(v);
                        case "exp" -> Math.exp(v);
                        default -> Math.log(v);
                    };
                    return constant(fn.equals("abs") ? x.type().kind() : Kind.DOUBLE, r);
                }
                Kind k = x.type().kind();
                if (fn.equals("exp") || fn.equals("log") || fn.equals("sqrt") && k == Kind.INT) {
                    k = Kind.DOUBLE;
                }
                Function<Env, Object> f = as(x, k);
                return of(new Type(x.type().shape(), k, null), env -> Ops.math(fn, (Column) f.apply(env)));
            }
            case "pow" -> {
                arity(call, 2);
                Compiled a = c(args.get(0));
                Compiled y = c(args.get(1));
                requireNumber(args.get(0), a.type(), "pow()");
                requireNumber(args.get(1), y.type(), "pow()");
                return numeric("pow", a, y, Kind.DOUBLE);
            }
            case "min", "max" -> {
                if (args.size() == 2) {
                    Compiled a = c(args.get(0));
                    Compiled y = c(args.get(1));
                    requireNumber(args.get(0), a.type(), fn + "()");
                    requireNumber(args.get(1), y.type(), fn + "()");
                    return numeric(fn, a, y, wider(a, y));
                }
                return reduction(call);
            }
            case "sum", "count", "any", "all" -> {
                return reduction(call);
            }
            case "float", "double", "int" -> {
                arity(call, 1);
                Compiled x = c(args.get(0));
                requireNumber(args.get(0), x.type(), fn + "()");
                Kind k = Kind.valueOf(fn.toUpperCase());
                if (x.type().shape() == Shape.CONST) {
                    double v = x.constant();
                    return constant(k, k == Kind.INT ? (int) v : k == Kind.FLOAT ? (float) v : v);
                }
                return of(new Type(x.type().shape(), k, null), as(x, k));
            }
            case "where" -> {
                arity(call, 3);
                Compiled cond = c(args.get(0));
                Compiled a = c(args.get(1));
                Compiled y = c(args.get(2));
                requireValue(args.get(0), cond.type(), Kind.BOOL, "the condition of where()");
                requireAnyValue(args.get(1), a.type(), "where()");
                requireAnyValue(args.get(2), y.type(), "where()");
                if ((a.type().kind() == Kind.BOOL) != (y.type().kind() == Kind.BOOL)) {
                    throw new ExprException(args.get(2).pos(), "where() needs two values of one kind, got a "
                            + a.type() + " and a " + y.type());
                }
                Kind k = wider(a, y);
                Shape s = shape(cond, new Compiled(new Type(shape(a, y), k, null), null, 0));
                if (s == Shape.CONST) {
                    s = Shape.EVENT;
                }
                Function<Env, Object> fa = as(a, k);
                Function<Env, Object> fy = as(y, k);
                Type t = new Type(s, k, null);
                return of(t, env -> Ops.where((Column) cond.eval(env), (Column) fa.apply(env), (Column) fy.apply(env)));
            }
            case "combinations" -> {
                arity(call, 2);
                Compiled c = c(args.get(0));
                if (c.type().shape() != Shape.COLLECTION) {
                    throw new ExprException(args.get(0).pos(), "combinations() needs a collection, e.g."
                            + " combinations(GoodJet, 3), not a " + c.type());
                }
                if (!(args.get(1) instanceof Ast.Num n) || !n.integral() || n.value() < 2 || n.value() > 5) {
                    throw new ExprException(args.get(1).pos(), "combinations() needs a number of objects from 2 to 5");
                }
                int k = (int) n.value();
                for (String f : List.of("pt", "eta", "phi", "mass")) {
                    if (scope.collection(c.type().collection()).containsKey(f)) {
                        scope.use(c.type().collection(), f);
                    }
                }
                // The arity rides in the constant slot, so [i] can be checked at load.
                String key = "combinations(" + c.type().collection() + "," + k + ")";
                return new Compiled(new Type(Shape.COMBOS, null, c.type().collection()),
                        env -> env.memo(key, collection(c, env), () -> Ops.combinations(collection(c, env), k)), k);
            }
            case "best", "filter" -> {
                arity(call, 2);
                Compiled v = c(args.get(0));
                Compiled key = c(args.get(1));
                if (v.type().shape() != Shape.JAGGED) {
                    throw new ExprException(args.get(0).pos(), fn + "() needs per-object values, got a " + v.type());
                }
                if (key.type().shape() != Shape.JAGGED) {
                    throw new ExprException(args.get(1).pos(), fn + "() needs per-object "
                            + (fn.equals("best") ? "numbers" : "booleans") + " with the same objects, got a " + key.type());
                }
                if (fn.equals("filter")) {
                    requireValue(args.get(1), key.type(), Kind.BOOL, "filter()");
                    return of(v.type(), env -> Ops.filterValues((ListColumn<?>) v.eval(env), (ListColumn<?>) key.eval(env)));
                }
                requireNumber(args.get(1), key.type(), "best()");
                return of(Type.event(v.type().kind()),
                        env -> Ops.best((ListColumn<?>) v.eval(env), (ListColumn<?>) key.eval(env)));
            }
            case "deltaR" -> {
                arity(call, 2);
                Compiled a = c(args.get(0));
                Compiled y = c(args.get(1));
                for (int i = 0; i < 2; i++) {
                    Compiled x = i == 0 ? a : y;
                    Shape s = x.type().shape();
                    if (s != Shape.OBJECT && s != Shape.COLLECTION) {
                        throw new ExprException(args.get(i).pos(), "deltaR() needs objects or collections, e.g."
                                + " deltaR(Muon[0], Muon[1]), not a " + x.type());
                    }
                    scope.use(x.type().collection(), "eta");
                    scope.use(x.type().collection(), "phi");
                }
                boolean perEvent = a.type().shape() == Shape.OBJECT && y.type().shape() == Shape.OBJECT;
                return of(perEvent ? Type.event(Kind.DOUBLE) : Type.jagged(Kind.DOUBLE),
                        env -> Ops.deltaR(a.eval(env), y.eval(env)));
            }
            default -> throw new ExprException(call.pos(), "unknown function '" + fn + "'"
                    + Suggest.didYouMean(fn, FUNCTIONS) + "; expected one of " + FUNCTIONS);
        }
    }

    private Compiled reduction(Ast.Call call) {
        String fn = call.name();
        arity(call, 1);
        Ast arg = call.args().get(0);
        Compiled x = c(arg);
        Shape s = x.type().shape();
        if (fn.equals("count") && s == Shape.COLLECTION) {
            scope.use(x.type().collection(), null);
            return of(Type.event(Kind.INT), env -> Ops.counts((ListColumn<?>) x.eval(env)));
        }
        if (s != Shape.JAGGED) {
            throw new ExprException(arg.pos(), fn + "() reduces per-object values to one per event, e.g. " + fn
                    + (fn.equals("any") || fn.equals("all") ? "(Jet.pt > 30)" : "(Jet.pt)") + "; got a " + x.type());
        }
        Kind k = x.type().kind();
        Kind out = switch (fn) {
            case "any", "all" -> {
                if (k != Kind.BOOL) {
                    throw new ExprException(arg.pos(), fn + "() needs per-object booleans, got a " + x.type());
                }
                yield Kind.BOOL;
            }
            case "count" -> {
                if (k != Kind.BOOL) {
                    throw new ExprException(arg.pos(), "count() needs a collection or per-object booleans, got a "
                            + x.type());
                }
                yield Kind.INT;
            }
            case "sum" -> k == Kind.BOOL ? Kind.INT : k;
            default -> {
                if (k == Kind.BOOL) {
                    throw new ExprException(arg.pos(), fn + "() needs per-object numbers, got a " + x.type());
                }
                yield k;
            }
        };
        return of(Type.event(out), env -> Ops.reduce(fn, (ListColumn<?>) x.eval(env)));
    }

    private static void arity(Ast.Call call, int n) {
        if (call.args().size() != n) {
            throw new ExprException(call.pos(), call.name() + "() takes " + n + " argument" + (n == 1 ? "" : "s")
                    + ", got " + call.args().size());
        }
    }

    private static void requireNumber(Ast at, Type t, String what) {
        if (!t.isValue() || t.kind() == Kind.BOOL) {
            throw new ExprException(at.pos(), what + " needs a number, got a " + t);
        }
    }

    private static void requireAnyValue(Ast at, Type t, String what) {
        if (!t.isValue()) {
            throw new ExprException(at.pos(), what + " needs a number or boolean, got a " + t
                    + (t.shape() == Shape.COLLECTION ? "; did you mean a field, e.g. " + t.collection() + ".pt?" : ""));
        }
    }

    private static void requireValue(Ast at, Type t, Kind k, String what) {
        if (!t.isValue() || t.kind() != k) {
            throw new ExprException(at.pos(), what + " needs a" + (k == Kind.INT ? "n int" : " " + k.name().toLowerCase())
                    + ", got a " + t);
        }
    }
}
