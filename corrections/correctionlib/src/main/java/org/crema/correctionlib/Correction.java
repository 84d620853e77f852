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
    /**
     * What each input is discriminated on, as correctionlib's summary shows it: the range of the bin
     * edges of a real or int input, and the category keys of an int or string input. Inputs that only
     * enter formulas have neither.
     *
     * @return one entry per input, in input order
     */
    public List<InputDomain> domains() {
        int n = inputs.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        List<java.util.SortedSet<Long>> ints = new java.util.ArrayList<>();
        List<java.util.Set<String>> strings = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ints.add(new java.util.TreeSet<>());
            strings.add(new java.util.LinkedHashSet<>());
        }
        root.probe(new Node.ProbeSink() {
            @Override
            public void edges(int slot, double[] edges) {
                for (double e : edges) {
                    lo[slot] = Math.min(lo[slot], e);
                    hi[slot] = Math.max(hi[slot], e);
                }
            }

            @Override
            public void intKey(int slot, long key) {
                ints.get(slot).add(key);
            }

            @Override
            public void stringKey(int slot, String key) {
                strings.get(slot).add(key);
            }
        });
        List<InputDomain> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean binned = lo[i] <= hi[i];
            out.add(new InputDomain(inputs.get(i).name(), binned ? lo[i] : Double.NaN, binned ? hi[i] : Double.NaN,
                    List.copyOf(ints.get(i)), List.copyOf(strings.get(i))));
        }
        return out;
    }

    /**
     * @param name input name
     * @param low smallest bin edge of the input, NaN when it is not binned
     * @param high largest bin edge, NaN when it is not binned
     * @param intKeys category keys of an int input, ascending
     * @param stringKeys category keys of a string input, in file order
     */
    public record InputDomain(String name, double low, double high, List<Long> intKeys, List<String> stringKeys) {
        /** @return whether the input is binned somewhere in the correction */
        public boolean binned() {
            return !Double.isNaN(low);
        }
    }

    Node root() {
        return root;
    }

    @Override
    public String toString() {
        return "Correction[" + name + " v" + version + ", inputs " + Engine.describe(inputs) + " -> " + output + "]";
    }
}
