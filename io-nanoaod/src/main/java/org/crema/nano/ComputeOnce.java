package org.crema.nano;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/** Columns of an event table are computed once per key: concurrent callers wait for the first and share its result. */
final class ComputeOnce {
    private ComputeOnce() {
    }

    /**
     * @param cache the table's results by key; a failed computation is removed, so a later call retries
     * @param key what is computed
     * @param compute computes it (runs on the first caller's thread)
     * @return the shared result
     */
    static <T> T get(Map<String, FutureTask<T>> cache, String key, Supplier<T> compute) {
        FutureTask<T> task = cache.get(key);
        if (task == null) {
            FutureTask<T> fresh = new FutureTask<>(compute::get);
            task = cache.putIfAbsent(key, fresh);
            if (task == null) {
                task = fresh;
                fresh.run();
            }
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            cache.remove(key, task);
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + key, e);
        }
    }
}
