package org.crema.processor.accumulate;

/**
 * An exact integer count (events, objects, chunks). Merge adds; exactly associative and commutative.
 *
 * @param value the count
 */
public record Counter(long value) implements Accumulator<Counter> {

    /** The neutral element. */
    public static final Counter ZERO = new Counter(0);

    /**
     * @param value the count
     * @return a counter holding it
     */
    public static Counter of(long value) {
        return new Counter(value);
    }

    @Override
    public Counter merge(Counter other) {
        return new Counter(Math.addExact(value, other.value));
    }

    @Override
    public Counter identity() {
        return ZERO;
    }
}
