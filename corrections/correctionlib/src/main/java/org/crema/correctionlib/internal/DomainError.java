package org.crema.correctionlib.internal;

/**
 * Signals that an input value is outside what a node accepts (out of range under flow "error", a
 * missing category key). Internal and cheap: no stack trace, message built only when asked, so that
 * collecting per-element errors does not cost a stack walk per element. The public API converts it
 * into a {@code CorrectionDomainException} naming the correction.
 */
public final class DomainError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Slot (input position) of the offending input. */
    public final int slot;
    /** Offending value, printable. */
    public final transient Object value;
    /** What is wrong, e.g. "is below the lowest bin edge". */
    public final String problem;
    private final transient java.util.function.Supplier<String> allowed;
    /** Element index within the chunk, or -1 when not known yet. */
    public int index = -1;

    DomainError(int slot, Object value, String problem, java.util.function.Supplier<String> allowed) {
        super(problem, null, false, false);
        this.slot = slot;
        this.value = value;
        this.problem = problem;
        this.allowed = allowed;
    }

    /** @return the allowed values or range, e.g. "[15.0, 20.0, ..., inf)" */
    public String allowed() {
        return allowed.get();
    }

    /** Formats a value the way messages print it: strings quoted, numbers with Java's shortest repr. */
    public static String format(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
