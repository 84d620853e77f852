package org.crema.correctionlib;

import java.util.List;

/**
 * Something that turns inputs into one real output: a {@link Correction} or a
 * {@link CompoundCorrection}. Instances are immutable and safe to share between threads.
 */
public sealed interface Corrector permits Correction, CompoundCorrection {
    /** @return the name, unique within its set */
    String name();

    /** @return the description, empty when the file has none */
    String description();

    /** @return the inputs in signature order (the order {@link #evaluate} takes them) */
    List<Variable> inputs();

    /** @return the output variable (always real) */
    Variable output();

    /**
     * Evaluates one element; a convenience, not the fast path (use {@link #bind()}).
     *
     * @param args one value per input, in signature order: a {@link Number} for real inputs, an
     *     integral {@link Number} (Integer, Long, Short, Byte) for int inputs, a {@link String} for string inputs
     * @return the output
     * @throws CorrectionInputException for a wrong number or type of arguments
     * @throws CorrectionDomainException when a value is outside the correction's domain
     */
    double evaluate(Object... args);

    /**
     * Starts binding inputs by name for vectorised evaluation over columns.
     *
     * @return a new, empty {@link Inputs}
     */
    Inputs bind();

    /**
     * @param name an input name
     * @return the input's position in {@link #inputs()}, or -1
     */
    default int inputIndex(String name) {
        List<Variable> in = inputs();
        for (int k = 0; k < in.size(); k++) {
            if (in.get(k).name().equals(name)) {
                return k;
            }
        }
        return -1;
    }
}
