package org.crema.processor.accumulate;

import java.io.Serializable;

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
}
