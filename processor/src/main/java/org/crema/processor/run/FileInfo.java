package org.crema.processor.run;

import java.util.Arrays;

/**
 * What the planning pre-pass learns about one input file.
 *
 * @param entries number of entries of the event tree
 * @param clusterStarts entry indices where basket clusters begin, ascending, starting at 0 (may be
 *     empty when unknown: the file is then split evenly)
 * @param sizeBytes file size in bytes (0 if unknown)
 */
public record FileInfo(long entries, long[] clusterStarts, long sizeBytes) {

    /** Validates the cluster boundaries. */
    public FileInfo {
        if (entries < 0) {
            throw new IllegalArgumentException("entries must be >= 0, got " + entries);
        }
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
                && Arrays.equals(f.clusterStarts, clusterStarts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(entries) * 31 + Arrays.hashCode(clusterStarts);
    }

    @Override
    public String toString() {
        return "FileInfo[entries=" + entries + ", clusters=" + clusterStarts.length + ", bytes=" + sizeBytes + "]";
    }
}
