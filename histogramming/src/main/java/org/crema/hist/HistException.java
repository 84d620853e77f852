package org.crema.hist;

/**
 * The root of every exception thrown by the histogramming module for a histogram-level problem
 * (incompatible axes, unreadable files). Plain argument mistakes (wrong array lengths, bad bin
 * numbers) are {@link IllegalArgumentException}s whose message says what must hold.
 */
public class HistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, with the values involved
     */
    public HistException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, with the values involved
     * @param cause the underlying failure
     */
    public HistException(String message, Throwable cause) {
        super(message, cause);
    }
}
