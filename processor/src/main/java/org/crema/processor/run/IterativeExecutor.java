package org.crema.processor.run;

import java.util.List;
import java.util.function.Consumer;
import org.crema.processor.Chunk;
import org.crema.processor.accumulate.Accumulator;

/** Runs chunks one after another on the calling thread: for debugging (stack traces, breakpoints). */
public final class IterativeExecutor implements ChunkExecutor {

    /** Creates the executor. */
    public IterativeExecutor() {
    }

    @Override
    public String name() {
        return "iterative";
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    public <A extends Accumulator<A>> A execute(List<Chunk> chunks, ChunkTask<A> task,
            Consumer<ChunkOutcome<A>> observer) {
        Accumulator.Fold<A> acc = null;
        for (Chunk c : chunks) {
            ChunkOutcome<A> o;
            try {
                o = task.run(c);
            } catch (RuntimeException | Error e) {
                throw new WorkerError(c, e);
            }
            observer.accept(o);
            if (o.result() != null) {
                if (acc == null) {
                    acc = o.result().fold();
                } else {
                    acc.add(o.result());
                }
            }
        }
        return acc == null ? null : acc.result();
    }
}
