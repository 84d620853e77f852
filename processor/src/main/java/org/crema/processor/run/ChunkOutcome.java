package org.crema.processor.run;

import java.io.Serializable;
import org.crema.processor.Accumulator;
import org.crema.processor.Chunk;

/**
 * What running one chunk produced: a result or a failure, with its cost.
 *
 * @param chunk the chunk
 * @param result the chunk's accumulator, or {@code null} if it failed
 * @param failure why it failed, or {@code null}
 * @param nanos wall time spent on the chunk (0 when loaded from a checkpoint)
 * @param bytesRead compressed bytes read
 * @param fromCheckpoint true if the result was loaded from a checkpoint instead of being computed
 * @param cause the exception behind {@code failure}, for stack traces, or {@code null}
 * @param <A> accumulator type
 */
public record ChunkOutcome<A extends Accumulator<A>>(Chunk chunk, A result, ChunkFailure failure, long nanos,
        long bytesRead, boolean fromCheckpoint, Throwable cause) implements Serializable {

    /** @return true if the chunk produced a result */
    public boolean succeeded() {
        return failure == null;
    }
}
