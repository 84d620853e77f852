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

    /** 2π in double (exactly twice {@link Math#PI}). */
    public static final double TWO_PI = 2 * Math.PI;

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
     * Δφ of a difference of angles: {@code d − 2π·⌊(d + π)/2π⌋} (floor-mod into [−π, π)), in
     * double. For |d| ≤ π, the usual case for NanoAOD φ, the floor is 0 or −1 and the result is d
     * itself or d + 2π rounded once; a result can land one double ulp outside [−π, π) at the ends.
     * NaN and ±Inf give NaN. The SIMD twin performs exactly these operations per lane.
     *
     * @param d φ1 − φ2
     * @return the wrapped difference
     */
    public static double wrapPhi(double d) {
        return d - TWO_PI * Math.floor((d + Math.PI) / TWO_PI);
    }

    /**
     * ΔR = √(Δη² + Δφ²) of float inputs widened to double, Δφ as in {@link #wrapPhi(double)}; the
     * operation sequence every kernel implementation follows.
     */
    public static double deltaR(float eta1, float phi1, float eta2, float phi2) {
        double de = (double) eta1 - eta2;
        double dp = wrapPhi((double) phi1 - phi2);
        return Math.sqrt(de * de + dp * dp);
    }

    /**
     * ΔR = √(Δη² + Δφ²) of double inputs, Δφ as in {@link #wrapPhi(double)}: the same operation
     * sequence as {@link #deltaR(float, float, float, float)} once the inputs are doubles, for
     * angles of derived objects (sums of four-vectors).
     */
    public static double deltaR(double eta1, double phi1, double eta2, double phi2) {
        double de = eta1 - eta2;
        double dp = wrapPhi(phi1 - phi2);
        return Math.sqrt(de * de + dp * dp);
    }

    @Override
    public void deltaPhi(FloatColumn phi1, FloatColumn phi2, double[] out) {
        float[] p1 = phi1.array();
        float[] p2 = phi2.array();
        int o1 = phi1.offset();
        int o2 = phi2.offset();
        for (int i = 0; i < out.length; i++) {
            out[i] = wrapPhi((double) p1[o1 + i] - p2[o2 + i]);
        }
    }

    @Override
    public void deltaR(FloatColumn eta1, FloatColumn phi1, FloatColumn eta2, FloatColumn phi2, double[] out) {
        float[] e1 = eta1.array();
        float[] p1 = phi1.array();
        float[] e2 = eta2.array();
        float[] p2 = phi2.array();
        int oe1 = eta1.offset();
        int op1 = phi1.offset();
        int oe2 = eta2.offset();
        int op2 = phi2.offset();
        for (int i = 0; i < out.length; i++) {
            out[i] = deltaR(e1[oe1 + i], p1[op1 + i], e2[oe2 + i], p2[op2 + i]);
        }
    }

    /**
     * Invariant mass from Cartesian components: √max(E² − (px² + py² + pz²), 0), evaluated in this
     * order. Cancels for highly boosted systems: the absolute error of m² is a few ulps of E².
     */
    public static double mass(double px, double py, double pz, double e) {
        return Math.sqrt(Math.max(e * e - (px * px + py * py + pz * pz), 0.0));
    }

    /** Transverse momentum from Cartesian components: √(px² + py²). */
    public static double pt(double px, double py) {
        return Math.sqrt(px * px + py * py);
    }

    /** fdlibm's sinh in Java ({@link FdlibmSinh}), the scalar twin of the SIMD version; the same bits as {@link Math#sinh}. */
    @Override
    public void sinh(double[] a, int aOff, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = FdlibmSinh.sinh(a[aOff + i]);
        }
    }

    @Override
    public void pz(float[] pt, int ptOff, float[] eta, int etaOff, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = pz(pt[ptOff + i], eta[etaOff + i]);
        }
    }

    /** pz = pt · sinh η in double, the element rule of {@link #pz(float[], int, float[], int, double[], int)}. */
    public static double pz(float pt, float eta) {
        return (double) pt * FdlibmSinh.sinh(eta);
    }

    /** fdlibm's sin and cos with one argument reduction ({@link FdlibmSinCos}), the scalar twin of the SIMD version; StrictMath's bits. */
    @Override
    public void sinCos(double[] a, int aOff, double[] sin, double[] cos, int n) {
        FdlibmSinCos.sinCos(a, aOff, sin, 0, cos, 0, n);
    }

    /**
     * In passes over the span: px and py through {@link #transverse} and pz through {@link
     * #pz(float[], int, float[], int, double[], int)} (both overridden by the SIMD kernels: cos, sin
     * and sinh are the costly part), then E; the same operations per element as the one-element formula.
     */
    @Override
    public void toCartesian(FloatColumn pt, FloatColumn eta, FloatColumn phi, FloatColumn mass,
                            double[] px, double[] py, double[] pz, double[] energy) {
        int n = px.length;
        transverse(pt.array(), pt.offset(), phi.array(), phi.offset(), px, py, n);
        pz(pt.array(), pt.offset(), eta.array(), eta.offset(), pz, n);
        float[] d = mass.array();
        int od = mass.offset();
        for (int i = 0; i < n; i++) {
            energy[i] = energy(px[i], py[i], pz[i], d[od + i]);
        }
    }

    /** φ widened into {@code py}, cos and sin into {@code px} and {@code py} ({@link FdlibmSinCos}), then times pt. */
    @Override
    public void transverse(float[] pt, int ptOff, float[] phi, int phiOff, double[] px, double[] py, int n) {
        for (int i = 0; i < n; i++) {
            py[i] = phi[phiOff + i];
        }
        FdlibmSinCos.sinCos(py, 0, py, 0, px, 0, n);
        for (int i = 0; i < n; i++) {
            double p = pt[ptOff + i];
            px[i] = p * px[i];
            py[i] = p * py[i];
        }
    }

    /** E = √(px² + py² + pz² + m²), evaluated in this order, with m widened from float. */
    public static double energy(double x, double y, double z, float mass) {
        double m = mass;
        return Math.sqrt(x * x + y * y + z * z + m * m);
    }

    /** Pairs per block of {@link #pairMass}: its passes' buffers stay in the L1/L2 cache. */
    private static final int PAIR_BLOCK = 512;

    /** In blocks, both objects converted pass by pass as in {@link #toCartesian}, then summed. */
    @Override
    public void pairMass(FloatColumn pt1, FloatColumn eta1, FloatColumn phi1, FloatColumn m1,
                         FloatColumn pt2, FloatColumn eta2, FloatColumn phi2, FloatColumn m2, double[] out) {
        float[] a = pt1.array(), b = eta1.array(), c = phi1.array(), d = m1.array();
        float[] e = pt2.array(), f = eta2.array(), g = phi2.array(), h = m2.array();
        int oa = pt1.offset(), ob = eta1.offset(), oc = phi1.offset(), od = m1.offset();
        int oe = pt2.offset(), of = eta2.offset(), og = phi2.offset(), oh = m2.offset();
        int n = out.length;
        int block = Math.min(n, PAIR_BLOCK);
        double[] x1 = new double[block], y1 = new double[block], z1 = new double[block];
        double[] x2 = new double[block], y2 = new double[block], z2 = new double[block];
        for (int from = 0; from < n; from += PAIR_BLOCK) {
            int len = Math.min(PAIR_BLOCK, n - from);
            transverse(a, oa + from, c, oc + from, x1, y1, len);
            transverse(e, oe + from, g, og + from, x2, y2, len);
            pz(a, oa + from, b, ob + from, z1, len);
            pz(e, oe + from, f, of + from, z2, len);
            pairMass(x1, y1, z1, d, od + from, x2, y2, z2, h, oh + from, out, from, 0, len);
        }
    }

    /**
     * {@code out[outOff + j]} = the mass of the sum of the four-vectors (x1, y1, z1, E(m1)) and (x2,
     * y2, z2, E(m2)) at j, for {@code from ≤ j < n}: the last pass of {@link #pairMass}, which the
     * SIMD kernels override with the same operations.
     */
    protected void pairMass(double[] x1, double[] y1, double[] z1, float[] m1, int m1Off,
                            double[] x2, double[] y2, double[] z2, float[] m2, int m2Off,
                            double[] out, int outOff, int from, int n) {
        for (int j = from; j < n; j++) {
            // the Cartesian sum of toCartesian's components, so that this equals mass(a + b)
            double e1 = energy(x1[j], y1[j], z1[j], m1[m1Off + j]);
            double e2 = energy(x2[j], y2[j], z2[j], m2[m2Off + j]);
            out[outOff + j] = mass(x1[j] + x2[j], y1[j] + y2[j], z1[j] + z2[j], e1 + e2);
        }
    }

    @Override
    public void mass(double[] px, int oX, double[] py, int oY, double[] pz, int oZ, double[] energy, int oE,
                     double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = mass(px[oX + i], py[oY + i], pz[oZ + i], energy[oE + i]);
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
