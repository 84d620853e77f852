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
 *
 * <p>The ROOT dialect (JetMET and BTV text files, written for ROOT's TFormula) differs: unary minus
 * binds looser than {@code ^} ({@code -x^2} is {@code -(x^2)}) and the exponent may carry a sign
 * ({@code 2^-1}); unary {@code +} and {@code !} exist; functions may be spelt with a {@code TMath::}
 * prefix and in any case ({@code TMath::Erf}, {@code TMath::Power}), with {@code fabs}, {@code erfc},
 * {@code power} and {@code fmod} besides the common ones; {@code Pi} is a constant; literals may
 * start with a point and have {@code E} and a signed exponent; whitespace is any Unicode
 * whitespace; variables are x, y, z, t or {@code x[0..3]}; and transcendental functions use
 * {@link Math} rather than {@link StrictMath} (see the operators of {@code Expr.Op}).
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
    private static final Map<String, Expr.Op> ROOT_UNARY = Map.ofEntries(
            Map.entry("log", Expr.Op.LOG_M), Map.entry("log10", Expr.Op.LOG10_M), Map.entry("exp", Expr.Op.EXP_M),
            Map.entry("sqrt", Expr.Op.SQRT), Map.entry("abs", Expr.Op.ABS), Map.entry("fabs", Expr.Op.ABS),
            Map.entry("erf", Expr.Op.ERF), Map.entry("erfc", Expr.Op.ERFC), Map.entry("cos", Expr.Op.COS_M),
            Map.entry("sin", Expr.Op.SIN_M), Map.entry("tan", Expr.Op.TAN_M), Map.entry("acos", Expr.Op.ACOS_M),
            Map.entry("asin", Expr.Op.ASIN_M), Map.entry("atan", Expr.Op.ATAN_M), Map.entry("cosh", Expr.Op.COSH_M),
            Map.entry("sinh", Expr.Op.SINH_M), Map.entry("tanh", Expr.Op.TANH_M));
    private static final Map<String, Expr.Op> ROOT_BINARY = Map.of(
            "pow", Expr.Op.POW_M, "power", Expr.Op.POW_M, "max", Expr.Op.MAX, "min", Expr.Op.MIN,
            "atan2", Expr.Op.ATAN2_M, "fmod", Expr.Op.FMOD);
    /** Highest variable index of the ROOT dialect: x, y, z, t. */
    private static final int ROOT_VARIABLES = 4;

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
    private final boolean root;
    private int pos;

    private FormulaParser(String s, int[] variableSlots, boolean root) {
        this.s = s;
        this.variableSlots = variableSlots;
        this.root = root;
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
        return parse(expression, variableSlots, false);
    }

    /**
     * Parses {@code expression} in the correctionlib or the ROOT dialect (see the class comment).
     *
     * @param expression the formula text
     * @param variableSlots input slot of x (index 0), y, z, t / x[N]
     * @param root whether to parse the ROOT dialect
     * @return the unbound tree
     * @throws SyntaxError with the failing position
     */
    public static Expr parse(String expression, int[] variableSlots, boolean root) throws SyntaxError {
        FormulaParser p = new FormulaParser(expression, variableSlots, root);
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
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t'
                || root && Character.isWhitespace(s.charAt(pos)))) {
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
        Expr e = factor();
        while (true) {
            if (eat("*")) {
                e = new Expr.Mul(e, factor());
            } else if (eat("/")) {
                e = new Expr.Div(e, factor());
            } else {
                return e;
            }
        }
    }

    private Expr factor() throws SyntaxError {
        return root ? rootUnary() : power();
    }

    /** ROOT: a sign applies to a whole power ({@code -2^2 = -4}); the exponent may be signed. */
    private Expr rootUnary() throws SyntaxError {
        skip();
        if (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '-') {
                pos++;
                Expr a = rootUnary();
                return a instanceof Expr.Const k ? new Expr.Const(-k.v) : new Expr.Unary(Expr.Op.NEG, a);
            }
            if (c == '+') {
                pos++;
                return rootUnary();
            }
            if (c == '!' && !s.startsWith("!=", pos)) {
                pos++;
                return new Expr.Unary(Expr.Op.NOT, rootUnary());
            }
        }
        Expr base = atom();
        if (eat("^")) {
            return new Expr.Binary(Expr.Op.POW_M, base, rootUnary()); // right-associative
        }
        return base;
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
        if (c >= '0' && c <= '9' || root && c == '.') {
            return root ? rootNumber() : number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                    || root && s.startsWith("::", pos))) {
                pos += s.charAt(pos) == ':' ? 2 : 1;
            }
            String name = s.substring(start, pos);
            skip();
            boolean call = pos < s.length() && s.charAt(pos) == '(';
            if (root) {
                return rootName(name, start, call);
            }
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

    /** ROOT: a function call (TMath:: prefix and case ignored), x, y, z, t, x[0..3] or Pi. */
    private Expr rootName(String name, int start, boolean call) throws SyntaxError {
        String fn = name.startsWith("TMath::") ? name.substring(7) : name;
        if (call) {
            String key = fn.toLowerCase(java.util.Locale.ROOT);
            Expr.Op u = ROOT_UNARY.get(key);
            Expr.Op b = ROOT_BINARY.get(key);
            if (u == null && b == null) {
                throw new SyntaxError(start, "unknown function '" + name + "'");
            }
            pos++; // '('
            java.util.List<Expr> args = new java.util.ArrayList<>();
            if (!eat(")")) {
                do {
                    args.add(or());
                } while (eat(","));
                expect(")");
            }
            int want = u != null ? 1 : 2;
            if (args.size() != want) {
                throw new SyntaxError(start, name + " takes " + want + " argument" + (want == 1 ? "" : "s")
                        + ", got " + args.size());
            }
            return u != null ? new Expr.Unary(u, args.get(0)) : new Expr.Binary(b, args.get(0), args.get(1));
        }
        int index = switch (name) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            case "t" -> 3;
            default -> -1;
        };
        if (index < 0) {
            if (fn.equals("Pi") || fn.equals("pi")) {
                return new Expr.Const(Math.PI);
            }
            throw new SyntaxError(start, "unknown name '" + name + "' (variables are x, y, z, t, x[0..3]; parameters [N])");
        }
        if (index == 0 && pos < s.length() && s.charAt(pos) == '[') {
            pos++;
            index = integer();
            expect("]");
            if (index >= ROOT_VARIABLES) {
                throw new SyntaxError(start, "variable index x[" + index + "] must be 0..3");
            }
        }
        if (index >= variableSlots.length) {
            throw new SyntaxError(start, "variable '" + name + "' needs " + (index + 1)
                    + " variables, but the formula declares " + variableSlots.length);
        }
        return new Expr.Var(variableSlots[index]);
    }

    /** ROOT literal: digits and points, then an optional exponent {@code e|E [+-] digits}. */
    private Expr rootNumber() throws SyntaxError {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            int d = pos;
            digits();
            if (d == pos) {
                pos = save; // not an exponent; leave 'e' to fail as an unknown name
            }
        }
        String literal = s.substring(start, pos);
        try {
            return new Expr.Const(Double.parseDouble(literal));
        } catch (NumberFormatException e) {
            throw new SyntaxError(start, "bad number '" + literal + "'");
        }
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
