package org.crema.processor;

/**
 * A simulated dataset cannot be normalised to luminosity × cross-section / Σ genWeight: it has no
 * cross-section, or its year has no luminosity. Thrown before any event is read, naming every such
 * dataset.
 */
public class NormalisationException extends ProcessorException {
    private static final long serialVersionUID = 1L;

    /** @param message the datasets, what each lacks and how to fix it */
    public NormalisationException(String message) {
        super(message);
    }
}
