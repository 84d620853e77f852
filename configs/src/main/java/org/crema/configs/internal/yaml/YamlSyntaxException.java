package org.crema.configs.internal.yaml;

/** Text that is not YAML, with the place the parser stopped. */
public final class YamlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    /** @param line 1-based line @param column 1-based column @param message what is wrong */
    public YamlSyntaxException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** @return 1-based line */
    public int line() {
        return line;
    }

    /** @return 1-based column */
    public int column() {
        return column;
    }
}
