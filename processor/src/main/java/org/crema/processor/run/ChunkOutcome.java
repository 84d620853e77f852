package org.crema.processor.run;

import java.io.Serializable;
import org.crema.processor.Chunk;
import org.crema.processor.accumulate.Accumulator;

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
 * @param checkpointProblem why an existing checkpoint of this chunk was not used (damaged, foreign),
 *     or {@code null}; the run reports it
 * @param retainedBytes bytes of the columns the chunk held while it was processed (0 when unknown
 *     or loaded from a checkpoint); executors size admissions by it
 * @param <A> accumulator type
 */
public record ChunkOutcome<A extends Accumulator<A>>(Chunk chunk, A result, ChunkFailure failure, long nanos,
        long bytesRead, boolean fromCheckpoint, Throwable cause, String checkpointProblem, long retainedBytes)
        implements Serializable {

    /**
     * An outcome without a checkpoint problem.
     *
     * @param chunk the chunk
     * @param result its result or {@code null}
     * @param failure its failure or {@code null}
     * @param nanos wall time
     * @param bytesRead compressed bytes read
     * @param fromCheckpoint loaded from a checkpoint
     * @param cause the exception behind the failure or {@code null}
     */
    public ChunkOutcome(Chunk chunk, A result, ChunkFailure failure, long nanos, long bytesRead,
            boolean fromCheckpoint, Throwable cause) {
        this(chunk, result, failure, nanos, bytesRead, fromCheckpoint, cause, null, 0);
    }

    /**
     * An outcome with a checkpoint problem and no memory measurement.
     *
     * @param chunk the chunk
     * @param result its result or {@code null}
     * @param failure its failure or {@code null}
     * @param nanos wall time
     * @param bytesRead compressed bytes read
     * @param fromCheckpoint loaded from a checkpoint
     * @param cause the exception behind the failure or {@code null}
     * @param checkpointProblem why a checkpoint was not used, or {@code null}
     */
    public ChunkOutcome(Chunk chunk, A result, ChunkFailure failure, long nanos, long bytesRead,
            boolean fromCheckpoint, Throwable cause, String checkpointProblem) {
        this(chunk, result, failure, nanos, bytesRead, fromCheckpoint, cause, checkpointProblem, 0);
    }

    /** @return true if the chunk produced a result */
    public boolean succeeded() {
        return failure == null;
    }

    /** @param problem why the chunk's checkpoint was not used @return a copy recording it */
    ChunkOutcome<A> withCheckpointProblem(String problem) {
        return new ChunkOutcome<>(chunk, result, failure, nanos, bytesRead, fromCheckpoint, cause, problem,
                retainedBytes);
    }
}
