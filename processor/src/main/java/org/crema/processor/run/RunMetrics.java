package org.crema.processor.run;

import java.io.Serializable;

/**
 * Throughput and cost of a run (the keys follow coffea's {@code savemetrics} and the AGC metrics).
 *
 * @param events input events of the successful chunks
 * @param bytesRead compressed bytes read by the chunks processed in this run
 * @param chunks chunks in the plan
 * @param chunksProcessed chunks computed in this run
 * @param chunksFromCheckpoint chunks whose result was reused from a checkpoint
 * @param chunksFailed chunks (or whole files) that failed
 * @param workers executor parallelism
 * @param wallSeconds wall time of the execution phase (planning excluded)
 * @param planSeconds wall time of the planning pre-pass
 * @param processSeconds sum of per-chunk wall times of the chunks processed in this run
 * @param eventsPerSecond events processed in this run / wall seconds
 * @param eventsPerSecondPerCore events processed in this run / process seconds (rate per worker)
 * @param chunkMillisP50 median chunk time, ms
 * @param chunkMillisP90 90th percentile chunk time, ms
 * @param chunkMillisP99 99th percentile chunk time, ms
 * @param chunkMillisMax slowest chunk, ms
 * @param chunkTimeHistogram the per-chunk time distribution in µs, as a base64 compressed
 *     HdrHistogram ({@code org.HdrHistogram.Histogram.decodeFromCompressedByteBuffer})
 */
public record RunMetrics(long events, long bytesRead, int chunks, int chunksProcessed, int chunksFromCheckpoint,
        int chunksFailed, int workers, double wallSeconds, double planSeconds, double processSeconds,
        double eventsPerSecond, double eventsPerSecondPerCore, double chunkMillisP50, double chunkMillisP90,
        double chunkMillisP99, double chunkMillisMax, String chunkTimeHistogram) implements Serializable {
}
