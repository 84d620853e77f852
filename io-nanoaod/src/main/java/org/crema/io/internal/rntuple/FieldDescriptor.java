package org.crema.io.internal.rntuple;

/**
 * One field record of the schema (header or footer extension), section "Field Description".
 *
 * @param id implicit field id (position in the serialized list)
 * @param fieldVersion field version
 * @param typeVersion type version
 * @param parentId parent field id (its own id for top-level fields)
 * @param role structural role: 0 leaf, 1 collection, 2 record, 3 variant, 4 streamer
 * @param flags 0x01 repetitive, 0x02 projected, 0x04 type checksum
 * @param name field name
 * @param typeName normalized type name (empty for untyped collections and records)
 * @param typeAlias type alias, e.g. {@code Double32_t}
 * @param description field description
 * @param arraySize repetition count of a fixed-size array, 0 otherwise
 * @param sourceFieldId the source field of a projected field, -1 otherwise
 */
public record FieldDescriptor(int id, long fieldVersion, long typeVersion, int parentId, int role, int flags,
        String name, String typeName, String typeAlias, String description, long arraySize, int sourceFieldId) {

    /** Leaf field. */
    public static final int LEAF = 0;
    /** Parent of a collection. */
    public static final int COLLECTION = 1;
    /** Parent of a record. */
    public static final int RECORD = 2;
    /** Parent of a variant. */
    public static final int VARIANT = 3;
    /** Object streamed by ROOT. */
    public static final int STREAMER = 4;

    /** @return true for a top-level field */
    public boolean topLevel() {
        return parentId == id;
    }

    /** @return true when the field is a projection of another one */
    public boolean projected() {
        return (flags & 0x02) != 0;
    }

    /** @return true for a fixed-size array (or bitset) */
    public boolean repetitive() {
        return (flags & 0x01) != 0;
    }

    static FieldDescriptor read(EnvelopeBuffer b, int id) {
        int end = b.recordFrame();
        long fieldVersion = b.u32();
        long typeVersion = b.u32();
        long parent = b.u32();
        int role = b.u16();
        int flags = b.u16();
        String name = b.string();
        String type = b.string();
        String alias = b.string();
        String description = b.string();
        long arraySize = 0;
        int source = -1;
        if ((flags & 0x01) != 0) {
            arraySize = b.i64();
        }
        if ((flags & 0x02) != 0) {
            source = b.i32();
        }
        if ((flags & 0x04) != 0) {
            b.u32();
        }
        b.seek(end);
        if (parent > Integer.MAX_VALUE) {
            throw b.error("field " + id + " (" + name + ") has parent id " + parent);
        }
        return new FieldDescriptor(id, fieldVersion, typeVersion, (int) parent, role, flags, name, type, alias,
                description, arraySize, source);
    }
}
