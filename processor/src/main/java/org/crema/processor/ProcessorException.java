package org.crema.processor;

import org.crema.processor.accumulate.AccumulatorMergeException;

/**
 * Root of the unchecked exceptions thrown by the processor module. Narrow subclasses say what went
 * wrong: {@link AccumulatorMergeException}, {@link ChunkFailedException},
 * {@link org.crema.processor.run.FilesetException}.
 */
public class ProcessorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, with the values involved */
    public ProcessorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, with the values involved
     * @param cause the underlying failure
     */
    public ProcessorException(String message, Throwable cause) {
        super(message, cause);
    }
}
