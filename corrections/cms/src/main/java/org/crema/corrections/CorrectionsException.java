package org.crema.corrections;

import org.crema.correctionlib.CorrectionException;

/**
 * Root of every exception thrown by the CMS corrections module for bad input files or values that
 * a correction cannot handle. It extends correctionlib's {@link CorrectionException}, so one
 * {@code catch (CorrectionException e)} covers both modules. Subclasses carry the context (file
 * and line, correction, input and value) in their message so a user can find the problem without
 * a debugger.
 */
public class CorrectionsException extends CorrectionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, with file, line, input and value where known
     */
    public CorrectionsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, with file, line, input and value where known
     * @param cause the underlying failure (I/O, JSON parsing, …)
     */
    public CorrectionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
