package org.crema.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bins labelled by strings: datasets, analysis categories, systematic variations. A fixed axis
 * has a flow bin (switchable) that collects unknown strings; a growing axis adds each new string as
 * a new bin when it is filled, and has no flow bin. When histograms are added, the categories of
 * growing axes are united (the receiver's order first). Serialized as UHI {@code "category_str"}.
 */
public final class StrCategoryAxis extends Axis {
    private final String[] categories;
    private final Map<String, Integer> index;
    private final boolean flow;
    private final boolean growth;

    private StrCategoryAxis(String name, String label, String unit, String[] categories, boolean flow, boolean growth) {
        super(name, label, unit);
        this.categories = categories;
        this.flow = flow;
        this.growth = growth;
        this.index = new HashMap<>(categories.length * 2);
        for (int i = 0; i < categories.length; i++) {
            Objects.requireNonNull(categories[i], "category " + i + " of axis \"" + name + "\"");
            if (index.putIfAbsent(categories[i], i) != null) {
                throw new IllegalArgumentException("categories of axis \"" + name + "\" must be unique: \""
                        + categories[i] + "\" appears at " + index.get(categories[i]) + " and " + i);
            }
        }
    }

    /**
     * A fixed set of categories plus a flow bin for unknown strings.
     *
     * @param name axis name
     * @param categories distinct category names (copied), in bin order
     * @return the axis
     */
    public static StrCategoryAxis of(String name, String... categories) {
        return new StrCategoryAxis(name, "", "", categories.clone(), true, false);
    }

    /**
     * A growing axis: filling an unknown string adds it as a new bin.
     *
     * @param name axis name
     * @param initial categories present from the start (may be empty)
     * @return the axis
     */
    public static StrCategoryAxis growing(String name, String... initial) {
        return new StrCategoryAxis(name, "", "", initial.clone(), false, true);
    }

    /** @return an unmodifiable list of the category names in bin order */
    public List<String> categories() {
        return List.of(categories);
    }

    /**
     * @param bin a bin number in {@code [0, size())}
     * @return the category of that bin
     */
    public String category(int bin) {
        Objects.checkIndex(bin, categories.length);
        return categories[bin];
    }

    /** @return true if filling an unknown category adds a bin */
    public boolean isGrowing() {
        return growth;
    }

    /**
     * @param category a category name
     * @return its bin, or {@code size()} (the flow position) if it is not a category of this axis
     */
    public int index(String category) {
        Integer i = index.get(category);
        return i == null ? categories.length : i;
    }

    /**
     * @param flowOn keep unknown strings in a flow bin (ignored for growing axes, which never have one)
     * @return a copy with the flow bin switched on or off
     */
    public StrCategoryAxis withFlow(boolean flowOn) {
        return new StrCategoryAxis(name(), label(), unit(), categories, flowOn && !growth, growth);
    }

    @Override
    public StrCategoryAxis withLabel(String newLabel) {
        return new StrCategoryAxis(name(), newLabel, unit(), categories, flow, growth);
    }

    @Override
    public StrCategoryAxis withUnit(String newUnit) {
        return new StrCategoryAxis(name(), label(), newUnit, categories, flow, growth);
    }

    /** A copy with the given categories appended (those not present yet), for growth. */
    StrCategoryAxis withAdded(Collection<String> more) {
        LinkedHashSet<String> all = new LinkedHashSet<>(Arrays.asList(categories));
        all.addAll(more);
        if (all.size() == categories.length) {
            return this;
        }
        return new StrCategoryAxis(name(), label(), unit(), all.toArray(String[]::new), flow, growth);
    }

    /** A copy holding only the given categories (in the given order), without flow bin. */
    StrCategoryAxis selected(List<String> keep) {
        return new StrCategoryAxis(name(), label(), unit(), keep.toArray(String[]::new), false, growth);
    }

    /** Stored position of a category, or -1 when it is unknown and there is no flow bin. */
    int storedIndex(String category) {
        Integer i = index.get(category);
        if (i != null) {
            return i;
        }
        return flow ? categories.length : -1;
    }

    /** Collects the strings of {@code values} that are not categories yet, in first-seen order. */
    List<String> unknown(String[] values, int from, int n) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            if (!index.containsKey(values[i]) && !out.contains(values[i])) {
                out.add(values[i]);
            }
        }
        return out;
    }

    @Override
    public int size() {
        return categories.length;
    }

    @Override
    public boolean hasUnderflow() {
        return false;
    }

    @Override
    public boolean hasOverflow() {
        return flow;
    }

    @Override
    public String binLabel(int bin) {
        return bin == categories.length ? "other" : bin == -1 ? "underflow" : categories[bin];
    }

    @Override
    public String describe() {
        return "StrCategoryAxis " + quote(name()) + " (" + (growth ? "growing, " : "") + Arrays.toString(categories)
                + (flow ? ", flow bin" : ", no flow bin") + ")";
    }

    /** Same name, label, unit and growth but possibly different categories: growing axes that can be united. */
    boolean unitableWith(Axis o) {
        return growth && o instanceof StrCategoryAxis s && s.growth && sameHeader(s) && flow == s.flow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StrCategoryAxis s && sameHeader(s) && Arrays.equals(categories, s.categories)
                && flow == s.flow && growth == s.growth;
    }

    @Override
    public int hashCode() {
        return 31 * headerHash() + Arrays.hashCode(categories) + (flow ? 2 : 0) + (growth ? 1 : 0);
    }
}
