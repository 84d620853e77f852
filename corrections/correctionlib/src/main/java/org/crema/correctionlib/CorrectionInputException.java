package org.crema.correctionlib;

/**
 * Inputs that do not match a correction's signature: wrong number of values, an unknown or unbound
 * input name, a value of the wrong type, or columns shorter than the requested length.
 */
public final class CorrectionInputException extends CorrectionException {
    private static final long serialVersionUID = 1L;

    /** @param message names the correction, the input and what was expected */
    public CorrectionInputException(String message) {
        super(message);
    }
}
