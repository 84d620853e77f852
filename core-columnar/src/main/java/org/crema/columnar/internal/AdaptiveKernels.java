package org.crema.columnar.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crema.columnar.Comparison;
import org.crema.columnar.FloatColumn;

/**
 * SIMD kernels in long runs, once they are compiled; the scalar twins in short runs and until then.
 * Vector API code runs one to two orders of magnitude slower than plain loops until the JIT's
 * optimising compiler has compiled it (before that every vector operation allocates), and compiling
 * the kernels costs CPU seconds: measured on the AGC example, the first 50 000 events of a fresh JVM
 * ran at 8 400 events/s with SIMD kernels from the start and 13 500 with scalar ones, and a fresh
 * {@code crema run} of the AGC task took 6.8 CPU-seconds with SIMD kernels and 4.7 with scalar ones,
 * while a warm JVM gains 5 – 10 % from them. So calls go to the scalar kernels; only when the JVM
 * is still computing after {@code crema.simd.warmupDelay} seconds (default 10) does a low-priority
 * daemon thread exercise every SIMD kernel on small arrays until their cost per round stops falling,
 * then calls switch to the SIMD kernels for good.
 *
 * <p>Switching never changes a result: every SIMD kernel performs the same IEEE operations as its
 * scalar twin (the property tests check it), so only the speed depends on when the switch happens.
 * {@code -Dcrema.simd.warmup=false} uses the SIMD kernels from the first call.
 */
public final class AdaptiveKernels implements Kernels {
    private static final int N = 1024;
    private static final int EVENTS = N / 4;
    private static final int MIN_ROUNDS = 40;
    private static final int MAX_ROUNDS = 2_000;

    private static volatile double sink;
    // integer division and square root are not column operations (the facades refuse them)
    private static final BinOp[] INT_BINARY = {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.MIN, BinOp.MAX};
    private static final UnOp[] INT_UNARY = {UnOp.NEG, UnOp.ABS};

    private final Kernels simd;
    private final CountDownLatch warm = new CountDownLatch(1);
    private volatile Kernels current;
    private volatile Throwable failure;
    private final long delayMillis;
    private final CountDownLatch start = new CountDownLatch(1);

    /**
     * @param scalar the kernels used until {@code simd} is compiled
     * @param simd the kernels used afterwards
     */
    public AdaptiveKernels(Kernels scalar, Kernels simd) {
        this.simd = simd;
        this.current = scalar;
        this.delayMillis = (long) (1000 * Double.parseDouble(System.getProperty("crema.simd.warmupDelay", "10")));
        Thread t = new Thread(this::warmUp, "crema-simd-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * @param timeout how long to wait
     * @param unit unit of {@code timeout}
     * @return true when calls now go to the SIMD kernels
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitSimd(long timeout, TimeUnit unit) throws InterruptedException {
        return warm.await(timeout, unit);
    }

    /** @return what stopped the warm-up early, or null when it ran to the end */
    public Throwable warmUpFailure() {
        return failure;
    }

    /** @return the kernels calls go to now */
    public Kernels current() {
        return current;
    }

    @Override
    public String name() {
        return simd.name();
    }

    /** Starts warming up the SIMD kernels now rather than after the delay. */
    public void warmUpNow() {
        start.countDown();
    }

    private void warmUp() {
        try {
            // short runs end before this: they never pay for compiling the SIMD kernels
            start.await(delayMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            long best = Long.MAX_VALUE;
            int sinceBest = 0;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                long t0 = System.nanoTime();
                exercise(simd);
                long t = System.nanoTime() - t0;
                if (t < best * 0.95) {
                    best = t;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                // compiled: enough calls for the optimising compiler, and no round faster for a while
                if (round >= MIN_ROUNDS && sinceBest >= 20) {
                    break;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            failure = e;
            System.getLogger("org.crema.columnar").log(System.Logger.Level.WARNING,
                    "crema: warming up the SIMD kernels failed (" + e + "); using them from now on");
        }
        current = simd;
        warm.countDown();
    }

    /** One call of every kernel, every operator, on {@value #N} values. */
    static void exercise(Kernels k) {
        float[] f = new float[N], f2 = new float[N], fOut = new float[N];
        double[] d = new double[N], d2 = new double[N], dOut = new double[N];
        double[] dx = new double[N], dy = new double[N], dz = new double[N], de = new double[N];
        int[] i = new int[N], i2 = new int[N], iOut = new int[N];
        boolean[] mask = new boolean[N], mask2 = new boolean[N], bOut = new boolean[N];
        int[] offsets = new int[EVENTS + 1];
        for (int j = 0; j < N; j++) {
            f[j] = j * 0.01f - 3f;
            f2[j] = 1f + (j % 7);
            d[j] = f[j];
            d2[j] = f2[j];
            i[j] = j % 11;
            i2[j] = 1 + j % 7; // never zero: integer division is exercised too
            mask[j] = j % 3 == 0;
            mask2[j] = j % 2 == 0;
        }
        for (int e = 0; e <= EVENTS; e++) {
            offsets[e] = e * (N / EVENTS);
        }
        FloatColumn fc = FloatColumn.of(f);
        FloatColumn fc2 = FloatColumn.of(f2);
        double s = 0;
        for (Comparison op : Comparison.values()) k.compare(op, f, 0, 1.5f, bOut, N);
        for (Comparison op : Comparison.values()) k.compare(op, f, 0, f2, 0, bOut, N);
        k.between(f, 0, 1.5f, 1.5f, bOut, N);
        for (Comparison op : Comparison.values()) k.compare(op, d, 0, 1.5, bOut, N);
        for (Comparison op : Comparison.values()) k.compare(op, d, 0, d2, 0, bOut, N);
        k.between(d, 0, 1.5, 1.5, bOut, N);
        for (Comparison op : Comparison.values()) k.compare(op, i, 0, 3, bOut, N);
        for (Comparison op : Comparison.values()) k.compare(op, i, 0, i2, 0, bOut, N);
        k.between(i, 0, 1, 5, bOut, N);
        for (BinOp op : BinOp.values()) k.binary(op, f, 0, f2, 0, fOut, N);
        for (BinOp op : BinOp.values()) k.binary(op, f, 0, 1.5f, false, fOut, N);
        for (UnOp op : UnOp.values()) k.unary(op, f, 0, fOut, N);
        for (BinOp op : BinOp.values()) k.binary(op, d, 0, d2, 0, dOut, N);
        for (BinOp op : BinOp.values()) k.binary(op, d, 0, 1.5, false, dOut, N);
        for (UnOp op : UnOp.values()) k.unary(op, d, 0, dOut, N);
        for (BinOp op : INT_BINARY) k.binary(op, i, 0, i2, 0, iOut, N);
        for (BinOp op : INT_BINARY) k.binary(op, i, 0, 3, false, iOut, N);
        for (UnOp op : INT_UNARY) k.unary(op, i, 0, iOut, N);
        for (BoolOp op : BoolOp.values()) k.logic(op, mask, 0, mask2, 0, bOut, N);
        k.not(mask, 0, bOut, N);
        s += k.countTrue(mask, 0, N);
        s += k.sum(f, 0, N);
        s += k.sum(d, 0, N);
        s += k.maskedSum(f, 0, mask, 0, N);
        s += k.maskedSum(d, 0, mask, 0, N);
        s += k.compress(f, 0, mask, 0, N, fOut);
        s += k.trueIndices(mask, 0, N, iOut);
        k.segmentedSum(f, 0, offsets, 0, EVENTS, fOut);
        k.segmentedMax(f, 0, offsets, 0, EVENTS, 1.5f, fOut);
        k.segmentedMin(f, 0, offsets, 0, EVENTS, 1.5f, fOut);
        k.deltaPhi(fc, fc2, dOut);
        k.deltaR(fc, fc, fc2, fc2, dOut);
        k.sinh(d, 0, dOut, N);
        k.pz(f, 0, f2, 0, dOut, N);
        k.sinCos(d, 0, dx, dy, N);
        k.transverse(f, 0, f2, 0, dx, dy, N);
        k.toCartesian(fc, fc, fc, fc, dx, dy, dz, de);
        k.pairMass(fc, fc, fc, fc, fc2, fc2, fc2, fc2, dOut);
        k.mass(dx, 0, dy, 0, dz, 0, de, 0, dOut, N);
        sink = s;
    }

    @Override
    public void compare(Comparison op, float[] a, int aOff, float b, boolean[] out, int n) {
        current.compare(op, a, aOff, b, out, n);
    }

    @Override
    public void compare(Comparison op, float[] a, int aOff, float[] b, int bOff, boolean[] out, int n) {
        current.compare(op, a, aOff, b, bOff, out, n);
    }

    @Override
    public void between(float[] a, int aOff, float lo, float hi, boolean[] out, int n) {
        current.between(a, aOff, lo, hi, out, n);
    }

    @Override
    public void compare(Comparison op, double[] a, int aOff, double b, boolean[] out, int n) {
        current.compare(op, a, aOff, b, out, n);
    }

    @Override
    public void compare(Comparison op, double[] a, int aOff, double[] b, int bOff, boolean[] out, int n) {
        current.compare(op, a, aOff, b, bOff, out, n);
    }

    @Override
    public void between(double[] a, int aOff, double lo, double hi, boolean[] out, int n) {
        current.between(a, aOff, lo, hi, out, n);
    }

    @Override
    public void compare(Comparison op, int[] a, int aOff, int b, boolean[] out, int n) {
        current.compare(op, a, aOff, b, out, n);
    }

    @Override
    public void compare(Comparison op, int[] a, int aOff, int[] b, int bOff, boolean[] out, int n) {
        current.compare(op, a, aOff, b, bOff, out, n);
    }

    @Override
    public void between(int[] a, int aOff, int lo, int hi, boolean[] out, int n) {
        current.between(a, aOff, lo, hi, out, n);
    }

    @Override
    public void binary(BinOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int n) {
        current.binary(op, a, aOff, b, bOff, out, n);
    }

    @Override
    public void binary(BinOp op, float[] a, int aOff, float b, boolean scalarFirst, float[] out, int n) {
        current.binary(op, a, aOff, b, scalarFirst, out, n);
    }

    @Override
    public void unary(UnOp op, float[] a, int aOff, float[] out, int n) {
        current.unary(op, a, aOff, out, n);
    }

    @Override
    public void binary(BinOp op, double[] a, int aOff, double[] b, int bOff, double[] out, int n) {
        current.binary(op, a, aOff, b, bOff, out, n);
    }

    @Override
    public void binary(BinOp op, double[] a, int aOff, double b, boolean scalarFirst, double[] out, int n) {
        current.binary(op, a, aOff, b, scalarFirst, out, n);
    }

    @Override
    public void unary(UnOp op, double[] a, int aOff, double[] out, int n) {
        current.unary(op, a, aOff, out, n);
    }

    @Override
    public void binary(BinOp op, int[] a, int aOff, int[] b, int bOff, int[] out, int n) {
        current.binary(op, a, aOff, b, bOff, out, n);
    }

    @Override
    public void binary(BinOp op, int[] a, int aOff, int b, boolean scalarFirst, int[] out, int n) {
        current.binary(op, a, aOff, b, scalarFirst, out, n);
    }

    @Override
    public void unary(UnOp op, int[] a, int aOff, int[] out, int n) {
        current.unary(op, a, aOff, out, n);
    }

    @Override
    public void logic(BoolOp op, boolean[] a, int aOff, boolean[] b, int bOff, boolean[] out, int n) {
        current.logic(op, a, aOff, b, bOff, out, n);
    }

    @Override
    public void not(boolean[] a, int aOff, boolean[] out, int n) {
        current.not(a, aOff, out, n);
    }

    @Override
    public int countTrue(boolean[] a, int aOff, int n) {
        return current.countTrue(a, aOff, n);
    }

    @Override
    public double sum(float[] a, int aOff, int n) {
        return current.sum(a, aOff, n);
    }

    @Override
    public double sum(double[] a, int aOff, int n) {
        return current.sum(a, aOff, n);
    }

    @Override
    public double maskedSum(float[] a, int aOff, boolean[] mask, int mOff, int n) {
        return current.maskedSum(a, aOff, mask, mOff, n);
    }

    @Override
    public double maskedSum(double[] a, int aOff, boolean[] mask, int mOff, int n) {
        return current.maskedSum(a, aOff, mask, mOff, n);
    }

    @Override
    public int compress(float[] a, int aOff, boolean[] mask, int mOff, int n, float[] out) {
        return current.compress(a, aOff, mask, mOff, n, out);
    }

    @Override
    public int trueIndices(boolean[] mask, int mOff, int n, int[] out) {
        return current.trueIndices(mask, mOff, n, out);
    }

    @Override
    public void segmentedSum(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float[] out) {
        current.segmentedSum(content, cOff, offsets, oFrom, nEvents, out);
    }

    @Override
    public void segmentedMax(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float empty, float[] out) {
        current.segmentedMax(content, cOff, offsets, oFrom, nEvents, empty, out);
    }

    @Override
    public void segmentedMin(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float empty, float[] out) {
        current.segmentedMin(content, cOff, offsets, oFrom, nEvents, empty, out);
    }

    @Override
    public void deltaPhi(FloatColumn phi1, FloatColumn phi2, double[] out) {
        current.deltaPhi(phi1, phi2, out);
    }

    @Override
    public void deltaR(FloatColumn eta1, FloatColumn phi1, FloatColumn eta2, FloatColumn phi2, double[] out) {
        current.deltaR(eta1, phi1, eta2, phi2, out);
    }

    @Override
    public void sinh(double[] a, int aOff, double[] out, int n) {
        current.sinh(a, aOff, out, n);
    }

    @Override
    public void pz(float[] pt, int ptOff, float[] eta, int etaOff, double[] out, int n) {
        current.pz(pt, ptOff, eta, etaOff, out, n);
    }

    @Override
    public void sinCos(double[] a, int aOff, double[] sin, double[] cos, int n) {
        current.sinCos(a, aOff, sin, cos, n);
    }

    @Override
    public void transverse(float[] pt, int ptOff, float[] phi, int phiOff, double[] px, double[] py, int n) {
        current.transverse(pt, ptOff, phi, phiOff, px, py, n);
    }

    @Override
    public void toCartesian(FloatColumn pt, FloatColumn eta, FloatColumn phi, FloatColumn mass, double[] px, double[] py, double[] pz, double[] energy) {
        current.toCartesian(pt, eta, phi, mass, px, py, pz, energy);
    }

    @Override
    public void pairMass(FloatColumn pt1, FloatColumn eta1, FloatColumn phi1, FloatColumn m1, FloatColumn pt2, FloatColumn eta2, FloatColumn phi2, FloatColumn m2, double[] out) {
        current.pairMass(pt1, eta1, phi1, m1, pt2, eta2, phi2, m2, out);
    }

    @Override
    public void mass(double[] px, int oX, double[] py, int oY, double[] pz, int oZ, double[] energy, int oE, double[] out, int n) {
        current.mass(px, oX, py, oY, pz, oZ, energy, oE, out, n);
    }
}
