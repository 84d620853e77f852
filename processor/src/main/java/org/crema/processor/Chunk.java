package org.crema.processor;

import java.io.Serializable;
import java.util.Objects;
import org.crema.processor.accumulate.ChunkKey;

/**
 * One unit of work: entries {@code [entryStart, entryStop)} of one tree in one file of one dataset.
 * Chunks are numbered in plan order; executors merge results in that order.
 *
 * @param index position in the run's plan, from 0
 * @param dataset the dataset's metadata
 * @param file path or URL of the input file, as written in the plan
 * @param treeName the event tree, usually {@code Events}
 * @param entryStart first entry (inclusive)
 * @param entryStop last entry (exclusive)
 * @param fileEntries number of entries in the whole file (lets a processor tell whether it sees the
 *     whole file, e.g. to add the file's {@code Runs}-tree sums exactly once)
 */
public record Chunk(int index, DatasetInfo dataset, String file, String treeName, long entryStart, long entryStop,
        long fileEntries) implements Serializable {

    /** Validates the entry range. */
    public Chunk {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(treeName, "treeName");
        if (index < 0 || entryStart < 0 || entryStop < entryStart || entryStop > fileEntries) {
            throw new IllegalArgumentException("chunk must satisfy 0 <= entryStart <= entryStop <= fileEntries and"
                    + " index >= 0, got index=" + index + " [" + entryStart + ", " + entryStop + ") of " + fileEntries);
        }
    }

    /** @return number of entries in the chunk */
    public long entries() {
        return entryStop - entryStart;
    }

    /** @return true if this chunk starts at the file's first entry */
    public boolean isFirstOfFile() {
        return entryStart == 0;
    }

    /** @return the key that orders this chunk's rows in per-event accumulators */
    public ChunkKey key() {
        return new ChunkKey(dataset.name(), file, entryStart);
    }

    /** @return "dataset D, file F, entries [a, b)" — the context every failure message carries */
    public String describe() {
        return "dataset " + dataset.name() + ", file " + file + ", entries [" + entryStart + ", " + entryStop + ")";
    }
}
