package org.crema.io.rntuple;

/** The structural role of an RNTuple field (section "Field Description" of the format). */
public enum Structure {
    /** A field with values of its own (a number, a bool, a cardinality). */
    LEAF,
    /** The parent of a collection ({@code std::vector}, {@code RVec}, an untyped collection). */
    COLLECTION,
    /** The parent of a record (a struct, an untyped record). */
    RECORD,
    /** The parent of a variant. */
    VARIANT,
    /** An object serialized by ROOT's streamer. */
    STREAMER,
    /** A role this reader does not know. */
    UNKNOWN;

    static Structure of(int role) {
        return role >= 0 && role < 5 ? values()[role] : UNKNOWN;
    }
}
