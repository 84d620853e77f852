package org.crema.processor;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.crema.processor.accumulate.Accumulator;

/**
 * An analysis: turns the events of one chunk into an accumulator, and post-processes the merged
 * result once at the end (coffea's {@code ProcessorABC}).
 *
 * <p><b>Contract.</b> {@link #process} is called once per chunk, possibly on many threads at once
 * and, with a distributed executor, on other machines: it must not keep per-chunk state in fields
 * and must not depend on the order of chunks. The executors create one result per chunk and merge
 * them in chunk order, so the output does not depend on the number of threads. A processor is
 * {@link Serializable} so a distributed executor can ship it to workers; its fields must therefore be
 * serializable configuration (cut values, correction file paths), not open files or caches (mark
 * those {@code transient} and build them lazily). The serialized form also fingerprints
 * checkpoints: changing a field invalidates old per-chunk results.
 *
 * @param <A> the accumulator type returned per chunk
 */
public interface Processor<A extends Accumulator<A>> extends Serializable {

    /**
     * Processes one chunk.
     *
     * @param events lazy view of the chunk's events with dataset metadata, file and entry range
     * @return this chunk's partial result
     */
    A process(Events events);

    /**
     * Called once with the merged result of every chunk (e.g. to scale MC to luminosity).
     *
     * @param merged the merge of every chunk's result
     * @return the final result; the default returns {@code merged} unchanged
     */
    default A postprocess(A merged) {
        return merged;
    }

    /**
     * Writes files of this processor's own beside a run's results (resolved parameters, saved columns),
     * called by the runner after {@link #postprocess} and before the output's manifest, so that they
     * belong to the one result set: a folder whose manifest exists has them all.
     *
     * @param result the post-processed result
     * @param dir the output folder
     * @return path relative to {@code dir} ('/'-separated) → file written; the default writes none
     */
    default SequencedMap<String, Path> writeFiles(A result, Path dir) {
        return new LinkedHashMap<>();
    }

    /**
     * @return the result of a run with no chunks; the default is {@code null}, meaning the runner
     *     reports an empty run instead of calling {@link #postprocess}
     */
    default A empty() {
        return null;
    }
}
