package org.crema.hist;

import java.util.Objects;

/**
 * One axis of a {@link Hist}: how a value is turned into a bin. Axes are immutable; the {@code
 * with…} methods return modified copies.
 *
 * <p>Bins are numbered as in boost-histogram: {@code 0 … size()-1} are the ordinary bins, {@code
 * -1} is the underflow bin and {@code size()} the overflow bin (category axes call it the flow bin:
 * values that match no category). {@link #extent()} counts the bins that are actually stored:
 * {@code size()} plus one for each flow bin that is switched on. Arrays returned with flow bins
 * follow that storage order: underflow first, then the ordinary bins, then overflow.
 *
 * <p>Two axes are {@link #equals equal} when their type, name, label, unit, binning and flow
 * settings are equal; histograms can only be added when all their axes are equal (growing category
 * axes are the exception: their categories are united).
 */
public abstract sealed class Axis permits ContinuousAxis, IntCategoryAxis, StrCategoryAxis, BooleanAxis {
    private final String name;
    private final String label;
    private final String unit;

    Axis(String name, String label, String unit) {
        this.name = Objects.requireNonNull(name, "name");
        this.label = label == null ? "" : label;
        this.unit = unit == null ? "" : unit;
    }

    /** @return the axis name, used to find the axis in a histogram ({@code "mass"}, {@code "variation"}) */
    public final String name() {
        return name;
    }

    /** @return a human-readable label for plots, possibly empty */
    public final String label() {
        return label;
    }

    /** @return the unit of the axis values for plots ({@code "GeV"}), possibly empty */
    public final String unit() {
        return unit;
    }

    /**
     * @param newLabel the label for plots
     * @return a copy of this axis with the label replaced
     */
    public abstract Axis withLabel(String newLabel);

    /**
     * @param newUnit the unit for plots
     * @return a copy of this axis with the unit replaced
     */
    public abstract Axis withUnit(String newUnit);

    /** @return the number of ordinary bins (flow bins excluded) */
    public abstract int size();

    /** @return true if values below the axis range are kept in an underflow bin */
    public abstract boolean hasUnderflow();

    /** @return true if values above the axis range (or unknown categories) are kept in an overflow bin */
    public abstract boolean hasOverflow();

    /** @return the number of stored bins: {@link #size()} plus the flow bins that are switched on */
    public final int extent() {
        return size() + (hasUnderflow() ? 1 : 0) + (hasOverflow() ? 1 : 0);
    }

    /**
     * A short text for bin {@code bin} in tables: {@code "[10, 20)"} or a category name.
     *
     * @param bin a bin number, {@code -1 … size()}
     * @return the label of that bin
     */
    public abstract String binLabel(int bin);

    /**
     * @return a one-line description used in error messages, e.g. {@code RegularAxis "mass" (50
     *     bins, [0, 200), underflow, overflow)}
     */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }

    /** Same type, name, label and unit: the part of {@link #equals} shared by all axes. */
    final boolean sameHeader(Axis o) {
        return o != null && o.getClass() == getClass() && name.equals(o.name) && label.equals(o.label)
                && unit.equals(o.unit);
    }

    final int headerHash() {
        return Objects.hash(getClass(), name, label, unit);
    }

    /**
     * Converts a bin number ({@code -1 … size()}) into the position in stored order, or -1 when that
     * flow bin is switched off.
     */
    final int toStored(int bin) {
        if (bin < -1 || bin > size()) {
            throw new IllegalArgumentException("bin of axis \"" + name + "\" must be in [-1, " + size()
                    + "] (-1 = underflow, " + size() + " = overflow), got " + bin);
        }
        if (bin == -1) {
            return hasUnderflow() ? 0 : -1;
        }
        if (bin == size() && !hasOverflow()) {
            return -1;
        }
        return bin + (hasUnderflow() ? 1 : 0);
    }

    /** Converts a stored position ({@code 0 … extent()-1}) into a bin number ({@code -1 … size()}). */
    final int fromStored(int stored) {
        return stored - (hasUnderflow() ? 1 : 0);
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    static String flowText(boolean under, boolean over) {
        if (under && over) {
            return "underflow, overflow";
        }
        if (under) {
            return "underflow, no overflow";
        }
        return over ? "no underflow, overflow" : "no flow bins";
    }
}
