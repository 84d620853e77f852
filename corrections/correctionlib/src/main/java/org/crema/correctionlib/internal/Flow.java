package org.crema.correctionlib.internal;

/** What a binning does with a value outside its edges. */
public enum Flow {
    /** Use the first or last bin. */
    CLAMP,
    /** Fail the element. */
    ERROR,
    /** Map the value periodically into [first edge, last edge). */
    WRAP,
    /** Evaluate the flow content node. */
    NODE
}
