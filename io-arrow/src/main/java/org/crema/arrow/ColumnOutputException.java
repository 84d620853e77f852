package org.crema.arrow;

/**
 * The root of io-arrow's exceptions: a batch that does not fit the table's schema, a column type
 * that the format cannot hold, or an I/O failure while writing. Messages name the output file and,
 * where known, the batch and the column.
 */
public class ColumnOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and where */
    public ColumnOutputException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause the underlying failure (usually an I/O error)
     */
    public ColumnOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
