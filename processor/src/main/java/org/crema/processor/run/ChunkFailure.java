package org.crema.processor.run;

import java.io.Serializable;
import org.crema.processor.Chunk;

/**
 * A chunk or file that could not be processed, as recorded in the run output.
 *
 * @param dataset dataset name
 * @param file file path
 * @param entryStart first entry of the failed range, or -1 when the file failed before it was split
 * @param entryStop end of the failed range, or -1
 * @param inputError true if reading the input failed (skippable with {@code skipBadFiles}); false
 *     if the processor's own code threw
 * @param message the cause's message, without the dataset, file and range (see {@link #describe})
 * @param causeClass the cause's class name
 */
public record ChunkFailure(String dataset, String file, long entryStart, long entryStop, boolean inputError,
        String message, String causeClass) implements Serializable {

    static ChunkFailure of(Chunk chunk, boolean inputError, Throwable cause) {
        return new ChunkFailure(chunk.dataset().name(), chunk.file(), chunk.entryStart(), chunk.entryStop(),
                inputError, messageOf(chunk, cause), cause.getClass().getName());
    }

    static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /**
     * The cause's message without the context the failure line already gives: the layers below
     * (Events, the reader) each prefix the chunk or the file, and the runner names the chunk once.
     */
    static String messageOf(Chunk chunk, Throwable t) {
        return stripContext(messageOf(t), chunk.describe(), chunk.file());
    }

    static String stripContext(String m, String describe, String file) {
        String out = m;
        if (describe != null) {
            out = out.replace(describe + ": ", "").replace(" in " + describe, "").replace(describe, "this chunk");
        }
        // The reader's chain starts with "file F, tree T, ...": keep the tree and branch, drop the file.
        out = out.replace("file " + file + ", ", "").replace("file " + file + ": ", "").replace(file + ": ", "");
        return out.isBlank() ? m : out;
    }

    /** @return "dataset D, file F, entries [a, b): cause (class)" — the file named once */
    public String describe() {
        String range = entryStart < 0 ? "whole file" : "entries [" + entryStart + ", " + entryStop + ")";
        return "dataset " + dataset + ", file " + file + ", " + range + ": " + message + " (" + causeClass + ")";
    }
}
