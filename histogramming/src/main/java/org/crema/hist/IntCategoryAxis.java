package org.crema.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bins labelled by integers in any order (e.g. a process id or a run era). A fixed axis has a flow
 * bin (switchable) that collects unknown values; a growing axis adds each new value as a bin when it
 * is filled. Serialized as UHI {@code "category_int"}.
 */
public final class IntCategoryAxis extends Axis {
    private final int[] categories;
    // Sorted copy of the categories with their bins, for a binary-search lookup without boxing.
    private final int[] sortedKeys;
    private final int[] sortedBins;
    private final boolean flow;
    private final boolean growth;

    private IntCategoryAxis(String name, String label, String unit, int[] categories, boolean flow, boolean growth) {
        super(name, label, unit);
        this.categories = categories;
        this.flow = flow;
        this.growth = growth;
        Integer[] order = new Integer[categories.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(categories[a], categories[b]));
        sortedKeys = new int[order.length];
        sortedBins = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sortedKeys[i] = categories[order[i]];
            sortedBins[i] = order[i];
            if (i > 0 && sortedKeys[i] == sortedKeys[i - 1]) {
                throw new IllegalArgumentException("categories of axis \"" + name + "\" must be unique: "
                        + sortedKeys[i] + " appears at " + sortedBins[i - 1] + " and " + sortedBins[i]);
            }
        }
    }

    /**
     * A fixed set of integer categories plus a flow bin for unknown values.
     *
     * @param name axis name
     * @param categories distinct values (copied), in bin order
     * @return the axis
     */
    public static IntCategoryAxis of(String name, int... categories) {
        return new IntCategoryAxis(name, "", "", categories.clone(), true, false);
    }

    /**
     * A growing axis: filling an unknown value adds it as a new bin.
     *
     * @param name axis name
     * @param initial values present from the start (may be empty)
     * @return the axis
     */
    public static IntCategoryAxis growing(String name, int... initial) {
        return new IntCategoryAxis(name, "", "", initial.clone(), false, true);
    }

    /** @return a copy of the category values in bin order */
    public int[] categories() {
        return categories.clone();
    }

    /**
     * @param bin a bin number in {@code [0, size())}
     * @return the category value of that bin
     */
    public int category(int bin) {
        return categories[java.util.Objects.checkIndex(bin, categories.length)];
    }

    /** @return true if filling an unknown value adds a bin */
    public boolean isGrowing() {
        return growth;
    }

    /**
     * @param value a category value
     * @return its bin, or {@code size()} (the flow position) if it is unknown
     */
    public int index(int value) {
        int k = Arrays.binarySearch(sortedKeys, value);
        return k >= 0 ? sortedBins[k] : categories.length;
    }

    /**
     * @param flowOn keep unknown values in a flow bin (ignored for growing axes)
     * @return a copy with the flow bin switched on or off
     */
    public IntCategoryAxis withFlow(boolean flowOn) {
        return new IntCategoryAxis(name(), label(), unit(), categories, flowOn && !growth, growth);
    }

    @Override
    public IntCategoryAxis withLabel(String newLabel) {
        return new IntCategoryAxis(name(), newLabel, unit(), categories, flow, growth);
    }

    @Override
    public IntCategoryAxis withUnit(String newUnit) {
        return new IntCategoryAxis(name(), label(), newUnit, categories, flow, growth);
    }

    IntCategoryAxis withAdded(int[] more) {
        int[] all = Arrays.copyOf(categories, categories.length + more.length);
        int n = categories.length;
        for (int v : more) {
            if (index(v) == categories.length && !contains(all, n, v)) {
                all[n++] = v;
            }
        }
        return n == categories.length ? this
                : new IntCategoryAxis(name(), label(), unit(), Arrays.copyOf(all, n), flow, growth);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    IntCategoryAxis selected(int[] keep) {
        return new IntCategoryAxis(name(), label(), unit(), keep, false, growth);
    }

    /** Adds the stored position of each value times {@code stride}; unknown values without flow bin are dropped. */
    void addIndices(int[] vs, int n, int[] idx, int stride) {
        int flowPos = flow ? categories.length : -1;
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(sortedKeys, vs[i]);
            int b = k >= 0 ? sortedBins[k] : flowPos;
            int sum = idx[i] + b * stride;
            idx[i] = b < 0 ? Integer.MIN_VALUE : sum;
        }
    }

    int storedIndex(int value) {
        int k = Arrays.binarySearch(sortedKeys, value);
        return k >= 0 ? sortedBins[k] : flow ? categories.length : -1;
    }

    int[] unknown(int[] values, int from, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            if (index(values[i]) == categories.length && !out.contains(values[i])) {
                out.add(values[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
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
        return bin == categories.length ? "other" : bin == -1 ? "underflow" : Integer.toString(categories[bin]);
    }

    @Override
    public String describe() {
        return "IntCategoryAxis " + quote(name()) + " (" + (growth ? "growing, " : "") + Arrays.toString(categories)
                + (flow ? ", flow bin" : ", no flow bin") + ")";
    }

    boolean unitableWith(Axis o) {
        return growth && o instanceof IntCategoryAxis s && s.growth && sameHeader(s) && flow == s.flow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntCategoryAxis s && sameHeader(s) && Arrays.equals(categories, s.categories)
                && flow == s.flow && growth == s.growth;
    }

    @Override
    public int hashCode() {
        return 31 * headerHash() + Arrays.hashCode(categories) + (flow ? 2 : 0) + (growth ? 1 : 0);
    }
}
