package org.crema.corrections.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A compiled ROOT TFormula expression as used in JetMET and BTV text files: variables {@code x, y,
 * z, t} (or {@code x[0..3]}), parameters {@code [k]}, the usual operators and the functions the
 * files use ({@code TMath::} prefixes are accepted).
 *
 * <p>The expression is compiled to a list of instructions over a DAG in which identical
 * sub-expressions are shared (JEC parametrisations repeat {@code log10(x)} up to five times).
 * Evaluation is column-at-a-time: every instruction runs over a whole batch before the next one,
 * so the interpretation overhead is paid once per batch rather than once per jet. Parameters are
 * gathered per element from a column-major table indexed by a per-element row number (the text
 * file's bin record).
 *
 * <p>Semantics: IEEE double arithmetic; comparisons and logical operators yield 1.0 or 0.0; unary
 * minus binds looser than {@code ^} ({@code -x^2 = -(x^2)}), as in ROOT. Instances are immutable
 * and thread-safe; scratch space lives in the caller-owned {@link Scratch}.
 */
public final class Formula {
    // Opcodes. Leaves first, then unary, then binary.
    static final int CONST = 0, VAR = 1, PARAM = 2;
    static final int NEG = 10, LOG = 11, LOG10 = 12, EXP = 13, SQRT = 14, ABS = 15, ERF = 16, COS = 17,
            SIN = 18, TAN = 19, ACOS = 20, ASIN = 21, ATAN = 22, COSH = 23, SINH = 24, TANH = 25, NOT = 26,
            ERFC = 27;
    static final int ADD = 40, SUB = 41, MUL = 42, DIV = 43, POW = 44, LT = 45, GT = 46, LE = 47, GE = 48,
            EQ = 49, NE = 50, AND = 51, OR = 52, MAX = 53, MIN = 54, ATAN2 = 55, FMOD = 56;

    private static final Map<String, Integer> UNARY = new HashMap<>();
    private static final Map<String, Integer> BINARY = new HashMap<>();

    static {
        UNARY.put("log", LOG);
        UNARY.put("log10", LOG10);
        UNARY.put("exp", EXP);
        UNARY.put("sqrt", SQRT);
        UNARY.put("abs", ABS);
        UNARY.put("fabs", ABS);
        UNARY.put("erf", ERF);
        UNARY.put("erfc", ERFC);
        UNARY.put("cos", COS);
        UNARY.put("sin", SIN);
        UNARY.put("tan", TAN);
        UNARY.put("acos", ACOS);
        UNARY.put("asin", ASIN);
        UNARY.put("atan", ATAN);
        UNARY.put("cosh", COSH);
        UNARY.put("sinh", SINH);
        UNARY.put("tanh", TANH);
        BINARY.put("pow", POW);
        BINARY.put("power", POW);
        BINARY.put("max", MAX);
        BINARY.put("min", MIN);
        BINARY.put("atan2", ATAN2);
        BINARY.put("fmod", FMOD);
    }

    private final String expression;
    private final int[] op;
    private final int[] a;
    private final int[] b;
    private final double[] constant;
    private final int maxVariable;
    private final int maxParameter;
    private final boolean constantResult;

    private Formula(String expression, List<Node> program, int maxVariable, int maxParameter) {
        this.expression = expression;
        int n = program.size();
        op = new int[n];
        a = new int[n];
        b = new int[n];
        constant = new double[n];
        for (int i = 0; i < n; i++) {
            Node node = program.get(i);
            op[i] = node.op;
            a[i] = node.a;
            b[i] = node.b;
            constant[i] = node.value;
        }
        this.maxVariable = maxVariable;
        this.maxParameter = maxParameter;
        this.constantResult = n == 1 && op[0] == CONST;
    }

    /**
     * Compiles an expression.
     *
     * @param expression the TFormula text
     * @return the compiled formula
     * @throws IllegalArgumentException with the position of the first character that cannot be
     *     parsed
     */
    public static Formula compile(String expression) {
        Parser parser = new Parser(expression);
        int root = parser.parseExpression();
        parser.skipSpaces();
        if (parser.pos != parser.text.length()) {
            throw parser.error("unexpected '" + parser.text.charAt(parser.pos) + "'");
        }
        // Children are always added before parents, but interning and constant folding can leave
        // unreachable nodes or put the root early: keep only what the root reaches, in post-order.
        List<Node> program = new ArrayList<>();
        int[] remap = new int[parser.nodes.size()];
        java.util.Arrays.fill(remap, -1);
        linearize(parser.nodes, root, remap, program);
        return new Formula(expression, program, parser.maxVariable, parser.maxParameter);
    }

    private static int linearize(List<Node> nodes, int i, int[] remap, List<Node> program) {
        if (remap[i] >= 0) {
            return remap[i];
        }
        Node node = nodes.get(i);
        Node copy;
        if (node.op < NEG) {
            copy = node;
        } else if (node.op < ADD) {
            copy = new Node(node.op, linearize(nodes, node.a, remap, program), 0, 0);
        } else {
            int x = linearize(nodes, node.a, remap, program);
            int y = linearize(nodes, node.b, remap, program);
            copy = new Node(node.op, x, y, 0);
        }
        program.add(copy);
        remap[i] = program.size() - 1;
        return remap[i];
    }

    /** @return the source text */
    public String expression() {
        return expression;
    }

    /** @return the number of variables the expression uses (highest index + 1) */
    public int variableCount() {
        return maxVariable + 1;
    }

    /** @return the number of parameters the expression uses (highest index + 1) */
    public int parameterCount() {
        return maxParameter + 1;
    }

    /** @return the number of instructions after constant folding and sharing common sub-expressions */
    int instructionCount() {
        return op.length;
    }

    /** @return whether the formula does not depend on variables or parameters */
    public boolean isConstant() {
        return constantResult;
    }

    /** @return the constant value, meaningful only when {@link #isConstant()} */
    public double constantValue() {
        return constant[0];
    }

    /**
     * Evaluates one point.
     *
     * @param vars the variable values (x, y, z, t)
     * @param params the parameter values
     * @return the formula value
     */
    public double evaluate(double[] vars, double[] params) {
        return evaluate(vars, params, new double[op.length]);
    }

    /** @return the size of the register array {@link #evaluate(double[], double[], double[])} needs */
    public int registerCount() {
        return op.length;
    }

    /**
     * Evaluates one point without allocating.
     *
     * @param vars the variable values (x, y, z, t)
     * @param params the parameter values
     * @param r scratch registers, at least {@link #registerCount()} long
     * @return the formula value
     */
    public double evaluate(double[] vars, double[] params, double[] r) {
        int n = op.length;
        for (int i = 0; i < n; i++) {
            int o = op[i];
            double v;
            if (o == CONST) {
                v = constant[i];
            } else if (o == VAR) {
                v = vars[a[i]];
            } else if (o == PARAM) {
                v = params[a[i]];
            } else if (o < ADD) {
                v = unary(o, r[a[i]]);
            } else {
                v = binary(o, r[a[i]], r[b[i]]);
            }
            r[i] = v;
        }
        return r[n - 1];
    }

    /** Caller-owned scratch space for batch evaluation (not thread-safe; one per thread). */
    public static final class Scratch {
        private double[][] slots = new double[0][];
        private int batch;

        /** Creates empty scratch space; it grows to the largest formula and batch it serves. */
        public Scratch() {
        }

        double[][] slots(int count, int batchSize) {
            if (slots.length < count || batch < batchSize) {
                int size = Math.max(batchSize, batch);
                double[][] fresh = new double[Math.max(count, slots.length)][];
                for (int i = 0; i < fresh.length; i++) {
                    fresh[i] = new double[size];
                }
                slots = fresh;
                batch = size;
            }
            return slots;
        }
    }

    /**
     * Evaluates a batch: element {@code j} uses variables {@code vars[v][j]} and parameters {@code
     * params[k][rows[j]]}.
     *
     * @param vars variable columns (at least {@link #variableCount()}, each of length {@code >= n})
     * @param params column-major parameter table: {@code params[k][row]}
     * @param rows per-element row index into the parameter table
     * @param n number of elements
     * @param out receives {@code n} results
     * @param scratch reusable scratch space
     */
    public void evaluate(double[][] vars, double[][] params, int[] rows, int n, double[] out, Scratch scratch) {
        if (constantResult) {
            java.util.Arrays.fill(out, 0, n, constant[0]);
            return;
        }
        int count = op.length;
        double[][] r = scratch.slots(count, n);
        // Views: a VAR instruction reads the caller's column directly instead of copying it.
        double[][] view = new double[count][];
        for (int i = 0; i < count; i++) {
            int o = op[i];
            double[] dst = i == count - 1 ? out : r[i];
            switch (o) {
                case CONST -> {
                    java.util.Arrays.fill(dst, 0, n, constant[i]);
                    view[i] = dst;
                }
                case VAR -> {
                    if (i == count - 1) {
                        System.arraycopy(vars[a[i]], 0, out, 0, n);
                    }
                    view[i] = vars[a[i]];
                }
                case PARAM -> {
                    double[] p = params[a[i]];
                    for (int j = 0; j < n; j++) {
                        dst[j] = p[rows[j]];
                    }
                    view[i] = dst;
                }
                default -> {
                    if (o < ADD) {
                        unaryBatch(o, view[a[i]], dst, n);
                    } else {
                        binaryBatch(o, view[a[i]], view[b[i]], dst, n);
                    }
                    view[i] = dst;
                }
            }
        }
    }

    private static void unaryBatch(int o, double[] x, double[] dst, int n) {
        switch (o) {
            case NEG -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = -x[j];
                }
            }
            case LOG10 -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = Math.log10(x[j]);
                }
            }
            case LOG -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = Math.log(x[j]);
                }
            }
            case EXP -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = Math.exp(x[j]);
                }
            }
            case SQRT -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = Math.sqrt(x[j]);
                }
            }
            case ABS -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = Math.abs(x[j]);
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = unary(o, x[j]);
                }
            }
        }
    }

    private static void binaryBatch(int o, double[] x, double[] y, double[] dst, int n) {
        switch (o) {
            case ADD -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = x[j] + y[j];
                }
            }
            case SUB -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = x[j] - y[j];
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = x[j] * y[j];
                }
            }
            case DIV -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = x[j] / y[j];
                }
            }
            case MAX -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = cmax(x[j], y[j]);
                }
            }
            case MIN -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = cmin(x[j], y[j]);
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    dst[j] = binary(o, x[j], y[j]);
                }
            }
        }
    }

    // std::max(a, b) returns a unless a < b, which differs from Math.max for NaN and signed zeros;
    // the text files were written for the C++ evaluator, so follow it.
    private static double cmax(double x, double y) {
        return x < y ? y : x;
    }

    private static double cmin(double x, double y) {
        return y < x ? y : x;
    }

    private static double unary(int o, double x) {
        return switch (o) {
            case NEG -> -x;
            case LOG -> Math.log(x);
            case LOG10 -> Math.log10(x);
            case EXP -> Math.exp(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case ERF -> Erf.erf(x);
            case ERFC -> Erf.erfc(x);
            case COS -> Math.cos(x);
            case SIN -> Math.sin(x);
            case TAN -> Math.tan(x);
            case ACOS -> Math.acos(x);
            case ASIN -> Math.asin(x);
            case ATAN -> Math.atan(x);
            case COSH -> Math.cosh(x);
            case SINH -> Math.sinh(x);
            case TANH -> Math.tanh(x);
            case NOT -> x == 0 ? 1.0 : 0.0;
            default -> throw new IllegalStateException("opcode " + o);
        };
    }

    private static double binary(int o, double x, double y) {
        return switch (o) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> Math.pow(x, y);
            case LT -> x < y ? 1.0 : 0.0;
            case GT -> x > y ? 1.0 : 0.0;
            case LE -> x <= y ? 1.0 : 0.0;
            case GE -> x >= y ? 1.0 : 0.0;
            case EQ -> x == y ? 1.0 : 0.0;
            case NE -> x != y ? 1.0 : 0.0;
            case AND -> (x != 0 && y != 0) ? 1.0 : 0.0;
            case OR -> (x != 0 || y != 0) ? 1.0 : 0.0;
            case MAX -> cmax(x, y);
            case MIN -> cmin(x, y);
            case ATAN2 -> Math.atan2(x, y);
            case FMOD -> x % y;
            default -> throw new IllegalStateException("opcode " + o);
        };
    }

    @Override
    public String toString() {
        return "Formula[" + expression + "]";
    }

    private record Node(int op, int a, int b, double value) {
    }

    /** Recursive-descent parser producing a hash-consed node list (children before parents). */
    private static final class Parser {
        final String text;
        int pos;
        final List<Node> nodes = new ArrayList<>();
        final Map<Node, Integer> interned = new HashMap<>();
        int maxVariable = -1;
        int maxParameter = -1;

        Parser(String text) {
            this.text = text;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("cannot parse formula at position " + pos + ": " + what
                    + " in \"" + text + "\"");
        }

        int add(int op, int x, int y, double value) {
            // Fold constants so that "(1+0.04432+1.724/100.)" costs nothing per element.
            if (op >= NEG && op != NOT && op < ADD && nodes.get(x).op == CONST) {
                return constant(unary(op, nodes.get(x).value));
            }
            if (op >= ADD && nodes.get(x).op == CONST && nodes.get(y).op == CONST) {
                return constant(binary(op, nodes.get(x).value, nodes.get(y).value));
            }
            return intern(new Node(op, x, y, value));
        }

        int constant(double value) {
            // Keep -0.0 and 0.0 apart and NaN equal to itself via the bit pattern in the key.
            return intern(new Node(CONST, 0, 0, value));
        }

        int intern(Node node) {
            Node key = node.op == CONST ? new Node(CONST, (int) (Double.doubleToRawLongBits(node.value) >>> 32),
                    (int) Double.doubleToRawLongBits(node.value), node.value) : node;
            Integer existing = interned.get(key);
            if (existing != null) {
                return existing;
            }
            nodes.add(node);
            interned.put(key, nodes.size() - 1);
            return nodes.size() - 1;
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean accept(String token) {
            skipSpaces();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        int parseExpression() {
            int left = parseAnd();
            while (accept("||")) {
                left = add(OR, left, parseAnd(), 0);
            }
            return left;
        }

        int parseAnd() {
            int left = parseEquality();
            while (accept("&&")) {
                left = add(AND, left, parseEquality(), 0);
            }
            return left;
        }

        int parseEquality() {
            int left = parseRelational();
            while (true) {
                if (accept("==")) {
                    left = add(EQ, left, parseRelational(), 0);
                } else if (accept("!=")) {
                    left = add(NE, left, parseRelational(), 0);
                } else {
                    return left;
                }
            }
        }

        int parseRelational() {
            int left = parseAdditive();
            while (true) {
                if (accept(">=")) {
                    left = add(GE, left, parseAdditive(), 0);
                } else if (accept("<=")) {
                    left = add(LE, left, parseAdditive(), 0);
                } else if (accept(">")) {
                    left = add(GT, left, parseAdditive(), 0);
                } else if (accept("<")) {
                    left = add(LT, left, parseAdditive(), 0);
                } else {
                    return left;
                }
            }
        }

        int parseAdditive() {
            int left = parseMultiplicative();
            while (true) {
                if (accept("+")) {
                    left = add(ADD, left, parseMultiplicative(), 0);
                } else if (accept("-")) {
                    left = add(SUB, left, parseMultiplicative(), 0);
                } else {
                    return left;
                }
            }
        }

        int parseMultiplicative() {
            int left = parseUnary();
            while (true) {
                if (accept("*")) {
                    left = add(MUL, left, parseUnary(), 0);
                } else if (accept("/")) {
                    left = add(DIV, left, parseUnary(), 0);
                } else {
                    return left;
                }
            }
        }

        int parseUnary() {
            if (accept("-")) {
                return add(NEG, parseUnary(), 0, 0);
            }
            if (accept("+")) {
                return parseUnary();
            }
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '!' && !text.startsWith("!=", pos)) {
                pos++;
                return add(NOT, parseUnary(), 0, 0);
            }
            return parsePower();
        }

        int parsePower() {
            int base = parsePrimary();
            if (accept("^")) {
                // Right-associative, and the exponent may carry its own sign: 2^-1.
                return add(POW, base, parseUnary(), 0);
            }
            return base;
        }

        int parsePrimary() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error("unexpected end of expression");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                int inner = parseExpression();
                if (!accept(")")) {
                    throw error("missing ')'");
                }
                return inner;
            }
            if (c == '[') {
                pos++;
                int index = parseIndex();
                if (!accept("]")) {
                    throw error("missing ']' after parameter index");
                }
                maxParameter = Math.max(maxParameter, index);
                return add(PARAM, index, 0, 0);
            }
            if (Character.isDigit(c) || c == '.') {
                return constant(parseNumber());
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                        || text.charAt(pos) == '_' || text.startsWith("::", pos))) {
                    pos += text.startsWith("::", pos) ? 2 : 1;
                }
                String name = text.substring(start, pos);
                String fn = name.startsWith("TMath::") ? name.substring(7) : name;
                skipSpaces();
                if (pos < text.length() && text.charAt(pos) == '(') {
                    return parseCall(fn.toLowerCase(Locale.ROOT), name);
                }
                int variable = switch (name) {
                    case "x" -> 0;
                    case "y" -> 1;
                    case "z" -> 2;
                    case "t" -> 3;
                    default -> -1;
                };
                if (variable < 0) {
                    if (fn.equals("Pi") || fn.equals("pi")) {
                        return constant(Math.PI);
                    }
                    pos = start;
                    throw error("unknown name '" + name + "'");
                }
                if (variable == 0 && pos < text.length() && text.charAt(pos) == '[') {
                    pos++;
                    variable = parseIndex();
                    if (!accept("]")) {
                        throw error("missing ']' after variable index");
                    }
                    if (variable > 3) {
                        throw error("variable index x[" + variable + "] must be 0..3");
                    }
                }
                maxVariable = Math.max(maxVariable, variable);
                return add(VAR, variable, 0, 0);
            }
            throw error("unexpected '" + c + "'");
        }

        int parseCall(String fn, String original) {
            pos++; // '('
            List<Integer> args = new ArrayList<>();
            if (!accept(")")) {
                do {
                    args.add(parseExpression());
                } while (accept(","));
                if (!accept(")")) {
                    throw error("missing ')' after arguments of " + original);
                }
            }
            Integer u = UNARY.get(fn);
            if (u != null) {
                if (args.size() != 1) {
                    throw error(original + " takes 1 argument, got " + args.size());
                }
                return add(u, args.get(0), 0, 0);
            }
            Integer bin = BINARY.get(fn);
            if (bin != null) {
                if (args.size() != 2) {
                    throw error(original + " takes 2 arguments, got " + args.size());
                }
                return add(bin, args.get(0), args.get(1), 0);
            }
            throw error("unknown function '" + original + "'");
        }

        int parseIndex() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected an index");
            }
            return Integer.parseInt(text.substring(start, pos));
        }

        double parseNumber() {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                int digits = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (digits == pos) {
                    pos = save;
                }
            }
            String literal = text.substring(start, pos);
            try {
                return Double.parseDouble(literal);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("bad number '" + literal + "'");
            }
        }
    }
}
