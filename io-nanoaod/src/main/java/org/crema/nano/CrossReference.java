package org.crema.nano;

import java.util.List;
import java.util.Locale;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;

/**
 * An index field pointing from one collection into another, e.g. {@code Jet_genJetIdx} → {@code
 * GenJet}: for each source object, the index of the matched target object in the same event, or
 * -1 when there is none. {@link #global()} turns these into indices into the target fields' flat
 * content, so {@code genJets.field("pt").content()} can be gathered with them directly.
 */
public final class CrossReference {
    private final NanoCollection source;
    private final String field;
    private final NanoCollection target;
    private volatile int[] global;
    private volatile int outOfRange = -1;

    CrossReference(NanoCollection source, String field, NanoCollection target) {
        this.source = source;
        this.field = field;
        this.target = target;
    }

    /**
     * The collection an index field points into: the field name without {@code Idx}, trailing digits
     * and a {@code Mother} suffix, matched case-insensitively against the collection names.
     *
     * @param idxField e.g. {@code genJetIdx}, {@code muonIdx2}, {@code genPartIdxMother}
     * @param collections collection names of the file
     * @return the target collection, or null
     */
    public static String inferTarget(String idxField, List<String> collections) {
        int at = idxField.lastIndexOf("Idx");
        if (at <= 0) {
            return null;
        }
        String rest = idxField.substring(at + 3);
        if (!rest.isEmpty() && !rest.equals("Mother") && !rest.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String stem = idxField.substring(0, at).toLowerCase(Locale.ROOT);
        for (String c : collections) {
            if (c.toLowerCase(Locale.ROOT).equals(stem)) {
                return c;
            }
        }
        return null;
    }

    /** @return source collection name */
    public String source() {
        return source.name();
    }

    /** @return index field name in the source collection */
    public String field() {
        return field;
    }

    /** @return target collection name */
    public String target() {
        return target.name();
    }

    /** @return per-object local indices (-1 for none), sharing the source collection's offsets */
    public ListColumn<IntColumn> local() {
        ListColumn<PrimitiveColumn> idx = source.field(field);
        PrimitiveColumn c = idx.content();
        int[] v = new int[c.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) c.getLong(i);
        }
        return ListColumn.ofTrusted(source.offsets(), IntColumn.of(v));
    }

    /**
     * @return per-object indices into the target collection's flat content (position {@code
     *     target.offsets()[event] + local}), -1 where the local index is -1 or outside the target
     *     event's objects
     */
    public ListColumn<IntColumn> global() {
        int[] g = global;
        if (g == null) {
            int[] so = source.offsets();
            int[] to = target.offsets();
            PrimitiveColumn local = source.field(field).content();
            g = new int[local.length()];
            int bad = 0;
            for (int e = 0; e < so.length - 1; e++) {
                int n = to[e + 1] - to[e];
                for (int j = so[e]; j < so[e + 1]; j++) {
                    long k = local.getLong(j);
                    if (k >= 0 && k < n) {
                        g[j] = to[e] + (int) k;
                    } else {
                        g[j] = -1;
                        bad += k >= 0 || k < -1 ? 1 : 0;
                    }
                }
            }
            outOfRange = bad;
            global = g;
        }
        return ListColumn.ofTrusted(source.offsets(), IntColumn.of(g));
    }

    /** @return how many indices were neither -1 nor valid in their event (0 for consistent files) */
    public int outOfRangeCount() {
        global();
        return outOfRange;
    }
}
