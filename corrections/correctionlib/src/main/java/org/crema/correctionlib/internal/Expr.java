package org.crema.correctionlib.internal;

import org.crema.correctionlib.formula.SpecialFunctions;

/**
 * A compiled TFormula expression over primitive doubles. Trees are built by {@link FormulaParser}
 * with parameters still symbolic, then {@link #bind bound} to a parameter list, which substitutes
 * the parameters and folds every constant sub-expression once at load time.
 *
 * <p>Semantics are plain IEEE double arithmetic as in the reference C++ evaluator; comparisons and
 * logical operators give 1.0 or 0.0, {@code max}/{@code min} follow {@code std::max}/{@code std::min}
 * (the first argument wins when the comparison is false, so NaN propagates only from the first
 * argument), and transcendental functions use {@link StrictMath} so results are identical on
 * every platform.
 */
public abstract class Expr {
    /** Evaluates for element {@code i}. */
    public abstract double eval(Frame f, int i);

    /** Substitutes parameters and folds constants. */
    abstract Expr bind(double[] params);

    /**
     * Evaluates for the elements {@code idx[from+k]} (or {@code from+k} when {@code idx} is null),
     * {@code k < count}, into {@code dst[k]}. Scratch columns come from the frame by depth: a binary
     * node evaluates its left operand into {@code dst} and its right one into the buffer of its own
     * depth, whose deeper levels the right operand may use in turn.
     */
    abstract void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth);

    static void applyColumn(Op op, double[] dst, double[] b, int count) {
        switch (op) {
            case ADD -> {
                for (int k = 0; k < count; k++) {
                    dst[k] = dst[k] + b[k];
                }
            }
            case SUB -> {
                for (int k = 0; k < count; k++) {
                    dst[k] = dst[k] - b[k];
                }
            }
            case MUL -> {
                for (int k = 0; k < count; k++) {
                    dst[k] = dst[k] * b[k];
                }
            }
            case DIV -> {
                for (int k = 0; k < count; k++) {
                    dst[k] = dst[k] / b[k];
                }
            }
            case MAX -> {
                for (int k = 0; k < count; k++) {
                    double a = dst[k];
                    dst[k] = a < b[k] ? b[k] : a;
                }
            }
            case MIN -> {
                for (int k = 0; k < count; k++) {
                    double a = dst[k];
                    dst[k] = b[k] < a ? b[k] : a;
                }
            }
            case POW_M -> {
                for (int k = 0; k < count; k++) {
                    dst[k] = Math.pow(dst[k], b[k]);
                }
            }
            default -> {
                for (int k = 0; k < count; k++) {
                    dst[k] = apply2(op, dst[k], b[k]);
                }
            }
        }
    }

    static void evalBinaryColumn(Op op, Expr a, Expr b, Frame f, int[] idx, int from, int count, double[] dst, int depth) {
        a.evalColumn(f, idx, from, count, dst, depth);
        boolean scalar = b instanceof Const || b instanceof Param && f.paramRows == null;
        if (scalar) {
            // Right operand constant (bound parameters, literals, one parameter list): no scratch column.
            double v = b instanceof Const c ? c.v : f.params[((Param) b).k];
            switch (op) {
                case ADD -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = dst[k] + v;
                    }
                }
                case SUB -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = dst[k] - v;
                    }
                }
                case MUL -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = dst[k] * v;
                    }
                }
                case DIV -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = dst[k] / v;
                    }
                }
                case POW_M -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = Math.pow(dst[k], v);
                    }
                }
                default -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = apply2(op, dst[k], v);
                    }
                }
            }
            return;
        }
        double[] buf = f.columnBuffer(depth, count);
        b.evalColumn(f, idx, from, count, buf, depth + 1);
        applyColumn(op, dst, buf, count);
    }

    /** @return the largest parameter index used, or -1 */
    abstract int maxParameter();

    boolean isConstant() {
        return false;
    }

    double constantValue() {
        throw new IllegalStateException("not a constant");
    }

    /** A numeric literal or folded constant. */
    static final class Const extends Expr {
        final double v;

        Const(double v) {
            this.v = v;
        }

        @Override
        public double eval(Frame f, int i) {
            return v;
        }

        @Override
        Expr bind(double[] params) {
            return this;
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            java.util.Arrays.fill(dst, 0, count, v);
        }

        @Override
        int maxParameter() {
            return -1;
        }

        @Override
        boolean isConstant() {
            return true;
        }

        @Override
        double constantValue() {
            return v;
        }
    }

    /**
     * A parameter {@code [k]}: replaced by its value when bound to a parameter list, or, when the
     * tree is folded without one ({@code bind(null)}), read at evaluation time from the frame, either
     * one list for all elements or one row of a column-major table per element.
     */
    static final class Param extends Expr {
        final int k;

        Param(int k) {
            this.k = k;
        }

        @Override
        public double eval(Frame f, int i) {
            int[] rows = f.paramRows;
            return rows == null ? f.params[k] : f.paramTable[k][rows[i]];
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            int[] rows = f.paramRows;
            if (rows == null) {
                java.util.Arrays.fill(dst, 0, count, f.params[k]);
                return;
            }
            double[] column = f.paramTable[k];
            if (idx == null) {
                for (int j = 0; j < count; j++) {
                    dst[j] = column[rows[from + j]];
                }
            } else {
                for (int j = 0; j < count; j++) {
                    dst[j] = column[rows[idx[from + j]]];
                }
            }
        }

        @Override
        Expr bind(double[] params) {
            return params == null ? this : new Const(params[k]);
        }

        @Override
        int maxParameter() {
            return k;
        }
    }

    /** A variable (x, y, z, t or x[k]) read from an input slot. */
    static final class Var extends Expr {
        final int slot;

        Var(int slot) {
            this.slot = slot;
        }

        @Override
        public double eval(Frame f, int i) {
            return f.real(slot, i);
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            double[] xs = f.reals[slot];
            if (idx == null) {
                System.arraycopy(xs, from, dst, 0, count);
            } else {
                for (int k = 0; k < count; k++) {
                    dst[k] = xs[idx[from + k]];
                }
            }
        }

        @Override
        Expr bind(double[] params) {
            return this;
        }

        @Override
        int maxParameter() {
            return -1;
        }
    }

    /** Operators and functions. */
    enum Op {
        NEG(false), ADD(true), SUB(true), MUL(true), DIV(true), POW(true), EQ(true), NE(true), GT(true), LT(true),
        GE(true), LE(true), AND(true), OR(true),
        LOG(false), LOG10(false), EXP(false), ERF(false), SQRT(false), ABS(false), COS(false), SIN(false), TAN(false),
        ACOS(false), ASIN(false), ATAN(false), COSH(false), SINH(false), TANH(false), ACOSH(false), ASINH(false),
        ATANH(false), ATAN2(true), POWF(true), MAX(true), MIN(true),
        // ROOT dialect only (JetMET and BTV text files). The "_M" variants use java.lang.Math rather than
        // StrictMath: the text-file corrections have always been evaluated with the JIT intrinsics, which
        // are faster and may differ from StrictMath in the last bit, so switching would change results.
        NOT(false), ERFC(false), FMOD(true), LOG_M(false), LOG10_M(false), EXP_M(false), COS_M(false),
        SIN_M(false), TAN_M(false), ACOS_M(false), ASIN_M(false), ATAN_M(false), COSH_M(false), SINH_M(false),
        TANH_M(false), POW_M(true), ATAN2_M(true);

        private final boolean binary;

        Op(boolean binary) {
            this.binary = binary;
        }

        boolean binary() {
            return binary;
        }
    }

    static double apply1(Op op, double a) {
        return switch (op) {
            case NEG -> -a;
            case LOG -> StrictMath.log(a);
            case LOG10 -> StrictMath.log10(a);
            case EXP -> StrictMath.exp(a);
            case ERF -> SpecialFunctions.erf(a);
            case SQRT -> Math.sqrt(a);
            case ABS -> Math.abs(a);
            case COS -> StrictMath.cos(a);
            case SIN -> StrictMath.sin(a);
            case TAN -> StrictMath.tan(a);
            case ACOS -> StrictMath.acos(a);
            case ASIN -> StrictMath.asin(a);
            case ATAN -> StrictMath.atan(a);
            case COSH -> StrictMath.cosh(a);
            case SINH -> StrictMath.sinh(a);
            case TANH -> StrictMath.tanh(a);
            case ACOSH -> acosh(a);
            case ASINH -> asinh(a);
            case ATANH -> atanh(a);
            default -> applyRoot1(op, a);
        };
    }

    // The ROOT-dialect operators live apart so that apply1 and apply2 stay small enough for the JIT
    // to inline them into the column loops.
    private static double applyRoot1(Op op, double a) {
        return switch (op) {
            case NOT -> a == 0.0 ? 1.0 : 0.0;
            case ERFC -> SpecialFunctions.erfc(a);
            case LOG_M -> Math.log(a);
            case LOG10_M -> Math.log10(a);
            case EXP_M -> Math.exp(a);
            case COS_M -> Math.cos(a);
            case SIN_M -> Math.sin(a);
            case TAN_M -> Math.tan(a);
            case ACOS_M -> Math.acos(a);
            case ASIN_M -> Math.asin(a);
            case ATAN_M -> Math.atan(a);
            case COSH_M -> Math.cosh(a);
            case SINH_M -> Math.sinh(a);
            case TANH_M -> Math.tanh(a);
            default -> throw new IllegalArgumentException("not a unary operator: " + op);
        };
    }

    static double apply2(Op op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW, POWF -> StrictMath.pow(a, b);
            case EQ -> a == b ? 1.0 : 0.0;
            case NE -> a != b ? 1.0 : 0.0;
            case GT -> a > b ? 1.0 : 0.0;
            case LT -> a < b ? 1.0 : 0.0;
            case GE -> a >= b ? 1.0 : 0.0;
            case LE -> a <= b ? 1.0 : 0.0;
            case AND -> a != 0.0 && b != 0.0 ? 1.0 : 0.0;
            case OR -> a != 0.0 || b != 0.0 ? 1.0 : 0.0;
            case ATAN2 -> StrictMath.atan2(a, b);
            case MAX -> a < b ? b : a; // std::max
            case MIN -> b < a ? b : a; // std::min
            default -> applyRoot2(op, a, b);
        };
    }

    private static double applyRoot2(Op op, double a, double b) {
        return switch (op) {
            case FMOD -> a % b; // Java's remainder is C's fmod: truncated quotient, sign of the dividend
            case POW_M -> Math.pow(a, b);
            case ATAN2_M -> Math.atan2(a, b);
            default -> throw new IllegalArgumentException("not a binary operator: " + op);
        };
    }

    // Java has no inverse hyperbolic functions; these are the standard identities, written to keep
    // precision near zero and to avoid overflow for large arguments.
    static double asinh(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax > 0x1p28) {
            r = StrictMath.log(ax) + 0.6931471805599453;
        } else if (ax < 0x1p-28) {
            r = ax;
        } else {
            r = StrictMath.log1p(ax + ax * ax / (1.0 + Math.sqrt(1.0 + ax * ax)));
        }
        return Math.copySign(r, x);
    }

    static double acosh(double x) {
        if (x < 1.0) {
            return Double.NaN;
        }
        if (x > 0x1p28) {
            return StrictMath.log(x) + 0.6931471805599453;
        }
        double t = x - 1.0;
        return StrictMath.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    static double atanh(double x) {
        double ax = Math.abs(x);
        double r = 0.5 * StrictMath.log1p(2.0 * ax / (1.0 - ax));
        return Math.copySign(r, x);
    }

    /** A unary operator or function. */
    static final class Unary extends Expr {
        final Op op;
        final Expr a;

        Unary(Op op, Expr a) {
            this.op = op;
            this.a = a;
        }

        @Override
        public double eval(Frame f, int i) {
            return apply1(op, a.eval(f, i));
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            a.evalColumn(f, idx, from, count, dst, depth);
            Op o = op;
            // The functions of JEC parametrisations get their own loops, so the JIT sees one call per
            // element instead of a switch.
            switch (o) {
                case NEG -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = -dst[k];
                    }
                }
                case LOG10_M -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = Math.log10(dst[k]);
                    }
                }
                case LOG_M -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = Math.log(dst[k]);
                    }
                }
                case EXP_M -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = Math.exp(dst[k]);
                    }
                }
                case SQRT -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = Math.sqrt(dst[k]);
                    }
                }
                case ABS -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = Math.abs(dst[k]);
                    }
                }
                default -> {
                    for (int k = 0; k < count; k++) {
                        dst[k] = apply1(o, dst[k]);
                    }
                }
            }
        }

        @Override
        Expr bind(double[] params) {
            Expr ba = a.bind(params);
            return ba.isConstant() ? new Const(apply1(op, ba.constantValue())) : new Unary(op, ba);
        }

        @Override
        int maxParameter() {
            return a.maxParameter();
        }
    }

    /** A binary operator or function, dispatched by a switch. */
    static final class Binary extends Expr {
        final Op op;
        final Expr a;
        final Expr b;

        Binary(Op op, Expr a, Expr b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        public double eval(Frame f, int i) {
            return apply2(op, a.eval(f, i), b.eval(f, i));
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            evalBinaryColumn(op, a, b, f, idx, from, count, dst, depth);
        }

        @Override
        Expr bind(double[] params) {
            Expr ba = a.bind(params);
            Expr bb = b.bind(params);
            if (ba.isConstant() && bb.isConstant()) {
                return new Const(apply2(op, ba.constantValue(), bb.constantValue()));
            }
            return switch (op) {
                case ADD -> new Add(ba, bb);
                case SUB -> new Sub(ba, bb);
                case MUL -> new Mul(ba, bb);
                case DIV -> new Div(ba, bb);
                default -> new Binary(op, ba, bb);
            };
        }

        @Override
        int maxParameter() {
            return Math.max(a.maxParameter(), b.maxParameter());
        }
    }

    /** Computes a repeated sub-expression and keeps it in a frame register (see {@link Cse}). */
    static final class Store extends Expr {
        final int reg;
        final Expr a;

        Store(int reg, Expr a) {
            this.reg = reg;
            this.a = a;
        }

        @Override
        public double eval(Frame f, int i) {
            double v = a.eval(f, i);
            f.registers[reg] = v;
            return v;
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            a.evalColumn(f, idx, from, count, dst, depth);
            System.arraycopy(dst, 0, f.activeRegisterColumns[reg], 0, count);
        }

        @Override
        Expr bind(double[] params) {
            throw new IllegalStateException("registers are assigned after binding");
        }

        @Override
        int maxParameter() {
            return a.maxParameter();
        }
    }

    /** Reads a sub-expression already computed for this element. */
    static final class Load extends Expr {
        final int reg;

        Load(int reg) {
            this.reg = reg;
        }

        @Override
        public double eval(Frame f, int i) {
            return f.registers[reg];
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            System.arraycopy(f.activeRegisterColumns[reg], 0, dst, 0, count);
        }

        @Override
        Expr bind(double[] params) {
            throw new IllegalStateException("registers are assigned after binding");
        }

        @Override
        int maxParameter() {
            return -1;
        }
    }

    // The four arithmetic operators get their own classes: they dominate JEC parametrisations and a
    // direct virtual call is cheaper than the switch.
    static final class Add extends Expr {
        final Expr a;
        final Expr b;

        Add(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public double eval(Frame f, int i) {
            return a.eval(f, i) + b.eval(f, i);
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            evalBinaryColumn(Op.ADD, a, b, f, idx, from, count, dst, depth);
        }

        @Override
        Expr bind(double[] params) {
            return new Binary(Op.ADD, a, b).bind(params);
        }

        @Override
        int maxParameter() {
            return Math.max(a.maxParameter(), b.maxParameter());
        }
    }

    static final class Sub extends Expr {
        final Expr a;
        final Expr b;

        Sub(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public double eval(Frame f, int i) {
            return a.eval(f, i) - b.eval(f, i);
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            evalBinaryColumn(Op.SUB, a, b, f, idx, from, count, dst, depth);
        }

        @Override
        Expr bind(double[] params) {
            return new Binary(Op.SUB, a, b).bind(params);
        }

        @Override
        int maxParameter() {
            return Math.max(a.maxParameter(), b.maxParameter());
        }
    }

    static final class Mul extends Expr {
        final Expr a;
        final Expr b;

        Mul(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public double eval(Frame f, int i) {
            return a.eval(f, i) * b.eval(f, i);
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            evalBinaryColumn(Op.MUL, a, b, f, idx, from, count, dst, depth);
        }

        @Override
        Expr bind(double[] params) {
            return new Binary(Op.MUL, a, b).bind(params);
        }

        @Override
        int maxParameter() {
            return Math.max(a.maxParameter(), b.maxParameter());
        }
    }

    static final class Div extends Expr {
        final Expr a;
        final Expr b;

        Div(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public double eval(Frame f, int i) {
            return a.eval(f, i) / b.eval(f, i);
        }

        @Override
        void evalColumn(Frame f, int[] idx, int from, int count, double[] dst, int depth) {
            evalBinaryColumn(Op.DIV, a, b, f, idx, from, count, dst, depth);
        }

        @Override
        Expr bind(double[] params) {
            return new Binary(Op.DIV, a, b).bind(params);
        }

        @Override
        int maxParameter() {
            return Math.max(a.maxParameter(), b.maxParameter());
        }
    }
}
