package org.crema.processor;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;

/**
 * An index field resolved against the events of one {@link Events} view, e.g. {@code
 * Jet_genJetIdx} → {@code GenJet}: per source object, the matched target object's position in the
 * same event ({@link #local()}) and in the target's flat content ({@link #global()}). Both are −1
 * where the file stores −1 or an index outside the event's target objects (NanoAOD stores
 * {@code genJetIdx} values past the GenJets it kept, for example).
 *
 * <p>Both columns have the source collection's lists (offsets starting at 0). Global indices count
 * target objects from the first event of the view: they index {@code
 * events.collection(target).content()} and the flattened content of any {@code target_*} column.
 *
 * @param source source collection, e.g. {@code Jet}
 * @param field index field of the source, e.g. {@code genJetIdx}
 * @param target target collection, e.g. {@code GenJet}
 * @param local per-object index into the same event's target objects, −1 for none
 * @param global per-object index into the target's flat content, −1 for none
 * @param outOfRangeCount how many stored indices were neither −1 nor valid in their event
 */
public record CrossReference(String source, String field, String target, ListColumn<IntColumn> local,
        ListColumn<IntColumn> global, int outOfRangeCount) {

    /** @return true where the source object has a valid match, with the source's lists */
    public ListColumn<BoolColumn> valid() {
        IntColumn l = local.content();
        boolean[] v = new boolean[l.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = l.get(i) >= 0;
        }
        return ListColumn.ofTrusted(local.zeroBasedOffsets(), BoolColumn.of(v));
    }
}
