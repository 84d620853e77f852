package org.crema.processor.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-event weights of one chunk: named factors whose product is the event weight, each with optional
 * up/down variations (coffea's {@code Weights}).
 *
 * <ul>
 *   <li>{@link #add(String, double[])}: a factor without variations (e.g. {@code genWeight});</li>
 *   <li>{@link #add(String, double[], double[], double[])}: a factor with variations named
 *       {@code nameUp} and {@code nameDown};</li>
 *   <li>{@link #addMultiVariation}: a factor with several sources, named {@code name_sourceUp} /
 *       {@code name_sourceDown} (e.g. b-tag SF components).</li>
 * </ul>
 * Variation values are the varied <em>factor</em> (not a ratio): {@link #weight(String)} is the
 * product of every nominal factor with the varied one replaced. Products are taken in the order the
 * factors were added, so results are reproducible bit for bit.
 *
 * <p>Not thread-safe; one chunk is processed by one thread.
 */
public final class Weights {
    private final int size;
    private final LinkedHashMap<String, double[]> nominal = new LinkedHashMap<>();
    private final LinkedHashMap<String, Variation> variations = new LinkedHashMap<>();
    private double[] total;

    private record Variation(String factor, double[] values) {
    }

    /**
     * Statistics of one factor over the chunk's events.
     *
     * @param entries number of events
     * @param sum Σ factor
     * @param sumSquares Σ factor²
     * @param min smallest value ({@code +Inf} if no events)
     * @param max largest value ({@code -Inf} if no events)
     */
    public record Statistics(long entries, double sum, double sumSquares, double min, double max) {
        /** @return the mean, or NaN for no events */
        public double mean() {
            return entries == 0 ? Double.NaN : sum / entries;
        }
    }

    /** @param size number of events every weight array must have */
    public Weights(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        this.size = size;
    }

    /** @return number of events */
    public int size() {
        return size;
    }

    /**
     * @param name factor name
     * @param values one value per event (not copied: do not modify afterwards)
     * @return this
     */
    public Weights add(String name, double[] values) {
        check(name, values, "nominal");
        if (variations.containsKey(name)) {
            throw new IllegalArgumentException("weight '" + name + "' clashes with a variation of that name");
        }
        nominal.put(name, values);
        total = null;
        return this;
    }

    /**
     * @param name factor name; its variations are {@code nameUp} and {@code nameDown}
     * @param values nominal factor per event
     * @param up factor per event for the up variation
     * @param down factor per event for the down variation
     * @return this
     */
    public Weights add(String name, double[] values, double[] up, double[] down) {
        add(name, values);
        addVariation(name, name + "Up", up);
        addVariation(name, name + "Down", down);
        return this;
    }

    /**
     * A factor with several independent sources of uncertainty.
     *
     * @param name factor name
     * @param values nominal factor per event
     * @param sources source names, e.g. {@code hf}, {@code lf}
     * @param ups one array per source: the factor for {@code name_sourceUp}
     * @param downs one array per source: the factor for {@code name_sourceDown}
     * @return this
     */
    public Weights addMultiVariation(String name, double[] values, List<String> sources, List<double[]> ups,
            List<double[]> downs) {
        if (sources.size() != ups.size() || sources.size() != downs.size()) {
            throw new IllegalArgumentException("weight '" + name + "' needs one up and one down array per source: "
                    + sources.size() + " sources, " + ups.size() + " ups, " + downs.size() + " downs");
        }
        add(name, values);
        for (int i = 0; i < sources.size(); i++) {
            addVariation(name, name + "_" + sources.get(i) + "Up", ups.get(i));
            addVariation(name, name + "_" + sources.get(i) + "Down", downs.get(i));
        }
        return this;
    }

    private void addVariation(String factor, String variation, double[] values) {
        check(variation, values, "variation");
        if (variations.containsKey(variation) || nominal.containsKey(variation)) {
            throw new IllegalArgumentException("variation '" + variation + "' already exists");
        }
        variations.put(variation, new Variation(factor, values));
    }

    private void check(String name, double[] values, String what) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, name);
        if (values.length != size) {
            throw new IllegalArgumentException(what + " weight '" + name + "' must have " + size
                    + " entries, got " + values.length);
        }
        if (what.equals("nominal") && nominal.containsKey(name)) {
            throw new IllegalArgumentException("weight '" + name + "' was already added; weights are "
                    + nominal.keySet());
        }
    }

    /**
     * A factor given as a column (any numeric type, e.g. {@code Columns.constant(n, 1.0)} or a float
     * scale factor per event); see {@link #add(String, double[])}.
     *
     * @param name factor name
     * @param values one value per event
     * @return this
     */
    public Weights add(String name, org.crema.columnar.PrimitiveColumn values) {
        return add(name, values.toDouble().toArray());
    }

    /**
     * A factor with up and down variations given as columns; see {@link #add(String, double[], double[], double[])}.
     *
     * @param name factor name
     * @param values nominal value per event
     * @param up up variation per event
     * @param down down variation per event
     * @return this
     */
    public Weights add(String name, org.crema.columnar.PrimitiveColumn values, org.crema.columnar.PrimitiveColumn up,
            org.crema.columnar.PrimitiveColumn down) {
        return add(name, values.toDouble().toArray(), up.toDouble().toArray(), down.toDouble().toArray());
    }

    /** @return factor names in the order added */
    public List<String> names() {
        return List.copyOf(nominal.keySet());
    }

    /** @return every variation name ({@code nameUp}, {@code nameDown}, …) in the order added */
    public List<String> variations() {
        return List.copyOf(variations.keySet());
    }

    /**
     * @return the nominal event weight: product of every factor (1 when there are none); a shared
     *     array, do not modify
     */
    public double[] weight() {
        if (total == null) {
            total = product(Set.of(), null, null);
        }
        return total;
    }

    /**
     * @param variation a variation name from {@link #variations()}, or {@code nominal} / {@code null}
     * @return the event weight with that factor varied (a new array)
     */
    public double[] weight(String variation) {
        if (variation == null || variation.equals("nominal")) {
            return weight().clone();
        }
        Variation v = variations.get(variation);
        if (v == null) {
            throw new IllegalArgumentException("no weight variation '" + variation + "'; variations are "
                    + variations.keySet());
        }
        return product(Set.of(), v.factor, v.values);
    }

    /**
     * The event weight of a variation without some factors, e.g. for a category that a lepton
     * scale factor does not apply to. A variation of a left-out factor gives the nominal product
     * of the others.
     *
     * @param variation a variation name from {@link #variations()}, or {@code nominal} / {@code null}
     * @param exclude factors to leave out
     * @return the product per event (a new array)
     */
    public double[] weight(String variation, Collection<String> exclude) {
        for (String n : exclude) {
            requireFactor(n);
        }
        Set<String> skip = new LinkedHashSet<>(exclude);
        if (variation == null || variation.equals("nominal")) {
            return product(skip, null, null);
        }
        Variation v = variations.get(variation);
        if (v == null) {
            throw new IllegalArgumentException("no weight variation '" + variation + "'; variations are "
                    + variations.keySet());
        }
        return product(skip, v.factor, v.values);
    }

    /**
     * A partial product, e.g. every weight except the b-tag SF.
     *
     * @param include factors to multiply; empty means all
     * @param exclude factors to leave out
     * @return the product per event (a new array)
     */
    public double[] partialWeight(Collection<String> include, Collection<String> exclude) {
        for (String n : include) {
            requireFactor(n);
        }
        for (String n : exclude) {
            requireFactor(n);
        }
        Set<String> skip = new LinkedHashSet<>(exclude);
        if (!include.isEmpty()) {
            for (String n : nominal.keySet()) {
                if (!include.contains(n)) {
                    skip.add(n);
                }
            }
        }
        return product(skip, null, null);
    }

    private void requireFactor(String n) {
        if (!nominal.containsKey(n)) {
            throw new IllegalArgumentException("no weight '" + n + "'; weights are " + nominal.keySet());
        }
    }

    private double[] product(Set<String> skip, String replaced, double[] replacement) {
        double[] out = new double[size];
        java.util.Arrays.fill(out, 1.0);
        for (Map.Entry<String, double[]> e : nominal.entrySet()) {
            if (skip.contains(e.getKey())) {
                continue;
            }
            double[] f = e.getKey().equals(replaced) ? replacement : e.getValue();
            for (int i = 0; i < size; i++) {
                out[i] *= f[i];
            }
        }
        return out;
    }

    /** @return per-factor statistics (nominal values), in the order added */
    public Map<String, Statistics> statistics() {
        Map<String, Statistics> out = new LinkedHashMap<>();
        nominal.forEach((name, v) -> out.put(name, stats(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Statistics stats(double[] v) {
        double s = 0;
        double s2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            s += x;
            s2 += x * x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new Statistics(v.length, s, s2, min, max);
    }

    /** @return variation names grouped by the factor they vary */
    public Map<String, List<String>> variationsByFactor() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        variations.forEach((name, v) -> out.computeIfAbsent(v.factor, k -> new ArrayList<>()).add(name));
        return out;
    }
}
