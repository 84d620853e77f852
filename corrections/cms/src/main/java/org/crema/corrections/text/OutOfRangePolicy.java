package org.crema.corrections.text;

/**
 * What a text-file correction does with a point that no record's bin ranges contain.
 */
public enum OutOfRangePolicy {
    /**
     * CMSSW: no record → the neutral value (1.0 for corrections, resolutions and scale factors;
     * −999 for JES uncertainties, which {@link TextUncertainty} reports as such). The default.
     */
    CMSSW,
    /**
     * coffea {@code lookup_tools}: values outside the outermost bin edges are moved into the first
     * or last bin of each bin variable, so every point gets the nearest record.
     */
    CLAMP
}
