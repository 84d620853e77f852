package org.crema.correctionlib.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Common-subexpression elimination on a bound formula. JEC parametrisations repeat sub-expressions
 * (the L2Relative of Run 3 computes {@code log10(max(min(x,hi),lo))} five times); each repeated
 * sub-tree is computed once per element, stored in a frame register at its first occurrence in
 * evaluation order, and read back at the later ones. This is sound because evaluation order is fixed
 * (left operand first, no short-circuit): the first occurrence is always evaluated before the others.
 */
final class Cse {
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Integer> assigned = new HashMap<>();
    private final Map<Expr, String> keys = new java.util.IdentityHashMap<>();
    private int registers;

    private Cse() {
    }

    /** Result: the rewritten tree and the number of registers it uses. */
    record Result(Expr expr, int registers) {
    }

    static Result apply(Expr root) {
        // A repeated sub-tree needs at least two internal nodes twice plus their parent; small trees
        // (JES knots, resolutions) are skipped, which keeps loading the large JME files fast.
        if (internalNodes(root, 0) < 5) {
            return new Result(root, 0);
        }
        Cse c = new Cse();
        c.count(root);
        Expr out = c.rebuild(root);
        return new Result(out, c.registers);
    }

    private static int internalNodes(Expr e, int acc) {
        if (leaf(e) || acc >= 5) {
            return acc;
        }
        acc++;
        for (Expr child : children(e)) {
            acc = internalNodes(child, acc);
        }
        return acc;
    }

    private static boolean leaf(Expr e) {
        return e instanceof Expr.Const || e instanceof Expr.Var || e instanceof Expr.Param;
    }

    private String key(Expr e) {
        String k = keys.get(e);
        if (k != null) {
            return k;
        }
        k = switch (e) {
            case Expr.Const c -> "c" + Long.toHexString(Double.doubleToRawLongBits(c.v));
            case Expr.Var v -> "v" + v.slot;
            case Expr.Param p -> "p" + p.k;
            case Expr.Unary u -> u.op + "(" + key(u.a) + ")";
            case Expr.Binary b -> b.op + "(" + key(b.a) + "," + key(b.b) + ")";
            case Expr.Add b -> "ADD(" + key(b.a) + "," + key(b.b) + ")";
            case Expr.Sub b -> "SUB(" + key(b.a) + "," + key(b.b) + ")";
            case Expr.Mul b -> "MUL(" + key(b.a) + "," + key(b.b) + ")";
            case Expr.Div b -> "DIV(" + key(b.a) + "," + key(b.b) + ")";
            default -> "?" + System.identityHashCode(e); // never shared
        };
        keys.put(e, k);
        return k;
    }

    private void count(Expr e) {
        if (leaf(e)) {
            return;
        }
        counts.merge(key(e), 1, Integer::sum);
        for (Expr child : children(e)) {
            count(child);
        }
    }

    private static Expr[] children(Expr e) {
        return switch (e) {
            case Expr.Unary u -> new Expr[] {u.a};
            case Expr.Binary b -> new Expr[] {b.a, b.b};
            case Expr.Add b -> new Expr[] {b.a, b.b};
            case Expr.Sub b -> new Expr[] {b.a, b.b};
            case Expr.Mul b -> new Expr[] {b.a, b.b};
            case Expr.Div b -> new Expr[] {b.a, b.b};
            default -> new Expr[0];
        };
    }

    private Expr rebuild(Expr e) {
        if (leaf(e)) {
            return e;
        }
        String k = key(e);
        if (counts.getOrDefault(k, 0) > 1) {
            Integer reg = assigned.get(k);
            if (reg != null) {
                return new Expr.Load(reg);
            }
            Expr inner = rebuildChildren(e);
            int r = registers++;
            assigned.put(k, r);
            return new Expr.Store(r, inner);
        }
        return rebuildChildren(e);
    }

    private Expr rebuildChildren(Expr e) {
        return switch (e) {
            case Expr.Unary u -> new Expr.Unary(u.op, rebuild(u.a));
            case Expr.Binary b -> {
                Expr a = rebuild(b.a);
                yield new Expr.Binary(b.op, a, rebuild(b.b));
            }
            case Expr.Add b -> {
                Expr a = rebuild(b.a);
                yield new Expr.Add(a, rebuild(b.b));
            }
            case Expr.Sub b -> {
                Expr a = rebuild(b.a);
                yield new Expr.Sub(a, rebuild(b.b));
            }
            case Expr.Mul b -> {
                Expr a = rebuild(b.a);
                yield new Expr.Mul(a, rebuild(b.b));
            }
            case Expr.Div b -> {
                Expr a = rebuild(b.a);
                yield new Expr.Div(a, rebuild(b.b));
            }
            default -> e;
        };
    }
}
