package org.crema.io;

/**
 * The file does not follow the ROOT format where the reader expected it to: truncated, zeroed or
 * corrupted bytes, inconsistent lengths, a failed checksum, or a name that does not exist.
 */
public class RootFormatException extends RootException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and where */
    public RootFormatException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause the underlying failure
     */
    public RootFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
