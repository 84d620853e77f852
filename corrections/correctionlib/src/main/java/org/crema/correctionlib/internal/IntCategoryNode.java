package org.crema.correctionlib.internal;

import java.util.Arrays;

/** A category on an int input: exact key match, else the default, else an error. */
public final class IntCategoryNode extends Node {
    private static final int MAX_DENSE_SPAN = 4096;

    private final int slot;
    private final long[] keys; // sorted
    private final Node[] values; // parallel to keys
    private final Node fallback; // may be null
    private final Node[] withDefault; // values by key position, then the default
    // Dense table when the keys span a small range (flavour 0/4/5, charges, run eras): one array read.
    private final long denseBase;
    private final Node[] dense;

    /**
     * @param slot input slot (an int input)
     * @param keys distinct keys, any order
     * @param values one node per key
     * @param fallback default node, or null
     */
    public IntCategoryNode(int slot, long[] keys, Node[] values, Node fallback) {
        this.slot = slot;
        Integer[] order = new Integer[keys.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        this.keys = new long[keys.length];
        this.values = new Node[keys.length];
        for (int k = 0; k < order.length; k++) {
            this.keys[k] = keys[order[k]];
            this.values[k] = values[order[k]];
        }
        this.fallback = fallback;
        this.withDefault = Arrays.copyOf(this.values, keys.length + 1);
        this.withDefault[keys.length] = fallback;
        if (keys.length > 0 && this.keys[keys.length - 1] - this.keys[0] < MAX_DENSE_SPAN
                && this.keys[keys.length - 1] - this.keys[0] >= 0) {
            denseBase = this.keys[0];
            dense = new Node[(int) (this.keys[keys.length - 1] - denseBase) + 1];
            for (int k = 0; k < keys.length; k++) {
                dense[(int) (this.keys[k] - denseBase)] = this.values[k];
            }
        } else {
            denseBase = 0;
            dense = null;
        }
    }

    private Node lookup(long key) {
        if (dense != null) {
            long d = key - denseBase;
            if (d >= 0 && d < dense.length) {
                return dense[(int) d];
            }
            return null;
        }
        int k = Arrays.binarySearch(keys, key);
        return k >= 0 ? values[k] : null;
    }

    @Override
    public double eval(Frame f, int i) {
        long key = f.integer(slot, i);
        Node n = lookup(key);
        if (n == null) {
            if (fallback == null) {
                throw missing(key);
            }
            n = fallback;
        }
        return n.eval(f, i);
    }

    private DomainError missing(long key) {
        return new DomainError(slot, key, "is not a key of the category", () -> "keys " + Arrays.toString(keys));
    }

    @Override
    public void evalChunk(Frame f, int from, int n, double[] out) {
        if (from != 0) {
            super.evalChunk(f, from, n, out);
            return;
        }
        evalIndexed(f, null, 0, n, out);
    }

    @Override
    public void evalIndexed(Frame f, int[] idx, int from, int count, double[] out) {
        // Group by key (e.g. hadron flavour 0/4/5) so the subtree under each key runs per group.
        long[] ks = f.longs[slot];
        int[] group = new int[count];
        int defaultGroup = keys.length;
        for (int k = 0; k < count; k++) {
            int e = idx == null ? from + k : idx[from + k];
            long key = ks[e];
            int gi = position(key);
            if (gi < 0) {
                if (fallback == null) {
                    DomainError err = missing(key);
                    err.index = e;
                    throw err;
                }
                gi = defaultGroup;
            }
            group[k] = gi;
        }
        evalGroups(f, idx, from, count, out, group, withDefault);
    }


    /** Position of {@code key} in the sorted keys, or -1. */
    private int position(long key) {
        int k = Arrays.binarySearch(keys, key);
        return k >= 0 ? k : -1;
    }

    @Override
    public void probe(ProbeSink sink) {
        for (int k = 0; k < keys.length; k++) {
            sink.intKey(slot, keys[k]);
            values[k].probe(sink);
        }
        if (fallback != null) {
            fallback.probe(sink);
        }
    }

    @Override
    public Node bindConstants(Constants cs, long mask) {
        if (foldable(slot, mask) && cs.hasInteger(slot)) {
            long key = cs.integer(slot);
            Node n = lookup(key);
            if (n == null) {
                n = fallback;
            }
            if (n == null) {
                return new FailNode(slot, key, "is not a key of the category", () -> "keys " + Arrays.toString(keys));
            }
            return n.bindConstants(cs, mask);
        }
        Node[] bound = bindAll(values, cs, mask);
        Node boundDefault = fallback == null ? null : fallback.bindConstants(cs, mask);
        if (bound == values && boundDefault == fallback) {
            return this;
        }
        return new IntCategoryNode(slot, keys, bound, boundDefault);
    }
}
