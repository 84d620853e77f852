package org.crema.columnar;

/**
 * Per-event sorting of jagged columns by a float key (e.g. jets by descending pt after energy
 * corrections changed the order). Sorting is stable (equal keys keep their order) and puts NaN
 * keys last in either direction. Returns new columns.
 */
public final class Sorting {
    private Sorting() {}

    /**
     * Per-event order of a key (awkward: {@code ak.argsort}).
     *
     * @param key per-event float lists
     * @param descending true for largest first
     * @return per-event local indices, shaped like {@code key}
     */
    public static ListColumn<IntColumn> argsort(ListColumn<FloatColumn> key, boolean descending) {
        float[] v = key.content().array();
        int vo = key.content().offset();
        int[] off = key.offsets();
        int from = key.offsetsFrom();
        int base = off[from];
        int[] out = new int[key.totalCount()];
        for (int e = 0; e < key.length(); e++) {
            int s = off[from + e];
            int n = off[from + e + 1] - s;
            int o = s - base;
            // insertion sort: lists are short (a handful of objects) and it is stable
            for (int i = 0; i < n; i++) {
                float x = v[vo + s + i];
                int j = i;
                while (j > 0 && before(x, v[vo + s + out[o + j - 1]], descending)) {
                    out[o + j] = out[o + j - 1];
                    j--;
                }
                out[o + j] = i;
            }
        }
        return Jagged.sameLists(key, IntColumn.of(out));
    }

    /** @return true if {@code x} must come strictly before {@code y} */
    private static boolean before(float x, float y, boolean descending) {
        if (x != x) {
            return false;
        }
        if (y != y) {
            return true;
        }
        return descending ? x > y : x < y;
    }

    /**
     * Reorders each event's objects by a key (a copy).
     *
     * @param lists per-event objects, any content (e.g. a whole collection)
     * @param key per-event float keys, equal list lengths in every entry
     * @param descending true for largest first
     * @param <C> content type
     * @return the sorted lists
     */
    public static <C extends Column> ListColumn<C> sortBy(ListColumn<C> lists, ListColumn<FloatColumn> key, boolean descending) {
        Jagged.checkSameLists("sortBy", lists, key);
        return Selection.take(lists, argsort(key, descending));
    }

    /**
     * @param values per-event float lists
     * @param descending true for largest first
     * @return the values sorted within each event
     */
    public static ListColumn<FloatColumn> sort(ListColumn<FloatColumn> values, boolean descending) {
        return Selection.take(values, argsort(values, descending));
    }
}
