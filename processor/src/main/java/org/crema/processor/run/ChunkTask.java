package org.crema.processor.run;

import java.io.Serializable;
import org.crema.processor.Accumulator;
import org.crema.processor.Chunk;

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
}
