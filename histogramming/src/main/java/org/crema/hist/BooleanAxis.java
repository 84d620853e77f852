package org.crema.hist;

/**
 * Two bins, {@code false} (bin 0) and {@code true} (bin 1), without flow bins: e.g. "passes the
 * trigger". Numeric inputs count as {@code true} when non-zero (NaN included). Serialized as UHI
 * {@code "boolean"}.
 */
public final class BooleanAxis extends Axis {
    private BooleanAxis(String name, String label, String unit) {
        super(name, label, unit);
    }

    /**
     * @param name axis name
     * @return a boolean axis
     */
    public static BooleanAxis of(String name) {
        return new BooleanAxis(name, "", "");
    }

    @Override
    public BooleanAxis withLabel(String newLabel) {
        return new BooleanAxis(name(), newLabel, unit());
    }

    @Override
    public BooleanAxis withUnit(String newUnit) {
        return new BooleanAxis(name(), label(), newUnit);
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public boolean hasUnderflow() {
        return false;
    }

    @Override
    public boolean hasOverflow() {
        return false;
    }

    @Override
    public String binLabel(int bin) {
        return bin == 0 ? "false" : bin == 1 ? "true" : "flow";
    }

    @Override
    public String describe() {
        return "BooleanAxis " + quote(name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BooleanAxis b && sameHeader(b);
    }

    @Override
    public int hashCode() {
        return headerHash();
    }
}
