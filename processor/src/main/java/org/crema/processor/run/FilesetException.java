package org.crema.processor.run;

import org.crema.processor.ProcessorException;

/** A fileset JSON is malformed or names files that do not exist. The message names the file and the key. */
public class FilesetException extends ProcessorException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, with the fileset path and dataset key */
    public FilesetException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause the parser's exception
     */
    public FilesetException(String message, Throwable cause) {
        super(message, cause);
    }
}
