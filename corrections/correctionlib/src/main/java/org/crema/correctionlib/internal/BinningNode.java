package org.crema.correctionlib.internal;

/** A one-dimensional binning: looks the input up on an {@link Axis} and evaluates that bin's content. */
public final class BinningNode extends Node {
    private final int slot;
    private final Axis axis;
    private final Node[] content;
    private final double[] constants; // non-null when every bin holds a constant
    private final Flow flow;
    private final Node flowNode;

    /**
     * @param slot input slot (a real or int input)
     * @param axis the bins
     * @param content one node per bin
     * @param flow out-of-range behaviour
     * @param flowNode the overflow content when {@code flow == NODE}
     */
    public BinningNode(int slot, Axis axis, Node[] content, Flow flow, Node flowNode) {
        this.slot = slot;
        this.axis = axis;
        this.content = content;
        this.flow = flow;
        this.flowNode = flowNode;
        this.constants = constantsOf(content);
        this.withFlow = java.util.Arrays.copyOf(content, content.length + 1);
        this.withFlow[content.length] = flowNode;
    }

    private final Node[] withFlow; // the bins' contents, then the flow node (group nbins)

    static double[] constantsOf(Node[] content) {
        double[] c = new double[content.length];
        for (int k = 0; k < content.length; k++) {
            if (!(content[k] instanceof ConstNode cn)) {
                return null;
            }
            c[k] = cn.value;
        }
        return c;
    }

    @Override
    public double eval(Frame f, int i) {
        double x = f.real(slot, i);
        int b = axis.locate(x);
        if (b < 0) {
            switch (flow) {
                case NODE:
                    return flowNode.eval(f, i);
                case CLAMP:
                    b = b == Axis.UNDER ? 0 : axis.nbins() - 1;
                    break;
                default:
                    throw outOfRange(x, b);
            }
        }
        return content[b].eval(f, i);
    }

    private DomainError outOfRange(double x, int b) {
        String problem = flow == Flow.WRAP ? "cannot be wrapped into the binning range"
                : b == Axis.UNDER ? "is below the binning range" : "is above the binning range";
        return new DomainError(slot, x, problem, () -> axis.describe() + ", flow \"" + flow.name().toLowerCase() + "\"");
    }

    @Override
    public void evalIndexed(Frame f, int[] idx, int from, int count, double[] out) {
        evalGrouped(f, idx, from, count, out);
    }

    /**
     * Looks every element up, groups the elements by bin (a counting sort of their indices), and
     * evaluates each bin's content once over its whole group, so a formula below runs column-wise.
     * Output positions are {@code k < count} for elements {@code idx[from+k]} ({@code from+k} when
     * {@code idx} is null).
     */
    private void evalGrouped(Frame f, int[] idx, int from, int count, double[] out) {
        double[] xs = f.reals[slot];
        int nb = axis.nbins();
        int[] bins = new int[count];
        for (int k = 0; k < count; k++) {
            int e = idx == null ? from + k : idx[from + k];
            double x = xs[e];
            int b = axis.locate(x);
            if (b < 0) {
                if (flow == Flow.CLAMP) {
                    b = b == Axis.UNDER ? 0 : nb - 1;
                } else if (flow == Flow.NODE) {
                    b = nb;
                } else {
                    DomainError err = outOfRange(x, b);
                    err.index = e;
                    throw err;
                }
            }
            bins[k] = b;
        }
        double[] c = constants;
        if (c != null && (flow != Flow.NODE || flowNode.isConstant())) {
            double flowValue = flow == Flow.NODE ? ((ConstNode) flowNode).value : Double.NaN;
            for (int k = 0; k < count; k++) {
                int b = bins[k];
                out[k] = b < nb ? c[b] : flowValue;
            }
            return;
        }
        evalGroups(f, idx, from, count, out, bins, withFlow);
    }

    @Override
    public void evalChunk(Frame f, int from, int n, double[] out) {
        double[] c = constants;
        if (c == null || (flow == Flow.NODE && !flowNode.isConstant())) {
            if (from != 0) {
                super.evalChunk(f, from, n, out);
            } else {
                evalGrouped(f, null, 0, n, out);
            }
            return;
        }
        // Whole-chunk form for the common leaf binning: one array read, one search, one store.
        double[] xs = f.reals[slot];
        double flowValue = flow == Flow.NODE ? ((ConstNode) flowNode).value : Double.NaN;
        Axis a = axis;
        int last = a.nbins() - 1;
        for (int i = from; i < n; i++) {
            double x = xs[i];
            int b = a.locate(x);
            if (b >= 0) {
                out[i] = c[b];
            } else if (flow == Flow.CLAMP) {
                out[i] = c[b == Axis.UNDER ? 0 : last];
            } else if (flow == Flow.NODE) {
                out[i] = flowValue;
            } else {
                DomainError e = outOfRange(x, b);
                e.index = i;
                throw e;
            }
        }
    }

    @Override
    public void probe(ProbeSink sink) {
        sink.edges(slot, axis.edges());
        for (Node c : content) {
            c.probe(sink);
        }
        if (flowNode != null) {
            flowNode.probe(sink);
        }
    }

    @Override
    public Node bindConstants(Constants cs, long mask) {
        Node[] bound = bindAll(content, cs, mask);
        Node boundFlow = flowNode == null ? null : flowNode.bindConstants(cs, mask);
        if (bound == content && boundFlow == flowNode) {
            return this;
        }
        return new BinningNode(slot, axis, bound, flow, boundFlow);
    }
}
