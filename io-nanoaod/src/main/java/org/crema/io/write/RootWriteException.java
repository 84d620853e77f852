package org.crema.io.write;

import org.crema.io.RootException;

/**
 * Writing a ROOT file failed (an I/O error, or data the format cannot hold). The output file is
 * never left half-written: the writer works in a temporary file beside it and removes it.
 */
public class RootWriteException extends RootException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and for which file */
    public RootWriteException(String message) {
        super(message);
    }

    /** @param message what failed and for which file @param cause the underlying failure */
    public RootWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
