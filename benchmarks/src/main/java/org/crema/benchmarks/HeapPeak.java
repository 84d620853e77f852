package org.crema.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap use between a {@link #reset()} and a {@link #bytes()}, for the throughput commands' reports. */
public final class HeapPeak {
    private HeapPeak() {}

    /** Collects garbage, then starts a new peak measurement on every heap pool. */
    public static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** @return the sum over heap pools of each pool's peak use since the last {@link #reset()}, in bytes */
    public static long bytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
