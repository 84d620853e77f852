package org.crema.hist;

/** {@link Storage#DOUBLE}: an exact Σw per bin ({@link ExactSums}: 16 bytes per bin). */
final class DoubleStore extends BinStore {
    ExactSums sumw;

    DoubleStore(int bins) {
        super(bins);
        sumw = new ExactSums(bins);
    }

    @Override
    Storage kind() {
        return Storage.DOUBLE;
    }

    @Override
    BinStore copy() {
        DoubleStore c = new DoubleStore(bins);
        c.sumw = sumw.copy();
        return c;
    }

    static DoubleStore restore(double[] v) {
        DoubleStore s = new DoubleStore(v.length);
        s.sumw = exactOf(v);
        return s;
    }

    @Override
    void accumulate(int[] ix, int n, int shift, double[] ws, int wo, double scalar, double[] samples) {
        ExactSums s1 = sumw;
        int i = 0;
        while (i < n) {
            i = accumulateFast(s1.acc, s1.inverseUnit, ix, i, n, shift, ws, wo, scalar);
            if (i < n) {
                i = accumulateMixed(s1, ix, i, n, shift, ws, wo, scalar);
                if (i < 0) {
                    i = accumulateWide(s1, ix, ~i, n, shift, ws, wo, scalar);
                }
            }
        }
        s1.entries(n);
    }

    /** One sum's twin of {@code WeightStore}'s loop for entries off the scale: see there. */
    private static int accumulateMixed(ExactSums s1, int[] ix, int from, int n, int shift, double[] ws, int wo,
            double scalar) {
        long[] a1 = s1.acc;
        double u1 = s1.inverseUnit;
        int run = 0;
        int off = 0;
        for (int i = from; i < n; i++) {
            int j = ix[i];
            if (j < 0) {
                continue;
            }
            double w = ws == null ? scalar : ws[wo + i];
            double y = w * u1;
            long x = (long) y;
            if (ExactSums.fits(y, x)) {
                ExactSums.addFast(a1, j + shift, x);
                if (++run == ExactSums.RESUME_FAST) {
                    return i + 1;
                }
            } else {
                s1.addSlow(j + shift, w);
                u1 = s1.inverseUnit;
                run = 0;
                if (++off == ExactSums.WIDE_AFTER) {
                    return ~(i + 1);
                }
            }
        }
        return n;
    }

    /** One sum's twin of {@code WeightStore}'s loop into the wide sums: see there. */
    private static int accumulateWide(ExactSums s1, int[] ix, int from, int n, int shift, double[] ws, int wo,
            double scalar) {
        WideBins d1 = s1.wide();
        for (int i = from; i < n; i++) {
            int j = ix[i];
            if (j < 0) {
                continue;
            }
            double w = ws == null ? scalar : ws[wo + i];
            if (WideBins.isFinite(w)) {
                d1.add(j + shift, w);
            } else {
                s1.addSlow(j + shift, w);
            }
        }
        return n;
    }

    /**
     * The call-free fast loop (see {@code WeightStore}): adds entries from {@code from} while they
     * take {@link ExactSums#addFast}; returns the first that does not, or {@code n}.
     */
    private static int accumulateFast(long[] a1, double u1, int[] ix, int from, int n, int shift, double[] ws,
            int wo, double scalar) {
        for (int i = from; i < n; i++) {
            int j = ix[i];
            if (j < 0) {
                continue;
            }
            double w = ws == null ? scalar : ws[wo + i];
            double y = w * u1;
            long x = (long) y;
            if (!ExactSums.fits(y, x)) {
                return i;
            }
            ExactSums.addFast(a1, j + shift, x);
        }
        return n;
    }

    @Override
    void addAll(BinStore o) {
        sumw.addAll(((DoubleStore) o).sumw);
    }

    @Override
    void beginRemap(BinStore source) {
        sumw.alignFor(((DoubleStore) source).sumw);
    }

    @Override
    void addBin(BinStore source, int src, int dst) {
        sumw.addBin(((DoubleStore) source).sumw, src, dst);
    }

    @Override
    void scale(double f) {
        double[] v = sumw.values();
        mul(v, f);
        sumw = exactOf(v);
    }

    @Override
    double[] values() {
        return sumw.values();
    }

    @Override
    double[] variances() {
        return values();
    }

    @Override
    double[] counts() {
        return values();
    }

    @Override
    double[] sumOfWeights() {
        return values();
    }

    @Override
    double value(int bin) {
        return sumw.value(bin);
    }

    @Override
    double variance(int bin) {
        return sumw.value(bin);
    }

    @Override
    long[][] exactState() {
        return new long[][] {sumw.encode()};
    }

    @Override
    Object[] signature() {
        return new Object[] {values()};
    }
}
