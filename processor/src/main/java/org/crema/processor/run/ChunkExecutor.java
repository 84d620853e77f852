package org.crema.processor.run;

import java.util.List;
import java.util.function.Consumer;
import org.crema.processor.accumulate.Accumulator;

/**
 * Runs chunk tasks and merges their results. Named {@code ChunkExecutor} so as not to clash with
 * {@link java.util.concurrent.Executor}.
 *
 * <p><b>Contract</b>, so that every executor gives the same answer:
 * <ul>
 *   <li>results are merged in <em>chunk order</em> as a left fold {@code ((r0 ⊕ r1) ⊕ r2) ⊕ …}
 *       over the successful chunks, whatever order they finish in; floating-point sums are therefore
 *       identical for any number of threads;</li>
 *   <li>{@code observer} is called once per chunk, on the calling thread, in completion order
 *       (progress, metrics, failure policy); if it throws, the executor stops scheduling chunks,
 *       cancels what it can and rethrows;</li>
 *   <li>the number of chunks whose columns are in memory at once is bounded by the executor's
 *       parallelism, and unmerged results by its in-flight window, independent of the number of files;</li>
 *   <li>a task that throws (an {@link Error} such as {@link OutOfMemoryError}) ends the execution with a
 *       {@link WorkerError} naming its chunk.</li>
 * </ul>
 * A distributed executor (e.g. on Apache Spark) implements the same method: it ships the
 * {@link ChunkTask} (serializable: it holds the processor, the input provider and the checkpoint
 * folder) to workers, collects the {@link ChunkOutcome}s and folds them in chunk order on the driver.
 * Processors and accumulators need no change.
 */
public interface ChunkExecutor {

    /** @return a short name for output metadata, e.g. {@code iterative} or {@code threads(8)} */
    String name();

    /** @return number of chunks processed concurrently */
    int parallelism();

    /**
     * @param chunks chunks in plan order
     * @param task what to run per chunk
     * @param observer called per finished chunk on the calling thread
     * @param <A> accumulator type
     * @return the chunk-order fold of every successful result, or {@code null} if none succeeded
     */
    <A extends Accumulator<A>> A execute(List<org.crema.processor.Chunk> chunks, ChunkTask<A> task,
            Consumer<ChunkOutcome<A>> observer);

    /**
     * A chunk task threw instead of returning an outcome — an {@link Error} such as
     * {@link OutOfMemoryError}, or a bug in the task — carried with the chunk it was running so the
     * runner can name it. Executors throw this from {@link #execute}.
     */
    final class WorkerError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient org.crema.processor.Chunk chunk;

        /**
         * @param chunk the chunk being run
         * @param cause what the task threw
         */
        public WorkerError(org.crema.processor.Chunk chunk, Throwable cause) {
            super(chunk.describe() + ": " + cause, cause, false, false);
            this.chunk = chunk;
        }

        /** @return the chunk being run */
        public org.crema.processor.Chunk chunk() {
            return chunk;
        }
    }
}
