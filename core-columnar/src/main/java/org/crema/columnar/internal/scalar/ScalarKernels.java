package org.crema.columnar.internal.scalar;

import org.crema.columnar.Comparison;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.internal.Kernels;

/**
 * Plain-Java kernels: the specification every other implementation is tested against, and the
 * fallback when the Vector API module is absent. Loops keep the operator switch outside the loop
 * so the JIT sees one simple body per operator (a fair baseline for the SIMD twins).
 */
public class ScalarKernels implements Kernels {
    /** The shared instance. */
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    /** 2π rounded to float. */
    public static final float TWO_PI = (float) (2 * Math.PI);
    /** 1/(2π) rounded to float. */
    public static final float INV_TWO_PI = (float) (1 / (2 * Math.PI));

    /** For subclasses; use {@link #INSTANCE}. */
    protected ScalarKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void compare(Comparison op, float[] a, int aOff, float b, boolean[] out, int n) {
        switch (op) {
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] > b; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] >= b; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] < b; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] <= b; }
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] == b; }
            case NE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] != b; }
        }
    }

    @Override
    public void compare(Comparison op, float[] a, int aOff, float[] b, int bOff, boolean[] out, int n) {
        switch (op) {
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] > b[bOff + i]; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] >= b[bOff + i]; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] < b[bOff + i]; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] <= b[bOff + i]; }
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] == b[bOff + i]; }
            case NE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] != b[bOff + i]; }
        }
    }

    @Override
    public void between(float[] a, int aOff, float lo, float hi, boolean[] out, int n) {
        for (int i = 0; i < n; i++) {
            float x = a[aOff + i];
            out[i] = x >= lo & x <= hi;
        }
    }

    @Override
    public void compare(Comparison op, double[] a, int aOff, double b, boolean[] out, int n) {
        switch (op) {
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] > b; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] >= b; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] < b; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] <= b; }
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] == b; }
            case NE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] != b; }
        }
    }

    @Override
    public void compare(Comparison op, double[] a, int aOff, double[] b, int bOff, boolean[] out, int n) {
        switch (op) {
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] > b[bOff + i]; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] >= b[bOff + i]; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] < b[bOff + i]; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] <= b[bOff + i]; }
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] == b[bOff + i]; }
            case NE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] != b[bOff + i]; }
        }
    }

    @Override
    public void between(double[] a, int aOff, double lo, double hi, boolean[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[aOff + i];
            out[i] = x >= lo & x <= hi;
        }
    }

    @Override
    public void compare(Comparison op, int[] a, int aOff, int b, boolean[] out, int n) {
        switch (op) {
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] > b; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] >= b; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] < b; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] <= b; }
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] == b; }
            case NE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] != b; }
        }
    }

    @Override
    public void compare(Comparison op, int[] a, int aOff, int[] b, int bOff, boolean[] out, int n) {
        switch (op) {
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] > b[bOff + i]; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] >= b[bOff + i]; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] < b[bOff + i]; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] <= b[bOff + i]; }
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] == b[bOff + i]; }
            case NE -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] != b[bOff + i]; }
        }
    }

    @Override
    public void between(int[] a, int aOff, int lo, int hi, boolean[] out, int n) {
        for (int i = 0; i < n; i++) {
            int x = a[aOff + i];
            out[i] = x >= lo & x <= hi;
        }
    }

    @Override
    public void binary(BinOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] + b[bOff + i]; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] - b[bOff + i]; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] * b[bOff + i]; }
            case DIV -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] / b[bOff + i]; }
            case MIN -> { for (int i = 0; i < n; i++) out[i] = Math.min(a[aOff + i], b[bOff + i]); }
            case MAX -> { for (int i = 0; i < n; i++) out[i] = Math.max(a[aOff + i], b[bOff + i]); }
        }
    }

    @Override
    public void binary(BinOp op, float[] a, int aOff, float b, boolean scalarFirst, float[] out, int n) {
        if (scalarFirst && (op == BinOp.SUB || op == BinOp.DIV)) {
            switch (op) {
                case SUB -> { for (int i = 0; i < n; i++) out[i] = b - a[aOff + i]; }
                default -> { for (int i = 0; i < n; i++) out[i] = b / a[aOff + i]; }
            }
            return;
        }
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] + b; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] - b; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] * b; }
            case DIV -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] / b; }
            case MIN -> { for (int i = 0; i < n; i++) out[i] = Math.min(a[aOff + i], b); }
            case MAX -> { for (int i = 0; i < n; i++) out[i] = Math.max(a[aOff + i], b); }
        }
    }

    @Override
    public void unary(UnOp op, float[] a, int aOff, float[] out, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) out[i] = -a[aOff + i]; }
            case ABS -> { for (int i = 0; i < n; i++) out[i] = Math.abs(a[aOff + i]); }
            case SQRT -> { for (int i = 0; i < n; i++) out[i] = (float) Math.sqrt(a[aOff + i]); }
        }
    }

    @Override
    public void binary(BinOp op, double[] a, int aOff, double[] b, int bOff, double[] out, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] + b[bOff + i]; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] - b[bOff + i]; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] * b[bOff + i]; }
            case DIV -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] / b[bOff + i]; }
            case MIN -> { for (int i = 0; i < n; i++) out[i] = Math.min(a[aOff + i], b[bOff + i]); }
            case MAX -> { for (int i = 0; i < n; i++) out[i] = Math.max(a[aOff + i], b[bOff + i]); }
        }
    }

    @Override
    public void binary(BinOp op, double[] a, int aOff, double b, boolean scalarFirst, double[] out, int n) {
        if (scalarFirst && (op == BinOp.SUB || op == BinOp.DIV)) {
            switch (op) {
                case SUB -> { for (int i = 0; i < n; i++) out[i] = b - a[aOff + i]; }
                default -> { for (int i = 0; i < n; i++) out[i] = b / a[aOff + i]; }
            }
            return;
        }
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] + b; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] - b; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] * b; }
            case DIV -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] / b; }
            case MIN -> { for (int i = 0; i < n; i++) out[i] = Math.min(a[aOff + i], b); }
            case MAX -> { for (int i = 0; i < n; i++) out[i] = Math.max(a[aOff + i], b); }
        }
    }

    @Override
    public void unary(UnOp op, double[] a, int aOff, double[] out, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) out[i] = -a[aOff + i]; }
            case ABS -> { for (int i = 0; i < n; i++) out[i] = Math.abs(a[aOff + i]); }
            case SQRT -> { for (int i = 0; i < n; i++) out[i] = Math.sqrt(a[aOff + i]); }
        }
    }

    @Override
    public void binary(BinOp op, int[] a, int aOff, int[] b, int bOff, int[] out, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] + b[bOff + i]; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] - b[bOff + i]; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] * b[bOff + i]; }
            case DIV -> throw new UnsupportedOperationException("integer division");
            case MIN -> { for (int i = 0; i < n; i++) out[i] = Math.min(a[aOff + i], b[bOff + i]); }
            case MAX -> { for (int i = 0; i < n; i++) out[i] = Math.max(a[aOff + i], b[bOff + i]); }
        }
    }

    @Override
    public void binary(BinOp op, int[] a, int aOff, int b, boolean scalarFirst, int[] out, int n) {
        if (scalarFirst && (op == BinOp.SUB || op == BinOp.DIV)) {
            switch (op) {
                case SUB -> { for (int i = 0; i < n; i++) out[i] = b - a[aOff + i]; }
                default -> throw new UnsupportedOperationException("integer division");
            }
            return;
        }
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] + b; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] - b; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] * b; }
            case DIV -> throw new UnsupportedOperationException("integer division");
            case MIN -> { for (int i = 0; i < n; i++) out[i] = Math.min(a[aOff + i], b); }
            case MAX -> { for (int i = 0; i < n; i++) out[i] = Math.max(a[aOff + i], b); }
        }
    }

    @Override
    public void unary(UnOp op, int[] a, int aOff, int[] out, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) out[i] = -a[aOff + i]; }
            case ABS -> { for (int i = 0; i < n; i++) out[i] = Math.abs(a[aOff + i]); }
            case SQRT -> throw new UnsupportedOperationException("integer sqrt");
        }
    }

    @Override
    public void logic(BoolOp op, boolean[] a, int aOff, boolean[] b, int bOff, boolean[] out, int n) {
        switch (op) {
            case AND -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] & b[bOff + i]; }
            case OR -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] | b[bOff + i]; }
            case ANDNOT -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] & !b[bOff + i]; }
            case XOR -> { for (int i = 0; i < n; i++) out[i] = a[aOff + i] ^ b[bOff + i]; }
        }
    }

    @Override
    public void not(boolean[] a, int aOff, boolean[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = !a[aOff + i];
        }
    }

    @Override
    public int countTrue(boolean[] a, int aOff, int n) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            c += a[aOff + i] ? 1 : 0;
        }
        return c;
    }

    @Override
    public double sum(float[] a, int aOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i];
        }
        return s;
    }

    @Override
    public double sum(double[] a, int aOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i];
        }
        return s;
    }

    @Override
    public double maskedSum(float[] a, int aOff, boolean[] mask, int mOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (mask[mOff + i]) {
                s += a[aOff + i];
            }
        }
        return s;
    }

    @Override
    public double maskedSum(double[] a, int aOff, boolean[] mask, int mOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (mask[mOff + i]) {
                s += a[aOff + i];
            }
        }
        return s;
    }

    @Override
    public int compress(float[] a, int aOff, boolean[] mask, int mOff, int n, float[] out) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (mask[mOff + i]) {
                out[k++] = a[aOff + i];
            }
        }
        return k;
    }

    @Override
    public int trueIndices(boolean[] mask, int mOff, int n, int[] out) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (mask[mOff + i]) {
                out[k++] = i;
            }
        }
        return k;
    }

    @Override
    public void segmentedSum(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float[] out) {
        for (int e = 0; e < nEvents; e++) {
            int end = cOff + offsets[oFrom + e + 1];
            double s = 0;
            for (int j = cOff + offsets[oFrom + e]; j < end; j++) {
                s += content[j];
            }
            out[e] = (float) s;
        }
    }

    @Override
    public void segmentedMax(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float empty, float[] out) {
        for (int e = 0; e < nEvents; e++) {
            int start = cOff + offsets[oFrom + e];
            int end = cOff + offsets[oFrom + e + 1];
            if (start == end) {
                out[e] = empty;
                continue;
            }
            float m = content[start];
            for (int j = start + 1; j < end; j++) {
                m = Math.max(m, content[j]);
            }
            out[e] = m;
        }
    }

    @Override
    public void segmentedMin(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float empty, float[] out) {
        for (int e = 0; e < nEvents; e++) {
            int start = cOff + offsets[oFrom + e];
            int end = cOff + offsets[oFrom + e + 1];
            if (start == end) {
                out[e] = empty;
                continue;
            }
            float m = content[start];
            for (int j = start + 1; j < end; j++) {
                m = Math.min(m, content[j]);
            }
            out[e] = m;
        }
    }

    /**
     * Wraps a difference of angles to [−π, π] (up to one float rounding at the ends): subtracts
     * 2π·round(d/2π), rounding half away from zero. Written with a truncating int conversion rather
     * than {@link Math#rint} because the Vector API has a lane-wise conversion but no rounding
     * operator; the SIMD twin follows exactly these float operations, so both agree bit for bit.
     *
     * @param d φ1 − φ2
     * @return the wrapped difference; NaN stays NaN
     */
    public static float wrapPhi(float d) {
        float q = d * INV_TWO_PI;
        float t = (float) (int) (q + (q < 0f ? -0.5f : 0.5f));
        return d - t * TWO_PI;
    }

    @Override
    public void deltaPhi(FloatColumn phi1, FloatColumn phi2, float[] out) {
        float[] p1 = phi1.array();
        float[] p2 = phi2.array();
        int o1 = phi1.offset();
        int o2 = phi2.offset();
        for (int i = 0; i < out.length; i++) {
            out[i] = wrapPhi(p1[o1 + i] - p2[o2 + i]);
        }
    }

    @Override
    public void deltaR(FloatColumn eta1, FloatColumn phi1, FloatColumn eta2, FloatColumn phi2, float[] out) {
        float[] e1 = eta1.array();
        float[] p1 = phi1.array();
        float[] e2 = eta2.array();
        float[] p2 = phi2.array();
        int oe1 = eta1.offset();
        int op1 = phi1.offset();
        int oe2 = eta2.offset();
        int op2 = phi2.offset();
        for (int i = 0; i < out.length; i++) {
            float de = e1[oe1 + i] - e2[oe2 + i];
            float dp = wrapPhi(p1[op1 + i] - p2[op2 + i]);
            // float sqrt of a float argument is correctly rounded either way, so SIMD and scalar agree exactly
            out[i] = (float) Math.sqrt(de * de + dp * dp);
        }
    }

    /**
     * Invariant mass squared of two (pt, η, φ, m) four-vectors, in double, written as a sum of
     * non-negative terms so that nothing cancels (the textbook m1² + m2² + 2(E1E2 − p⃗1·p⃗2) loses
     * all precision for collinear or massless pairs):
     *
     * <pre>
     * m² = m1² + m2² + 2(E1E2 − p1p2) + 2(p1p2 − p⃗1·p⃗2)
     * E1E2 − p1p2   = (m1²p2² + m2²p1² + m1²m2²) / (E1E2 + p1p2)
     * p1p2 − p⃗1·p⃗2 = pt1 pt2 (cosh Δη − cos Δφ) = 2 pt1 pt2 (sinh²(Δη/2) + sin²(Δφ/2))
     * </pre>
     *
     * with p = pt cosh η and E = sqrt(p² + m²). The SIMD twin evaluates the same terms in float
     * lanes; because every term is non-negative, float rounding stays at a few ulps of m².
     */
    public static double pairMassSquared(double pt1, double eta1, double phi1, double m1,
                                         double pt2, double eta2, double phi2, double m2) {
        double x1 = Math.exp(eta1);
        double x2 = Math.exp(eta2);
        double p1 = pt1 * (0.5 * (x1 + 1 / x1));
        double p2 = pt2 * (0.5 * (x2 + 1 / x2));
        double mm1 = m1 * m1;
        double mm2 = m2 * m2;
        double pp1 = p1 * p1;
        double pp2 = p2 * p2;
        double den = Math.sqrt(pp1 + mm1) * Math.sqrt(pp2 + mm2) + p1 * p2;
        double num = mm1 * pp2 + mm2 * pp1 + mm1 * mm2;
        // den == 0 only when one vector is null (pt = m = 0), and then num is 0 too
        double massTerm = den > 0 ? num / den : 0;
        double sh = Math.sinh(0.5 * (eta1 - eta2));
        double sn = Math.sin(0.5 * (phi1 - phi2));
        return mm1 + mm2 + 2 * massTerm + 4 * (pt1 * pt2) * (sh * sh + sn * sn);
    }

    @Override
    public void pairMass(FloatColumn pt1, FloatColumn eta1, FloatColumn phi1, FloatColumn m1,
                         FloatColumn pt2, FloatColumn eta2, FloatColumn phi2, FloatColumn m2, float[] out) {
        float[] a = pt1.array(), b = eta1.array(), c = phi1.array(), d = m1.array();
        float[] e = pt2.array(), f = eta2.array(), g = phi2.array(), h = m2.array();
        int oa = pt1.offset(), ob = eta1.offset(), oc = phi1.offset(), od = m1.offset();
        int oe = pt2.offset(), of = eta2.offset(), og = phi2.offset(), oh = m2.offset();
        for (int i = 0; i < out.length; i++) {
            double m2sq = pairMassSquared(a[oa + i], b[ob + i], c[oc + i], d[od + i],
                    e[oe + i], f[of + i], g[og + i], h[oh + i]);
            out[i] = (float) Math.sqrt(m2sq);
        }
    }

    /** One element of {@link #binary}: {@code x op y}. */
    public static float apply(BinOp op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
        };
    }

    /** One element of {@link #binary}: {@code x op y}. */
    public static double apply(BinOp op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
        };
    }

    /** One element of {@link #unary}. */
    public static float apply(UnOp op, float x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQRT -> (float) Math.sqrt(x);
        };
    }

    /** One element of {@link #unary}. */
    public static double apply(UnOp op, double x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQRT -> Math.sqrt(x);
        };
    }
}
