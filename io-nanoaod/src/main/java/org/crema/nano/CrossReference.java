package org.crema.nano;

import java.util.List;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;

/**
 * An index field resolved against its target collection, e.g. {@code Jet_genJetIdx} → {@code
 * GenJet}, by {@link NanoSchema#resolve}: per source object, the matched target object's position in
 * the same event ({@link #local()}) and in the target's flat content ({@link #global()}). Both are
 * −1 where the file stores −1 or an index outside the event's target objects (NanoAOD stores {@code
 * genJetIdx} values past the GenJets it kept, for example); {@link #outOfRangeCount()} counts the
 * latter. Both columns have the source collection's lists with offsets starting at 0. Immutable.
 */
public final class CrossReference {
    private final String source;
    private final String field;
    private final String target;
    private final ListColumn<IntColumn> local;
    private final ListColumn<IntColumn> global;
    private final int outOfRange;

    CrossReference(String source, String field, String target, ListColumn<IntColumn> local,
            ListColumn<IntColumn> global, int outOfRange) {
        this.source = source;
        this.field = field;
        this.target = target;
        this.local = local;
        this.global = global;
        this.outOfRange = outOfRange;
    }

    /**
     * The collection an index field points into, by the schema's table and name rule.
     *
     * @param idxField e.g. {@code genJetIdx}, {@code muonIdx2}, {@code genPartIdxMother}
     * @param collections collection names of the file
     * @return the target collection, or null
     * @see NanoSchema#target
     */
    public static String inferTarget(String idxField, List<String> collections) {
        return NanoSchema.nanoAOD().target(null, idxField, collections);
    }

    /** @return source collection name */
    public String source() {
        return source;
    }

    /** @return index field name in the source collection */
    public String field() {
        return field;
    }

    /** @return target collection name */
    public String target() {
        return target;
    }

    /** @return per-object local indices into the same event's target objects, −1 for none */
    public ListColumn<IntColumn> local() {
        return local;
    }

    /** @return per-object indices into the target's flat content, −1 for none */
    public ListColumn<IntColumn> global() {
        return global;
    }

    /** @return true where the source object has a valid match, with the source's lists */
    public ListColumn<BoolColumn> valid() {
        return local.ge(0);
    }

    /** @return how many stored indices were neither −1 nor valid in their event (0 for consistent files) */
    public int outOfRangeCount() {
        return outOfRange;
    }

    @Override
    public String toString() {
        return source + "_" + field + " -> " + target + " (" + outOfRange + " out of range)";
    }
}
