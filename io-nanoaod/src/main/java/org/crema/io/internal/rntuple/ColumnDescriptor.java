package org.crema.io.internal.rntuple;

/**
 * One column attached to a field: a physical column (section "Column Description") or an alias
 * column of a projected field (section "Alias columns"), which reads the pages of the physical
 * column it names.
 *
 * @param physicalId id of the column whose pages hold the data (its own id for physical columns)
 * @param fieldId the field the column is attached to
 * @param type column type (for an alias: the physical column's type), null when the id is unknown
 * @param typeId the raw type id from the header
 * @param bits bits per element on storage
 * @param flags 0x01 deferred, 0x02 value range
 * @param representation representation index
 * @param firstElement first element index of a deferred column (0 otherwise)
 * @param alias true for an alias column
 */
public record ColumnDescriptor(int physicalId, int fieldId, ColumnType type, int typeId, int bits, int flags,
        int representation, long firstElement, boolean alias) {

    static ColumnDescriptor read(EnvelopeBuffer b, int id) {
        int end = b.recordFrame();
        int typeId = b.u16();
        int bits = b.u16();
        long field = b.u32();
        int flags = b.u16();
        int repr = b.u16();
        long first = 0;
        if ((flags & 0x01) != 0) {
            first = b.i64();
        }
        if ((flags & 0x02) != 0) {
            b.f64();
            b.f64();
        }
        b.seek(end);
        return new ColumnDescriptor(id, (int) field, ColumnType.byId(typeId), typeId, bits, flags, repr, first, false);
    }

    /** @return the type's specification name, or {@code Unknown(0xNN)} */
    public String typeName() {
        return type == null ? String.format("Unknown(0x%02X)", typeId) : type.specName();
    }
}
