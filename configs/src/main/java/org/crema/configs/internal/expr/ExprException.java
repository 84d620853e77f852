package org.crema.configs.internal.expr;

/**
 * An error inside an expression string, at a character offset of that string; the loader turns the
 * offset into a file column.
 */
public final class ExprException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    /** @param offset 0-based offset in the expression @param message what is wrong and what was expected */
    public ExprException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** @return 0-based offset in the expression text */
    public int offset() {
        return offset;
    }
}
