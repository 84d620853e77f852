package org.crema.hist;

/**
 * What each bin accumulates. Each storage maps to one UHI serialization storage type.
 */
public enum Storage {
    /** A sum of weights per bin (UHI {@code "double"}); no variance is tracked. */
    DOUBLE("double"),
    /** An exact count of entries per bin as a 64-bit integer (UHI {@code "int"}); fills take no weights. */
    INT64("int"),
    /**
     * Σw and Σw² per bin (UHI {@code "weighted"}): the physics default, since the variance of a
     * weighted bin is Σw².
     */
    WEIGHT("weighted"),
    /**
     * A profile: per bin the count (Σw), the mean of a sample value and its variance (UHI {@code
     * "mean"}). Weights act as frequency weights, as in boost-histogram's {@code Mean} storage.
     */
    MEAN("mean");

    private final String uhiType;

    Storage(String uhiType) {
        this.uhiType = uhiType;
    }

    /** @return the storage {@code "type"} string of the UHI serialization */
    public String uhiType() {
        return uhiType;
    }
}
