package org.crema.processor.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.crema.processor.Accumulator;
import org.crema.processor.Chunk;
import org.crema.processor.ProcessorException;

/**
 * Runs chunks on a pool of platform threads (default: one per core). Each chunk gets its own result;
 * finished results wait in a buffer until every earlier chunk has been merged, so the merge is the
 * same chunk-order fold as {@link IterativeExecutor} and results do not depend on the thread count.
 * At most {@code window} chunks are scheduled beyond the last merged one, which bounds both the
 * columns in memory (only {@code threads} chunks run at once) and the buffered results.
 */
public final class MultiThreadedExecutor implements ChunkExecutor {
    private final int threads;
    private final int window;

    /**
     * @param threads worker threads, at least 1
     * @param window chunks scheduled beyond the last merged one, at least {@code threads}
     */
    public MultiThreadedExecutor(int threads, int window) {
        if (threads < 1 || window < threads) {
            throw new IllegalArgumentException("need threads >= 1 and window >= threads, got threads=" + threads
                    + ", window=" + window);
        }
        this.threads = threads;
        this.window = window;
    }

    /** @param threads worker threads; the window is 4 × threads */
    public MultiThreadedExecutor(int threads) {
        this(threads, 4 * threads);
    }

    @Override
    public String name() {
        return "threads(" + threads + ")";
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <A extends Accumulator<A>> A execute(List<Chunk> chunks, ChunkTask<A> task,
            Consumer<ChunkOutcome<A>> observer) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "crema-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, tf);
        try {
            CompletionService<Map.Entry<Integer, ChunkOutcome<A>>> cs = new ExecutorCompletionService<>(pool);
            Map<Integer, ChunkOutcome<A>> done = new HashMap<>();
            A acc = null;
            int next = 0;
            int merged = 0;
            while (merged < chunks.size()) {
                while (next < chunks.size() && next < merged + window) {
                    int index = next++;
                    Chunk c = chunks.get(index);
                    cs.submit(() -> {
                        try {
                            return Map.entry(index, task.run(c));
                        } catch (RuntimeException | Error e) {
                            throw new WorkerError(c, e);
                        }
                    });
                }
                Map.Entry<Integer, ChunkOutcome<A>> o;
                try {
                    o = cs.take().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProcessorException("interrupted while waiting for chunks", e);
                } catch (ExecutionException e) {
                    // ChunkTask catches chunk failures; reaching here is an Error or a bug in the task.
                    if (e.getCause() instanceof WorkerError w) {
                        throw w;
                    }
                    throw new ProcessorException("a worker thread failed: " + e.getCause(), e.getCause());
                }
                observer.accept(o.getValue());
                done.put(o.getKey(), o.getValue());
                while (done.containsKey(merged)) {
                    ChunkOutcome<A> m = done.remove(merged);
                    if (m.result() != null) {
                        acc = acc == null ? m.result() : acc.merge(m.result());
                    }
                    merged++;
                }
            }
            return acc;
        } finally {
            pool.shutdownNow();
        }
    }
}
