package org.crema.corrections;

/**
 * A correction file could not be read or is malformed. The message starts with {@code file:line:}
 * when the problem is tied to a line.
 */
public final class CorrectionFileException extends CorrectionsException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * @param source the file name (or another description of where the text came from)
     * @param line 1-based line number, or 0 when the problem concerns the whole file
     * @param message what is wrong on that line
     */
    public CorrectionFileException(String source, int line, String message) {
        super(line > 0 ? source + ":" + line + ": " + message : source + ": " + message);
        this.source = source;
        this.line = line;
    }

    /**
     * @param source the file name
     * @param message what went wrong
     * @param cause the underlying I/O or parsing failure
     */
    public CorrectionFileException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
        this.line = 0;
    }

    /** @return the file (or text source) name */
    public String source() {
        return source;
    }

    /** @return the 1-based line number, or 0 when not tied to a line */
    public int line() {
        return line;
    }
}
