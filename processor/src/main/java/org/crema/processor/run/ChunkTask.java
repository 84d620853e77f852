package org.crema.processor.run;

import java.io.Serializable;
import org.crema.processor.Chunk;
import org.crema.processor.accumulate.Accumulator;

/**
 * The work an executor runs for one chunk: open the input, call the processor, checkpoint the result.
 * Never throws for a failing chunk: the failure is returned in the {@link ChunkOutcome}. Serializable
 * and thread-safe, so any executor — threads here, or a distributed engine — can run it.
 *
 * @param <A> accumulator type
 */
@FunctionalInterface
public interface ChunkTask<A extends Accumulator<A>> extends Serializable {

    /**
     * @param chunk the chunk to process
     * @return its result or failure
     */
    ChunkOutcome<A> run(Chunk chunk);

    /**
     * Frees what this task keeps between chunks (open files). A distributed executor, which runs a
     * deserialized copy of the task per group of chunks, calls it when the copy is done; the local
     * executors share one task for the whole run and leave this to the runner.
     */
    default void release() {
    }

    /**
     * @return the class whose jar or class folder is trusted when this task's results are read back from
     *     bytes ({@link ShippedResults}): the processor's class for the standard task
     */
    default Class<?> resultOwner() {
        return getClass();
    }
}
