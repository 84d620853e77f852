package org.crema.columnar;

/**
 * Per-event tuples of local indices, as made by {@link Combinatorics}: entry {@code e} holds {@code
 * counts().get(e)} tuples of {@link #arity()} indices each. The indices of slot {@code s} form a
 * {@code ListColumn<IntColumn>} ({@link #index(int)}); all slots share one offsets array, so
 * quantities computed per slot line up element by element. awkward: the {@code ak.argcombinations}
 * result unzipped into its fields; Arrow: one List per slot sharing offsets.
 */
public final class Combinations {
    private final int[] offsets;
    private final int[][] slots;

    Combinations(int[] offsets, int[][] slots) {
        this.offsets = offsets;
        this.slots = slots;
    }

    /** @return the number of indices per tuple (2 for pairs, 3 for triplets) */
    public int arity() {
        return slots.length;
    }

    /** @return the number of entries (events) */
    public int length() {
        return offsets.length - 1;
    }

    /** @return the number of tuples per event (a new column) */
    public IntColumn counts() {
        return index(0).counts();
    }

    /** @return the total number of tuples over all events */
    public int totalCount() {
        return offsets[offsets.length - 1];
    }

    /**
     * The local indices of slot {@code slot} of every tuple (a view sharing this object's arrays).
     *
     * @param slot {@code 0 <= slot < arity()}
     * @return per-event lists of local indices into the source collection of that slot
     */
    public ListColumn<IntColumn> index(int slot) {
        if (slot < 0 || slot >= slots.length) {
            throw new IllegalArgumentException("slot must be in [0, " + slots.length + "), got " + slot);
        }
        return ListColumn.ofTrusted(offsets, IntColumn.of(slots[slot]));
    }

    /**
     * The source objects at slot {@code slot} of every tuple (e.g. the first jet of every pair).
     *
     * @param slot tuple slot
     * @param source per-event objects the slot indexes (any content, e.g. {@code Jet_pt} or the whole
     *     collection)
     * @param <C> content type
     * @return lists shaped like the tuples (a copy)
     */
    public <C extends Column> ListColumn<C> select(int slot, ListColumn<C> source) {
        return Selection.take(source, index(slot));
    }

    /**
     * The four-vectors at slot {@code slot} of every tuple.
     *
     * @param slot tuple slot
     * @param source per-event four-vectors the slot indexes
     * @return four-vectors shaped like the tuples
     */
    public Kinematics select(int slot, Kinematics source) {
        return source.take(index(slot));
    }

    @Override
    public String toString() {
        return "combinations[arity " + slots.length + ", " + length() + " entries, " + totalCount() + " tuples]";
    }
}
