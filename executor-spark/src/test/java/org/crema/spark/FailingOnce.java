package org.crema.spark;

import org.apache.spark.TaskContext;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;

/**
 * Runs another processor, but on the first {@code attempts} Spark attempts at one chunk it fails the task: with an
 * {@link Error} (which the chunk task lets through, so Spark retries the task) or, on a cluster, by halting
 * the executor's JVM (a lost executor). Later attempts, and runs outside Spark, compute normally.
 */
record FailingOnce(Processor<AccumulatorMap> inner, int chunkIndex, int attempts, boolean haltExecutor)
        implements Processor<AccumulatorMap> {

    /** Thrown to fail a Spark task from inside the processor. */
    static final class InjectedFailure extends Error {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    @Override
    public AccumulatorMap process(Events events) {
        TaskContext tc = TaskContext.get();
        if (tc != null && tc.attemptNumber() < attempts && events.chunk().index() == chunkIndex) {
            if (haltExecutor) {
                Runtime.getRuntime().halt(17);
            }
            throw new InjectedFailure("injected failure of chunk " + chunkIndex + " on attempt " + tc.attemptNumber());
        }
        return inner.process(events);
    }

    @Override
    public AccumulatorMap postprocess(AccumulatorMap merged) {
        return inner.postprocess(merged);
    }

    @Override
    public AccumulatorMap empty() {
        return inner.empty();
    }
}
