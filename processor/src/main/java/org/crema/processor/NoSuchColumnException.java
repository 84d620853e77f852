package org.crema.processor;

/** A processor asked for a column or collection that the input does not have. */
public class NoSuchColumnException extends ProcessorException {
    private static final long serialVersionUID = 1L;

    /** @param message the missing name, the chunk and a hint of what exists */
    public NoSuchColumnException(String message) {
        super(message);
    }
}
