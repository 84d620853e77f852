package org.crema.hist;

/**
 * {@link Storage#WEIGHT}: exact Σw and Σw² per bin ({@link ExactSums}: 32 bytes per bin). The
 * square {@code w·w} is rounded once per entry, the same way in every run, and then summed exactly.
 */
final class WeightStore extends BinStore {
    ExactSums sumw;
    ExactSums sumw2;

    WeightStore(int bins) {
        super(bins);
        sumw = new ExactSums(bins);
        sumw2 = new ExactSums(bins);
    }

    @Override
    Storage kind() {
        return Storage.WEIGHT;
    }

    @Override
    BinStore copy() {
        WeightStore c = new WeightStore(bins);
        c.sumw = sumw.copy();
        c.sumw2 = sumw2.copy();
        return c;
    }

    static WeightStore restore(double[] v, double[] w2) {
        WeightStore s = new WeightStore(v.length);
        s.sumw = exactOf(v);
        s.sumw2 = exactOf(w2);
        return s;
    }

    @Override
    void accumulate(int[] ix, int n, int shift, double[] ws, int wo, double scalar, double[] samples) {
        ExactSums s1 = sumw;
        ExactSums s2 = sumw2;
        int i = 0;
        while (i < n) {
            i = accumulateFast(s1.acc, s1.inverseUnit, s2.acc, s2.inverseUnit, ix, i, n, shift, ws, wo, scalar);
            if (i < n) {
                i = accumulateMixed(s1, s2, ix, i, n, shift, ws, wo, scalar);
                if (i < 0) {
                    i = accumulateWide(s1, s2, ix, ~i, n, shift, ws, wo, scalar);
                }
            }
        }
        s1.entries(n);
        s2.entries(n);
    }

    /**
     * Adds entries from {@code from} one at a time, those off the sums' scale exactly through
     * {@link ExactSums#addSlow} (which may change the scale), until {@link ExactSums#RESUME_FAST}
     * in a row took the fast path; returns the index after them, or {@code n}. After {@link
     * ExactSums#WIDE_AFTER} entries off the scale it returns {@code ~i} instead, {@code i} the
     * index after the last of them: the rest of the block goes to {@link #accumulateWide}.
     */
    private static int accumulateMixed(ExactSums s1, ExactSums s2, int[] ix, int from, int n, int shift,
            double[] ws, int wo, double scalar) {
        long[] a1 = s1.acc;
        long[] a2 = s2.acc;
        double u1 = s1.inverseUnit;
        double u2 = s2.inverseUnit;
        int run = 0;
        int off = 0;
        for (int i = from; i < n; i++) {
            int j = ix[i];
            if (j < 0) {
                continue;
            }
            j += shift;
            double w = ws == null ? scalar : ws[wo + i];
            double w2 = w * w;
            double y1 = w * u1;
            double y2 = w2 * u2;
            long x1 = (long) y1;
            long x2 = (long) y2;
            if (ExactSums.fitsBoth(y1, x1, y2, x2)) {
                ExactSums.addFast(a1, j, x1);
                ExactSums.addFast(a2, j, x2);
                if (++run == ExactSums.RESUME_FAST) {
                    return i + 1;
                }
            } else {
                s1.addSlow(j, w);
                s2.addSlow(j, w2);
                u1 = s1.inverseUnit;
                u2 = s2.inverseUnit;
                run = 0;
                if (++off == ExactSums.WIDE_AFTER) {
                    return ~(i + 1);
                }
            }
        }
        return n;
    }

    /**
     * Adds entries from {@code from} to the end of the block to the wide sums ({@link WideBins}),
     * the same way whatever their exponent; NaN and ±∞ go to {@link ExactSums#addSlow}.
     *
     * @return {@code n}
     */
    private static int accumulateWide(ExactSums s1, ExactSums s2, int[] ix, int from, int n, int shift,
            double[] ws, int wo, double scalar) {
        WideBins d1 = s1.wide();
        WideBins d2 = s2.wide();
        for (int i = from; i < n; i++) {
            int j = ix[i];
            if (j < 0) {
                continue;
            }
            j += shift;
            double w = ws == null ? scalar : ws[wo + i];
            double w2 = w * w;
            if (WideBins.isFinite(w2)) { // w2 finite: w finite too
                d1.add(j, w);
                d2.add(j, w2);
            } else {
                s1.addSlow(j, w);
                s2.addSlow(j, w2);
            }
        }
        return n;
    }

    /**
     * The fast loop, kept free of calls so that the JIT unrolls it: adds entries from {@code from}
     * while both Σw and Σw² take {@link ExactSums#addFast}, and returns the index of the first
     * entry that does not ({@code n} when all did). Both sums or neither: one well-predicted branch
     * per entry.
     */
    private static int accumulateFast(long[] a1, double u1, long[] a2, double u2, int[] ix, int from, int n,
            int shift, double[] ws, int wo, double scalar) {
        for (int i = from; i < n; i++) {
            int j = ix[i];
            if (j < 0) {
                continue;
            }
            j += shift;
            double w = ws == null ? scalar : ws[wo + i];
            double y1 = w * u1;
            double y2 = (w * w) * u2;
            long x1 = (long) y1;
            long x2 = (long) y2;
            if (!ExactSums.fitsBoth(y1, x1, y2, x2)) {
                return i;
            }
            ExactSums.addFast(a1, j, x1);
            ExactSums.addFast(a2, j, x2);
        }
        return n;
    }

    @Override
    void addAll(BinStore o) {
        WeightStore w = (WeightStore) o;
        sumw.addAll(w.sumw);
        sumw2.addAll(w.sumw2);
    }

    @Override
    void beginRemap(BinStore source) {
        WeightStore w = (WeightStore) source;
        sumw.alignFor(w.sumw);
        sumw2.alignFor(w.sumw2);
    }

    @Override
    void addBin(BinStore source, int src, int dst) {
        WeightStore w = (WeightStore) source;
        sumw.addBin(w.sumw, src, dst);
        sumw2.addBin(w.sumw2, src, dst);
    }

    @Override
    void scale(double f) {
        double[] v = sumw.values();
        double[] v2 = sumw2.values();
        mul(v, f);
        mul(v2, f * f);
        sumw = exactOf(v);
        sumw2 = exactOf(v2);
    }

    @Override
    double[] values() {
        return sumw.values();
    }

    @Override
    double[] variances() {
        return sumw2.values();
    }

    @Override
    double[] counts() {
        double[] a = sumw.values();
        double[] b = sumw2.values();
        for (int i = 0; i < bins; i++) {
            a[i] = b[i] == 0 ? 0 : a[i] * a[i] / b[i];
        }
        return a;
    }

    @Override
    double[] sumOfWeights() {
        return sumw.values();
    }

    @Override
    double value(int bin) {
        return sumw.value(bin);
    }

    @Override
    double variance(int bin) {
        return sumw2.value(bin);
    }

    @Override
    long[][] exactState() {
        return new long[][] {sumw.encode(), sumw2.encode()};
    }

    @Override
    Object[] signature() {
        return new Object[] {sumw.values(), sumw2.values()};
    }
}
