package org.crema.correctionlib;

/** What a vectorised evaluation does when an element's inputs are outside the correction's domain. */
public enum ErrorPolicy {
    /**
     * Throw a {@link CorrectionDomainException} naming a failing element (the reference behaviour: no
     * partial output). Elements are visited grouped by bin, so it is not necessarily the lowest index.
     */
    FAIL,
    /** Give NaN for failing elements and report each one in {@link Evaluation#errors()}. */
    COLLECT
}
