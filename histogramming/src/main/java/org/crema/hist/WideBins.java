package org.crema.hist;

import java.math.BigInteger;

/**
 * Exact sums of doubles far from an {@link ExactSums}' scale: per bin a fixed-point integer that
 * spans the whole double range, in 32-bit digits of unit {@code 2^}{@value #UNIT} held in {@code
 * long}s. A double {@code m·2^e} (53-bit {@code m}) lands on three adjacent digits chosen by its
 * exponent, each receiving less than 2^32, so no carry is propagated per value: like the pairs of
 * {@link ExactSums}, the digits are normalised ({@link #fold}) every {@link ExactSums#FOLD_AFTER}
 * values. This keeps weights spread over many decades at a few integer operations per value,
 * where a {@link BigInteger} addition would allocate.
 *
 * <p>Memory: each bin that received such a value keeps only the digits its values reached (a window
 * that grows when a value falls outside it, e.g. 8 {@code long}s for weights spread over a dozen
 * decades); other bins keep none. Not thread-safe, like its owner.
 */
final class WideBins {
    /** Unit of digit 0: below every double's least bit (2^−1074), and the unit of the big integers. */
    static final int UNIT = ExactSums.BIG_UNIT;
    /**
     * Digits per bin: the least bit of the largest double (2^971) is at digit (971 − UNIT)/32 = 67,
     * and a value reaches two digits above its first.
     */
    static final int DIGITS = (971 - UNIT) / 32 + 3;
    private static final long M32 = 0xFFFFFFFFL;
    private static final long FRAC = (1L << 52) - 1;
    private static final long IMPLICIT = 1L << 52;
    private static final long EXPONENT = 0x7FFL << 52;

    /** Spare digits added on each side when a window grows, so that nearby exponents fit next time. */
    private static final int MARGIN = 2;
    private static final int TOP_LIMIT_BITS = 48;
    private static final long TOP_LIMIT = 1L << TOP_LIMIT_BITS;

    /** Per bin, {@code null} or the digits from {@code first[b]} on (the ones outside are zero). */
    private final long[][] digits;
    private final int[] first;

    WideBins(int bins) {
        digits = new long[bins][];
        first = new int[bins];
    }

    /** Adds the finite double {@code x} to bin {@code b}. */
    void add(int b, double x) {
        long bits = Double.doubleToRawLongBits(x);
        int be = (int) (bits >>> 52) & 0x7FF;
        long m = (bits & FRAC) | (be == 0 ? 0 : IMPLICIT);
        add(b, m, Math.max(be, 1) - 1075, bits < 0);
    }

    /** @return whether {@code x} is neither NaN nor infinite (what {@link #add(int, double)} takes) */
    static boolean isFinite(double x) {
        return (Double.doubleToRawLongBits(x) & EXPONENT) != EXPONENT;
    }

    /** Adds {@code ±m·2^e} to bin {@code b}, for {@code 0 ≤ m < 2^53} and {@code e ≥ −1074}. */
    void add(int b, long m, int e, boolean negative) {
        int q = e - UNIT;
        int r = q & 31;
        int k = (q >>> 5) - first[b];
        long[] d = digits[b];
        if (d == null || k < 0 || k + 2 >= d.length) {
            d = widen(b, q >>> 5);
            k = (q >>> 5) - first[b];
        }
        long shifted = m << r; // the low 64 bits of m·2^r, which has at most 85
        long d0 = shifted & M32;
        long d1 = shifted >>> 32;
        long d2 = (m >>> 32) >>> (32 - r); // m >>> (64 − r), also right for r = 0
        if (negative) {
            d0 = -d0;
            d1 = -d1;
            d2 = -d2;
        }
        d[k] += d0;
        d[k + 1] += d1;
        d[k + 2] += d2;
    }

    /** Grows the window of bin {@code b} to hold digits {@code from .. from+2}; returns its digits. */
    private long[] widen(int b, int from) {
        long[] d = digits[b];
        int lo = Math.max(0, from - MARGIN);
        int hi = Math.min(DIGITS, from + 3 + MARGIN);
        if (d != null) {
            lo = Math.min(lo, first[b]);
            hi = Math.max(hi, first[b] + d.length);
        }
        long[] w = new long[hi - lo];
        if (d != null) {
            System.arraycopy(d, 0, w, first[b] - lo, d.length);
        }
        digits[b] = w;
        first[b] = lo;
        return w;
    }

    /** @return whether bin {@code b} ever received a value */
    boolean has(int b) {
        return digits[b] != null;
    }

    /**
     * Adds bin {@code src} of {@code o} to bin {@code dst}: its digits normalised first, so that each
     * adds less than 2^32 as one value does.
     */
    void addBin(WideBins o, int src, int dst) {
        long[] from = o.digits[src];
        if (from == null) {
            return;
        }
        long[] n = from.clone();
        normalise(n);
        int lo = o.first[src];
        widen(dst, lo);
        long[] d = widen(dst, lo + n.length - 3);
        int at = lo - first[dst];
        for (int k = 0; k < n.length; k++) {
            d[at + k] += n[k];
        }
    }

    /**
     * Normalises every bin: digits below the top one of its window in [0, 2^32), the value
     * unchanged. A top digit that has collected more than 2^{@value #TOP_LIMIT_BITS} in carries gets
     * digits above it, so that it never overflows (the top digit of the whole range grows by less than
     * 2^22 per value: 2^40 values near the largest double would be needed).
     */
    void fold() {
        for (int b = 0; b < digits.length; b++) {
            long[] d = digits[b];
            if (d != null) {
                normalise(d);
                long top = d[d.length - 1];
                if ((top > TOP_LIMIT || top < -TOP_LIMIT) && first[b] + d.length < DIGITS) {
                    normalise(widen(b, first[b] + d.length - 1));
                }
            }
        }
    }

    /** Carries within a window: its top digit keeps the rest (it has room for it, see {@link #widen}). */
    private static void normalise(long[] d) {
        for (int k = 0; k < d.length - 1; k++) {
            long carry = d[k] >> 32;
            d[k] &= M32;
            d[k + 1] += carry;
        }
    }

    /** @return bin {@code b} as a big integer in units of 2^{@link #UNIT} (zero when it never received a value) */
    BigInteger toBig(int b) {
        long[] d = digits[b];
        if (d == null) {
            return BigInteger.ZERO;
        }
        BigInteger v = BigInteger.ZERO;
        for (int k = d.length - 1; k >= 0; k--) {
            v = v.shiftLeft(32).add(BigInteger.valueOf(d[k]));
        }
        return v.shiftLeft(32 * first[b]);
    }

    WideBins copy() {
        WideBins c = new WideBins(digits.length);
        for (int b = 0; b < digits.length; b++) {
            c.digits[b] = digits[b] == null ? null : digits[b].clone();
            c.first[b] = first[b];
        }
        return c;
    }
}
