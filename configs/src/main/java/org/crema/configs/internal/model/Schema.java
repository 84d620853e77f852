package org.crema.configs.internal.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crema.columnar.ElementType;
import org.crema.configs.internal.expr.Type.Kind;

/**
 * The branches of the input, as the type checker needs them: flat branches with their kind, and
 * collections ({@code X_*} branches counted by {@code nX}) with their fields. Read from the first
 * file's tree metadata, without touching any basket.
 *
 * @param flat flat branch → kind
 * @param collections collection → field → kind
 */
public record Schema(Map<String, Kind> flat, Map<String, Map<String, Kind>> collections) implements Serializable {

    /** Copies, keeping order. */
    public Schema {
        flat = Collections.unmodifiableMap(new LinkedHashMap<>(flat));
        LinkedHashMap<String, Map<String, Kind>> c = new LinkedHashMap<>();
        collections.forEach((k, v) -> c.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        collections = Collections.unmodifiableMap(c);
    }

    /**
     * @param t a column element type
     * @return its kind in expressions: narrower integers are int, 64-bit integers double
     */
    public static Kind kind(ElementType t) {
        return switch (t) {
            case BOOL -> Kind.BOOL;
            case INT8, UINT8, INT16, UINT16, INT32, UINT32 -> Kind.INT;
            case FLOAT32 -> Kind.FLOAT;
            case INT64, UINT64, FLOAT64 -> Kind.DOUBLE;
        };
    }
}
