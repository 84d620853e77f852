package org.crema.io.internal.rntuple;

/**
 * The on-disk column types of RNTuple format 1.0 (section "Column Description"), with how each is
 * encoded: element size, split (byte planes), zigzag (signed split integers) and delta (split index
 * columns). Ids are the ones written in the header.
 */
public enum ColumnType {
    BIT(0x00, 1, Storage.BOOLEAN, false, false, false),
    BYTE(0x01, 8, Storage.BYTE, false, false, false),
    CHAR(0x02, 8, Storage.BYTE, false, false, false),
    INT8(0x03, 8, Storage.BYTE, false, false, false),
    UINT8(0x04, 8, Storage.BYTE, false, false, false),
    INT16(0x05, 16, Storage.SHORT, false, false, false),
    UINT16(0x06, 16, Storage.SHORT, false, false, false),
    INT32(0x07, 32, Storage.INT, false, false, false),
    UINT32(0x08, 32, Storage.INT, false, false, false),
    INT64(0x09, 64, Storage.LONG, false, false, false),
    UINT64(0x0A, 64, Storage.LONG, false, false, false),
    REAL16(0x0B, 16, Storage.FLOAT, false, false, false),
    REAL32(0x0C, 32, Storage.FLOAT, false, false, false),
    REAL64(0x0D, 64, Storage.DOUBLE, false, false, false),
    INDEX32(0x0E, 32, Storage.LONG, false, false, false),
    INDEX64(0x0F, 64, Storage.LONG, false, false, false),
    SWITCH(0x10, 96, Storage.NONE, false, false, false),
    SPLIT_INT16(0x11, 16, Storage.SHORT, true, true, false),
    SPLIT_UINT16(0x12, 16, Storage.SHORT, true, false, false),
    SPLIT_INT32(0x13, 32, Storage.INT, true, true, false),
    SPLIT_UINT32(0x14, 32, Storage.INT, true, false, false),
    SPLIT_INT64(0x15, 64, Storage.LONG, true, true, false),
    SPLIT_UINT64(0x16, 64, Storage.LONG, true, false, false),
    SPLIT_REAL16(0x17, 16, Storage.FLOAT, true, false, false),
    SPLIT_REAL32(0x18, 32, Storage.FLOAT, true, false, false),
    SPLIT_REAL64(0x19, 64, Storage.DOUBLE, true, false, false),
    SPLIT_INDEX32(0x1A, 32, Storage.LONG, true, false, true),
    SPLIT_INDEX64(0x1B, 64, Storage.LONG, true, false, true),
    REAL32_TRUNC(0x1C, -1, Storage.FLOAT, false, false, false),
    REAL32_QUANT(0x1D, -1, Storage.FLOAT, false, false, false);

    /** The Java array an element is decoded into. */
    public enum Storage {
        /** {@code boolean[]} */
        BOOLEAN,
        /** {@code byte[]} */
        BYTE,
        /** {@code short[]} */
        SHORT,
        /** {@code int[]} */
        INT,
        /** {@code long[]} (also every index column, widened) */
        LONG,
        /** {@code float[]} (also half precision, widened) */
        FLOAT,
        /** {@code double[]} */
        DOUBLE,
        /** not decodable into a flat array */
        NONE
    }

    private static final ColumnType[] BY_ID = new ColumnType[0x1E];

    static {
        for (ColumnType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final int bits;
    private final Storage storage;
    private final boolean split;
    private final boolean zigzag;
    private final boolean delta;

    ColumnType(int id, int bits, Storage storage, boolean split, boolean zigzag, boolean delta) {
        this.id = id;
        this.bits = bits;
        this.storage = storage;
        this.split = split;
        this.zigzag = zigzag;
        this.delta = delta;
    }

    /** @param id type id from the header @return the type, or null for an id this reader does not know */
    public static ColumnType byId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /** @return the id written in the header */
    public int id() {
        return id;
    }

    /** @return fixed bits per element, -1 where the header gives it (Real32Trunc, Real32Quant) */
    public int bits() {
        return bits;
    }

    /** @return the decoded array kind */
    public Storage storage() {
        return storage;
    }

    /** @return true when pages store byte planes */
    public boolean split() {
        return split;
    }

    /** @return true when split signed integers are zigzag-mapped */
    public boolean zigzag() {
        return zigzag;
    }

    /** @return true when split index pages store differences to the previous element */
    public boolean delta() {
        return delta;
    }

    /** @return true for the offset columns of collections */
    public boolean isIndex() {
        return this == INDEX32 || this == INDEX64 || this == SPLIT_INDEX32 || this == SPLIT_INDEX64;
    }

    /** @return true for the unsigned integer and index types (widened without sign) */
    public boolean unsigned() {
        return switch (this) {
            case UINT8, UINT16, UINT32, UINT64, SPLIT_UINT16, SPLIT_UINT32, SPLIT_UINT64, INDEX32, INDEX64,
                    SPLIT_INDEX32, SPLIT_INDEX64, BYTE -> true;
            default -> false;
        };
    }

    /** @return the specification's name, e.g. {@code SplitReal32} */
    public String specName() {
        StringBuilder sb = new StringBuilder();
        for (String part : name().split("_")) {
            if (part.equals("UINT8") || part.equals("UINT16") || part.equals("UINT32") || part.equals("UINT64")) {
                sb.append("UInt").append(part.substring(4));
            } else if (part.startsWith("INT") || part.startsWith("REAL") || part.startsWith("INDEX")) {
                int digits = 0;
                while (digits < part.length() && !Character.isDigit(part.charAt(digits))) {
                    digits++;
                }
                sb.append(part.charAt(0)).append(part.substring(1, digits).toLowerCase()).append(part.substring(digits));
            } else {
                sb.append(part.charAt(0)).append(part.substring(1).toLowerCase());
            }
        }
        return sb.toString();
    }
}
