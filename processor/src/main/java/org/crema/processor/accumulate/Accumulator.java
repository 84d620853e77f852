package org.crema.processor.accumulate;

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
 *   <li>it is <b>associative</b> and <b>commutative</b>, exactly: counts are integers and every sum
 *       of weights in this package (histogram bins, cutflow Σw, {@link Sum}) is an exact sum read
 *       back correctly rounded, so results are bit-identical for any chunking, thread count or merge
 *       order;</li>
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

    /**
     * Starts a running merge from this accumulator's contents, for executors that combine many
     * partial results: {@link Fold#add} merges into state the fold owns (no copy of the running
     * total per merge, where the type allows it), and {@link Fold#result} hands the total over. The
     * result equals the left fold of {@link #merge}. This accumulator is not modified.
     *
     * @return a new fold holding this accumulator's contents
     */
    @SuppressWarnings("unchecked")
    default Fold<A> fold() {
        A start = (A) this;
        return new Fold<>() {
            private A acc = start;

            @Override
            public void add(A other) {
                acc = acc.merge(other);
            }

            @Override
            public A result() {
                return acc;
            }
        };
    }

    /**
     * A running merge that owns its state; not thread-safe.
     *
     * @param <A> the accumulator type
     */
    interface Fold<A extends Accumulator<A>> {
        /**
         * Merges {@code other} into the running total; {@code other} is neither modified nor retained
         * in a way that later changes could reach.
         *
         * @param other a partial result
         * @throws AccumulatorMergeException as {@link Accumulator#merge} does
         */
        void add(A other);

        /** @return the running total; the fold must not be used after this call */
        A result();
    }
}
