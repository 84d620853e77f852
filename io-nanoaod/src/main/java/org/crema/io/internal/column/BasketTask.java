package org.crema.io.internal.column;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;

/**
 * One basket's work (fetch, decompress, maybe convert), handed to an executor and also run by the
 * thread that needs its result if no executor thread has started it yet. The waiting thread
 * therefore never idles on work queued behind it: a read on a bounded pool whose threads all wait
 * for basket tasks (the Runner's workers reading their chunks on the Runner's own pool) cannot
 * deadlock, and with {@code Runnable::run} the work runs on the calling thread at submission.
 *
 * @param <T> the task's result
 */
final class BasketTask<T> {
    private final FutureTask<T> task;
    private final long seek;

    private BasketTask(Callable<T> work, long seek) {
        this.task = new FutureTask<>(work);
        this.seek = seek;
    }

    /**
     * @param work the basket's work
     * @param seek the basket's file offset (the order in which tasks are best submitted)
     * @param <T> result type
     * @return the task, not yet submitted
     */
    static <T> BasketTask<T> of(Callable<T> work, long seek) {
        return new BasketTask<>(work, seek);
    }

    /** @return the basket's file offset, -1 for a basket stored in the tree record */
    long seek() {
        return seek;
    }

    /**
     * Hands the task to {@code executor}; a refused task is left for {@link #join}.
     *
     * @param executor where the task may run
     */
    void submit(Executor executor) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // run by the thread that joins it
        }
    }

    /**
     * Runs the task here unless it has started elsewhere, then waits for it.
     *
     * @param where context for an unexpected failure
     * @param what what was being done, for an unexpected failure
     * @return its result
     * @throws RootException the task's own error as is; any other failure wrapped with the context
     */
    T join(ErrorContext where, String what) {
        task.run(); // no-op if it has started or finished on another thread
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the task is running on another thread and will finish
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RootException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw where.format(what + ": " + cause, cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
