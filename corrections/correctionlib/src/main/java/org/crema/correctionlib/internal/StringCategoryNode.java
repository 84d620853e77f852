package org.crema.correctionlib.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A category on a string input. With a constant string (the usual "systematic" or "year" input) the
 * look-up happens once per chunk in {@link #bindConstants}; only a per-element string column pays a
 * hash look-up per element.
 */
public final class StringCategoryNode extends Node {
    private final int slot;
    private final Map<String, Node> table;
    private final Node fallback;

    /**
     * @param slot input slot (a string input)
     * @param table key to node, in file order
     * @param fallback default node, or null
     */
    public StringCategoryNode(int slot, LinkedHashMap<String, Node> table, Node fallback) {
        this.slot = slot;
        this.table = new LinkedHashMap<>(table);
        this.fallback = fallback;
        this.keysInOrder = String.join(", ", table.keySet());
        this.groupOf = new java.util.HashMap<>();
        this.withDefault = new Node[table.size() + 1];
        int g = 0;
        for (Map.Entry<String, Node> e : table.entrySet()) {
            groupOf.put(e.getKey(), g);
            withDefault[g++] = e.getValue();
        }
        withDefault[g] = fallback;
    }

    private final Map<String, Integer> groupOf;
    private final Node[] withDefault; // values in file order, then the default

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
        int[] group = new int[count];
        int defaultGroup = withDefault.length - 1;
        for (int k = 0; k < count; k++) {
            int e = idx == null ? from + k : idx[from + k];
            String key = f.string(slot, e);
            Integer g = key == null ? null : groupOf.get(key);
            if (g == null) {
                if (fallback == null) {
                    DomainError err = new DomainError(slot, key, "is not a key of the category", () -> "keys " + keysInOrder);
                    err.index = e;
                    throw err;
                }
                g = defaultGroup;
            }
            group[k] = g;
        }
        evalGroups(f, idx, from, count, out, group, withDefault);
    }

    private final String keysInOrder;

    @Override
    public double eval(Frame f, int i) {
        String key = f.string(slot, i);
        Node n = key == null ? null : table.get(key);
        if (n == null) {
            if (fallback == null) {
                throw new DomainError(slot, key, "is not a key of the category", () -> "keys " + keysInOrder);
            }
            n = fallback;
        }
        return n.eval(f, i);
    }

    @Override
    public void probe(ProbeSink sink) {
        for (Map.Entry<String, Node> e : table.entrySet()) {
            sink.stringKey(slot, e.getKey());
            e.getValue().probe(sink);
        }
        if (fallback != null) {
            fallback.probe(sink);
        }
    }

    @Override
    public Node bindConstants(Constants cs, long mask) {
        String key = cs.string(slot);
        if (key != null) {
            Node n = table.get(key);
            if (n == null) {
                n = fallback;
            }
            if (n == null) {
                return new FailNode(slot, key, "is not a key of the category", () -> "keys " + keysInOrder);
            }
            return n.bindConstants(cs, mask);
        }
        LinkedHashMap<String, Node> bound = null;
        for (Map.Entry<String, Node> e : table.entrySet()) {
            Node b = e.getValue().bindConstants(cs, mask);
            if (b != e.getValue()) {
                if (bound == null) {
                    bound = new LinkedHashMap<>(table);
                }
                bound.put(e.getKey(), b);
            }
        }
        Node boundDefault = fallback == null ? null : fallback.bindConstants(cs, mask);
        if (bound == null && boundDefault == fallback) {
            return this;
        }
        StringCategoryNode copy = new StringCategoryNode(slot, bound == null ? new LinkedHashMap<>(table) : bound, boundDefault);
        return copy;
    }
}
