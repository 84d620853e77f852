package org.crema.correctionlib.internal;

import java.util.Arrays;

/** A constant leaf: a bare JSON number. */
public final class ConstNode extends Node {
    final double value;

    /** @param value the constant */
    public ConstNode(double value) {
        this.value = value;
    }

    /** @return the constant */
    public double value() {
        return value;
    }

    @Override
    public double eval(Frame f, int i) {
        return value;
    }

    @Override
    public void evalChunk(Frame f, int from, int n, double[] out) {
        Arrays.fill(out, from, n, value);
    }

    @Override
    public void evalIndexed(Frame f, int[] idx, int from, int count, double[] out) {
        Arrays.fill(out, 0, count, value);
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
