package org.crema.hist;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One exact sum of doubles per bin, whose result does not depend on the order of the additions.
 *
 * <p><b>Representation.</b> The real line is cut into 32-bit limbs at fixed absolute exponents (limb
 * {@code L} holds the bits of weight {@code 2^(32L) … 2^(32L+31)}). Every bin keeps a window of
 * {@link #K} limbs as {@code long}s, the same window for all bins of this array: its top limb is the
 * one holding the leading bit of the largest magnitude ever added. Adding a double splits its 53-bit
 * significand along the limb grid into at most three slices and adds each slice, signed, to its own
 * limb. Limbs never pass carries to each other while filling: a limb is the plain integer sum of
 * the slices that fell into it, so when the window moves up (a larger value arrives) and the bottom
 * limbs are dropped, exactly their own slices are dropped, whatever the order of the additions. The
 * kept state is therefore a function of the <em>multiset</em> of added values: integer addition is
 * associative and commutative, and the window position is the maximum magnitude, which is too.
 *
 * <p><b>Precision.</b> With {@code e = floor(log2 max|x|)} over all values ever added to the array,
 * every bit of weight ≥ {@code 2^(e−96)} of every value is summed exactly (values with {@code |x| ≥
 * 2^(e−44)} entirely); bits below {@code 2^(e−127)} are always dropped. The double read back is the
 * correctly rounded (round half to even) value of that exact integer sum, so a bin of {@code n}
 * entries is within {@code n·max|x|·2^−96} plus half an ulp of the true sum — far inside the error
 * of naive double summation. Non-finite values (NaN, ±∞) are kept aside per bin; their sum is
 * order-independent too (NaN if a NaN or both infinities were added).
 *
 * <p><b>Headroom.</b> A limb receives values below {@code 2^32} per entry; after {@code 2^30}
 * entries since the last check the limbs are "spilled": each keeps its low 32 bits and moves the
 * rest into a per-limb carry word that stays attached to (and is dropped with) its limb. That keeps
 * the sum exact for any number of entries without ever propagating carries between limbs.
 *
 * <p><b>Memory.</b> {@code 8·K = 32} bytes per bin (plus a carry array of the same size, allocated
 * only past {@code 2^30} entries or on overflowing merges).
 *
 * <p>Not thread-safe: one instance per histogram, filled by one thread.
 */
final class ExactSums {
    /** Limbs per bin: a 128-bit window. */
    static final int K = 4;
    private static final long M32 = 0xFFFFFFFFL;
    private static final long FRAC = (1L << 52) - 1;
    private static final long IMPLICIT = 1L << 52;
    /** The lowest window: 32·floor(−1074/32), so every subnormal fits before the window first moves. */
    private static final int MIN_BOTTOM = -1088;
    /** Entries after which the limbs are spilled into their carry words (keeps |limb| < 2^63). */
    static final long SPILL_AFTER = 1L << 30;

    final int bins;
    /** {@code bins·K + 1} limbs, bin-major; the last one is padding that only ever receives zeros. */
    final long[] limbs;
    /** {@code null}, or per limb the number of 2^32 units spilled out of it. */
    long[] carry;
    /** Per bin the sum of the non-finite values added, 0 when none; {@code null} until the first one. */
    double[] special;
    /** Absolute exponent of the least bit of limb 0 of the window; a multiple of 32. */
    int bottom = MIN_BOTTOM;
    /** Largest biased exponent that fits in the window as it is. */
    int threshold = thresholdFor(MIN_BOTTOM);
    /** Bound on the entries added to any limb since the last spill: |limb| ≤ 2^32·(1 + pending). */
    long pending;

    ExactSums(int bins) {
        this.bins = bins;
        this.limbs = new long[bins * K + 1];
    }

    private static int thresholdFor(int bottom) {
        // The leading bit of a normal double with biased exponent be is 2^(be−1023); it must lie
        // below the top of the window, 2^(bottom + 32K). Inf/NaN (be = 2047) always take the slow path.
        return Math.min(2046, bottom + 32 * K + 1022);
    }

    // ---------------------------------------------------------------- filling

    /**
     * Adds the double with raw bits {@code bits} and biased exponent {@code be ≤ threshold} to the
     * limbs of the bin starting at {@code base}. The caller checks the threshold (and calls {@link
     * #addSlow} otherwise) so that this stays small enough to inline into every fill loop.
     */
    static void add(long[] a, int base, long bits, int be, int bottom) {
        long m = (bits & FRAC) | (be == 0 ? 0 : IMPLICIT);
        int p = (be == 0 ? 1 : be) - 1075 - bottom;
        if (p < 0) {
            // Bits below the window are dropped, value by value: the same bits the window would drop.
            m >>>= Math.min(-p, 63);
            p = 0;
        }
        int r = p & 31;
        int k = base + (p >>> 5);
        long s = bits >> 63;
        // p ≤ 32K − 53, so k + 2 ≤ base + K: the third slice may touch the next bin's first limb
        // (or the padding), but it is zero whenever it does.
        a[k] += (((m << r) & M32) ^ s) - s;
        a[k + 1] += (((m >>> (32 - r)) & M32) ^ s) - s;
        a[k + 2] += (((m >>> 1) >>> (63 - r)) ^ s) - s;
    }

    /** Adds one value to one bin, moving the window or recording a non-finite value as needed. */
    void addSlow(int bin, double x) {
        long bits = Double.doubleToRawLongBits(x);
        int be = (int) (bits >>> 52) & 0x7FF;
        if (be == 0x7FF) {
            if (special == null) {
                special = new double[bins];
            }
            special[bin] += x;
            return;
        }
        if (be > threshold) {
            raise(32 * Math.floorDiv(be - 1023, 32) - 32 * (K - 1));
        }
        add(limbs, bin * K, bits, be, bottom);
    }

    /** Adds {@code x} to one bin (any value). */
    void add(int bin, double x) {
        addSlow(bin, x);
        entries(1);
    }

    /** Moves the window up so that limb 0 starts at {@code newBottom}, dropping the limbs below. */
    void raise(int newBottom) {
        if (newBottom <= bottom) {
            return;
        }
        int d = (newBottom - bottom) / 32;
        shiftDown(limbs, d);
        if (carry != null) {
            shiftDown(carry, d);
        }
        bottom = newBottom;
        threshold = thresholdFor(newBottom);
    }

    private void shiftDown(long[] a, int d) {
        for (int b = 0; b < bins; b++) {
            int base = b * K;
            for (int i = 0; i < K; i++) {
                a[base + i] = i + d < K ? a[base + i + d] : 0;
            }
        }
    }

    /** Records that up to {@code n} more entries were added to each limb; spills when needed. */
    void entries(long n) {
        pending += n;
        if (pending > SPILL_AFTER) {
            spill();
        }
    }

    /** Keeps the low 32 bits in each limb and moves the rest to its carry word. Values do not change. */
    void spill() {
        if (carry == null) {
            carry = new long[bins * K];
        }
        for (int i = 0; i < bins * K; i++) {
            long v = limbs[i];
            carry[i] += v >> 32;
            limbs[i] = v & M32;
        }
        limbs[bins * K] = 0;
        pending = 0;
    }

    // ---------------------------------------------------------------- combining

    /** Prepares to add bins of {@code o}: moves this window up to {@code o}'s if that is higher. */
    void alignFor(ExactSums o) {
        raise(o.bottom);
    }

    /**
     * Adds bin {@code src} of {@code o} to bin {@code dst} of this; {@link #alignFor} must have been
     * called. Exact: an addition that would overflow a limb spills both operands' high parts into
     * the carry word.
     */
    void addBin(ExactSums o, int src, int dst) {
        int d = (bottom - o.bottom) / 32;
        int sb = src * K;
        int db = dst * K;
        for (int i = d; i < K; i++) {
            long a = limbs[db + i - d];
            long b = o.limbs[sb + i];
            long s = a + b;
            if (((a ^ s) & (b ^ s)) < 0) {
                ensureCarry();
                carry[db + i - d] += (a >> 32) + (b >> 32);
                s = (a & M32) + (b & M32);
            }
            limbs[db + i - d] = s;
            if (o.carry != null) {
                ensureCarry();
                carry[db + i - d] += o.carry[sb + i];
            }
        }
        if (o.special != null && o.special[src] != 0) {
            if (special == null) {
                special = new double[bins];
            }
            special[dst] += o.special[src];
        }
    }

    private void ensureCarry() {
        if (carry == null) {
            carry = new long[bins * K];
        }
    }

    /** Adds every bin of {@code o} (same number of bins) to this. */
    void addAll(ExactSums o) {
        alignFor(o);
        for (int b = 0; b < bins; b++) {
            addBin(o, b, b);
        }
        // |a + b| ≤ 2^32·(2 + pa + pb) for limbs that did not overflow; those that did are < 2^33.
        pending = Math.min(Long.MAX_VALUE / 4, pending + o.pending + 1);
        if (pending > SPILL_AFTER) {
            spill();
        }
    }

    /** Marks the limbs as possibly large (after summing many bins into one): spill before more fills. */
    void afterRemap(long sourcePending, long multiplicity) {
        long p = (sourcePending + 1) * multiplicity;
        pending = p > SPILL_AFTER || p < 0 ? SPILL_AFTER + 1 : p;
        if (pending > SPILL_AFTER) {
            spill();
        }
    }

    ExactSums copy() {
        ExactSums c = new ExactSums(bins);
        System.arraycopy(limbs, 0, c.limbs, 0, limbs.length);
        c.carry = carry == null ? null : carry.clone();
        c.special = special == null ? null : special.clone();
        c.bottom = bottom;
        c.threshold = threshold;
        c.pending = pending;
        return c;
    }

    // ---------------------------------------------------------------- reading

    /** @return the correctly rounded sum of bin {@code b} (or its non-finite sum) */
    double value(int b) {
        if (special != null && special[b] != 0) {
            return special[b];
        }
        int base = b * K;
        if (carry == null && limbs[base] == 0 && limbs[base + 1] == 0 && limbs[base + 2] == 0
                && limbs[base + 3] == 0) {
            return 0; // empty bins are the common case in sparse histograms: skip the big integer
        }
        BigInteger v = BigInteger.ZERO;
        for (int i = K - 1; i >= 0; i--) {
            long c = carry == null ? 0 : carry[base + i];
            v = v.add(BigInteger.valueOf(c)).shiftLeft(32).add(BigInteger.valueOf(limbs[base + i]));
        }
        return toDouble(v, bottom);
    }

    /** @return every bin's rounded sum */
    double[] values() {
        double[] out = new double[bins];
        for (int b = 0; b < bins; b++) {
            out[b] = value(b);
        }
        return out;
    }

    /** Sets each bin to the given exact double value (used when restoring from a file). */
    void setAll(double[] v) {
        for (int b = 0; b < v.length; b++) {
            if (v[b] != 0) {
                addSlow(b, v[b]);
            }
        }
        entries(1);
    }

    /**
     * The correctly rounded (half to even) double nearest to {@code v·2^scale}, subnormals included.
     */
    static double toDouble(BigInteger v, int scale) {
        int sign = v.signum();
        if (sign == 0) {
            return 0;
        }
        BigInteger a = v.abs();
        int n = a.bitLength();
        long e = (long) n - 1 + scale; // exponent of the leading bit
        if (e > 1023) {
            return sign * Double.POSITIVE_INFINITY;
        }
        long precision = e >= -1022 ? 53 : 53 - (-1022 - e);
        long drop = n - precision;
        double r;
        if (drop <= 0) {
            r = Math.scalb((double) a.longValueExact(), scale);
        } else {
            int dr = (int) Math.min(drop, Integer.MAX_VALUE);
            long q = a.shiftRight(dr).longValue();
            boolean half = a.testBit(dr - 1);
            boolean sticky = a.getLowestSetBit() < dr - 1;
            if (half && (sticky || (q & 1) == 1)) {
                q++;
            }
            r = q == 0 ? 0 : Math.scalb((double) q, (int) (dr + (long) scale));
        }
        return sign < 0 ? -r : r;
    }

    // ---------------------------------------------------------------- exact state for serialization

    /**
     * The exact state as longs: bottom, flags, then limbs (and carries), then special values'
     * bits; read back by {@link #decode}.
     */
    long[] encode() {
        int n = bins * K;
        int len = 2 + n + (carry == null ? 0 : n) + (special == null ? 0 : bins);
        long[] out = new long[len];
        out[0] = bottom;
        out[1] = (carry == null ? 0 : 1) | (special == null ? 0 : 2);
        System.arraycopy(limbs, 0, out, 2, n);
        int p = 2 + n;
        if (carry != null) {
            System.arraycopy(carry, 0, out, p, n);
            p += n;
        }
        if (special != null) {
            for (int b = 0; b < bins; b++) {
                out[p++] = Double.doubleToRawLongBits(special[b]);
            }
        }
        return out;
    }

    /**
     * @return the sums encoded by {@link #encode}, or {@code null} if {@code s} does not describe
     *     {@code bins} bins
     */
    static ExactSums decode(long[] s, int bins) {
        int n = bins * K;
        if (s.length < 2 || s[0] % 32 != 0 || s[0] < MIN_BOTTOM || s[0] > 1024 || (s[1] & ~3L) != 0) {
            return null;
        }
        boolean hasCarry = (s[1] & 1) != 0;
        boolean hasSpecial = (s[1] & 2) != 0;
        if (s.length != 2 + n + (hasCarry ? n : 0) + (hasSpecial ? bins : 0)) {
            return null;
        }
        ExactSums e = new ExactSums(bins);
        e.bottom = (int) s[0];
        e.threshold = thresholdFor(e.bottom);
        System.arraycopy(s, 2, e.limbs, 0, n);
        int p = 2 + n;
        if (hasCarry) {
            e.carry = Arrays.copyOfRange(s, p, p + n);
            p += n;
        }
        if (hasSpecial) {
            e.special = new double[bins];
            for (int b = 0; b < bins; b++) {
                e.special[b] = Double.longBitsToDouble(s[p++]);
            }
        }
        // Limbs read from outside may be anywhere in the long range: spill before any further fill.
        e.pending = SPILL_AFTER + 1;
        e.spill();
        return e;
    }
}
