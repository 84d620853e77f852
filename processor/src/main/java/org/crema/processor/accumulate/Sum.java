package org.crema.processor.accumulate;

import java.util.Objects;
import org.crema.hist.ExactSum;

/**
 * A sum of weights with its sum of squares and the number of entries, e.g. Σ genWeight of a dataset.
 * Immutable. Σw and Σw² are {@linkplain ExactSum exact}: merging partial sums in any order and
 * grouping gives bit-identical {@link #sumw()} and {@link #sumw2()}, the correctly rounded values of
 * the exact sums; the count is exact too.
 */
public final class Sum implements Accumulator<Sum> {
    private static final long serialVersionUID = 2L;

    /** The neutral element. */
    public static final Sum ZERO = new Sum(0, ExactSum.ZERO, ExactSum.ZERO);

    private final long entries;
    private final ExactSum sumw;
    private final ExactSum sumw2;

    private Sum(long entries, ExactSum sumw, ExactSum sumw2) {
        this.entries = entries;
        this.sumw = Objects.requireNonNull(sumw, "sumw");
        this.sumw2 = Objects.requireNonNull(sumw2, "sumw2");
    }

    /**
     * @param weights one weight per entry
     * @return their exact sum, sum of squares and count
     */
    public static Sum of(double[] weights) {
        return new Sum(weights.length, ExactSum.of(weights), ExactSum.ofSquares(weights));
    }

    /**
     * A sum known without the individual weights (e.g. the {@code Runs} tree's genEventSumw).
     *
     * @param entries number of entries it covers
     * @param sumw the sum of weights
     * @return a sum whose Σw² is unknown (0)
     */
    public static Sum ofTotal(long entries, double sumw) {
        return new Sum(entries, ExactSum.of(sumw), ExactSum.ZERO);
    }

    /** @return number of entries added */
    public long entries() {
        return entries;
    }

    /** @return Σ w, correctly rounded from the exact sum */
    public double sumw() {
        return sumw.doubleValue();
    }

    /** @return Σ w², correctly rounded from the exact sum */
    public double sumw2() {
        return sumw2.doubleValue();
    }

    /** @return Σ w as an exact sum */
    public ExactSum exactSumw() {
        return sumw;
    }

    @Override
    public Sum merge(Sum other) {
        return new Sum(Math.addExact(entries, other.entries), sumw.plus(other.sumw), sumw2.plus(other.sumw2));
    }

    @Override
    public Sum identity() {
        return ZERO;
    }

    /** Equal when the counts and the exact sums are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sum s && entries == s.entries && sumw.equals(s.sumw) && sumw2.equals(s.sumw2);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, sumw, sumw2);
    }

    @Override
    public String toString() {
        return "Sum[entries=" + entries + ", sumw=" + sumw() + ", sumw2=" + sumw2() + "]";
    }
}
