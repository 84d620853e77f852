package org.crema.correctionlib.internal;

/**
 * A compiled correctionlib content node. Nodes are immutable and thread-safe; all per-call state
 * lives in the {@link Frame}.
 */
public abstract class Node {
    /**
     * Evaluates this node for element {@code i}.
     *
     * @throws DomainError when the element's inputs are outside the node's domain
     */
    public abstract double eval(Frame f, int i);

    /**
     * Evaluates elements {@code 0..n-1} into {@code out}. Nodes with a cheaper whole-chunk form
     * (a binning with constant contents) override this; it is only called where no transform above
     * rewrites an input, so overrides may read the frame's arrays directly.
     *
     * @throws DomainError with {@link DomainError#index} set
     */
    public void evalChunk(Frame f, int from, int n, double[] out) {
        int i = from;
        try {
            for (; i < n; i++) {
                out[i] = eval(f, i);
            }
        } catch (DomainError e) {
            e.index = i;
            throw e;
        }
    }

    /**
     * Evaluates the elements {@code idx[from..from+count)} into {@code out[0..count)}. Like
     * {@link #evalChunk}, only called where no transform above rewrites an input. Binnings override
     * it to group elements by bin, so that each child is evaluated over a whole group at once.
     *
     * @throws DomainError with {@link DomainError#index} set to the element index
     */
    public void evalIndexed(Frame f, int[] idx, int from, int count, double[] out) {
        int k = 0;
        try {
            for (; k < count; k++) {
                out[k] = eval(f, idx[from + k]);
            }
        } catch (DomainError e) {
            e.index = idx[from + k];
            throw e;
        }
    }

    /**
     * Returns this node with category look-ups on constant inputs resolved (done once per chunk or
     * per set of constants, not per element).
     *
     * @param constants the constant inputs
     * @param rewrittenMask bit {@code k} set when a transform above rewrites slot {@code k}, which
     *     must then not be folded
     */
    public Node bindConstants(Constants constants, long rewrittenMask) {
        return this;
    }

    /**
     * Reports the values this node and its children discriminate on (bin edges, category keys), so
     * that tools and tests can probe a correction at its edges, bin centres and out of range.
     */
    public void probe(ProbeSink sink) {
    }

    /** Receives the values a node tree discriminates on. */
    public interface ProbeSink {
        /** Bin edges of a real or int input. */
        void edges(int slot, double[] edges);

        /** A category key of an int input. */
        void intKey(int slot, long key);

        /** A category key of a string input. */
        void stringKey(int slot, String key);
    }

    /** @return true when this node is a constant leaf */
    public boolean isConstant() {
        return false;
    }

    /** Constant values of some inputs, known before a chunk is evaluated. */
    public interface Constants {
        /** @return the constant string of {@code slot}, or null when not constant */
        String string(int slot);

        /** @return whether {@code slot} is a constant int input */
        boolean hasInteger(int slot);

        /** @return the constant int of {@code slot} (only when {@link #hasInteger}) */
        long integer(int slot);
    }

    /**
     * Evaluates elements grouped by the child each one selected: a counting sort of the element
     * indices by group, then one {@link #evalIndexed} call per non-empty group and a scatter back to
     * the elements' positions. Dispatch is then paid per group, and formulas below run column-wise.
     *
     * @param group per position {@code k < count}, the index into {@code children}
     * @param children the selectable children
     * @param idx element indices (null: {@code from + k})
     */
    static void evalGroups(Frame f, int[] idx, int from, int count, double[] out, int[] group, Node[] children) {
        int g = children.length;
        int[] starts = new int[g + 1];
        for (int k = 0; k < count; k++) {
            starts[group[k] + 1]++;
        }
        for (int b = 0; b < g; b++) {
            starts[b + 1] += starts[b];
        }
        int[] order = new int[count];
        int[] pos = new int[count];
        int[] fill = starts.clone();
        for (int k = 0; k < count; k++) {
            int p = fill[group[k]]++;
            order[p] = idx == null ? from + k : idx[from + k];
            pos[p] = k;
        }
        double[] tmp = null;
        for (int b = 0; b < g; b++) {
            int start = starts[b];
            int cnt = starts[b + 1] - start;
            if (cnt == 0) {
                continue;
            }
            Node child = children[b];
            if (child instanceof ConstNode cn) {
                for (int k = 0; k < cnt; k++) {
                    out[pos[start + k]] = cn.value;
                }
                continue;
            }
            if (tmp == null) {
                tmp = new double[count];
            }
            child.evalIndexed(f, order, start, cnt, tmp);
            for (int k = 0; k < cnt; k++) {
                out[pos[start + k]] = tmp[k];
            }
        }
    }

    static boolean foldable(int slot, long rewrittenMask) {
        return slot < 64 && (rewrittenMask & (1L << slot)) == 0;
    }

    static Node[] bindAll(Node[] nodes, Constants c, long mask) {
        Node[] out = null;
        for (int k = 0; k < nodes.length; k++) {
            Node b = nodes[k].bindConstants(c, mask);
            if (b != nodes[k]) {
                if (out == null) {
                    out = nodes.clone();
                }
                out[k] = b;
            }
        }
        return out == null ? nodes : out;
    }
}
