package org.crema.processor.accumulate;

/**
 * An accumulator that can describe itself in the run's {@code result.json}. Accumulators without it
 * appear there by class name only (they are always complete in {@code result.ser}).
 */
public interface JsonExportable {

    /**
     * @return a JSON-like value built from {@code Map<String, ?>}, {@code List<?>}, {@code String},
     *     {@code Number}, {@code Boolean} and {@code null}
     */
    Object toJsonValue();
}
