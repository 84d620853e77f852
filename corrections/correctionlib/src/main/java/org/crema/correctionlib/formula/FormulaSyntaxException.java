package org.crema.correctionlib.formula;

import org.crema.correctionlib.CorrectionException;

/**
 * A formula that cannot be parsed. The message reads {@code cannot parse formula at position P:
 * what in "text"}; {@link #position()} and {@link #expression()} give the parts.
 */
public final class FormulaSyntaxException extends CorrectionException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;
    private final String reason;

    FormulaSyntaxException(String expression, int position, String reason) {
        super("cannot parse formula at position " + position + ": " + reason + " in \"" + expression + "\"");
        this.expression = expression;
        this.position = position;
        this.reason = reason;
    }

    /** @return the formula text */
    public String expression() {
        return expression;
    }

    /** @return the zero-based character position of the first character that cannot be parsed */
    public int position() {
        return position;
    }

    /** @return what is wrong at {@link #position()}, without position and text */
    public String reason() {
        return reason;
    }
}
