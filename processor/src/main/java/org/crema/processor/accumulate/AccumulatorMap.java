package org.crema.processor.accumulate;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A named map of accumulators of any kinds (histograms, cutflows, counters, nested maps). Merge takes
 * the union of keys and merges the values of keys present in both, which must be of the same class.
 * Keys are kept sorted so that output does not depend on merge order. Immutable: {@link #with}
 * returns a new map.
 *
 * <pre>{@code
 * AccumulatorMap out = AccumulatorMap.empty()
 *         .with("events", Counter.of(events.size()))
 *         .with("runs", SetAccumulator.of(runNumbers));
 * long n = out.get("events", Counter.class).value();
 * }</pre>
 */
public final class AccumulatorMap implements Accumulator<AccumulatorMap> {
    private static final long serialVersionUID = 1L;
    private static final AccumulatorMap EMPTY = new AccumulatorMap(new TreeMap<>());
    private final TreeMap<String, Accumulator<?>> entries;

    private AccumulatorMap(TreeMap<String, Accumulator<?>> entries) {
        this.entries = entries;
    }

    /** @return the empty map (the neutral element) */
    public static AccumulatorMap empty() {
        return EMPTY;
    }

    /**
     * @param entries name → accumulator (copied)
     * @return a map holding them
     */
    public static AccumulatorMap of(Map<String, ? extends Accumulator<?>> entries) {
        TreeMap<String, Accumulator<?>> copy = new TreeMap<>();
        entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
        return new AccumulatorMap(copy);
    }

    /**
     * @param name key
     * @param value accumulator stored under it (replacing any previous one)
     * @return a new map with the entry
     */
    public AccumulatorMap with(String name, Accumulator<?> value) {
        TreeMap<String, Accumulator<?>> copy = new TreeMap<>(entries);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
        return new AccumulatorMap(copy);
    }

    /**
     * @param name key
     * @param type expected class
     * @param <T> accumulator type
     * @return the value
     * @throws java.util.NoSuchElementException if absent
     * @throws ClassCastException naming both classes if of another type
     */
    public <T extends Accumulator<?>> T get(String name, Class<T> type) {
        Accumulator<?> v = entries.get(name);
        if (v == null) {
            throw new java.util.NoSuchElementException("no accumulator '" + name + "'; keys are " + entries.keySet());
        }
        if (!type.isInstance(v)) {
            throw new ClassCastException("accumulator '" + name + "' is a " + v.getClass().getName() + ", not a "
                    + type.getName());
        }
        return type.cast(v);
    }

    /**
     * @param name key
     * @return the value or {@code null}
     */
    public Accumulator<?> get(String name) {
        return entries.get(name);
    }

    /** @return true if a value is stored under {@code name} */
    public boolean containsKey(String name) {
        return entries.containsKey(name);
    }

    /** @return all entries, sorted by key, read-only */
    public SortedMap<String, Accumulator<?>> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    @Override
    public AccumulatorMap merge(AccumulatorMap other) {
        TreeMap<String, Accumulator<?>> out = new TreeMap<>(entries);
        other.entries.forEach((k, v) -> out.merge(k, v, (a, b) -> mergeValues(k, a, b)));
        return new AccumulatorMap(out);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Accumulator<?> mergeValues(String key, Accumulator<?> a, Accumulator<?> b) {
        if (a.getClass() != b.getClass()) {
            throw new AccumulatorMergeException("cannot merge '" + key + "': " + a.getClass().getName() + " with "
                    + b.getClass().getName());
        }
        return (Accumulator<?>) ((Accumulator) a).merge((Accumulator) b);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Fold<AccumulatorMap> fold() {
        TreeMap<String, Fold> owned = new TreeMap<>();
        entries.forEach((k, v) -> owned.put(k, v.fold()));
        return new Fold<>() {
            @Override
            public void add(AccumulatorMap other) {
                other.entries.forEach((k, v) -> {
                    Fold f = owned.get(k);
                    if (f == null) {
                        owned.put(k, v.fold());
                        return;
                    }
                    Accumulator<?> sample = kinds.get(k);
                    if (sample != null && sample.getClass() != v.getClass()) {
                        throw new AccumulatorMergeException("cannot merge '" + k + "': " + sample.getClass().getName()
                                + " with " + v.getClass().getName());
                    }
                    f.add(v);
                });
                other.entries.forEach(kinds::putIfAbsent);
            }

            private final TreeMap<String, Accumulator<?>> kinds = new TreeMap<>(entries);

            @Override
            public AccumulatorMap result() {
                TreeMap<String, Accumulator<?>> out = new TreeMap<>();
                owned.forEach((k, f) -> out.put(k, (Accumulator<?>) f.result()));
                return new AccumulatorMap(out);
            }
        };
    }

    @Override
    public AccumulatorMap identity() {
        return EMPTY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccumulatorMap m && entries.equals(m.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "AccumulatorMap" + entries;
    }
}
