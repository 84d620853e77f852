package org.crema.processor.accumulate;

import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How each simulated dataset was scaled in post-processing: {@code factor = luminosity × xsec / Σw},
 * and which simulated datasets were left unscaled and why. Recorded in the output so the scaling is
 * applied exactly once, can be undone, and is never missing silently. Merge is the union; a dataset
 * present in both must have the same entry.
 */
public final class Normalisation implements Accumulator<Normalisation>, JsonExportable {
    private static final long serialVersionUID = 2L;
    private static final Normalisation EMPTY = new Normalisation(new TreeMap<>(), new TreeMap<>());
    private final TreeMap<String, Entry> entries;
    private final TreeMap<String, String> unscaled;

    /**
     * @param luminosity integrated luminosity in pb⁻¹ used for the dataset's year
     * @param xsec cross-section in pb
     * @param sumGenWeights Σ genWeight before any cut (from the Runs tree when available)
     * @param factor {@code luminosity × xsec / sumGenWeights}, applied to the dataset's histograms
     */
    public record Entry(double luminosity, double xsec, double sumGenWeights, double factor) implements Serializable {
    }

    private Normalisation(TreeMap<String, Entry> entries, TreeMap<String, String> unscaled) {
        this.entries = entries;
        this.unscaled = unscaled;
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
        TreeMap<String, String> u = new TreeMap<>(unscaled);
        u.remove(dataset);
        return new Normalisation(m, u);
    }

    /**
     * @param dataset a simulated dataset left unscaled
     * @param reason why, e.g. {@code no "xsec" in its metadata}
     * @return a new accumulator recording it
     */
    public Normalisation withUnscaled(String dataset, String reason) {
        TreeMap<String, Entry> m = new TreeMap<>(entries);
        m.remove(dataset);
        TreeMap<String, String> u = new TreeMap<>(unscaled);
        u.put(dataset, reason);
        return new Normalisation(m, u);
    }

    /** @return simulated dataset → why its histograms were not scaled, sorted */
    public SortedMap<String, String> unscaled() {
        return Collections.unmodifiableSortedMap(unscaled);
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
        TreeMap<String, String> u = new TreeMap<>(unscaled);
        other.unscaled.forEach((k, v) -> u.merge(k, v, (a, b) -> {
            if (!a.equals(b)) {
                throw new AccumulatorMergeException("dataset '" + k + "' was left unscaled for two reasons: " + a
                        + " and " + b);
            }
            return a;
        }));
        for (String k : u.keySet()) {
            if (out.containsKey(k)) {
                throw new AccumulatorMergeException("dataset '" + k + "' is both scaled (" + out.get(k)
                        + ") and unscaled (" + u.get(k) + ")");
            }
        }
        return new Normalisation(out, u);
    }

    @Override
    public Normalisation identity() {
        return EMPTY;
    }

    @Override
    public Object toJsonValue() {
        // Scaled datasets keep their entry's fields; unscaled ones say why instead.
        TreeMap<String, Object> m = new TreeMap<>(entries);
        unscaled.forEach((k, v) -> m.put(k, java.util.Map.of("unscaled", v)));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation n && entries.equals(n.entries) && unscaled.equals(n.unscaled);
    }

    @Override
    public int hashCode() {
        return entries.hashCode() * 31 + unscaled.hashCode();
    }
}
