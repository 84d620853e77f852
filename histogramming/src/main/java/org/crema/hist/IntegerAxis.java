package org.crema.hist;

import java.util.Objects;

/**
 * One bin per integer in {@code [low, high)}: bin {@code i} holds values {@code v} with {@code
 * floor(v) == low + i}, e.g. jet multiplicities. Underflow and overflow bins are on by default.
 * Serialized as UHI {@code "regular"} with unit-width bins (boost-histogram does the same), marked
 * in {@code writer_info} so crema reads it back as an integer axis.
 */
public final class IntegerAxis extends ContinuousAxis {
    private final int low;
    private final int high;

    private IntegerAxis(String name, String label, String unit, int low, int high, boolean underflow, boolean overflow) {
        super(name, label, unit, makeEdges(low, high), underflow, overflow);
        this.low = low;
        this.high = high;
    }

    private static double[] makeEdges(int low, int high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("integer axis needs low < high, got low=" + low + ", high=" + high);
        }
        if ((long) high - low > 100_000_000L) {
            throw new IllegalArgumentException("integer axis needs at most 10^8 bins, got low=" + low + ", high=" + high);
        }
        double[] e = new double[high - low + 1];
        for (int i = 0; i < e.length; i++) {
            e[i] = (double) low + i;
        }
        return e;
    }

    /**
     * @param name axis name
     * @param low first integer with its own bin
     * @param high one past the last integer with its own bin, {@code > low}
     * @return the axis
     */
    public static IntegerAxis of(String name, int low, int high) {
        return new IntegerAxis(name, "", "", low, high, true, true);
    }

    /** @return the first integer with its own bin */
    public int low() {
        return low;
    }

    /** @return one past the last integer with its own bin */
    public int high() {
        return high;
    }

    @Override
    int findBin(double x) {
        // x - low >= 0 here, so the cast truncates like floor.
        return (int) (x - low);
    }

    /** Integer inputs skip the double conversion entirely. */
    void addIndices(int[] vs, int n, int[] idx, int stride) {
        final int u = underflow ? 1 : 0;
        final int under = underflow ? 0 : -1;
        final int over = overflow ? size() + u : -1;
        for (int i = 0; i < n; i++) {
            int v = vs[i];
            int b = v < low ? under : v >= high ? over : v - low + u;
            int sum = idx[i] + b * stride;
            idx[i] = b < 0 ? Integer.MIN_VALUE : sum;
        }
    }

    @Override
    public IntegerAxis withLabel(String newLabel) {
        return new IntegerAxis(name(), newLabel, unit(), low, high, underflow, overflow);
    }

    @Override
    public IntegerAxis withUnit(String newUnit) {
        return new IntegerAxis(name(), label(), newUnit, low, high, underflow, overflow);
    }

    @Override
    public IntegerAxis withUnderflow(boolean underflowOn) {
        return new IntegerAxis(name(), label(), unit(), low, high, underflowOn, overflow);
    }

    @Override
    public IntegerAxis withOverflow(boolean overflowOn) {
        return new IntegerAxis(name(), label(), unit(), low, high, underflow, overflowOn);
    }

    @Override
    ContinuousAxis rebinned(int factor) {
        if (factor == 1) {
            return this;
        }
        RegularAxis r = RegularAxis.of(name(), size() / factor, low, high).withUnderflow(underflow)
                .withOverflow(overflow);
        return r.withLabel(label()).withUnit(unit());
    }

    @Override
    ContinuousAxis sliced(int from, int to) {
        return new IntegerAxis(name(), label(), unit(), low + from, low + to, underflow, overflow);
    }

    @Override
    public String describe() {
        return "IntegerAxis " + quote(name()) + " ([" + low + ", " + high + "), " + flowText(underflow, overflow) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntegerAxis a && sameHeader(a) && low == a.low && high == a.high
                && underflow == a.underflow && overflow == a.overflow;
    }

    @Override
    public int hashCode() {
        return Objects.hash(headerHash(), low, high, underflow, overflow);
    }
}
