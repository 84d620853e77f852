package org.crema.processor;

import java.io.Serializable;

/**
 * A partial result that can be combined with another of the same kind: histograms, cutflows,
 * counters, sets, column lists and named maps of those.
 *
 * <p>Contract (the JDK {@code Collector} contract, checked by property tests for every
 * implementation in this package):
 * <ul>
 *   <li>{@link #merge} is <b>pure</b>: it returns a new accumulator and leaves both operands
 *       unchanged, so a partial result can be merged more than once (checkpoints, retries);</li>
 *   <li>it is <b>associative</b> and <b>commutative</b> — exactly for integer counts, and up to
 *       floating-point rounding for sums of weights; the executors always merge chunk results in chunk
 *       order so that the rounding, too, does not depend on the number of threads;</li>
 *   <li>{@link #identity()} is a neutral element: {@code a.merge(a.identity())} equals {@code a}.</li>
 * </ul>
 *
 * <p>Accumulators are {@link Serializable}: executors checkpoint per-chunk results with Java
 * serialization and a distributed executor ships them between machines the same way.
 *
 * @param <A> the implementing type (self type)
 */
public interface Accumulator<A extends Accumulator<A>> extends Serializable {

    /**
     * Combines this with {@code other}.
     *
     * @param other an accumulator of the same kind; must not be {@code null}
     * @return a new accumulator holding both contents; neither operand is modified
     * @throws AccumulatorMergeException if the two cannot be combined (different binning, different
     *     cutflow steps, …)
     */
    A merge(A other);

    /** @return an empty accumulator that is neutral for {@link #merge} */
    A identity();
}
