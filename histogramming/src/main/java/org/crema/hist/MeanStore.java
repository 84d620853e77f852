package org.crema.hist;

/**
 * {@link Storage#MEAN}: a profile, with exact Σw, Σw·x and Σw·x² per bin ({@link ExactSums}: 48
 * bytes per bin). The products are rounded once per entry and then summed exactly; keeping raw
 * sums rather than a running mean is what makes adding profiles exact and associative.
 */
final class MeanStore extends BinStore {
    ExactSums sumw;
    ExactSums sumwx;
    ExactSums sumwx2;

    MeanStore(int bins) {
        super(bins);
        sumw = new ExactSums(bins);
        sumwx = new ExactSums(bins);
        sumwx2 = new ExactSums(bins);
    }

    @Override
    Storage kind() {
        return Storage.MEAN;
    }

    @Override
    BinStore copy() {
        MeanStore c = new MeanStore(bins);
        c.sumw = sumw.copy();
        c.sumwx = sumwx.copy();
        c.sumwx2 = sumwx2.copy();
        return c;
    }

    static MeanStore restore(double[] sw, double[] swx, double[] swx2) {
        MeanStore s = new MeanStore(sw.length);
        s.sumw = exactOf(sw);
        s.sumwx = exactOf(swx);
        s.sumwx2 = exactOf(swx2);
        return s;
    }

    @Override
    void accumulate(int[] ix, int n, int shift, double[] ws, int wo, double scalar, double[] samples) {
        for (int i = 0; i < n; i++) {
            int j = ix[i];
            if (j >= 0) {
                double x = ws == null ? scalar : ws[wo + i];
                double y = samples[i];
                sumw.addSlow(j + shift, x);
                sumwx.addSlow(j + shift, x * y);
                sumwx2.addSlow(j + shift, x * y * y);
            }
        }
    }

    @Override
    void addAll(BinStore o) {
        MeanStore m = (MeanStore) o;
        sumw.addAll(m.sumw);
        sumwx.addAll(m.sumwx);
        sumwx2.addAll(m.sumwx2);
    }

    @Override
    void beginRemap(BinStore source) {
        MeanStore m = (MeanStore) source;
        sumw.alignFor(m.sumw);
        sumwx.alignFor(m.sumwx);
        sumwx2.alignFor(m.sumwx2);
    }

    @Override
    void addBin(BinStore source, int src, int dst) {
        MeanStore m = (MeanStore) source;
        sumw.addBin(m.sumw, src, dst);
        sumwx.addBin(m.sumwx, src, dst);
        sumwx2.addBin(m.sumwx2, src, dst);
    }

    @Override
    void scale(double f) {
        // The sample is scaled: its mean by f, its variance by f².
        double[] a = sumwx.values();
        double[] b = sumwx2.values();
        mul(a, f);
        mul(b, f * f);
        sumwx = exactOf(a);
        sumwx2 = exactOf(b);
    }

    @Override
    double[] values() {
        double[] w = sumw.values();
        double[] wx = sumwx.values();
        for (int i = 0; i < bins; i++) {
            wx[i] = w[i] == 0 ? 0 : wx[i] / w[i];
        }
        return wx;
    }

    /** @return per bin {@code (Σwx² − (Σwx)²/Σw) / (Σw − 1)}, 0 where Σw ≤ 1 */
    double[] sampleVariances() {
        double[] w = sumw.values();
        double[] wx = sumwx.values();
        double[] wx2 = sumwx2.values();
        double[] d = new double[bins];
        for (int i = 0; i < bins; i++) {
            d[i] = sampleVariance(w[i], wx[i], wx2[i]);
        }
        return d;
    }

    private static double sampleVariance(double w, double wx, double wx2) {
        return w <= 1 ? 0 : Math.max(0, (wx2 - wx * wx / w) / (w - 1));
    }

    @Override
    double[] variances() {
        double[] w = sumw.values();
        double[] d = sampleVariances();
        for (int i = 0; i < bins; i++) {
            d[i] = w[i] <= 1 ? 0 : d[i] / w[i];
        }
        return d;
    }

    @Override
    double[] counts() {
        return sumw.values();
    }

    @Override
    double[] sumOfWeights() {
        return sumw.values();
    }

    @Override
    double value(int bin) {
        double w = sumw.value(bin);
        return w == 0 ? 0 : sumwx.value(bin) / w;
    }

    @Override
    double variance(int bin) {
        double w = sumw.value(bin);
        return w <= 1 ? 0 : sampleVariance(w, sumwx.value(bin), sumwx2.value(bin)) / w;
    }

    @Override
    long[][] exactState() {
        return new long[][] {sumw.encode(), sumwx.encode(), sumwx2.encode()};
    }

    @Override
    Object[] signature() {
        return new Object[] {sumw.values(), sumwx.values(), sumwx2.values()};
    }
}
