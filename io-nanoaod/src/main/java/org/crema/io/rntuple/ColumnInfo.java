package org.crema.io.rntuple;

/**
 * A column attached to a field.
 *
 * @param physicalId id of the column whose pages hold the data
 * @param type column type name as the format specification spells it, e.g. {@code SplitReal32}
 * @param bitsOnStorage bits per element on disk
 * @param representation representation index (0 unless the field has alternative encodings)
 * @param alias true for an alias column of a projected field (no pages of its own)
 * @param firstElement first element index of a deferred column, 0 otherwise
 */
public record ColumnInfo(int physicalId, String type, int bitsOnStorage, int representation, boolean alias,
        long firstElement) {
}
