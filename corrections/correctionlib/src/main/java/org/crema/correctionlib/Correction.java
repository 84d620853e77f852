package org.crema.correctionlib;

import java.util.List;
import java.util.Map;

import org.crema.correctionlib.internal.DomainError;
import org.crema.correctionlib.internal.Frame;
import org.crema.correctionlib.internal.Node;

/**
 * One correction of a correction set: a signature (named, typed inputs and a real output) and a
 * compiled tree of content nodes. Immutable and thread-safe.
 *
 * <p>Evaluate one element with {@link #evaluate(Object...)} (arguments in signature order), or a
 * whole chunk with {@link #bind()} (inputs bound by name, columns in, {@code double[]} out). The
 * vectorised path resolves categories on constant inputs once per chunk, looks bins up by binary
 * search on primitive edges (direct index for uniform bins), and evaluates formulas compiled to
 * trees over primitives: no per-element map look-up, no boxing.
 */
public final class Correction implements Corrector {
    private final String name;
    private final String description;
    private final int version;
    private final List<Variable> inputs;
    private final Variable output;
    private final Node root;
    private final Map<Object, Node> specialised = Engine.newCache();

    Correction(String name, String description, int version, List<Variable> inputs, Variable output, Node root) {
        this.name = name;
        this.description = description;
        this.version = version;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.root = root;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** @return the version number (bumped by the producers on every content change) */
    public int version() {
        return version;
    }

    @Override
    public List<Variable> inputs() {
        return inputs;
    }

    @Override
    public Variable output() {
        return output;
    }

    @Override
    public Inputs bind() {
        return new Inputs(this);
    }

    @Override
    public double evaluate(Object... args) {
        Frame f = scalarFrame(this, inputs, args);
        try {
            return root.eval(f, 0);
        } catch (DomainError e) {
            throw toException(e, -1);
        }
    }

    /** Builds a one-element frame from positional arguments, checking their number and types. */
    static Frame scalarFrame(Corrector c, List<Variable> inputs, Object[] args) {
        String kind = c instanceof CompoundCorrection ? "compound correction" : "correction";
        if (args == null || args.length != inputs.size()) {
            throw new CorrectionInputException(kind + " '" + c.name() + "' takes " + inputs.size() + " inputs "
                    + Engine.describe(inputs) + ", got " + (args == null ? 0 : args.length));
        }
        int m = inputs.size();
        double[][] reals = new double[m][];
        long[][] longs = new long[m][];
        String[][] strings = new String[m][];
        String[] consts = new String[m];
        for (int k = 0; k < m; k++) {
            Variable v = inputs.get(k);
            Object a = args[k];
            boolean integral = a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte;
            switch (v.type()) {
                case REAL -> {
                    if (!(a instanceof Number num) || !(integral || a instanceof Double || a instanceof Float)) {
                        throw wrongType(kind, c, v, a);
                    }
                    reals[k] = new double[] {num.doubleValue()};
                }
                case INT -> {
                    if (!integral) {
                        throw wrongType(kind, c, v, a);
                    }
                    long l = ((Number) a).longValue();
                    longs[k] = new long[] {l};
                    reals[k] = new double[] {l};
                }
                case STRING -> {
                    if (!(a instanceof String s)) {
                        throw wrongType(kind, c, v, a);
                    }
                    consts[k] = s;
                }
            }
        }
        return new Frame(1, reals, longs, strings, consts);
    }

    private static CorrectionInputException wrongType(String kind, Corrector c, Variable v, Object a) {
        return new CorrectionInputException(kind + " '" + c.name() + "': input '" + v.name() + "' is " + v.type()
                + ", but got " + Engine.typeName(a) + " " + DomainError.format(a));
    }

    /** Evaluates every element of {@code f}; see {@link Engine#run}. */
    void run(Frame f, Engine.BoundConstants constants, double[] out, List<Evaluation.ElementError> errors, boolean[] failed) {
        Node r = Engine.specialise(root, specialised, constants);
        Engine.run(this, r, f, out, errors, failed);
    }

    CorrectionDomainException toException(DomainError e, int index) {
        String input = e.slot >= 0 && e.slot < inputs.size() ? inputs.get(e.slot).name() : "?";
        return new CorrectionDomainException(name, input, DomainError.format(e.value), e.problem, e.allowed(), index);
    }

    /** @return the compiled tree (for probing in tools and tests) */
    Node root() {
        return root;
    }

    @Override
    public String toString() {
        return "Correction[" + name + " v" + version + ", inputs " + Engine.describe(inputs) + " -> " + output + "]";
    }
}
