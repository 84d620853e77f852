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
        while (true) {
            i = accumulateFast(s1.acc, s1.inverseUnit, ix, i, n, shift, ws, wo, scalar);
            if (i >= n) {
                break;
            }
            // Entry i is off the sum's scale: add it exactly (the scale may change), then resume.
            s1.add(ix[i] + shift, ws == null ? scalar : ws[wo + i]);
            i++;
        }
        s1.entries(n);
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
