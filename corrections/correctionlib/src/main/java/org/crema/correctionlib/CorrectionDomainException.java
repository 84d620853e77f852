package org.crema.correctionlib;

/**
 * An input value outside what a correction accepts: below or above the edges of a binning whose
 * flow is "error", or a key missing from a category without default. Names the correction, the
 * input, the value, the allowed range or keys, and the element index within the chunk.
 */
public final class CorrectionDomainException extends CorrectionException {
    private static final long serialVersionUID = 1L;

    private final String correction;
    private final String input;
    private final String value;
    private final String allowed;
    private final String problem;
    private final int index;

    /**
     * @param correction correction name
     * @param input input name
     * @param value the offending value, printable
     * @param problem e.g. "is above the binning range"
     * @param allowed the allowed range or keys
     * @param index element index within the chunk, or -1 for a scalar call
     */
    public CorrectionDomainException(String correction, String input, String value, String problem, String allowed, int index) {
        super(message(correction, input, value, problem, allowed, index));
        this.correction = correction;
        this.input = input;
        this.value = value;
        this.allowed = allowed;
        this.problem = problem;
        this.index = index;
    }

    static String message(String correction, String input, String value, String problem, String allowed, int index) {
        return "correction '" + correction + "': input '" + input + "' = " + value + " " + problem
                + " (allowed: " + allowed + ")" + (index >= 0 ? " at element " + index : "");
    }

    /** @return the correction's name */
    public String correction() {
        return correction;
    }

    /** @return the input's name */
    public String input() {
        return input;
    }

    /** @return the offending value as printed (strings quoted) */
    public String value() {
        return value;
    }

    /** @return what is wrong with the value, e.g. "is above the binning range" */
    public String problem() {
        return problem;
    }

    /** @return the allowed range or keys */
    public String allowed() {
        return allowed;
    }

    /** @return element index within the evaluated chunk, or -1 for a scalar call */
    public int index() {
        return index;
    }
}
