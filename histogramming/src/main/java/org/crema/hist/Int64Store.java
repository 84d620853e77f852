package org.crema.hist;

/** {@link Storage#INT64}: an exact 64-bit count per bin. */
final class Int64Store extends BinStore {
    final long[] counts;

    Int64Store(int bins) {
        super(bins);
        counts = new long[bins];
    }

    @Override
    Storage kind() {
        return Storage.INT64;
    }

    @Override
    BinStore copy() {
        Int64Store c = new Int64Store(bins);
        System.arraycopy(counts, 0, c.counts, 0, bins);
        return c;
    }

    @Override
    void accumulate(int[] ix, int n, int shift, double[] ws, int wo, double scalar, double[] samples) {
        long[] c = counts;
        for (int i = 0; i < n; i++) {
            int j = ix[i];
            if (j >= 0) {
                c[j + shift]++;
            }
        }
    }

    @Override
    void addAll(BinStore o) {
        long[] b = ((Int64Store) o).counts;
        for (int i = 0; i < bins; i++) {
            counts[i] += b[i];
        }
    }

    @Override
    void beginRemap(BinStore source) {}

    @Override
    void addBin(BinStore source, int src, int dst) {
        counts[dst] += ((Int64Store) source).counts[src];
    }

    @Override
    void scale(double f) {
        throw new HistException("cannot scale an Int64 histogram (counts are integers); "
                + "build it with Storage.DOUBLE or Storage.WEIGHT");
    }

    @Override
    double[] values() {
        double[] d = new double[bins];
        for (int i = 0; i < bins; i++) {
            d[i] = counts[i];
        }
        return d;
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
        return counts[bin];
    }

    @Override
    double variance(int bin) {
        return counts[bin];
    }

    @Override
    long[][] exactState() {
        return new long[0][];
    }

    @Override
    Object[] signature() {
        return new Object[] {counts};
    }
}
