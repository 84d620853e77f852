package org.crema.correctionlib;

import java.util.ArrayList;
import java.util.List;

import org.crema.correctionlib.internal.DomainError;
import org.crema.correctionlib.internal.Frame;

/**
 * A stack of corrections evaluated in order, each stage seeing the inputs it names (bound by name
 * from the compound's inputs). After every stage the inputs listed in {@code inputs_update} are
 * combined with the stage's output by {@code input_op}, and the outputs are combined by
 * {@code output_op}. The JEC compound, for example, evaluates L2 at pt·L1, L3 at pt·L1·L2 and returns
 * the product. Immutable and thread-safe.
 */
public final class CompoundCorrection implements Corrector {
    /** How values are combined. */
    public enum Op {
        /** a + b */
        ADD("+"),
        /** a · b */
        MULTIPLY("*"),
        /** a / b */
        DIVIDE("/"),
        /** b (output only) */
        LAST("last");

        private final String json;

        Op(String json) {
            this.json = json;
        }

        /** @return the JSON spelling */
        public String jsonName() {
            return json;
        }

        static Op fromJson(String s) {
            for (Op o : values()) {
                if (o.json.equals(s)) {
                    return o;
                }
            }
            return null;
        }

        double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                case LAST -> b;
            };
        }
    }

    private final String name;
    private final String description;
    private final List<Variable> inputs;
    private final Variable output;
    private final List<Correction> stack;
    private final int[][] stageSlots; // per stage: compound slot of each stage input
    private final int[] updated; // compound slots rewritten after each stage
    private final List<String> updatedNames;
    private final Op inputOp;
    private final Op outputOp;

    CompoundCorrection(String name, String description, List<Variable> inputs, Variable output, List<Correction> stack,
            List<String> inputsUpdate, Op inputOp, Op outputOp) {
        this.name = name;
        this.description = description;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.stack = List.copyOf(stack);
        this.inputOp = inputOp;
        this.outputOp = outputOp;
        this.updatedNames = List.copyOf(inputsUpdate);
        this.stageSlots = new int[stack.size()][];
        for (int s = 0; s < stack.size(); s++) {
            List<Variable> in = stack.get(s).inputs();
            stageSlots[s] = new int[in.size()];
            for (int k = 0; k < in.size(); k++) {
                stageSlots[s][k] = inputIndex(in.get(k).name());
            }
        }
        this.updated = new int[inputsUpdate.size()];
        for (int u = 0; u < updated.length; u++) {
            updated[u] = inputIndex(inputsUpdate.get(u));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Variable> inputs() {
        return inputs;
    }

    @Override
    public Variable output() {
        return output;
    }

    /** @return the stages, in evaluation order */
    public List<Correction> stack() {
        return stack;
    }

    /** @return names of the inputs rewritten after each stage */
    public List<String> inputsUpdate() {
        return updatedNames;
    }

    /** @return how updated inputs combine with a stage's output */
    public Op inputOp() {
        return inputOp;
    }

    /** @return how stage outputs combine */
    public Op outputOp() {
        return outputOp;
    }

    @Override
    public Inputs bind() {
        return new Inputs(this);
    }

    @Override
    public double evaluate(Object... args) {
        Frame f = Correction.scalarFrame(this, inputs, args);
        double[] out = new double[1];
        try {
            run(f, null, out, null);
        } catch (CorrectionDomainException e) {
            // A one-element call has no chunk index to report.
            throw new CorrectionDomainException(e.correction(), e.input(), e.value(), e.problem(), e.allowed(), -1);
        }
        return out[0];
    }

    void run(Frame f, Engine.BoundConstants constants, double[] out, List<Evaluation.ElementError> errors) {
        int n = f.n;
        double[][] reals = f.reals.clone();
        boolean[] own = new boolean[reals.length]; // arrays we allocated and may overwrite
        boolean[] failed = errors == null ? null : new boolean[n];
        double[] sf = new double[n];
        for (int s = 0; s < stack.size(); s++) {
            Correction stage = stack.get(s);
            Frame sfFrame = new Frame(n, reals, f.longs, f.strings, f.stringConstants).project(stageSlots[s]);
            try {
                stage.run(sfFrame, constants == null ? null : constants.project(stageSlots[s]), sf, errors, failed);
            } catch (DomainError e) {
                throw stage.toException(e, e.index);
            }
            if (s == 0) {
                System.arraycopy(sf, 0, out, 0, n);
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = outputOp.apply(out[i], sf[i]);
                }
            }
            if (s + 1 < stack.size()) {
                for (int slot : updated) {
                    double[] cur = reals[slot];
                    double[] next = own[slot] ? cur : new double[n];
                    for (int i = 0; i < n; i++) {
                        next[i] = inputOp.apply(cur[i], sf[i]);
                    }
                    reals[slot] = next;
                    own[slot] = true;
                }
            }
        }
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Correction c : stack) {
            names.add(c.name());
        }
        return "CompoundCorrection[" + name + ", stack " + names + "]";
    }
}
