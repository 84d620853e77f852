package org.crema.columnar.internal.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.crema.columnar.Comparison;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.internal.scalar.ScalarKernels;

/**
 * Vector API kernels. Inherits the scalar kernels and overrides only those with a measured win
 * (see docs/performance.md, "core-columnar kernels"); everything else, notably per-event reductions over short
 * lists, stays scalar. Each loop runs whole vectors up to {@code species.loopBound(n)} and finishes
 * the tail with the scalar rule, so results for a given element do not depend on where it falls.
 *
 * <p>Deliberately not overridden (measured no win, see docs/performance.md, "core-columnar kernels"): element-wise
 * arithmetic of two float or double columns and double unary operations, which C2 already
 * auto-vectorises and which are bound by memory bandwidth; argmin/argmax, products, sorting and combinatorics, which are
 * branchy and run over a handful of objects per event.
 *
 * <p>Kinematics: the mass from Cartesian components runs in double lanes with exactly the scalar
 * operation sequence (mul, add, max, sqrt; no FMA), so each value is bit-identical to the scalar
 * kernel whatever its position, the chunk size or the vector width. Δφ and ΔR are not overridden:
 * C2 auto-vectorises the scalar double loops (floor included) and they measured as fast as or
 * faster than a Vector API version. In the conversion to (px, py, pz, E) and the pair mass, pz =
 * pt·sinh η runs in double lanes with {@link VectorSinh}, a lane-wise port of fdlibm's sinh that gives
 * {@link Math#sinh}'s bits, and px = pt·cos φ, py = pt·sin φ with {@link VectorSinCos}, a lane-wise
 * port of fdlibm's sin and cos that gives {@link StrictMath}'s bits (the scalar kernels call {@code
 * pz} and {@code transverse} the same way, so only these steps differ between the two). The Vector
 * API's own lane-wise sin and cos (a vector math library) round differently, and {@link Math#sin}
 * and {@link Math#cos} are JIT intrinsics that may differ from StrictMath by an ulp.
 *
 * <p>Each operator gets its own loop with a constant {@link VectorOperators} argument: the JIT only
 * turns Vector API calls into machine instructions when the operator is a compile-time constant.
 */
public final class SimdKernels extends ScalarKernels {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;

    /**
     * The shared instance, or null when the hardware has no useful vector width (fewer than 4 float
     * lanes), in which case the scalar kernels are used.
     */
    public static final SimdKernels INSTANCE = FS.length() >= 4 && DS.length() >= 2 ? new SimdKernels() : null;

    /**
     * Per-event reductions gather one element of each of {@code lanes} events per step. With
     * 512-bit vectors (AVX-512, 16 events per step) that measured 2–7× faster than the scalar loop;
     * with 256-bit vectors (AVX2, 8 events) masked gathers measured 0.5–0.7× of scalar, so there the
     * scalar loop is kept.
     */
    private static final boolean GATHER_PAYS = FS.length() >= 16;

    private SimdKernels() {}

    /** @return the number of float lanes (8 on AVX2), for tests that probe lane boundaries */
    public static int floatLanes() {
        return FS.length();
    }

    /** @return the number of double lanes (4 on AVX2), the width of the kinematics kernels */
    public static int doubleLanes() {
        return DS.length();
    }

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public void compare(Comparison op, float[] a, int aOff, float b, boolean[] out, int n) {
        int i = 0;
        int bound = FS.loopBound(n);
        switch (op) {
            case GT -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.GT, b).intoArray(out, i); }
            case GE -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.GE, b).intoArray(out, i); }
            case LT -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.LT, b).intoArray(out, i); }
            case LE -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.LE, b).intoArray(out, i); }
            case EQ -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.EQ, b).intoArray(out, i); }
            case NE -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.NE, b).intoArray(out, i); }
        }
        for (; i < n; i++) {
            out[i] = op.test(a[aOff + i], b);
        }
    }

    @Override
    public void compare(Comparison op, float[] a, int aOff, float[] b, int bOff, boolean[] out, int n) {
        int i = 0;
        int bound = FS.loopBound(n);
        switch (op) {
            case GT -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.GT, FloatVector.fromArray(FS, b, bOff + i)).intoArray(out, i); }
            case GE -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.GE, FloatVector.fromArray(FS, b, bOff + i)).intoArray(out, i); }
            case LT -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.LT, FloatVector.fromArray(FS, b, bOff + i)).intoArray(out, i); }
            case LE -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.LE, FloatVector.fromArray(FS, b, bOff + i)).intoArray(out, i); }
            case EQ -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.EQ, FloatVector.fromArray(FS, b, bOff + i)).intoArray(out, i); }
            case NE -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).compare(VectorOperators.NE, FloatVector.fromArray(FS, b, bOff + i)).intoArray(out, i); }
        }
        for (; i < n; i++) {
            out[i] = op.test(a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void between(float[] a, int aOff, float lo, float hi, boolean[] out, int n) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector x = FloatVector.fromArray(FS, a, aOff + i);
            x.compare(VectorOperators.GE, lo).and(x.compare(VectorOperators.LE, hi)).intoArray(out, i);
        }
        for (; i < n; i++) {
            float x = a[aOff + i];
            out[i] = x >= lo & x <= hi;
        }
    }

    @Override
    public void compare(Comparison op, double[] a, int aOff, double b, boolean[] out, int n) {
        int i = 0;
        int bound = DS.loopBound(n);
        switch (op) {
            case GT -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.GT, b).intoArray(out, i); }
            case GE -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.GE, b).intoArray(out, i); }
            case LT -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.LT, b).intoArray(out, i); }
            case LE -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.LE, b).intoArray(out, i); }
            case EQ -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.EQ, b).intoArray(out, i); }
            case NE -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.NE, b).intoArray(out, i); }
        }
        for (; i < n; i++) {
            out[i] = op.test(a[aOff + i], b);
        }
    }

    @Override
    public void compare(Comparison op, double[] a, int aOff, double[] b, int bOff, boolean[] out, int n) {
        int i = 0;
        int bound = DS.loopBound(n);
        switch (op) {
            case GT -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.GT, DoubleVector.fromArray(DS, b, bOff + i)).intoArray(out, i); }
            case GE -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.GE, DoubleVector.fromArray(DS, b, bOff + i)).intoArray(out, i); }
            case LT -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.LT, DoubleVector.fromArray(DS, b, bOff + i)).intoArray(out, i); }
            case LE -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.LE, DoubleVector.fromArray(DS, b, bOff + i)).intoArray(out, i); }
            case EQ -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.EQ, DoubleVector.fromArray(DS, b, bOff + i)).intoArray(out, i); }
            case NE -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).compare(VectorOperators.NE, DoubleVector.fromArray(DS, b, bOff + i)).intoArray(out, i); }
        }
        for (; i < n; i++) {
            out[i] = op.test(a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void between(double[] a, int aOff, double lo, double hi, boolean[] out, int n) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector x = DoubleVector.fromArray(DS, a, aOff + i);
            x.compare(VectorOperators.GE, lo).and(x.compare(VectorOperators.LE, hi)).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[aOff + i];
            out[i] = x >= lo & x <= hi;
        }
    }

    @Override
    public void compare(Comparison op, int[] a, int aOff, int b, boolean[] out, int n) {
        int i = 0;
        int bound = IS.loopBound(n);
        switch (op) {
            case GT -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.GT, b).intoArray(out, i); }
            case GE -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.GE, b).intoArray(out, i); }
            case LT -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.LT, b).intoArray(out, i); }
            case LE -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.LE, b).intoArray(out, i); }
            case EQ -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.EQ, b).intoArray(out, i); }
            case NE -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.NE, b).intoArray(out, i); }
        }
        for (; i < n; i++) {
            out[i] = op.test(a[aOff + i], b);
        }
    }

    @Override
    public void compare(Comparison op, int[] a, int aOff, int[] b, int bOff, boolean[] out, int n) {
        int i = 0;
        int bound = IS.loopBound(n);
        switch (op) {
            case GT -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.GT, IntVector.fromArray(IS, b, bOff + i)).intoArray(out, i); }
            case GE -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.GE, IntVector.fromArray(IS, b, bOff + i)).intoArray(out, i); }
            case LT -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.LT, IntVector.fromArray(IS, b, bOff + i)).intoArray(out, i); }
            case LE -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.LE, IntVector.fromArray(IS, b, bOff + i)).intoArray(out, i); }
            case EQ -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.EQ, IntVector.fromArray(IS, b, bOff + i)).intoArray(out, i); }
            case NE -> { for (; i < bound; i += IS.length()) IntVector.fromArray(IS, a, aOff + i).compare(VectorOperators.NE, IntVector.fromArray(IS, b, bOff + i)).intoArray(out, i); }
        }
        for (; i < n; i++) {
            out[i] = op.test(a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void between(int[] a, int aOff, int lo, int hi, boolean[] out, int n) {
        int i = 0;
        for (int bound = IS.loopBound(n); i < bound; i += IS.length()) {
            IntVector x = IntVector.fromArray(IS, a, aOff + i);
            x.compare(VectorOperators.GE, lo).and(x.compare(VectorOperators.LE, hi)).intoArray(out, i);
        }
        for (; i < n; i++) {
            int x = a[aOff + i];
            out[i] = x >= lo & x <= hi;
        }
    }

    @Override
    public void binary(BinOp op, float[] a, int aOff, float b, boolean scalarFirst, float[] out, int n) {
        int i = 0;
        int bound = FS.loopBound(n);
        if (scalarFirst && (op == BinOp.SUB || op == BinOp.DIV)) {
            FloatVector bv = FloatVector.broadcast(FS, b);
            if (op == BinOp.SUB) {
                for (; i < bound; i += FS.length()) bv.sub(FloatVector.fromArray(FS, a, aOff + i)).intoArray(out, i);
            } else {
                for (; i < bound; i += FS.length()) bv.div(FloatVector.fromArray(FS, a, aOff + i)).intoArray(out, i);
            }
        } else {
            switch (op) {
                case ADD -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.ADD, b).intoArray(out, i); }
                case SUB -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.SUB, b).intoArray(out, i); }
                case MUL -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.MUL, b).intoArray(out, i); }
                case DIV -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.DIV, b).intoArray(out, i); }
                case MIN -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.MIN, b).intoArray(out, i); }
                case MAX -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.MAX, b).intoArray(out, i); }
            }
        }
        {
            for (; i < n; i++) out[i] = scalarFirst ? ScalarKernels.apply(op, b, a[aOff + i]) : ScalarKernels.apply(op, a[aOff + i], b);
        }
    }

    @Override
    public void unary(UnOp op, float[] a, int aOff, float[] out, int n) {
        int i = 0;
        int bound = FS.loopBound(n);
        switch (op) {
            case NEG -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.NEG).intoArray(out, i); }
            case ABS -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.ABS).intoArray(out, i); }
            case SQRT -> { for (; i < bound; i += FS.length()) FloatVector.fromArray(FS, a, aOff + i).lanewise(VectorOperators.SQRT).intoArray(out, i); }
        }
        {
            for (; i < n; i++) out[i] = ScalarKernels.apply(op, a[aOff + i]);
        }
    }

    @Override
    public void binary(BinOp op, double[] a, int aOff, double b, boolean scalarFirst, double[] out, int n) {
        int i = 0;
        int bound = DS.loopBound(n);
        if (scalarFirst && (op == BinOp.SUB || op == BinOp.DIV)) {
            DoubleVector bv = DoubleVector.broadcast(DS, b);
            if (op == BinOp.SUB) {
                for (; i < bound; i += DS.length()) bv.sub(DoubleVector.fromArray(DS, a, aOff + i)).intoArray(out, i);
            } else {
                for (; i < bound; i += DS.length()) bv.div(DoubleVector.fromArray(DS, a, aOff + i)).intoArray(out, i);
            }
        } else {
            switch (op) {
                case ADD -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).lanewise(VectorOperators.ADD, b).intoArray(out, i); }
                case SUB -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).lanewise(VectorOperators.SUB, b).intoArray(out, i); }
                case MUL -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).lanewise(VectorOperators.MUL, b).intoArray(out, i); }
                case DIV -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).lanewise(VectorOperators.DIV, b).intoArray(out, i); }
                case MIN -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).lanewise(VectorOperators.MIN, b).intoArray(out, i); }
                case MAX -> { for (; i < bound; i += DS.length()) DoubleVector.fromArray(DS, a, aOff + i).lanewise(VectorOperators.MAX, b).intoArray(out, i); }
            }
        }
        {
            for (; i < n; i++) out[i] = scalarFirst ? ScalarKernels.apply(op, b, a[aOff + i]) : ScalarKernels.apply(op, a[aOff + i], b);
        }
    }

    @Override
    public void logic(BoolOp op, boolean[] a, int aOff, boolean[] b, int bOff, boolean[] out, int n) {
        int i = 0;
        int bound = BS.loopBound(n);
        // boolean[] is one byte per element: a byte-species mask covers 32 elements per AVX2 register
        switch (op) {
            case AND -> { for (; i < bound; i += BS.length()) VectorMask.fromArray(BS, a, aOff + i).and(VectorMask.fromArray(BS, b, bOff + i)).intoArray(out, i); }
            case OR -> { for (; i < bound; i += BS.length()) VectorMask.fromArray(BS, a, aOff + i).or(VectorMask.fromArray(BS, b, bOff + i)).intoArray(out, i); }
            case ANDNOT -> { for (; i < bound; i += BS.length()) VectorMask.fromArray(BS, a, aOff + i).andNot(VectorMask.fromArray(BS, b, bOff + i)).intoArray(out, i); }
            case XOR -> { for (; i < bound; i += BS.length()) VectorMask.fromArray(BS, a, aOff + i).eq(VectorMask.fromArray(BS, b, bOff + i)).not().intoArray(out, i); }
        }
        for (; i < n; i++) {
            boolean x = a[aOff + i];
            boolean y = b[bOff + i];
            out[i] = switch (op) {
                case AND -> x & y;
                case OR -> x | y;
                case ANDNOT -> x & !y;
                case XOR -> x ^ y;
            };
        }
    }

    @Override
    public void not(boolean[] a, int aOff, boolean[] out, int n) {
        int i = 0;
        for (int bound = BS.loopBound(n); i < bound; i += BS.length()) {
            VectorMask.fromArray(BS, a, aOff + i).not().intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = !a[aOff + i];
        }
    }

    @Override
    public int countTrue(boolean[] a, int aOff, int n) {
        int c = 0;
        int i = 0;
        for (int bound = BS.loopBound(n); i < bound; i += BS.length()) {
            c += VectorMask.fromArray(BS, a, aOff + i).trueCount();
        }
        for (; i < n; i++) {
            c += a[aOff + i] ? 1 : 0;
        }
        return c;
    }

    @Override
    public double sum(float[] a, int aOff, int n) {
        // Floats are widened to double lanes before adding, like the scalar loop, so the result only
        // differs from it by the order of additions (never by float overflow or float rounding).
        DoubleVector acc0 = DoubleVector.zero(DS);
        DoubleVector acc1 = DoubleVector.zero(DS);
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, a, aOff + i);
            acc0 = acc0.add((DoubleVector) v.convertShape(VectorOperators.F2D, DS, 0));
            acc1 = acc1.add((DoubleVector) v.convertShape(VectorOperators.F2D, DS, 1));
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[aOff + i];
        }
        return s;
    }

    @Override
    public double sum(double[] a, int aOff, int n) {
        DoubleVector acc0 = DoubleVector.zero(DS);
        DoubleVector acc1 = DoubleVector.zero(DS);
        int i = 0;
        int step = 2 * DS.length();
        for (int bound = n - step + 1; i < bound; i += step) {
            acc0 = acc0.add(DoubleVector.fromArray(DS, a, aOff + i));
            acc1 = acc1.add(DoubleVector.fromArray(DS, a, aOff + i + DS.length()));
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[aOff + i];
        }
        return s;
    }

    @Override
    public double maskedSum(float[] a, int aOff, boolean[] mask, int mOff, int n) {
        DoubleVector acc0 = DoubleVector.zero(DS);
        DoubleVector acc1 = DoubleVector.zero(DS);
        int half = DS.length();
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, a, aOff + i);
            // masked-off lanes are left unchanged, so a NaN in an unselected element never leaks in
            acc0 = acc0.add((DoubleVector) v.convertShape(VectorOperators.F2D, DS, 0), VectorMask.fromArray(DS, mask, mOff + i));
            acc1 = acc1.add((DoubleVector) v.convertShape(VectorOperators.F2D, DS, 1), VectorMask.fromArray(DS, mask, mOff + i + half));
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            if (mask[mOff + i]) {
                s += a[aOff + i];
            }
        }
        return s;
    }

    @Override
    public double maskedSum(double[] a, int aOff, boolean[] mask, int mOff, int n) {
        DoubleVector acc = DoubleVector.zero(DS);
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            acc = acc.add(DoubleVector.fromArray(DS, a, aOff + i), VectorMask.fromArray(DS, mask, mOff + i));
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            if (mask[mOff + i]) {
                s += a[aOff + i];
            }
        }
        return s;
    }

    @Override
    public void sinh(double[] a, int aOff, double[] out, int n) {
        VectorSinh.sinh(a, aOff, out, 0, n);
    }

    @Override
    public void sinCos(double[] a, int aOff, double[] sin, double[] cos, int n) {
        VectorSinCos.sinCos(a, aOff, sin, 0, cos, 0, n);
    }

    /**
     * In blocks: φ widened into {@code py}, cos and sin into {@code px} and {@code py} (sin in place),
     * times pt; the same operations as the scalar rule.
     */
    @Override
    public void transverse(float[] pt, int ptOff, float[] phi, int phiOff, double[] px, double[] py, int n) {
        int half = DS.length(); // FS.length() == 2 * DS.length(): the same vector size
        for (int from = 0; from < n; from += PZ_BLOCK) {
            int len = Math.min(PZ_BLOCK, n - from);
            int i = 0;
            for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                FloatVector f = FloatVector.fromArray(FS, phi, phiOff + from + i);
                ((DoubleVector) f.convertShape(VectorOperators.F2D, DS, 0)).intoArray(py, from + i);
                ((DoubleVector) f.convertShape(VectorOperators.F2D, DS, 1)).intoArray(py, from + i + half);
            }
            for (; i < len; i++) {
                py[from + i] = phi[phiOff + from + i];
            }
            VectorSinCos.sinCos(py, from, py, from, px, from, len);
            i = 0;
            for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                FloatVector p = FloatVector.fromArray(FS, pt, ptOff + from + i);
                for (int part = 0; part < 2; part++) {
                    int at = from + i + part * half;
                    DoubleVector pd = (DoubleVector) p.convertShape(VectorOperators.F2D, DS, part);
                    pd.mul(DoubleVector.fromArray(DS, px, at)).intoArray(px, at);
                    pd.mul(DoubleVector.fromArray(DS, py, at)).intoArray(py, at);
                }
            }
            for (; i < len; i++) {
                double p = pt[ptOff + from + i];
                px[from + i] = p * px[from + i];
                py[from + i] = p * py[from + i];
            }
        }
    }

    /**
     * Both energies, the sums and the mass in double lanes, the operations of the scalar pass
     * (measured 1.4–1.8× faster pair masses than the scalar pass after the conversions in lanes;
     * NaN results may differ in sign or payload, which Java leaves unspecified).
     */
    @Override
    protected void pairMass(double[] x1, double[] y1, double[] z1, float[] m1, int m1Off,
                            double[] x2, double[] y2, double[] z2, float[] m2, int m2Off,
                            double[] out, int outOff, int from, int n) {
        int half = DS.length();
        int j = from;
        for (int bound = from + FS.loopBound(n - from); j < bound; j += FS.length()) {
            FloatVector ma = FloatVector.fromArray(FS, m1, m1Off + j);
            FloatVector mb = FloatVector.fromArray(FS, m2, m2Off + j);
            for (int part = 0; part < 2; part++) {
                int at = j + part * half;
                DoubleVector ax = DoubleVector.fromArray(DS, x1, at);
                DoubleVector ay = DoubleVector.fromArray(DS, y1, at);
                DoubleVector az = DoubleVector.fromArray(DS, z1, at);
                DoubleVector am = (DoubleVector) ma.convertShape(VectorOperators.F2D, DS, part);
                DoubleVector bx = DoubleVector.fromArray(DS, x2, at);
                DoubleVector by = DoubleVector.fromArray(DS, y2, at);
                DoubleVector bz = DoubleVector.fromArray(DS, z2, at);
                DoubleVector bm = (DoubleVector) mb.convertShape(VectorOperators.F2D, DS, part);
                DoubleVector e = ax.mul(ax).add(ay.mul(ay)).add(az.mul(az)).add(am.mul(am)).sqrt()
                        .add(bx.mul(bx).add(by.mul(by)).add(bz.mul(bz)).add(bm.mul(bm)).sqrt());
                DoubleVector x = ax.add(bx);
                DoubleVector y = ay.add(by);
                DoubleVector z = az.add(bz);
                // MAX has Math.max semantics (NaN wins), as in ScalarKernels.mass
                e.mul(e).sub(x.mul(x).add(y.mul(y)).add(z.mul(z))).lanewise(VectorOperators.MAX, 0.0).sqrt()
                        .intoArray(out, outOff + at);
            }
        }
        super.pairMass(x1, y1, z1, m1, m1Off, x2, y2, z2, m2, m2Off, out, outOff, j, n);
    }

    /** Elements per block of {@link #pz} and {@link #transverse}: their passes stay in the L1 cache. */
    private static final int PZ_BLOCK = 512;

    /** In blocks: η widened into {@code out}, sinh in place, times pt; the same operations as the scalar rule. */
    @Override
    public void pz(float[] pt, int ptOff, float[] eta, int etaOff, double[] out, int n) {
        int half = DS.length(); // FS.length() == 2 * DS.length(): the same vector size
        for (int from = 0; from < n; from += PZ_BLOCK) {
            int len = Math.min(PZ_BLOCK, n - from);
            int i = 0;
            for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                FloatVector h = FloatVector.fromArray(FS, eta, etaOff + from + i);
                ((DoubleVector) h.convertShape(VectorOperators.F2D, DS, 0)).intoArray(out, from + i);
                ((DoubleVector) h.convertShape(VectorOperators.F2D, DS, 1)).intoArray(out, from + i + half);
            }
            for (; i < len; i++) {
                out[from + i] = eta[etaOff + from + i];
            }
            VectorSinh.sinh(out, from, out, from, len);
            i = 0;
            for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                FloatVector p = FloatVector.fromArray(FS, pt, ptOff + from + i);
                for (int part = 0; part < 2; part++) {
                    int at = from + i + part * half;
                    ((DoubleVector) p.convertShape(VectorOperators.F2D, DS, part)).mul(DoubleVector.fromArray(DS, out, at)).intoArray(out, at);
                }
            }
            for (; i < len; i++) {
                out[from + i] = pt[ptOff + from + i] * out[from + i];
            }
        }
    }

    @Override
    public void mass(double[] px, int oX, double[] py, int oY, double[] pz, int oZ, double[] energy, int oE,
                     double[] out, int n) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector x = DoubleVector.fromArray(DS, px, oX + i);
            DoubleVector y = DoubleVector.fromArray(DS, py, oY + i);
            DoubleVector z = DoubleVector.fromArray(DS, pz, oZ + i);
            DoubleVector e = DoubleVector.fromArray(DS, energy, oE + i);
            // MAX has Math.max semantics (NaN wins), as in ScalarKernels.mass
            e.mul(e).sub(x.mul(x).add(y.mul(y)).add(z.mul(z))).lanewise(VectorOperators.MAX, 0.0).sqrt().intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = ScalarKernels.mass(px[oX + i], py[oY + i], pz[oZ + i], energy[oE + i]);
        }
    }

    @Override
    public int compress(float[] a, int aOff, boolean[] mask, int mOff, int n, float[] out) {
        int k = 0;
        int i = 0;
        int lanes = FS.length();
        for (int bound = FS.loopBound(n); i < bound; i += lanes) {
            VectorMask<Float> m = VectorMask.fromArray(FS, mask, mOff + i);
            if (k + lanes <= out.length) {
                // stores a whole vector; the lanes past the selected ones are overwritten by the next store
                FloatVector.fromArray(FS, a, aOff + i).compress(m).intoArray(out, k);
                k += m.trueCount();
            } else {
                for (int j = i; j < i + lanes; j++) {
                    if (mask[mOff + j]) {
                        out[k++] = a[aOff + j];
                    }
                }
            }
        }
        for (; i < n; i++) {
            if (mask[mOff + i]) {
                out[k++] = a[aOff + i];
            }
        }
        return k;
    }

    @Override
    public int trueIndices(boolean[] mask, int mOff, int n, int[] out) {
        int k = 0;
        int i = 0;
        int lanes = IS.length();
        IntVector iota = IntVector.zero(IS).addIndex(1);
        for (int bound = IS.loopBound(n); i < bound; i += lanes) {
            VectorMask<Integer> m = VectorMask.fromArray(IS, mask, mOff + i);
            if (k + lanes <= out.length) {
                iota.add(i).compress(m).intoArray(out, k);
                k += m.trueCount();
            } else {
                for (int j = i; j < i + lanes; j++) {
                    if (mask[mOff + j]) {
                        out[k++] = j;
                    }
                }
            }
        }
        for (; i < n; i++) {
            if (mask[mOff + i]) {
                out[k++] = i;
            }
        }
        return k;
    }

    @Override
    public void segmentedSum(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float[] out) {
        int lanes = FS.length();
        if (!GATHER_PAYS || IS.length() != lanes || DS.length() * 2 != lanes) {
            super.segmentedSum(content, cOff, offsets, oFrom, nEvents, out);
            return;
        }
        // One lane per event: step j adds the j-th element of each of `lanes` events (a masked gather),
        // so every event is summed in the scalar order and the result is bit-identical.
        int[] index = new int[lanes];
        double[] sums = new double[lanes];
        int e = 0;
        for (; e + lanes <= nEvents; e += lanes) {
            IntVector starts = IntVector.fromArray(IS, offsets, oFrom + e);
            IntVector counts = IntVector.fromArray(IS, offsets, oFrom + e + 1).sub(starts);
            int maxCount = counts.reduceLanes(VectorOperators.MAX);
            DoubleVector lo = DoubleVector.zero(DS);
            DoubleVector hi = DoubleVector.zero(DS);
            for (int j = 0; j < maxCount; j++) {
                VectorMask<Integer> activeInt = counts.compare(VectorOperators.GT, j);
                VectorMask<Float> active = activeInt.cast(FS);
                // finished events point at element 0: the gather range-checks every lane, masked or not
                starts.add(cOff + j).blend(0, activeInt.not()).intoArray(index, 0);
                FloatVector v = FloatVector.fromArray(FS, content, 0, index, 0, active);
                lo = lo.add((DoubleVector) v.convertShape(VectorOperators.F2D, DS, 0));
                hi = hi.add((DoubleVector) v.convertShape(VectorOperators.F2D, DS, 1));
            }
            lo.intoArray(sums, 0);
            hi.intoArray(sums, DS.length());
            for (int l = 0; l < lanes; l++) {
                out[e + l] = (float) sums[l];
            }
        }
        if (e < nEvents) {
            float[] tail = new float[nEvents - e];
            super.segmentedSum(content, cOff, offsets, oFrom + e, nEvents - e, tail);
            System.arraycopy(tail, 0, out, e, tail.length);
        }
    }

    @Override
    public void segmentedMax(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float empty, float[] out) {
        int lanes = FS.length();
        if (!GATHER_PAYS || IS.length() != lanes) {
            super.segmentedMax(content, cOff, offsets, oFrom, nEvents, empty, out);
            return;
        }
        // Math.max is associative and commutative (NaN wins, +0 > -0), so folding the j-th elements of
        // `lanes` events at a time from -Inf gives exactly the scalar result.
        int[] index = new int[lanes];
        int e = 0;
        for (; e + lanes <= nEvents; e += lanes) {
            IntVector starts = IntVector.fromArray(IS, offsets, oFrom + e);
            IntVector counts = IntVector.fromArray(IS, offsets, oFrom + e + 1).sub(starts);
            int maxCount = counts.reduceLanes(VectorOperators.MAX);
            FloatVector acc = FloatVector.broadcast(FS, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < maxCount; j++) {
                VectorMask<Integer> activeInt = counts.compare(VectorOperators.GT, j);
                VectorMask<Float> active = activeInt.cast(FS);
                // finished events point at element 0: the gather range-checks every lane, masked or not
                starts.add(cOff + j).blend(0, activeInt.not()).intoArray(index, 0);
                acc = acc.lanewise(VectorOperators.MAX, FloatVector.fromArray(FS, content, 0, index, 0, active), active);
            }
            acc.blend(empty, counts.compare(VectorOperators.EQ, 0).cast(FS)).intoArray(out, e);
        }
        if (e < nEvents) {
            float[] tail = new float[nEvents - e];
            super.segmentedMax(content, cOff, offsets, oFrom + e, nEvents - e, empty, tail);
            System.arraycopy(tail, 0, out, e, tail.length);
        }
    }

    @Override
    public void segmentedMin(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float empty, float[] out) {
        int lanes = FS.length();
        if (!GATHER_PAYS || IS.length() != lanes) {
            super.segmentedMin(content, cOff, offsets, oFrom, nEvents, empty, out);
            return;
        }
        // as segmentedMax: Math.min is associative and commutative, folded from +Inf
        int[] index = new int[lanes];
        int e = 0;
        for (; e + lanes <= nEvents; e += lanes) {
            IntVector starts = IntVector.fromArray(IS, offsets, oFrom + e);
            IntVector counts = IntVector.fromArray(IS, offsets, oFrom + e + 1).sub(starts);
            int maxCount = counts.reduceLanes(VectorOperators.MAX);
            FloatVector acc = FloatVector.broadcast(FS, Float.POSITIVE_INFINITY);
            for (int j = 0; j < maxCount; j++) {
                VectorMask<Integer> activeInt = counts.compare(VectorOperators.GT, j);
                VectorMask<Float> active = activeInt.cast(FS);
                // finished events point at element 0: the gather range-checks every lane, masked or not
                starts.add(cOff + j).blend(0, activeInt.not()).intoArray(index, 0);
                acc = acc.lanewise(VectorOperators.MIN, FloatVector.fromArray(FS, content, 0, index, 0, active), active);
            }
            acc.blend(empty, counts.compare(VectorOperators.EQ, 0).cast(FS)).intoArray(out, e);
        }
        if (e < nEvents) {
            float[] tail = new float[nEvents - e];
            super.segmentedMin(content, cOff, offsets, oFrom + e, nEvents - e, empty, tail);
            System.arraycopy(tail, 0, out, e, tail.length);
        }
    }
}
