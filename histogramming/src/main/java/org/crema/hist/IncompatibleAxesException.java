package org.crema.hist;

/**
 * Two histograms cannot be combined because their axes differ; the message names both axes.
 */
public final class IncompatibleAxesException extends HistException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names both axes and what differs
     */
    public IncompatibleAxesException(String message) {
        super(message);
    }
}
