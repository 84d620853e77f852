package org.crema.processor.accumulate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crema.hist.ExactSum;

/**
 * Cutflows per (dataset, category, variation): the number of events and Σw after each step. Merge adds
 * step by step; two cutflows with the same key must have the same step names. Keys are kept sorted so
 * that output does not depend on merge order, and Σw is summed exactly, so that it does not depend on
 * the chunking or the merge order either (bit for bit).
 */
public final class Cutflow implements Accumulator<Cutflow> {
    private static final long serialVersionUID = 1L;
    private static final Cutflow EMPTY = new Cutflow(new TreeMap<>());
    private final TreeMap<Key, List<Step>> flows;

    /**
     * @param dataset dataset name
     * @param category category name (steps common to all categories use {@code all})
     * @param variation shape variation, {@code nominal} first
     */
    public record Key(String dataset, String category, String variation) implements Comparable<Key>, Serializable {
        /** Rejects nulls. */
        public Key {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(variation, "variation");
        }

        @Override
        public int compareTo(Key o) {
            int c = dataset.compareTo(o.dataset);
            if (c == 0) {
                c = category.compareTo(o.category);
            }
            // nominal sorts first so tables read naturally
            if (c == 0 && !variation.equals(o.variation)) {
                c = variation.equals("nominal") ? -1 : o.variation.equals("nominal") ? 1 : variation.compareTo(o.variation);
            }
            return c;
        }
    }

    /**
     * One step of a cutflow. Σw is kept {@linkplain ExactSum exactly}, so that cutflows merged from
     * any chunking and in any order have bit-identical {@link #sumw()}: build steps from per-chunk
     * weights with {@link #of(String, long, ExactSum)}; the three-argument constructor takes an
     * already rounded Σw as exact.
     *
     * @param name step name
     * @param events events passing this and every earlier step
     * @param sumw Σ weight of those events, the correctly rounded value of {@code exactSumw}
     * @param exactSumw Σ weight of those events, exact
     */
    public record Step(String name, long events, double sumw,
            // Output files carry the rounded Σw; the exact state is for merging only.
            @JsonIgnore ExactSum exactSumw) implements Serializable {
        /** Checks that {@code sumw} is the rounded {@code exactSumw}. */
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(exactSumw, "exactSumw");
            if (Double.compare(sumw, exactSumw.doubleValue()) != 0) {
                throw new IllegalArgumentException("step '" + name + "': sumw " + sumw
                        + " is not the rounded exact sum " + exactSumw.doubleValue());
            }
        }

        /**
         * @param name step name
         * @param events events passing this and every earlier step
         * @param sumw Σ weight of those events, taken as exact
         */
        public Step(String name, long events, double sumw) {
            this(name, events, sumw, ExactSum.of(sumw));
        }

        /**
         * @param name step name
         * @param events events passing this and every earlier step
         * @param sumw Σ weight of those events, exact (e.g. {@link ExactSum#of(double[],
         *     org.crema.columnar.BoolColumn)})
         * @return the step
         */
        public static Step of(String name, long events, ExactSum sumw) {
            return new Step(name, events, sumw.doubleValue(), sumw);
        }

        Step add(Step o) {
            return of(name, Math.addExact(events, o.events), exactSumw.plus(o.exactSumw));
        }
    }

    private Cutflow(TreeMap<Key, List<Step>> flows) {
        this.flows = flows;
    }

    /** @return the empty cutflow (neutral element) */
    public static Cutflow empty() {
        return EMPTY;
    }

    /**
     * @param key dataset, category, variation
     * @param steps steps in order
     * @return a cutflow with one entry
     */
    public static Cutflow of(Key key, List<Step> steps) {
        return EMPTY.with(key, steps);
    }

    /**
     * @param key dataset, category, variation (replaces an existing entry)
     * @param steps steps in order
     * @return a new cutflow with the entry added
     */
    public Cutflow with(Key key, List<Step> steps) {
        TreeMap<Key, List<Step>> copy = new TreeMap<>(flows);
        copy.put(key, List.copyOf(steps));
        return new Cutflow(copy);
    }

    /** @return every entry, sorted by key, read-only */
    public SortedMap<Key, List<Step>> flows() {
        return Collections.unmodifiableSortedMap(flows);
    }

    /**
     * @param dataset dataset
     * @param category category
     * @param variation variation
     * @return the steps, or an empty list if absent
     */
    public List<Step> steps(String dataset, String category, String variation) {
        return flows.getOrDefault(new Key(dataset, category, variation), List.of());
    }

    @Override
    public Cutflow merge(Cutflow other) {
        TreeMap<Key, List<Step>> out = new TreeMap<>(flows);
        other.flows.forEach((k, v) -> out.merge(k, v, (a, b) -> add(k, a, b)));
        return new Cutflow(out);
    }

    private static List<Step> add(Key k, List<Step> a, List<Step> b) {
        if (a.size() != b.size()) {
            throw new AccumulatorMergeException("cutflow " + k + " has steps " + names(a) + " and " + names(b));
        }
        List<Step> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name())) {
                throw new AccumulatorMergeException("cutflow " + k + " has steps " + names(a) + " and " + names(b));
            }
            out.add(a.get(i).add(b.get(i)));
        }
        return List.copyOf(out);
    }

    private static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::name).toList();
    }

    @Override
    public Cutflow identity() {
        return EMPTY;
    }

    /**
     * @return a plain-text table: one block per (dataset, category, variation), one line per step with
     *     events and Σw
     */
    public String table() {
        return table(null);
    }

    /**
     * @param variation only this variation (e.g. {@code nominal}), or {@code null} for all
     * @return a plain-text table: one block per (dataset, category[, variation]), one line per step
     */
    public String table(String variation) {
        StringBuilder sb = new StringBuilder();
        int width = 4;
        for (List<Step> steps : flows.values()) {
            for (Step s : steps) {
                width = Math.max(width, s.name().length());
            }
        }
        for (var e : flows.entrySet()) {
            Key k = e.getKey();
            if (variation != null && !variation.equals(k.variation())) {
                continue;
            }
            sb.append(k.dataset()).append(" / ").append(k.category()).append(" / ").append(k.variation()).append('\n');
            sb.append(String.format("  %-" + width + "s %12s %16s%n", "step", "events", "sum of weights"));
            for (Step s : e.getValue()) {
                sb.append(String.format("  %-" + width + "s %12d %16.6g%n", s.name(), s.events(), s.sumw()));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cutflow c && flows.equals(c.flows);
    }

    @Override
    public int hashCode() {
        return flows.hashCode();
    }

    @Override
    public String toString() {
        return "Cutflow" + flows;
    }
}
