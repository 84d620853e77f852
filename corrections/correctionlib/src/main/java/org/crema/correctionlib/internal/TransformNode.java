package org.crema.correctionlib.internal;

/**
 * Rewrites one input with the value of {@code rule}, then evaluates {@code content} with the
 * rewritten input. Int inputs are rounded half away from zero, as C++ {@code std::round}.
 */
public final class TransformNode extends Node {
    private final int slot;
    private final boolean intInput;
    private final Node rule;
    private final Node content;

    /**
     * @param slot the rewritten input
     * @param intInput whether that input is an int input
     * @param rule computes the new value
     * @param content evaluated with the new value
     */
    public TransformNode(int slot, boolean intInput, Node rule, Node content) {
        this.slot = slot;
        this.intInput = intInput;
        this.rule = rule;
        this.content = content;
    }

    /** Rounds half away from zero (C++ {@code std::round}); Java's {@code Math.round} rounds half up. */
    static long roundHalfAway(double v) {
        double fl = Math.floor(v);
        double diff = v - fl; // exact for doubles
        double r;
        if (diff > 0.5) {
            r = fl + 1;
        } else if (diff < 0.5) {
            r = fl;
        } else {
            r = v > 0 ? fl + 1 : fl;
        }
        return (long) r;
    }

    @Override
    public double eval(Frame f, int i) {
        double v = rule.eval(f, i);
        boolean was = f.isRewritten(slot);
        double wasReal = f.rewrittenReal(slot);
        long wasLong = f.rewrittenLong(slot);
        if (intInput) {
            long r = roundHalfAway(v);
            f.rewrite(slot, true, r, r);
        } else {
            f.rewrite(slot, true, v, 0L);
        }
        try {
            return content.eval(f, i);
        } finally {
            f.rewrite(slot, was, wasReal, wasLong);
        }
    }

    @Override
    public void probe(ProbeSink sink) {
        rule.probe(sink);
        content.probe(sink);
    }

    @Override
    public Node bindConstants(Constants cs, long mask) {
        Node r = rule.bindConstants(cs, mask);
        Node c = content.bindConstants(cs, slot < 64 ? mask | (1L << slot) : -1L);
        if (r == rule && c == content) {
            return this;
        }
        return new TransformNode(slot, intInput, r, c);
    }
}
