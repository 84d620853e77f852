package org.crema.correctionlib;

/**
 * Root of every error the correctionlib evaluator raises: a file that does not follow schema v2
 * ({@link CorrectionSchemaException}), inputs of the wrong number, name or type
 * ({@link CorrectionInputException}), or values outside a correction's domain
 * ({@link CorrectionDomainException}). Unchecked.
 */
public class CorrectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public CorrectionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying error
     */
    public CorrectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
