package org.crema.arrow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Provenance written into a table's key-value metadata (Arrow schema metadata, Parquet footer
 * {@code key_value_metadata}), so a file read in pandas or polars still says what it holds.
 *
 * @param dataset dataset name from the fileset (e.g. {@code "DYJetsToLL_M-50"})
 * @param sample sample the dataset belongs to (e.g. {@code "DY"})
 * @param year data-taking period as the configs spell it (e.g. {@code "2018"}, {@code "2022_postEE"})
 * @param isMC true for simulation
 * @param xsec cross section in pb; {@code NaN} when there is none (data), and then not written
 * @param category event category the rows belong to (e.g. {@code "2mu"}), or {@code ""} for all events
 * @param extra further string pairs, written after the standard keys; may not reuse a standard key
 */
public record TableMetadata(String dataset, String sample, String year, boolean isMC, double xsec,
        String category, Map<String, String> extra) {

    /** The version of crema that wrote a file, from the build. */
    public static final String CREMA_VERSION = readVersion();

    /** Standard keys, in the order they are written. */
    public static final String DATASET = "dataset", SAMPLE = "sample", YEAR = "year", IS_MC = "isMC",
            XSEC = "xsec", CATEGORY = "category", VERSION = "crema_version";

    /** Copies {@code extra} and checks that no value is null. */
    public TableMetadata {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(category, "category");
        extra = Map.copyOf(extra);
        for (String key : extra.keySet()) {
            if (key.equals(DATASET) || key.equals(SAMPLE) || key.equals(YEAR) || key.equals(IS_MC)
                    || key.equals(XSEC) || key.equals(CATEGORY) || key.equals(VERSION)) {
                throw new IllegalArgumentException("extra metadata key '" + key + "' is a standard key; set it through its own field");
            }
        }
    }

    /**
     * Metadata without extra keys.
     *
     * @return a new record
     */
    public static TableMetadata of(String dataset, String sample, String year, boolean isMC, double xsec, String category) {
        return new TableMetadata(dataset, sample, year, isMC, xsec, category, Map.of());
    }

    /**
     * The pairs as written: standard keys first in a fixed order, then {@link #extra()} sorted by key
     * so that the bytes of a file do not depend on map iteration order. {@code isMC} is {@code
     * "true"}/{@code "false"}; {@code xsec} is Java's shortest decimal that reads back to the same
     * double.
     *
     * @return a new insertion-ordered map
     */
    public Map<String, String> toKeyValues() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(DATASET, dataset);
        out.put(SAMPLE, sample);
        out.put(YEAR, year);
        out.put(IS_MC, Boolean.toString(isMC));
        if (!Double.isNaN(xsec)) {
            out.put(XSEC, Double.toString(xsec));
        }
        out.put(CATEGORY, category);
        out.put(VERSION, CREMA_VERSION);
        extra.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String readVersion() {
        try (InputStream in = TableMetadata.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
