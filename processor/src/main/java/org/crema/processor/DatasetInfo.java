package org.crema.processor;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A dataset's name and metadata, as given in the fileset (PocketCoffea's {@code metadata} block).
 *
 * @param name dataset name (the fileset key), e.g. {@code DYJetsToLL_2018}
 * @param sample sample name shared by several datasets (e.g. all years of one process); defaults to
 *     the dataset name
 * @param year data-taking year or period label, e.g. {@code 2018}; may be empty
 * @param isMC true for simulation, false for collision data
 * @param xsec cross-section in pb, or {@code NaN} when not given (data)
 * @param era data-taking era, e.g. {@code A}; may be empty
 * @param extra every other metadata key, as strings, sorted by key
 */
public record DatasetInfo(String name, String sample, String year, boolean isMC, double xsec, String era,
        Map<String, String> extra) implements Serializable {

    /** Validates and freezes the metadata. */
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("dataset name must not be empty");
        }
        sample = sample == null || sample.isEmpty() ? name : sample;
        year = year == null ? "" : year;
        era = era == null ? "" : era;
        if (!Double.isNaN(xsec) && !(xsec >= 0 && Double.isFinite(xsec))) {
            throw new IllegalArgumentException("xsec of dataset '" + name + "' must be finite and >= 0, got " + xsec);
        }
        extra = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(extra == null ? Map.of() : extra));
    }

    /**
     * A minimal description, for tests and in-memory inputs.
     *
     * @param name dataset name
     * @param isMC simulation or data
     * @return metadata with no sample, year, era or cross-section
     */
    public static DatasetInfo of(String name, boolean isMC) {
        return new DatasetInfo(name, name, "", isMC, Double.NaN, "", Map.of());
    }

    /** @return true if a cross-section was given */
    public boolean hasXsec() {
        return !Double.isNaN(xsec);
    }

    /**
     * @param key metadata key (any of the standard ones or an extra key)
     * @return the value as a string, or {@code null} when absent
     */
    public String get(String key) {
        return switch (key) {
            case "dataset" -> name;
            case "sample" -> sample;
            case "year" -> year;
            case "isMC" -> Boolean.toString(isMC);
            case "xsec" -> hasXsec() ? Double.toString(xsec) : null;
            case "era" -> era;
            default -> extra.get(key);
        };
    }
}
