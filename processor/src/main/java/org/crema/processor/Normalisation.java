package org.crema.processor;

import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How each simulated dataset was scaled in post-processing: {@code factor = luminosity × xsec / Σw}.
 * Recorded in the output so the scaling is applied exactly once and can be undone. Merge is the
 * union; a dataset present in both must have the same entry.
 */
public final class Normalisation implements Accumulator<Normalisation>, JsonExportable {
    private static final long serialVersionUID = 1L;
    private static final Normalisation EMPTY = new Normalisation(new TreeMap<>());
    private final TreeMap<String, Entry> entries;

    /**
     * @param luminosity integrated luminosity in pb⁻¹ used for the dataset's year
     * @param xsec cross-section in pb
     * @param sumGenWeights Σ genWeight before any cut (from the Runs tree when available)
     * @param factor {@code luminosity × xsec / sumGenWeights}, applied to the dataset's histograms
     */
    public record Entry(double luminosity, double xsec, double sumGenWeights, double factor) implements Serializable {
    }

    private Normalisation(TreeMap<String, Entry> entries) {
        this.entries = entries;
    }

    /** @return no entries */
    public static Normalisation empty() {
        return EMPTY;
    }

    /**
     * @param dataset dataset name
     * @param entry its normalisation
     * @return a new accumulator with the entry added
     */
    public Normalisation with(String dataset, Entry entry) {
        TreeMap<String, Entry> m = new TreeMap<>(entries);
        m.put(dataset, entry);
        return new Normalisation(m);
    }

    /** @return dataset → entry, sorted */
    public SortedMap<String, Entry> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    @Override
    public Normalisation merge(Normalisation other) {
        TreeMap<String, Entry> out = new TreeMap<>(entries);
        other.entries.forEach((k, v) -> out.merge(k, v, (a, b) -> {
            if (!a.equals(b)) {
                throw new AccumulatorMergeException("dataset '" + k + "' was normalised twice differently: " + a
                        + " and " + b);
            }
            return a;
        }));
        return new Normalisation(out);
    }

    @Override
    public Normalisation identity() {
        return EMPTY;
    }

    @Override
    public Object toJsonValue() {
        return new TreeMap<>(entries);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation n && entries.equals(n.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
