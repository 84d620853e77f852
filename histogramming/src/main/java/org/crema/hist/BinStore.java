package org.crema.hist;

import java.util.Arrays;

/**
 * The contents of a histogram's bins, one implementation per {@link Storage} kind, in stored order
 * (flow bins included, row-major). {@link Hist} owns one and delegates every per-storage decision
 * to it: filling, adding, remapping for projections and slices, scaling and reading.
 *
 * <p>Every double accumulator is an {@link ExactSums}: sums are exact, rounded once when read, so
 * filling and adding give bit-identical results in any order and any grouping.
 */
abstract sealed class BinStore permits Int64Store, DoubleStore, WeightStore, MeanStore {
    /** Number of stored bins. */
    final int bins;

    BinStore(int bins) {
        this.bins = bins;
    }

    static BinStore create(Storage kind, int bins) {
        return switch (kind) {
            case INT64 -> new Int64Store(bins);
            case DOUBLE -> new DoubleStore(bins);
            case WEIGHT -> new WeightStore(bins);
            case MEAN -> new MeanStore(bins);
        };
    }

    abstract Storage kind();

    /** @return an empty store of the same kind with {@code n} bins */
    final BinStore empty(int n) {
        return create(kind(), n);
    }

    abstract BinStore copy();

    /**
     * Adds one block of entries: entry {@code i} goes to bin {@code ix[i] + shift} unless {@code
     * ix[i] < 0} (dropped or masked).
     *
     * @param ws per-entry weights from {@code ws[wo]}, or {@code null} for the constant {@code scalar}
     * @param samples per-entry samples for {@link Storage#MEAN}, else unused
     */
    abstract void accumulate(int[] ix, int n, int shift, double[] ws, int wo, double scalar, double[] samples);

    /** Adds every bin of {@code o} (same kind, same number of bins). */
    abstract void addAll(BinStore o);

    /**
     * Adds stored bins of {@code source} into this (a fresh store): call {@link #beginRemap}, then
     * {@link #addBin} per bin.
     */
    abstract void beginRemap(BinStore source);

    abstract void addBin(BinStore source, int src, int dst);

    /** Multiplies values by {@code f} and variances by {@code f²}. */
    abstract void scale(double f);

    /** @return per stored bin what {@link Hist#values(boolean)} reports */
    abstract double[] values();

    /** @return per stored bin what {@link Hist#variances(boolean)} reports */
    abstract double[] variances();

    /** @return per stored bin what {@link Hist#counts(boolean)} reports */
    abstract double[] counts();

    /** @return per stored bin Σw (counts for Int64) */
    abstract double[] sumOfWeights();

    abstract double value(int bin);

    abstract double variance(int bin);

    /** @return the exact state of every double accumulator, for {@link UhiJson}; empty for Int64 */
    abstract long[][] exactState();

    /**
     * @return a store of {@code kind} holding the exact state {@code state} (from {@link
     *     #exactState}), or {@code null} if it does not describe {@code bins} bins of that kind
     */
    static BinStore fromExact(Storage kind, int bins, long[][] state) {
        ExactSums[] e = new ExactSums[state.length];
        for (int i = 0; i < state.length; i++) {
            e[i] = ExactSums.decode(state[i], bins);
            if (e[i] == null) {
                return null;
            }
        }
        switch (kind) {
            case DOUBLE -> {
                if (e.length == 1) {
                    DoubleStore s = new DoubleStore(bins);
                    s.sumw = e[0];
                    return s;
                }
            }
            case WEIGHT -> {
                if (e.length == 2) {
                    WeightStore s = new WeightStore(bins);
                    s.sumw = e[0];
                    s.sumw2 = e[1];
                    return s;
                }
            }
            case MEAN -> {
                if (e.length == 3) {
                    MeanStore s = new MeanStore(bins);
                    s.sumw = e[0];
                    s.sumwx = e[1];
                    s.sumwx2 = e[2];
                    return s;
                }
            }
            case INT64 -> {
                return null;
            }
        }
        return null;
    }

    /** @return the numbers that define equality: every reported double, bit for bit */
    abstract Object[] signature();

    @Override
    public final boolean equals(Object o) {
        return o instanceof BinStore b && b.kind() == kind() && b.bins == bins
                && Arrays.deepEquals(signature(), b.signature());
    }

    @Override
    public final int hashCode() {
        return Arrays.deepHashCode(signature());
    }

    static void mul(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }

    static ExactSums exactOf(double[] v) {
        ExactSums e = new ExactSums(v.length);
        e.setAll(v);
        return e;
    }
}
