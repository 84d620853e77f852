package org.crema.processor;

/**
 * Reading input failed: the file could not be opened, is truncated or corrupt, or a column could not
 * be decoded. Runs with {@code skipBadFiles} skip chunks failing this way and record them; any other
 * exception from processor code stops the run, because skipping it would hide an analysis bug.
 */
public class InputReadException extends ProcessorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be read, with file and entry range
     * @param cause the reader's exception
     */
    public InputReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
