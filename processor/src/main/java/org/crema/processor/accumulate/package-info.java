/**
 * Accumulators: the mergeable results of a chunk ({@link org.crema.processor.accumulate.Accumulator}).
 * Every merge is associative and commutative, and the ones that hold sums of weights hold them exactly,
 * so a run's result does not depend on chunking, worker count or merge order. Accumulators that keep
 * per-event rows order their parts by {@link org.crema.processor.accumulate.ChunkKey}.
 *
 * <p>This package depends on no other package of the processor module: the processor API builds on it.
 */
package org.crema.processor.accumulate;
