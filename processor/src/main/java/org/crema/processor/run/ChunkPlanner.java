package org.crema.processor.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits a file's entries into chunks that follow basket-cluster boundaries, so no chunk decompresses
 * a basket another chunk also needs (coffea's {@code align_clusters}).
 */
public final class ChunkPlanner {
    private ChunkPlanner() {
    }

    /**
     * Consecutive clusters are grouped while the group stays within {@code chunkSize} entries; a
     * cluster longer than {@code chunkSize} is split into equal parts (at the cost of reading its
     * baskets more than once).
     *
     * @param entries number of entries in the file
     * @param clusterStarts cluster start entries, ascending (empty: one cluster)
     * @param chunkSize target entries per chunk, at least 1
     * @return ranges {@code [start, stop)} covering {@code [0, entries)} in order, each non-empty
     */
    public static List<long[]> split(long entries, long[] clusterStarts, long chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
        }
        List<long[]> out = new ArrayList<>();
        if (entries == 0) {
            return out;
        }
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(0L);
        cuts.add(entries);
        for (long s : clusterStarts) {
            if (s > 0 && s < entries) {
                cuts.add(s);
            }
        }
        // Refine clusters longer than chunkSize into equal parts.
        List<Long> bounds = new ArrayList<>();
        Long prev = null;
        for (long b : cuts) {
            if (prev != null) {
                long len = b - prev;
                long parts = (len + chunkSize - 1) / chunkSize;
                for (long k = 1; k < parts; k++) {
                    bounds.add(prev + len * k / parts);
                }
            }
            bounds.add(b);
            prev = b;
        }
        long start = 0;
        long current = 0;
        for (int i = 1; i < bounds.size(); i++) {
            long b = bounds.get(i);
            if (b - start > chunkSize && current > start) {
                out.add(new long[] {start, current});
                start = current;
            }
            current = b;
        }
        out.add(new long[] {start, entries});
        return out;
    }
}
