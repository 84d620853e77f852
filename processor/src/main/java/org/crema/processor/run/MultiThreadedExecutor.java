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
import org.crema.processor.Chunk;
import org.crema.processor.ProcessorException;
import org.crema.processor.accumulate.Accumulator;

/**
 * Runs chunks on a pool of platform threads (default: one per core). Each chunk gets its own result;
 * finished results wait in a buffer until every earlier chunk has been merged, so the merge is the
 * same chunk-order fold as {@link IterativeExecutor} and results do not depend on the thread count.
 * At most {@code window} chunks are scheduled beyond the last merged one, which bounds the buffered
 * results.
 *
 * <p><b>Memory.</b> Chunks are admitted by their expected retained bytes against a budget (by default
 * half the maximum heap, {@link #defaultMemoryBudget()}): every finished chunk reports the bytes of the
 * columns it held ({@link ChunkOutcome#retainedBytes()}), the executor keeps the largest bytes per
 * entry seen so far, and a chunk is scheduled only while the chunks in flight, at that rate, fit in the
 * budget. One chunk is always allowed, so a run progresses even when a single chunk exceeds the budget.
 * Until the first chunk has reported, at most {@code threads} are in flight. Memory in use therefore
 * follows the size of the chunks, never the number of files or chunks in the run.
 */
public final class MultiThreadedExecutor implements ChunkExecutor {
    private final int threads;
    private final int window;
    private final long memoryBudget;
    private volatile long peakAdmittedBytes;
    private volatile int peakMeasuredInFlight;

    /**
     * @param threads worker threads, at least 1
     * @param window chunks scheduled beyond the last merged one, at least {@code threads}
     */
    public MultiThreadedExecutor(int threads, int window) {
        this(threads, window, defaultMemoryBudget());
    }

    /**
     * @param threads worker threads, at least 1
     * @param window chunks scheduled beyond the last merged one, at least {@code threads}
     * @param memoryBudget bytes the columns of the chunks in flight may hold together, at least 1
     */
    public MultiThreadedExecutor(int threads, int window, long memoryBudget) {
        if (threads < 1 || window < threads || memoryBudget < 1) {
            throw new IllegalArgumentException("need threads >= 1, window >= threads and memoryBudget >= 1, got"
                    + " threads=" + threads + ", window=" + window + ", memoryBudget=" + memoryBudget);
        }
        this.threads = threads;
        this.window = window;
        this.memoryBudget = memoryBudget;
    }

    /** @param threads worker threads; the window is 4 × threads, the budget {@link #defaultMemoryBudget()} */
    public MultiThreadedExecutor(int threads) {
        this(threads, 4 * threads);
    }

    /**
     * Half the maximum heap ({@code -Xmx}): the other half is left for the accumulators, the decoded
     * baskets' transient buffers and the garbage collector's headroom.
     *
     * @return the default budget in bytes
     */
    public static long defaultMemoryBudget() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /** @return the budget for the columns of the chunks in flight, in bytes */
    public long memoryBudget() {
        return memoryBudget;
    }

    /**
     * @return the most chunks in flight at once during the last {@link #execute} once chunk sizes were
     *     measured (the admissions the budget decided)
     */
    public int peakMeasuredInFlight() {
        return peakMeasuredInFlight;
    }

    /** @return the largest expected bytes in flight at once during the last {@link #execute} */
    public long peakAdmittedBytes() {
        return peakAdmittedBytes;
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
            Accumulator.Fold<A> acc = null;
            int next = 0;
            int merged = 0;
            Map<Integer, Long> admitted = new HashMap<>(); // in flight: index → expected bytes
            long inFlightBytes = 0;
            double bytesPerEntry = -1; // unknown until a chunk reports
            peakAdmittedBytes = 0;
            peakMeasuredInFlight = 0;
            while (merged < chunks.size()) {
                while (next < chunks.size() && next < merged + window) {
                    Chunk c = chunks.get(next);
                    long expected = bytesPerEntry < 0 ? 0 : (long) Math.ceil(bytesPerEntry * c.entries());
                    boolean fits = bytesPerEntry < 0 ? admitted.size() < threads
                            : inFlightBytes + expected <= memoryBudget;
                    if (!fits && !admitted.isEmpty()) {
                        break;
                    }
                    int index = next++;
                    admitted.put(index, expected);
                    inFlightBytes += expected;
                    peakAdmittedBytes = Math.max(peakAdmittedBytes, inFlightBytes);
                    if (bytesPerEntry >= 0) {
                        peakMeasuredInFlight = Math.max(peakMeasuredInFlight, admitted.size());
                    }
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
                inFlightBytes -= admitted.remove(o.getKey());
                ChunkOutcome<A> finished = o.getValue();
                if (finished.retainedBytes() > 0) {
                    bytesPerEntry = Math.max(bytesPerEntry,
                            finished.retainedBytes() / (double) Math.max(1, finished.chunk().entries()));
                }
                observer.accept(o.getValue());
                done.put(o.getKey(), o.getValue());
                while (done.containsKey(merged)) {
                    ChunkOutcome<A> m = done.remove(merged);
                    if (m.result() != null) {
                        if (acc == null) {
                            acc = m.result().fold();
                        } else {
                            acc.add(m.result());
                        }
                    }
                    merged++;
                }
            }
            return acc == null ? null : acc.result();
        } finally {
            pool.shutdownNow();
        }
    }
}
