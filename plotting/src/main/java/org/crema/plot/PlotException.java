package org.crema.plot;

/** Root of the plotting module's exceptions: bad plot input, or an output that could not be written. */
public class PlotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was expected and what was found */
    public PlotException(String message) {
        super(message);
    }

    /**
     * @param message what was expected and what was found
     * @param cause the underlying failure
     */
    public PlotException(String message, Throwable cause) {
        super(message, cause);
    }
}
