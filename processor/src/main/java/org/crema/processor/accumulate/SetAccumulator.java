package org.crema.processor.accumulate;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of values (e.g. the run numbers seen, the files read). Merge is the union: exactly
 * associative and commutative. Values are kept sorted so that output does not depend on merge order.
 *
 * @param <T> element type; comparable and serializable (String, Long, records of those, …)
 */
public final class SetAccumulator<T extends Comparable<? super T> & Serializable>
        implements Accumulator<SetAccumulator<T>> {
    private static final long serialVersionUID = 1L;
    private final TreeSet<T> values;

    private SetAccumulator(TreeSet<T> values) {
        this.values = values;
    }

    /**
     * @param values the elements (copied)
     * @param <T> element type
     * @return a set accumulator holding them
     */
    public static <T extends Comparable<? super T> & Serializable> SetAccumulator<T> of(Collection<? extends T> values) {
        return new SetAccumulator<T>(new TreeSet<T>(values));
    }

    /**
     * @param <T> element type
     * @return the empty set
     */
    public static <T extends Comparable<? super T> & Serializable> SetAccumulator<T> empty() {
        return new SetAccumulator<T>(new TreeSet<T>());
    }

    /** @return the elements, sorted, read-only */
    public SortedSet<T> values() {
        return Collections.unmodifiableSortedSet(values);
    }

    @Override
    public SetAccumulator<T> merge(SetAccumulator<T> other) {
        TreeSet<T> union = new TreeSet<>(values);
        union.addAll(other.values);
        return new SetAccumulator<>(union);
    }

    @Override
    public SetAccumulator<T> identity() {
        return empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetAccumulator<?> s && values.equals(s.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "SetAccumulator" + values;
    }
}
