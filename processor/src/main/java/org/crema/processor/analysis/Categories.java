package org.crema.processor.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crema.columnar.BoolColumn;

/**
 * Analysis categories: named event masks built from the cuts of a {@link PackedSelection}. Categories do
 * not remove events; a histogram is filled once per category with that category's events.
 *
 * <ul>
 *   <li>{@link #standard}: each category is the AND of a list of cuts (PocketCoffea's
 *       {@code StandardSelection});</li>
 *   <li>{@link #cartesian}: the product of several multi-cuts, e.g. channel ({@code ee}, {@code mumu})
 *       × b-tag multiplicity ({@code 1b}, {@code 2b}) gives {@code ee_1b}, {@code ee_2b}, …
 *       (PocketCoffea's {@code CartesianSelection}).</li>
 * </ul>
 * Immutable and serializable.
 */
public final class Categories implements Serializable {
    private static final long serialVersionUID = 1L;
    private final LinkedHashMap<String, List<String>> definitions;

    private Categories(LinkedHashMap<String, List<String>> definitions) {
        this.definitions = definitions;
    }

    /**
     * @param categories category name → cuts that must all pass; categories keep the map's order
     *     when it has one ({@code LinkedHashMap}, {@code TreeMap}) and are sorted by name otherwise
     *     ({@code Map.of}), because histogram axes must list them identically in every JVM
     * @return the categories
     */
    public static Categories standard(Map<String, List<String>> categories) {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        ordered(categories).forEach((k, v) -> copy.put(Objects.requireNonNull(k, "category"), List.copyOf(v)));
        return new Categories(copy);
    }

    static <V> Map<String, V> ordered(Map<String, V> m) {
        return m instanceof java.util.SequencedMap<String, V> ? m : new java.util.TreeMap<>(m);
    }

    /**
     * One category holding every event (no cuts).
     *
     * @param name category name, e.g. {@code baseline}
     * @return the categories
     */
    public static Categories single(String name) {
        return standard(Map.of(name, List.of()));
    }

    /**
     * One axis of a cartesian categorisation.
     *
     * @param name axis name, e.g. {@code channel}
     * @param bins label → cut name, e.g. {@code ee → isEE, mumu → isMuMu}; kept in the map's order
     *     when it has one, else sorted by label
     */
    public record MultiCut(String name, Map<String, String> bins) implements Serializable {
        /** Copies the bins, keeping their order. */
        public MultiCut {
            Objects.requireNonNull(name, "name");
            if (bins.isEmpty()) {
                throw new IllegalArgumentException("multi-cut '" + name + "' must have at least one bin");
            }
            bins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ordered(bins)));
        }
    }

    /**
     * The product of multi-cuts; category names join the bin labels with {@code _} in axis order.
     *
     * @param multiCuts axes, the first varying slowest
     * @param common extra categories appended unchanged (may be {@code null})
     * @return the categories
     */
    public static Categories cartesian(List<MultiCut> multiCuts, Categories common) {
        List<Map.Entry<String, List<String>>> acc = new ArrayList<>();
        acc.add(Map.entry("", List.of()));
        for (MultiCut mc : multiCuts) {
            List<Map.Entry<String, List<String>>> next = new ArrayList<>();
            for (Map.Entry<String, List<String>> prefix : acc) {
                mc.bins().forEach((label, cut) -> {
                    List<String> cuts = new ArrayList<>(prefix.getValue());
                    cuts.add(cut);
                    next.add(Map.entry(prefix.getKey().isEmpty() ? label : prefix.getKey() + "_" + label, cuts));
                });
            }
            acc = next;
        }
        LinkedHashMap<String, List<String>> defs = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : acc) {
            defs.put(e.getKey(), List.copyOf(e.getValue()));
        }
        if (common != null) {
            common.definitions.forEach((k, v) -> {
                if (defs.putIfAbsent(k, v) != null) {
                    throw new IllegalArgumentException("category '" + k + "' is both cartesian and common");
                }
            });
        }
        return new Categories(defs);
    }

    /** @return category names in order */
    public List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    /**
     * @param category a category name
     * @return the cuts whose AND defines it
     */
    public List<String> cuts(String category) {
        List<String> c = definitions.get(category);
        if (c == null) {
            throw new IllegalArgumentException("no category '" + category + "'; categories are " + definitions.keySet());
        }
        return c;
    }

    /**
     * @param selection the chunk's cuts; must contain every cut named by a category
     * @return category name → mask, in order
     */
    public Map<String, BoolColumn> masks(PackedSelection selection) {
        Map<String, BoolColumn> out = new LinkedHashMap<>();
        definitions.forEach((name, cuts) -> out.put(name, selection.allOf(cuts)));
        return out;
    }

    @Override
    public String toString() {
        return "Categories" + definitions;
    }
}
