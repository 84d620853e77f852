package org.crema.cli.hist;

/** A request {@code crema hist} cannot answer: a missing file, an unknown name, an impossible rebinning. */
final class HistQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HistQueryException(String message) {
        super(message);
    }
}
