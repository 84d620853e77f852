package org.crema.processor.accumulate;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * Where a part of a per-event accumulator comes from: accumulators that keep rows order their parts by
 * this key, so the merged rows come out in input order whatever the merge order was.
 *
 * @param dataset dataset name
 * @param file file path or URL
 * @param entryStart first entry of the chunk in that file
 */
public record ChunkKey(String dataset, String file, long entryStart) implements Comparable<ChunkKey>, Serializable {
    @Override
    public int compareTo(ChunkKey o) {
        int c = dataset.compareTo(o.dataset);
        if (c == 0) {
            c = file.compareTo(o.file);
        }
        return c != 0 ? c : Long.compare(entryStart, o.entryStart);
    }

    /**
     * The union of two accumulators' per-chunk parts. Each chunk is processed once, so a key on both
     * sides (other than the very same part) means a chunk was merged twice, which is refused.
     *
     * @param a one side's parts
     * @param b the other side's
     * @param what what the parts are, for the message ("column parts")
     * @param <V> a part
     * @return a new map holding both
     * @throws AccumulatorMergeException if both sides hold a part of the same chunk
     */
    static <V> TreeMap<ChunkKey, V> union(TreeMap<ChunkKey, V> a, TreeMap<ChunkKey, V> b, String what) {
        TreeMap<ChunkKey, V> out = new TreeMap<>(a);
        b.forEach((k, v) -> {
            if (out.putIfAbsent(k, v) != null && out.get(k) != v) {
                throw new AccumulatorMergeException("two " + what + " come from the same chunk " + k
                        + " (was a chunk merged twice?)");
            }
        });
        return out;
    }
}
