package org.crema.processor;

/**
 * A sum of weights with its sum of squares and the number of entries, e.g. Σ genWeight of a dataset.
 * Merge adds the three; the count is exact, the sums are exact up to floating-point rounding.
 *
 * @param entries number of entries added
 * @param sumw Σ w
 * @param sumw2 Σ w²
 */
public record Sum(long entries, double sumw, double sumw2) implements Accumulator<Sum> {

    /** The neutral element. */
    public static final Sum ZERO = new Sum(0, 0, 0);

    /**
     * @param weights one weight per entry
     * @return their sum, sum of squares and count
     */
    public static Sum of(double[] weights) {
        double s = 0;
        double s2 = 0;
        for (double w : weights) {
            s += w;
            s2 += w * w;
        }
        return new Sum(weights.length, s, s2);
    }

    /**
     * A sum known without the individual weights (e.g. the {@code Runs} tree's genEventSumw).
     *
     * @param entries number of entries it covers
     * @param sumw the sum of weights
     * @return a sum whose Σw² is unknown (0)
     */
    public static Sum ofTotal(long entries, double sumw) {
        return new Sum(entries, sumw, 0);
    }

    @Override
    public Sum merge(Sum other) {
        return new Sum(Math.addExact(entries, other.entries), sumw + other.sumw, sumw2 + other.sumw2);
    }

    @Override
    public Sum identity() {
        return ZERO;
    }
}
