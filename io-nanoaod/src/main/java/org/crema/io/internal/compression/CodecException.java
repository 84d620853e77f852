package org.crema.io.internal.compression;

/** A codec could not decode a block; the caller adds file, branch and basket context. */
public final class CodecException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what the codec reported */
    public CodecException(String message) {
        super(message);
    }

    /** @param message what the codec reported @param cause the codec's exception */
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
