package org.crema.spark;

import org.crema.processor.ProcessorException;

/**
 * Root of the exceptions of the Spark executor: the Spark job failed for a reason other than a chunk
 * (which the runner reports with its chunk), or the driver was interrupted.
 */
public class SparkExecutorException extends ProcessorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the Spark or JDK exception behind it, or {@code null}
     */
    public SparkExecutorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public SparkExecutorException(String message) {
        super(message);
    }
}
