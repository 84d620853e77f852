package org.crema.configs.internal.expr;

/**
 * The static type of an expression: what one value is ({@link Kind}) and how values are arranged
 * per event ({@link Shape}).
 *
 * @param shape constant, one per event, one list per event, a collection, one object per event or a
 *     four-vector sum per event
 * @param kind element kind of numbers and booleans (null for collections, objects and four-vectors)
 * @param collection the collection of a {@code COLLECTION} or {@code OBJECT}, else null
 */
public record Type(Shape shape, Kind kind, String collection) {

    /** Element kinds; int covers every integer branch narrower than 64 bits. */
    public enum Kind {
        /** boolean */
        BOOL,
        /** 32-bit integer */
        INT,
        /** 32-bit float */
        FLOAT,
        /** 64-bit float (also 64-bit integer branches) */
        DOUBLE
    }

    /** How values are arranged. */
    public enum Shape {
        /** a literal, folded at load */
        CONST,
        /** one value per event */
        EVENT,
        /** one list per event */
        JAGGED,
        /** a collection of objects (records) */
        COLLECTION,
        /** one object of a collection per event, e.g. {@code Muon[0]} */
        OBJECT,
        /** a per-event sum of objects, e.g. {@code Muon[0] + Muon[1]} */
        P4,
        /** the k-object combinations of a collection, e.g. {@code combinations(Jet, 3)} */
        COMBOS,
        /** per object, the object of another collection it points to, e.g. {@code Jet.matchedGen} */
        REF
    }

    /** @param kind kind @return a per-event type */
    public static Type event(Kind kind) {
        return new Type(Shape.EVENT, kind, null);
    }

    /** @param kind kind @return a per-object type */
    public static Type jagged(Kind kind) {
        return new Type(Shape.JAGGED, kind, null);
    }

    /** @return true for numbers and booleans (constant, per-event or per-object) */
    public boolean isValue() {
        return shape == Shape.CONST || shape == Shape.EVENT || shape == Shape.JAGGED;
    }

    @Override
    public String toString() {
        return switch (shape) {
            case CONST -> "constant " + kind.name().toLowerCase();
            case EVENT -> "per-event " + kind.name().toLowerCase();
            case JAGGED -> "per-object " + kind.name().toLowerCase();
            case COLLECTION -> "collection " + collection;
            case OBJECT -> "one " + collection + " object per event";
            case P4 -> "four-vector";
            case COMBOS -> "combinations of " + collection;
            case REF -> "cross-reference to " + collection;
        };
    }
}
