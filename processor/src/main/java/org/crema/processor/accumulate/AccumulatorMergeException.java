package org.crema.processor.accumulate;

/** Two accumulators could not be merged because their structure differs (binning, cutflow steps, types). */
public class AccumulatorMergeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message which structure differs, with both values */
    public AccumulatorMergeException(String message) {
        super(message);
    }
}
