package org.crema.hist;

/**
 * What each bin accumulates. Each storage maps to one UHI serialization storage type.
 *
 * <p>Every double sum is exact: a bin keeps an integer in two {@code long}s, in units of a power of
 * two shared by the histogram (and, for values far from the others, a window of wide integer
 * digits spanning the whole double range, or an arbitrary-precision remainder), so the value read back is the correctly rounded sum of all filled doubles whatever the order of
 * the fills and merges. Memory per bin: {@code INT64} 8 bytes, {@code DOUBLE} 16, {@code WEIGHT} 32,
 * {@code MEAN} 48.
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
