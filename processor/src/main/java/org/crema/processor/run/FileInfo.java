package org.crema.processor.run;

import java.util.Arrays;

/**
 * What the planning pre-pass learns about one input file.
 *
 * @param entries number of entries of the event tree
 * @param clusterStarts entry indices where basket clusters begin, ascending, starting at 0 (may be
 *     empty when unknown: the file is then split evenly)
 * @param sizeBytes file size in bytes (0 if unknown)
 * @param genWeight whether the event tree has a {@code genWeight} branch (simulation), when the
 *     provider can tell
 */
public record FileInfo(long entries, long[] clusterStarts, long sizeBytes, GenWeight genWeight) {

    /** Whether a file carries generator weights, i.e. is simulation. */
    public enum GenWeight {
        /** the event tree has a {@code genWeight} branch: simulation */
        PRESENT,
        /** no {@code genWeight} branch: collision data */
        ABSENT,
        /** the provider cannot tell (e.g. in-memory inputs) */
        UNKNOWN
    }

    /**
     * A file whose simulation status is unknown.
     *
     * @param entries number of entries
     * @param clusterStarts cluster start entries
     * @param sizeBytes file size or 0
     */
    public FileInfo(long entries, long[] clusterStarts, long sizeBytes) {
        this(entries, clusterStarts, sizeBytes, GenWeight.UNKNOWN);
    }

    /** Validates the cluster boundaries. */
    public FileInfo {
        if (entries < 0) {
            throw new IllegalArgumentException("entries must be >= 0, got " + entries);
        }
        java.util.Objects.requireNonNull(genWeight, "genWeight");
        clusterStarts = clusterStarts.clone();
        for (int i = 0; i < clusterStarts.length; i++) {
            if (clusterStarts[i] < 0 || clusterStarts[i] > entries || (i > 0 && clusterStarts[i] <= clusterStarts[i - 1])) {
                throw new IllegalArgumentException("cluster starts must be ascending within [0, " + entries + "], got "
                        + Arrays.toString(clusterStarts));
            }
        }
    }

    @Override
    public long[] clusterStarts() {
        return clusterStarts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileInfo f && f.entries == entries && f.sizeBytes == sizeBytes
                && Arrays.equals(f.clusterStarts, clusterStarts) && f.genWeight == genWeight;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(entries) * 31 + Arrays.hashCode(clusterStarts);
    }

    @Override
    public String toString() {
        return "FileInfo[entries=" + entries + ", clusters=" + clusterStarts.length + ", bytes=" + sizeBytes + ", genWeight=" + genWeight
                + "]";
    }
}
