package org.crema.cli.workflow;

/** A workflow that cannot be read, planned or run; the message names the file, step or folder. */
public class WorkflowException extends RuntimeException {
    /**
     * @param message what went wrong, naming the file, step or folder
     */
    public WorkflowException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the file, step or folder
     * @param cause the underlying failure
     */
    public WorkflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
