package org.crema.benchmarks.io;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What one benchmark pass cost besides wall-clock time, in measures a shared machine's load does
 * not inflate: bytes allocated on the Java heap by all threads, collector runs and their time, CPU
 * time of the calling thread and of the whole process (which includes the pool's threads, the
 * collector's and the JIT's).
 *
 * @param wallNanos elapsed time
 * @param threadCpuNanos CPU time of the thread that ran the pass
 * @param processCpuNanos CPU time of the whole JVM process
 * @param allocatedBytes heap bytes allocated by all live threads
 * @param gcCount collections (all collectors)
 * @param gcMillis accumulated collection time reported by the collectors (for G1's young and mixed
 *     collections this is their pause time)
 */
record PassCost(long wallNanos, long threadCpuNanos, long processCpuNanos, long allocatedBytes, long gcCount,
        long gcMillis) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * Runs {@code pass} and measures it.
     *
     * @param pass the work
     * @return its cost
     */
    static PassCost of(Runnable pass) {
        long[] gc0 = gc();
        long alloc0 = THREADS.getTotalThreadAllocatedBytes();
        long proc0 = OS.getProcessCpuTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        pass.run();
        long wall = System.nanoTime() - wall0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long proc = OS.getProcessCpuTime() - proc0;
        long alloc = THREADS.getTotalThreadAllocatedBytes() - alloc0;
        long[] gc1 = gc();
        return new PassCost(wall, cpu, proc, alloc, gc1[0] - gc0[0], gc1[1] - gc0[1]);
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
