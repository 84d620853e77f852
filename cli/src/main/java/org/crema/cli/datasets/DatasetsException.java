package org.crema.cli.datasets;

/** A dataset definition that cannot be read or expanded, or files that cannot be read; the message names them. */
public class DatasetsException extends RuntimeException {
    /**
     * @param message what went wrong, naming the definition, dataset and file
     */
    public DatasetsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the definition, dataset and file
     * @param cause the underlying failure
     */
    public DatasetsException(String message, Throwable cause) {
        super(message, cause);
    }
}
