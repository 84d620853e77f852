package org.crema.hist;

import java.math.BigInteger;

/**
 * One exact sum of doubles per bin: the value read back is the correctly rounded (half to even)
 * double nearest to the <em>exact</em> real sum of every double added, so it does not depend on
 * the order or grouping of the additions — filling in one chunk or many, merging in any order.
 *
 * <p><b>Representation.</b> Every bin holds an integer {@code H·2^32 + L} (two {@code long}s),
 * counted in units of {@code 2^scale}, one scale for the whole array. The fast path every fill loop
 * inlines ({@link #addFast}) multiplies the double by {@code 2^−scale} — exact, a power of two —
 * and converts it to a {@code long}; when that round-trips (the value is a whole number of units
 * below 2^63) its low 32 bits are added to {@code L} and the rest to {@code H}, so no carry is
 * computed per entry. Every 2^30 entries (at most 2^32 units each) {@code L} is folded into {@code
 * H}. Other finite values take {@link #addSlow}: a value below the unit first lowers the scale of
 * every bin (a shift by up to 31 binary orders at a time, while every bin stays within its limit;
 * once that failed it is not tried again at the same scale); values up to 2^40 units are then split
 * into the pair there; what still does not fit goes to the bin's wide sum ({@link WideBins}: 32-bit
 * digits spanning the whole double range, three integer additions per value), and the fill loops
 * send the rest of a block there directly once it has had several such values. A pair whose high
 * word passes its limit at a fold moves to a per-bin {@link BigInteger}. Merging lowers the scale
 * of the receiving array to the other's when every bin still fits. NaN and ±∞ are summed apart per
 * bin, which is order-independent too (NaN if a NaN or both infinities were added). Nothing is rounded or
 * dropped before the value is read: integer addition is associative and commutative, so the state
 * is the exact sum whatever happened in between; the scale only decides which path is fast.
 *
 * <p>The scale is chosen at the first value added, 57 binary orders below its leading bit, so full-
 * precision values from {@code 2^−5} to {@code 2^5} times the first (and coarser ones over a wider
 * range) take the fast path, values up to {@code 2^35} times the first the pair's slow path.
 *
 * <p><b>Memory.</b> 16 bytes per bin, plus a window of wide digits for the bins that received a
 * value far from the scale (about 64 bytes for values over a dozen decades) and a {@code BigInteger}
 * for a pair that overflowed. <b>Cost.</b> The fast path is a multiply, two conversions and two
 * integer adds per value; values spread over many decades in one histogram take the wide sums (a
 * few times slower than the fast path, see docs/performance.md).
 *
 * <p>Not thread-safe: one instance per histogram, filled by one thread.
 */
final class ExactSums {
    private static final long M32 = 0xFFFFFFFFL;
    private static final long FRAC = (1L << 52) - 1;
    private static final long IMPLICIT = 1L << 52;
    /** Unit of the per-bin big integers: below every double's least bit and every scale. */
    static final int BIG_UNIT = -1200;
    /** Lowest scale: keeps 2^scale within range of {@link #BIG_UNIT} with room for the shift. */
    private static final int MIN_SCALE = BIG_UNIT + 64;
    /** Entries after which L is folded into H: |L| stays below 2^62. */
    static final long FOLD_AFTER = 1L << 30;
    /**
     * Entries in a row on the fast path after which the fill loops go back from their per-entry loop
     * (which calls {@link #addSlow}) to the unrolled fast one.
     */
    static final int RESUME_FAST = 16;
    /**
     * Entries off the scale, within a fill loop's per-entry loop, after which the loop sends the rest
     * of its block to the wide sums: every entry then takes the same few integer operations, which
     * beats testing each one when the weights spread over many decades.
     */
    static final int WIDE_AFTER = 8;
    /** |H| above this after a fold moves the bin to its big integer, keeping headroom for 2^30 more entries. */
    private static final long H_LIMIT = 1L << 61;

    final int bins;
    /** Per bin: {@code acc[2b]} is L, {@code acc[2b+1]} is H; the bin holds {@code (H·2^32 + L)·2^scale}. */
    final long[] acc;
    /** Unit of {@link #acc}. */
    int scale;
    /** {@code 2^−scale} when the fast path is usable, NaN otherwise (so that every value fails it). */
    double inverseUnit = Double.NaN;
    private boolean scaled;
    /** Bound on the entries added since the last fold. */
    long pending;
    /** {@code null}, or per bin an exact remainder in units of 2^{@link #BIG_UNIT} ({@code null} = 0). */
    BigInteger[] big;
    /** {@code null}, or per bin the exact sum of the doubles that were far from the scale. */
    WideBins wide;
    /** A scale at which lowering the scale for a small value failed: not tried again there (see {@link #addSlow}). */
    private int stuckScale = Integer.MIN_VALUE;
    /** Per bin the sum of the non-finite values added, 0 when none; {@code null} until the first one. */
    double[] special;

    ExactSums(int bins) {
        this.bins = bins;
        this.acc = new long[2 * bins];
    }

    // ---------------------------------------------------------------- filling

    /**
     * The fast path, for the callers' loops: adds {@code x = w·2^−scale} to bin {@code b}, given
     * that {@code x} converted back equals the product (checked by the caller with {@link
     * #fits}).
     */
    static void addFast(long[] acc, int b, long x) {
        int i = b << 1;
        acc[i] += x & M32;
        acc[i + 1] += x >> 32;
    }

    /**
     * @param y {@code w·inverseUnit}
     * @param x {@code (long) y}
     * @return whether {@code x} is exactly {@code y}: a whole number of units below 2^63 in size
     */
    static boolean fits(double y, long x) {
        // (long) saturates at 2^63 − 1, which converts back to 2^63: exclude that one value.
        return (double) x == y && x != Long.MAX_VALUE;
    }

    /** {@link #fits} for two values at once, evaluated without short-circuit branches. */
    static boolean fitsBoth(double y1, long x1, double y2, long x2) {
        return ((double) x1 == y1) & ((double) x2 == y2) & (x1 != Long.MAX_VALUE) & (x2 != Long.MAX_VALUE);
    }

    /** Records {@code n} entries added through the fast path; folds L into H when due. */
    void entries(long n) {
        pending += n;
        if (pending > FOLD_AFTER) {
            fold();
        }
    }

    /** Folds every L into its H (values do not change); moves an H near its limit to the big integer. */
    void fold() {
        if (wide != null) {
            wide.fold();
        }
        for (int b = 0; b < bins; b++) {
            long l = acc[2 * b];
            long h = acc[2 * b + 1] + (l >> 32);
            l &= M32;
            if (h > H_LIMIT || h < -H_LIMIT) {
                addBig(b, BigInteger.valueOf(h).shiftLeft(32 + scale - BIG_UNIT));
                h = 0;
            }
            acc[2 * b] = l;
            acc[2 * b + 1] = h;
        }
        pending = 0;
    }

    /** Adds {@code x} to bin {@code b} by whichever path fits (the fill loops call this off the fast path). */
    void addSlow(int b, double x) {
        long bits = Double.doubleToRawLongBits(x);
        int be = (int) (bits >>> 52) & 0x7FF;
        if (be == 0x7FF) {
            if (special == null) {
                special = new double[bins];
            }
            special[b] += x;
            return;
        }
        if ((bits & ~Long.MIN_VALUE) == 0) {
            return; // ±0
        }
        long m = (bits & FRAC) | (be == 0 ? 0 : IMPLICIT);
        int e = Math.max(be, 1) - 1075; // exponent of m's least bit
        if (!scaled) {
            setScale(Math.max(MIN_SCALE, e - 5));
        }
        if (e < scale && scale != stuckScale) {
            // A value below the unit: lower the scale of every bin (8 orders of margin, so that a
            // spread of small values does not rebase at each new minimum), while every bin fits.
            // When the bins do not fit, they will not at the next small value either (each try
            // costs a pass over every bin): this scale stays, and small values go to the wide sums.
            int before;
            do {
                before = scale;
                rebase(e - 8);
            } while (scale > e && scale < before);
            if (scale > e) {
                stuckScale = scale;
            }
        }
        int q = e - scale;
        if (q >= 0 && q <= 40) {
            // m·2^q split at bit 32 of the unit: the low part below 2^32, the high part below 2^61.
            long lo = q < 32 ? (m << q) & M32 : 0;
            long hi = q == 0 ? m >>> 32 : q < 32 ? m >>> (32 - q) : m << (q - 32);
            if (bits < 0) {
                lo = -lo;
                hi = -hi;
            }
            long h = acc[2 * b + 1] + hi;
            if (Math.abs(h) <= H_LIMIT) {
                acc[2 * b] += lo;
                acc[2 * b + 1] = h;
                entries(1);
                return;
            }
        }
        // Far below the scale (or far above it): the wide sums, exact at any exponent.
        wide().add(b, m, e, bits < 0);
        entries(1);
    }

    /** @return the wide sums, made at the first call */
    WideBins wide() {
        if (wide == null) {
            wide = new WideBins(bins);
        }
        return wide;
    }

    /** Adds {@code x} to bin {@code b} (any value). */
    void add(int b, double x) {
        addSlow(b, x);
    }

    private void setScale(int s) {
        scale = s;
        // 2^−s must be a normal double, and s ≤ 0 so that the product never underflows to a false 0.
        inverseUnit = s <= 0 && s >= -1022 ? Math.scalb(1.0, -s) : Double.NaN;
        scaled = true;
    }

    private void addBig(int b, BigInteger v) {
        if (v.signum() == 0) {
            return;
        }
        if (big == null) {
            big = new BigInteger[bins];
        }
        big[b] = big[b] == null ? v : big[b].add(v);
    }

    /** The pair of bin {@code b} as a big integer in units of 2^{@link #BIG_UNIT}. */
    private BigInteger pairToBig(int b) {
        return BigInteger.valueOf(acc[2 * b + 1]).shiftLeft(32).add(BigInteger.valueOf(acc[2 * b]))
                .shiftLeft(scale - BIG_UNIT);
    }

    /**
     * Lowers the scale toward {@code target} (by less than 32 binary orders at a time) so that
     * smaller values fit the pairs. Does nothing if some bin would then leave the safe range.
     */
    void rebase(int target) {
        int k = Math.min(31, scale - Math.max(MIN_SCALE, target));
        if (k <= 0) {
            return;
        }
        fold();
        for (int b = 0; b < bins; b++) {
            long h = acc[2 * b + 1];
            if (((h << k) >> k) != h || Math.abs(h << k) > H_LIMIT) {
                return; // keep the scale: the small value goes to the big integer instead
            }
        }
        for (int b = 0; b < bins; b++) {
            long l = acc[2 * b] << k; // l < 2^32 after the fold, so this fits
            acc[2 * b + 1] = (acc[2 * b + 1] << k) + (l >>> 32);
            acc[2 * b] = l & M32;
        }
        setScale(scale - k);
    }

    // ---------------------------------------------------------------- combining

    /** Prepares to receive bins of {@code o}: takes its scale, or lowers this one to it if possible. */
    void alignFor(ExactSums o) {
        if (!scaled && o.scaled) {
            setScale(o.scale);
        } else if (o.scaled && o.scale < scale) {
            rebase(o.scale);
        }
    }

    /** Adds bin {@code src} of {@code o} to bin {@code dst} of this, exactly. */
    void addBin(ExactSums o, int src, int dst) {
        if (o.special != null && o.special[src] != 0) {
            if (special == null) {
                special = new double[bins];
            }
            special[dst] += o.special[src];
        }
        if (o.big != null && o.big[src] != null) {
            addBig(dst, o.big[src]);
        }
        if (o.wide != null && o.wide.has(src)) {
            wide().addBin(o.wide, src, dst);
            entries(1);
        }
        long ol = o.acc[2 * src];
        long oh = o.acc[2 * src + 1];
        if (ol == 0 && oh == 0) {
            return;
        }
        if (!scaled) {
            setScale(o.scale);
        }
        int k = o.scale - scale;
        // Normalise the other bin to (h, l) with 0 ≤ l < 2^32, shifted to this scale when that fits.
        long l = ol & M32;
        long h = oh + (ol >> 32);
        if (k >= 0 && k < 32 && ((h << k) >> k) == h) {
            long ls = l << k;
            long hs = (h << k) + (ls >>> 32);
            long mine = acc[2 * dst + 1];
            long sum = mine + hs;
            if (((mine ^ sum) & (hs ^ sum)) >= 0 && Math.abs(sum) <= H_LIMIT) {
                acc[2 * dst] += ls & M32;
                acc[2 * dst + 1] = sum;
                pending++;
                if (pending > FOLD_AFTER) {
                    fold();
                }
                return;
            }
        }
        addBig(dst, BigInteger.valueOf(h).shiftLeft(32).add(BigInteger.valueOf(l)).shiftLeft(o.scale - BIG_UNIT));
    }

    /** Adds every bin of {@code o} (same number of bins) to this. */
    void addAll(ExactSums o) {
        alignFor(o);
        int k = o.scale - scale;
        if (o.big == null && o.wide == null && o.special == null && (k == 0 || o.scaled && k > 0 && k < 32)) {
            // The common merge: a plain loop. Each bin of o is normalised to 0 ≤ l < 2^32, shifted
            // to this scale, its low 32 bits added to L (one more "entry" for the fold bound) and
            // the rest to H, which is checked against its limit; a bin that would pass it takes the
            // general path.
            long[] a = acc;
            long[] c = o.acc;
            long hmax = H_LIMIT >> k;
            for (int b = 0; b < 2 * bins; b += 2) {
                long l = c[b];
                long h = c[b + 1] + (l >> 32);
                long ls = (l & M32) << k;
                long hs = (h << k) + (ls >>> 32);
                long sum = a[b + 1] + hs;
                if (h <= hmax && h >= -hmax && sum <= H_LIMIT && sum >= -H_LIMIT) {
                    a[b] += ls & M32;
                    a[b + 1] = sum;
                } else {
                    addBin(o, b >> 1, b >> 1);
                }
            }
            entries(1);
            return;
        }
        for (int b = 0; b < bins; b++) {
            addBin(o, b, b);
        }
    }

    ExactSums copy() {
        ExactSums c = new ExactSums(bins);
        System.arraycopy(acc, 0, c.acc, 0, acc.length);
        c.big = big == null ? null : big.clone();
        c.wide = wide == null ? null : wide.copy();
        c.stuckScale = stuckScale;
        c.special = special == null ? null : special.clone();
        c.scale = scale;
        c.inverseUnit = inverseUnit;
        c.scaled = scaled;
        c.pending = pending;
        return c;
    }

    // ---------------------------------------------------------------- reading

    /** @return the correctly rounded sum of bin {@code b} (or its non-finite sum) */
    double value(int b) {
        if (special != null && special[b] != 0) {
            return special[b];
        }
        long l = acc[2 * b];
        long h = acc[2 * b + 1] + (l >> 32);
        l &= M32;
        boolean noBig = (big == null || big[b] == null) && (wide == null || !wide.has(b));
        if (noBig && h < (1L << 31) && h >= -(1L << 31)) {
            long v = (h << 32) | l;
            if (v == 0) {
                return 0;
            }
            // A long converts to the nearest double (half to even); scaling by 2^scale is exact
            // while the result stays normal.
            double d = v;
            int e = Math.getExponent(d) + scale;
            if (e >= Double.MIN_EXPONENT && e <= Double.MAX_EXPONENT) {
                return Math.scalb(d, scale);
            }
        }
        return toDouble(exact(b), BIG_UNIT);
    }

    /** @return the exact sum of bin {@code b} in units of 2^{@link #BIG_UNIT} (non-finite sums aside) */
    BigInteger exact(int b) {
        BigInteger v = pairToBig(b);
        BigInteger x = beyondPair(b);
        return x == null ? v : v.add(x);
    }

    /** @return what bin {@code b} holds beside its pair (big integer and wide sum), or {@code null} when nothing */
    private BigInteger beyondPair(int b) {
        BigInteger x = big == null ? null : big[b];
        if (wide != null && wide.has(b)) {
            BigInteger w = wide.toBig(b);
            x = x == null ? w : x.add(w);
        }
        return x;
    }

    /** @return the non-finite sum of bin {@code b}, or 0 when none */
    double special(int b) {
        return special == null ? 0 : special[b];
    }

    /** @return every bin's rounded sum */
    double[] values() {
        double[] out = new double[bins];
        for (int b = 0; b < bins; b++) {
            out[b] = value(b);
        }
        return out;
    }

    /** Adds {@code v[b]} to each bin (used when restoring from a file). */
    void setAll(double[] v) {
        for (int b = 0; b < v.length; b++) {
            addSlow(b, v[b]);
        }
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
        if (e > Double.MAX_EXPONENT) {
            return sign * Double.POSITIVE_INFINITY;
        }
        long precision = e >= Double.MIN_EXPONENT ? 53 : 53 - (Double.MIN_EXPONENT - e);
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

    private static final long FORMAT = 2;

    /**
     * The exact state as longs: format, scale, flags, the pairs, the non-finite sums if any, then
     * the big integers as (bin, length, words…); read back by {@link #decode}.
     *
     * <p>The encoding is canonical: a function of the bins' exact values only, not of the scale, the
     * folds or the wide sums that the order of the fills happened to produce, so equal sums give equal
     * bytes (a run resumed from a checkpoint writes the same file as one that was not interrupted).
     * The unit is the coarsest power of two, at most 1, that holds every bin exactly; a bin that does
     * not fit a pair at that unit is written whole as a big integer.
     */
    long[] encode() {
        BigInteger[] exact = new BigInteger[bins];
        int lowest = Integer.MAX_VALUE;
        for (int b = 0; b < bins; b++) {
            boolean empty = acc[2 * b] == 0 && acc[2 * b + 1] == 0 && (big == null || big[b] == null)
                    && (wide == null || !wide.has(b));
            exact[b] = empty ? BigInteger.ZERO : exact(b);
            if (exact[b].signum() != 0) {
                lowest = Math.min(lowest, exact[b].getLowestSetBit());
            }
        }
        boolean nonZero = lowest != Integer.MAX_VALUE;
        int unit = nonZero ? Math.min(0, Math.max(MIN_SCALE, BIG_UNIT + lowest)) : 0;
        int shift = unit - BIG_UNIT;
        long[] pairs = new long[2 * bins];
        java.util.ArrayList<long[]> bigs = new java.util.ArrayList<>();
        int bigLen = 0;
        for (int b = 0; b < bins; b++) {
            BigInteger v = exact[b];
            if (v.signum() == 0) {
                continue;
            }
            BigInteger high = v.shiftRight(shift + 32);
            if (v.getLowestSetBit() >= shift && high.bitLength() <= 60) {
                pairs[2 * b] = v.shiftRight(shift).longValue() & M32;
                pairs[2 * b + 1] = high.longValue();
            } else {
                long[] w = toWords(v);
                bigs.add(new long[] {b});
                bigs.add(w);
                bigLen += 2 + w.length;
            }
        }
        boolean hasSpecial = false;
        for (int b = 0; special != null && b < bins; b++) {
            hasSpecial |= special[b] != 0;
        }
        int len = 4 + pairs.length + (hasSpecial ? bins : 0) + bigLen;
        long[] out = new long[len];
        out[0] = FORMAT;
        out[1] = unit;
        out[2] = (nonZero ? 1 : 0) | (hasSpecial ? 2 : 0);
        out[3] = bigs.size() / 2;
        System.arraycopy(pairs, 0, out, 4, pairs.length);
        int p = 4 + pairs.length;
        if (hasSpecial) {
            for (int b = 0; b < bins; b++) {
                out[p++] = Double.doubleToRawLongBits(special[b]);
            }
        }
        for (int i = 0; i < bigs.size(); i += 2) {
            long[] w = bigs.get(i + 1);
            out[p++] = bigs.get(i)[0];
            out[p++] = w.length;
            System.arraycopy(w, 0, out, p, w.length);
            p += w.length;
        }
        return out;
    }

    private static long[] toWords(BigInteger v) {
        byte[] bytes = v.toByteArray();
        int words = (bytes.length + 7) / 8;
        byte[] padded = new byte[words * 8];
        byte fill = (byte) (v.signum() < 0 ? -1 : 0);
        int pad = padded.length - bytes.length;
        java.util.Arrays.fill(padded, 0, pad, fill);
        System.arraycopy(bytes, 0, padded, pad, bytes.length);
        long[] w = new long[words];
        java.nio.ByteBuffer.wrap(padded).asLongBuffer().get(w);
        return w;
    }

    /**
     * @return the sums encoded by {@link #encode}, or {@code null} if {@code s} is not a well-formed
     *     state of {@code bins} bins
     */
    static ExactSums decode(long[] s, int bins) {
        if (s.length < 4 || s[0] != FORMAT || s[1] < MIN_SCALE || s[1] > 2048 || (s[2] & ~3L) != 0
                || s[3] < 0 || s[3] > bins) {
            return null;
        }
        boolean hasSpecial = (s[2] & 2) != 0;
        int p = 4 + 2 * bins + (hasSpecial ? bins : 0);
        if (s.length < p) {
            return null;
        }
        ExactSums e = new ExactSums(bins);
        if ((s[2] & 1) != 0) {
            e.setScale((int) s[1]);
        } else {
            e.scale = (int) s[1];
        }
        System.arraycopy(s, 4, e.acc, 0, 2 * bins);
        if (hasSpecial) {
            e.special = new double[bins];
            for (int b = 0; b < bins; b++) {
                e.special[b] = Double.longBitsToDouble(s[4 + 2 * bins + b]);
            }
        }
        for (long i = 0; i < s[3]; i++) {
            if (p + 2 > s.length) {
                return null;
            }
            long bin = s[p];
            long n = s[p + 1];
            if (bin < 0 || bin >= bins || n < 1 || p + 2 + n > s.length) {
                return null;
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) (8 * n));
            buf.asLongBuffer().put(s, p + 2, (int) n);
            e.addBig((int) bin, new BigInteger(buf.array()));
            p += 2 + (int) n;
        }
        if (p != s.length) {
            return null;
        }
        e.fold(); // L may hold up to 2^62 from the writer's last fold: start with headroom
        return e;
    }
}
