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
 * @param message the cause's message
 * @param causeClass the cause's class name
 */
public record ChunkFailure(String dataset, String file, long entryStart, long entryStop, boolean inputError,
        String message, String causeClass) implements Serializable {

    static ChunkFailure of(Chunk chunk, boolean inputError, Throwable cause) {
        return new ChunkFailure(chunk.dataset().name(), chunk.file(), chunk.entryStart(), chunk.entryStop(),
                inputError, messageOf(cause), cause.getClass().getName());
    }

    static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** @return "dataset D, file F, entries [a, b): cause" */
    public String describe() {
        String range = entryStart < 0 ? "whole file" : "entries [" + entryStart + ", " + entryStop + ")";
        return "dataset " + dataset + ", file " + file + ", " + range + ": " + message + " (" + causeClass + ")";
    }
}
