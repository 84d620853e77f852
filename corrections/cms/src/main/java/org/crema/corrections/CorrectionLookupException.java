package org.crema.corrections;

/**
 * A correction was asked for a value it does not define: an unknown systematic or flavour, or an
 * input outside the range a correction refuses to extrapolate. The message names the correction,
 * the input, the offending value and what is allowed.
 */
public final class CorrectionLookupException extends CorrectionsException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message correction, input, value and the allowed range or keys
     */
    public CorrectionLookupException(String message) {
        super(message);
    }

    /**
     * @param message correction, input, value and the allowed range or keys
     * @param cause the evaluator's own exception
     */
    public CorrectionLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
