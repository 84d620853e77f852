package org.crema.io.rntuple;

import java.util.List;
import org.crema.columnar.ElementType;

/**
 * What a field is, read from the header and footer without touching pages.
 *
 * @param id field id
 * @param name full dotted name from the top-level field, e.g. {@code Jet._0.pt}
 * @param fieldName the field's own name, e.g. {@code pt}
 * @param typeName normalized type name, empty for untyped collections and records
 * @param typeAlias type alias, e.g. {@code Double32_t}, often empty
 * @param description the field's description (NanoAOD's documentation string)
 * @param structure structural role
 * @param projected true when the field is a projection of another field
 * @param projectedFrom full name of the source field of a projection, null otherwise
 * @param columns attached columns
 * @param leaf true when the field has no subfields
 * @param elementType element type of a readable leaf, null otherwise
 * @param jagged true when a readable leaf lies inside a collection (one list per entry)
 * @param collection full name of the enclosing collection field, null when not jagged
 * @param unsupportedReason why a leaf cannot be read, null when it can (and for non-leaves)
 */
public record FieldInfo(int id, String name, String fieldName, String typeName, String typeAlias,
        String description, Structure structure, boolean projected, String projectedFrom, List<ColumnInfo> columns,
        boolean leaf, ElementType elementType, boolean jagged, String collection, String unsupportedReason) {

    /** @return true for a leaf that {@link RNTuple#read} can decode */
    public boolean readable() {
        return leaf && unsupportedReason == null;
    }
}
