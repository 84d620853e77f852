package org.crema.hist;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import org.crema.columnar.BoolColumn;

/**
 * An exact sum of doubles, immutable: {@link #doubleValue()} is the correctly rounded (half to
 * even) value of the exact real sum of everything added, so sums built in any order and grouping —
 * one chunk or many, merged in any order — are bit-identical. The scalar companion of the
 * histogram bins (same representation, see {@link Storage}); used for cutflow and Σ genWeight
 * totals.
 *
 * <pre>{@code
 * ExactSum a = ExactSum.of(new double[] {1e16, 1.0});
 * ExactSum b = ExactSum.of(-1e16);
 * a.plus(b).doubleValue();   // 1.0 (a double running sum would give 0.0)
 * }</pre>
 *
 * <p>NaN and ±∞ are carried aside: a sum containing them is NaN or ±∞, also independently of order.
 */
public final class ExactSum implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The empty sum. */
    public static final ExactSum ZERO = new ExactSum(new ExactSums(1));

    private transient ExactSums sums;

    private ExactSum(ExactSums sums) {
        this.sums = sums;
    }

    /**
     * @param x a value
     * @return the sum holding only {@code x}
     */
    public static ExactSum of(double x) {
        ExactSums s = new ExactSums(1);
        s.add(0, x);
        return new ExactSum(s);
    }

    /**
     * @param values values to add
     * @return their exact sum
     */
    public static ExactSum of(double[] values) {
        return of(values, null, false);
    }

    /**
     * @param values values to add
     * @param mask only entries where it is true are added ({@code null}: all); same length
     * @return the exact sum of the selected values
     */
    public static ExactSum of(double[] values, BoolColumn mask) {
        return of(values, mask, false);
    }

    /**
     * @param values values whose squares are added (each {@code x·x} rounded once)
     * @return the exact sum of the squares
     */
    public static ExactSum ofSquares(double[] values) {
        return of(values, null, true);
    }

    private static ExactSum of(double[] values, BoolColumn mask, boolean square) {
        if (mask != null && mask.length() != values.length) {
            throw new IllegalArgumentException("mask has " + mask.length() + " entries, values have " + values.length);
        }
        ExactSums s = new ExactSums(1);
        long[] acc = s.acc;
        double u = s.inverseUnit;
        long n = 0;
        for (int i = 0; i < values.length; i++) {
            if (mask != null && !mask.get(i)) {
                continue;
            }
            double w = square ? values[i] * values[i] : values[i];
            double y = w * u;
            long x = (long) y;
            if (ExactSums.fits(y, x)) {
                ExactSums.addFast(acc, 0, x);
                if (++n > ExactSums.FOLD_AFTER) {
                    s.entries(n);
                    n = 0;
                }
            } else {
                s.addSlow(0, w);
                u = s.inverseUnit;
            }
        }
        s.entries(n);
        return new ExactSum(s);
    }

    /**
     * @param other another sum
     * @return the exact sum of both; neither changes
     */
    public ExactSum plus(ExactSum other) {
        ExactSums s = sums.copy();
        s.addAll(other.sums);
        return new ExactSum(s);
    }

    /**
     * @param x a value
     * @return this sum plus {@code x}
     */
    public ExactSum plus(double x) {
        ExactSums s = sums.copy();
        s.add(0, x);
        return new ExactSum(s);
    }

    /** @return the correctly rounded value of the exact sum */
    public double doubleValue() {
        return sums.value(0);
    }

    /** Equal when the exact sums are equal (not merely their rounded values). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExactSum e)) {
            return false;
        }
        double a = sums.special(0);
        double b = e.sums.special(0);
        if (a != 0 || b != 0) {
            return Double.compare(a, b) == 0;
        }
        return sums.exact(0).equals(e.sums.exact(0));
    }

    @Override
    public int hashCode() {
        double sp = sums.special(0);
        return sp != 0 ? Double.hashCode(sp) : sums.exact(0).hashCode();
    }

    @Override
    public String toString() {
        return Double.toString(doubleValue());
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(sums.encode());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Object state = in.readObject();
        ExactSums s = state instanceof long[] l ? ExactSums.decode(l, 1) : null;
        if (s == null) {
            throw new InvalidObjectException("not an exact sum state");
        }
        sums = s;
    }
}
