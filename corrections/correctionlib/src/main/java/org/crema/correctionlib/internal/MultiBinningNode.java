package org.crema.correctionlib.internal;

/**
 * An n-dimensional binning. Content is flattened in row-major order (last input fastest); one flow
 * applies to every axis, and under a flow node the first out-of-range axis returns that node.
 */
public final class MultiBinningNode extends Node {
    private final int[] slots;
    private final Axis[] axes;
    private final int[] strides;
    private final Node[] content;
    private final double[] constants;
    private final Flow flow;
    private final Node flowNode;

    /**
     * @param slots one input slot per axis
     * @param axes the axes
     * @param content flattened contents, row-major
     * @param flow out-of-range behaviour
     * @param flowNode the overflow content when {@code flow == NODE}
     */
    public MultiBinningNode(int[] slots, Axis[] axes, Node[] content, Flow flow, Node flowNode) {
        this.slots = slots;
        this.axes = axes;
        this.content = content;
        this.flow = flow;
        this.flowNode = flowNode;
        this.strides = new int[axes.length];
        int stride = 1;
        for (int k = axes.length - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= axes[k].nbins();
        }
        this.constants = BinningNode.constantsOf(content);
    }

    /** @return flat index, or -1 when the flow node must be evaluated */
    private int index(Frame f, int i) {
        int idx = 0;
        for (int k = 0; k < axes.length; k++) {
            double x = f.real(slots[k], i);
            int b = axes[k].locate(x);
            if (b < 0) {
                switch (flow) {
                    case NODE:
                        return -1;
                    case CLAMP:
                        b = b == Axis.UNDER ? 0 : axes[k].nbins() - 1;
                        break;
                    default:
                        throw outOfRange(k, x, b);
                }
            }
            idx += b * strides[k];
        }
        return idx;
    }

    private DomainError outOfRange(int k, double x, int b) {
        String problem = flow == Flow.WRAP ? "cannot be wrapped into the binning range"
                : b == Axis.UNDER ? "is below the binning range" : "is above the binning range";
        Axis a = axes[k];
        return new DomainError(slots[k], x, problem, () -> a.describe() + ", flow \"" + flow.name().toLowerCase() + "\"");
    }

    @Override
    public double eval(Frame f, int i) {
        int idx = index(f, i);
        return idx < 0 ? flowNode.eval(f, i) : content[idx].eval(f, i);
    }

    @Override
    public void evalChunk(Frame f, int from, int n, double[] out) {
        double[] c = constants;
        if (c == null || (flow == Flow.NODE && !flowNode.isConstant())) {
            super.evalChunk(f, from, n, out);
            return;
        }
        if (axes.length == 2) {
            evalChunk2(f, from, n, out, c);
            return;
        }
        int i = from;
        try {
            for (; i < n; i++) {
                int idx = index(f, i);
                out[i] = idx < 0 ? ((ConstNode) flowNode).value : c[idx];
            }
        } catch (DomainError e) {
            e.index = i;
            throw e;
        }
    }

    /** The frequent two-axis case (eta × pt scale factors), unrolled. */
    private void evalChunk2(Frame f, int from, int n, double[] out, double[] c) {
        double[] xs = f.reals[slots[0]];
        double[] ys = f.reals[slots[1]];
        Axis ax = axes[0];
        Axis ay = axes[1];
        int sx = strides[0];
        int lastX = ax.nbins() - 1;
        int lastY = ay.nbins() - 1;
        for (int i = from; i < n; i++) {
            int bx = ax.locate(xs[i]);
            int by;
            if (bx < 0) {
                if (flow == Flow.CLAMP) {
                    bx = bx == Axis.UNDER ? 0 : lastX;
                } else if (flow == Flow.NODE) {
                    out[i] = ((ConstNode) flowNode).value;
                    continue;
                } else {
                    DomainError e = outOfRange(0, xs[i], bx);
                    e.index = i;
                    throw e;
                }
            }
            by = ay.locate(ys[i]);
            if (by < 0) {
                if (flow == Flow.CLAMP) {
                    by = by == Axis.UNDER ? 0 : lastY;
                } else if (flow == Flow.NODE) {
                    out[i] = ((ConstNode) flowNode).value;
                    continue;
                } else {
                    DomainError e = outOfRange(1, ys[i], by);
                    e.index = i;
                    throw e;
                }
            }
            out[i] = c[bx * sx + by];
        }
    }

    @Override
    public void probe(ProbeSink sink) {
        for (int k = 0; k < axes.length; k++) {
            sink.edges(slots[k], axes[k].edges());
        }
        // Contents of large grids repeat the same shapes; probing them all would be slow for no gain.
        for (int k = 0; k < Math.min(content.length, 64); k++) {
            content[k].probe(sink);
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
        return new MultiBinningNode(slots, axes, bound, flow, boundFlow);
    }
}
