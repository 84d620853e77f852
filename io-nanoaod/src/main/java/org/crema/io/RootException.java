package org.crema.io;

/**
 * Root of every exception the ROOT reader throws for bad or unsupported input. Unchecked: callers
 * that can recover (skip a file, report a chunk) catch this one type. Messages name the file, and
 * where known the tree, branch, basket index and byte offset at which reading failed.
 */
public class RootException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and where */
    public RootException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause the underlying failure (an I/O error, a codec error)
     */
    public RootException(String message, Throwable cause) {
        super(message, cause);
    }
}
