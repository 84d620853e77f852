package org.crema.correctionlib.internal;

import java.util.Map;

/**
 * Parses the TFormula subset of correctionlib into an {@link Expr} tree.
 *
 * <p>Grammar, lowest to highest precedence, all binary operators left-associative except {@code ^}:
 * {@code ||}; {@code &&}; {@code == !=}; {@code > < >= <=}; {@code + -}; {@code * /}; {@code ^}.
 * A unary minus prefixes an atom and binds tighter than {@code ^} ({@code -x^2} is {@code (-x)^2}),
 * which also covers literals with their own leading minus ({@code a+-0.0006*x}). Literals are
 * {@code [0-9]+(.[0-9]*)?(e-?[0-9]+)?}; variables {@code x y z t} or {@code x[N]}; parameters
 * {@code [N]}; whitespace is spaces and tabs.
 */
public final class FormulaParser {
    private static final Map<String, Expr.Op> UNARY = Map.ofEntries(
            Map.entry("log", Expr.Op.LOG), Map.entry("log10", Expr.Op.LOG10), Map.entry("exp", Expr.Op.EXP),
            Map.entry("erf", Expr.Op.ERF), Map.entry("sqrt", Expr.Op.SQRT), Map.entry("abs", Expr.Op.ABS),
            Map.entry("cos", Expr.Op.COS), Map.entry("sin", Expr.Op.SIN), Map.entry("tan", Expr.Op.TAN),
            Map.entry("acos", Expr.Op.ACOS), Map.entry("asin", Expr.Op.ASIN), Map.entry("atan", Expr.Op.ATAN),
            Map.entry("cosh", Expr.Op.COSH), Map.entry("sinh", Expr.Op.SINH), Map.entry("tanh", Expr.Op.TANH),
            Map.entry("acosh", Expr.Op.ACOSH), Map.entry("asinh", Expr.Op.ASINH), Map.entry("atanh", Expr.Op.ATANH));
    private static final Map<String, Expr.Op> BINARY = Map.of(
            "atan2", Expr.Op.ATAN2, "pow", Expr.Op.POWF, "max", Expr.Op.MAX, "min", Expr.Op.MIN);

    /** A syntax error at a character position of the expression. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        /** Zero-based character position. */
        public final int position;

        SyntaxError(int position, String message) {
            super(message);
            this.position = position;
        }
    }

    private final String s;
    private final int[] variableSlots;
    private int pos;

    private FormulaParser(String s, int[] variableSlots) {
        this.s = s;
        this.variableSlots = variableSlots;
    }

    /**
     * Parses {@code expression}; parameters stay symbolic until {@link #bind}.
     *
     * @param expression the formula text
     * @param variableSlots input slot of x (index 0), y, z, t / x[N]
     * @return the unbound tree
     * @throws SyntaxError with the failing position
     */
    public static Expr parse(String expression, int[] variableSlots) throws SyntaxError {
        FormulaParser p = new FormulaParser(expression, variableSlots);
        Expr e = p.or();
        p.skip();
        if (p.pos != p.s.length()) {
            throw new SyntaxError(p.pos, "unexpected '" + p.s.charAt(p.pos) + "'");
        }
        return e;
    }

    /** @return the largest parameter index {@code e} uses, or -1 */
    public static int maxParameter(Expr e) {
        return e.maxParameter();
    }

    /** Binds parameters (length must exceed {@link #maxParameter}) and folds constants. */
    public static Expr bind(Expr e, double[] params) {
        return e.bind(params);
    }

    private void skip() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean eat(String token) {
        skip();
        if (s.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private Expr or() throws SyntaxError {
        Expr e = and();
        while (eat("||")) {
            e = new Expr.Binary(Expr.Op.OR, e, and());
        }
        return e;
    }

    private Expr and() throws SyntaxError {
        Expr e = equality();
        while (eat("&&")) {
            e = new Expr.Binary(Expr.Op.AND, e, equality());
        }
        return e;
    }

    private Expr equality() throws SyntaxError {
        Expr e = relational();
        while (true) {
            if (eat("==")) {
                e = new Expr.Binary(Expr.Op.EQ, e, relational());
            } else if (eat("!=")) {
                e = new Expr.Binary(Expr.Op.NE, e, relational());
            } else {
                return e;
            }
        }
    }

    private Expr relational() throws SyntaxError {
        Expr e = additive();
        while (true) {
            // Longest match first: ">=" before ">".
            if (eat(">=")) {
                e = new Expr.Binary(Expr.Op.GE, e, additive());
            } else if (eat("<=")) {
                e = new Expr.Binary(Expr.Op.LE, e, additive());
            } else if (eat(">")) {
                e = new Expr.Binary(Expr.Op.GT, e, additive());
            } else if (eat("<")) {
                e = new Expr.Binary(Expr.Op.LT, e, additive());
            } else {
                return e;
            }
        }
    }

    private Expr additive() throws SyntaxError {
        Expr e = multiplicative();
        while (true) {
            if (eat("+")) {
                e = new Expr.Add(e, multiplicative());
            } else if (eat("-")) {
                e = new Expr.Sub(e, multiplicative());
            } else {
                return e;
            }
        }
    }

    private Expr multiplicative() throws SyntaxError {
        Expr e = power();
        while (true) {
            if (eat("*")) {
                e = new Expr.Mul(e, power());
            } else if (eat("/")) {
                e = new Expr.Div(e, power());
            } else {
                return e;
            }
        }
    }

    private Expr power() throws SyntaxError {
        Expr base = unary();
        if (eat("^")) {
            return new Expr.Binary(Expr.Op.POW, base, power()); // right-associative
        }
        return base;
    }

    private Expr unary() throws SyntaxError {
        skip();
        if (pos < s.length() && s.charAt(pos) == '-') {
            pos++;
            Expr a = unary();
            return a instanceof Expr.Const c ? new Expr.Const(-c.v) : new Expr.Unary(Expr.Op.NEG, a);
        }
        return atom();
    }

    private Expr atom() throws SyntaxError {
        skip();
        if (pos >= s.length()) {
            throw new SyntaxError(pos, "expression ends where a value is expected");
        }
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            Expr e = or();
            expect(")");
            return e;
        }
        if (c == '[') {
            pos++;
            int k = integer();
            expect("]");
            return new Expr.Param(k);
        }
        if (c >= '0' && c <= '9') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String name = s.substring(start, pos);
            skip();
            boolean call = pos < s.length() && s.charAt(pos) == '(';
            if (call) {
                Expr.Op u = UNARY.get(name);
                Expr.Op b = BINARY.get(name);
                if (u == null && b == null) {
                    throw new SyntaxError(start, "unknown function '" + name + "'");
                }
                pos++;
                Expr a = or();
                if (u != null) {
                    expect(")");
                    return new Expr.Unary(u, a);
                }
                expect(",");
                Expr second = or();
                expect(")");
                return new Expr.Binary(b, a, second);
            }
            int index = switch (name) {
                case "x" -> 0;
                case "y" -> 1;
                case "z" -> 2;
                case "t" -> 3;
                default -> throw new SyntaxError(start, "unknown name '" + name + "' (variables are x, y, z, t, x[N]; parameters [N])");
            };
            if (name.equals("x") && pos < s.length() && s.charAt(pos) == '[') {
                pos++;
                index = integer();
                expect("]");
            }
            if (index >= variableSlots.length) {
                throw new SyntaxError(start, "variable '" + name + (name.equals("x") && index > 0 ? "[" + index + "]" : "")
                        + "' needs " + (index + 1) + " variables, but the formula declares " + variableSlots.length);
            }
            return new Expr.Var(variableSlots[index]);
        }
        throw new SyntaxError(pos, "unexpected '" + c + "'");
    }

    private void expect(String token) throws SyntaxError {
        if (!eat(token)) {
            throw new SyntaxError(pos, "expected '" + token + "'");
        }
    }

    private int integer() throws SyntaxError {
        skip();
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new SyntaxError(pos, "expected an index");
        }
        try {
            return Integer.parseInt(s.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new SyntaxError(start, "index too large");
        }
    }

    private Expr number() {
        int start = pos;
        digits();
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < s.length() && s.charAt(pos) == 'e') {
            int save = pos;
            pos++;
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
            }
            int d = pos;
            digits();
            if (d == pos) {
                pos = save; // not an exponent; leave 'e' to fail as an unknown name
            }
        }
        return new Expr.Const(Double.parseDouble(s.substring(start, pos)));
    }

    private void digits() {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
    }
}
