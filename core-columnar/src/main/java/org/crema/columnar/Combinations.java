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

    /**
     * Per event, the source object at slot {@code slot} of one chosen tuple, e.g. the jets of the
     * best trijet: {@code tri.pick(0, Reductions.argmax(tri.sum(jets).pt()))}.
     *
     * @param slot tuple slot
     * @param tuple per-event tuple index (local to the event), −1 for none
     * @return per-event local index into the source collection of that slot, −1 where {@code
     *     tuple} is −1
     * @throws IllegalArgumentException if {@code tuple} has another length or an index past the
     *     event's tuples
     */
    public IntColumn pick(int slot, IntColumn tuple) {
        int[] idx = index(slot).content().array();
        int n = length();
        if (tuple.length() != n) {
            throw new IllegalArgumentException("pick: need one tuple index per entry, " + n + ", got " + tuple.length());
        }
        int[] out = new int[n];
        for (int e = 0; e < n; e++) {
            int t = tuple.get(e);
            int count = offsets[e + 1] - offsets[e];
            if (t < -1 || t >= count) {
                throw new IllegalArgumentException("pick: tuple index " + t + " in entry " + e + " is outside [-1, " + count + ")");
            }
            out[e] = t < 0 ? -1 : idx[offsets[e] + t];
        }
        return IntColumn.of(out);
    }

    /**
     * The vector sum of every tuple's objects, computed straight from the index arrays: each
     * source object is converted to (px, py, pz, E) once, and no per-slot copies of the source
     * fields are made. E.g. {@code Combinatorics.triplets(jets.pt()).sum(jets).mass()} is every
     * trijet's mass.
     *
     * @param source per-event four-vectors every slot indexes (combinations within one collection)
     * @return one Cartesian four-vector per tuple, slot 0 + slot 1 + … added in slot order
     * @throws IllegalArgumentException if the source has another number of entries, or a tuple
     *     indexes past the end of its entry's list
     */
    public CartesianKinematics sum(Kinematics source) {
        return sum(source.toCartesian());
    }

    /**
     * As {@link #sum(Kinematics)}, for four-vectors already in Cartesian form.
     *
     * @param source per-event four-vectors every slot indexes
     * @return one four-vector per tuple
     */
    public CartesianKinematics sum(CartesianKinematics source) {
        CartesianKinematics[] perSlot = new CartesianKinematics[slots.length];
        java.util.Arrays.fill(perSlot, source);
        return sumSlots(perSlot);
    }

    /**
     * As {@link #sum(Kinematics)} with one source per slot, e.g. {@code
     * Combinatorics.cartesian(jets.pt(), muons.pt()).sum(jets, muons)}.
     *
     * @param perSlot the collection slot {@code s} indexes, one per slot
     * @return one four-vector per tuple
     */
    public CartesianKinematics sum(Kinematics... perSlot) {
        if (perSlot.length != slots.length) {
            throw new IllegalArgumentException("sum: need one collection per slot, " + slots.length + ", got " + perSlot.length);
        }
        CartesianKinematics[] c = new CartesianKinematics[perSlot.length];
        for (int s = 0; s < c.length; s++) {
            c[s] = perSlot[s].toCartesian();
        }
        return sumSlots(c);
    }

    private CartesianKinematics sumSlots(CartesianKinematics[] perSlot) {
        int n = length();
        int total = totalCount();
        double[] x = new double[total], y = new double[total], z = new double[total], w = new double[total];
        for (int s = 0; s < slots.length; s++) {
            CartesianKinematics src = perSlot[s];
            if (src.length() != n) {
                throw new IllegalArgumentException("sum: slot " + s + " source has " + src.length()
                        + " entries, the combinations have " + n);
            }
            FourVectors.PxPyPzE f = src.flat();
            double[] fx = f.px().array(), fy = f.py().array(), fz = f.pz().array(), fw = f.energy().array();
            int ox = f.px().offset(), oy = f.py().offset(), oz = f.pz().offset(), ow = f.energy().offset();
            ListColumn<DoubleColumn> lists = src.px();
            int base = Jagged.base(lists);
            int[] idx = slots[s];
            boolean first = s == 0;
            for (int e = 0; e < n; e++) {
                int start = lists.start(e) - base;
                int count = lists.count(e);
                for (int t = offsets[e]; t < offsets[e + 1]; t++) {
                    int j = idx[t];
                    if (j >= count) {
                        throw new IllegalArgumentException("sum: slot " + s + " of tuple " + (t - offsets[e]) + " in entry " + e
                                + " is index " + j + ", but the source list has " + count + " objects");
                    }
                    int at = start + j;
                    // slot 0 is assigned, not added to 0, so a one-object sum is that object bit for bit
                    if (first) {
                        x[t] = fx[ox + at];
                        y[t] = fy[oy + at];
                        z[t] = fz[oz + at];
                        w[t] = fw[ow + at];
                    } else {
                        x[t] += fx[ox + at];
                        y[t] += fy[oy + at];
                        z[t] += fz[oz + at];
                        w[t] += fw[ow + at];
                    }
                }
            }
        }
        ListColumn<IntColumn> lists = ListColumn.ofTrusted(offsets, IntColumn.empty());
        return CartesianKinematics.of(lists, new FourVectors.PxPyPzE(DoubleColumn.of(x), DoubleColumn.of(y), DoubleColumn.of(z), DoubleColumn.of(w)));
    }

    @Override
    public String toString() {
        return "combinations[arity " + slots.length + ", " + length() + " entries, " + totalCount() + " tuples]";
    }
}
