package org.crema.hist;

/**
 * A serialized histogram could not be read or written: malformed JSON, a missing key, an
 * unsupported axis or storage type, or array shapes that do not match the axes. The message names
 * the file (when there is one) and the JSON path of the problem.
 */
public final class HistFormatException extends HistException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the file and JSON location of the problem
     */
    public HistFormatException(String message) {
        super(message);
    }

    /**
     * @param message names the file and JSON location of the problem
     * @param cause the underlying parser or I/O failure
     */
    public HistFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
