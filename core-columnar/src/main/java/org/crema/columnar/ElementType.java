package org.crema.columnar;

/**
 * The primitive type of a flat column's elements, covering every NanoAOD leaf type. Unsigned types
 * share storage with their signed twin (a {@code UChar_t} is stored in a {@code byte}) and differ
 * only in how values widen: {@link PrimitiveColumn#getDouble(int)} and {@link
 * PrimitiveColumn#getLong(int)} read them as unsigned.
 */
public enum ElementType {
    /** {@code Bool_t}, stored as {@code boolean}. */
    BOOL(1, false),
    /** {@code Char_t}, signed 8-bit. */
    INT8(1, false),
    /** {@code UChar_t}, unsigned 8-bit stored in a {@code byte}. */
    UINT8(1, true),
    /** {@code Short_t}, signed 16-bit. */
    INT16(2, false),
    /** {@code UShort_t}, unsigned 16-bit stored in a {@code short}. */
    UINT16(2, true),
    /** {@code Int_t}, signed 32-bit. */
    INT32(4, false),
    /** {@code UInt_t}, unsigned 32-bit stored in an {@code int}. */
    UINT32(4, true),
    /** {@code Long64_t}, signed 64-bit. */
    INT64(8, false),
    /** {@code ULong64_t}, unsigned 64-bit stored in a {@code long}. */
    UINT64(8, true),
    /** {@code Float_t}, IEEE 754 binary32. */
    FLOAT32(4, false),
    /** {@code Double_t}, IEEE 754 binary64. */
    FLOAT64(8, false);

    private final int byteSize;
    private final boolean unsigned;

    ElementType(int byteSize, boolean unsigned) {
        this.byteSize = byteSize;
        this.unsigned = unsigned;
    }

    /** @return bytes per element in memory and in ROOT's on-disk encoding */
    public int byteSize() {
        return byteSize;
    }

    /** @return true for the unsigned integer types */
    public boolean isUnsigned() {
        return unsigned;
    }

    /** @return true for FLOAT32 and FLOAT64 */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }
}
