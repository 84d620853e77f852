package org.crema.processor.nano;

import java.util.Objects;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.Masks;
import org.crema.columnar.Selection;

/**
 * The objects another collection points to through an index field, with the pointing collection's
 * lists: element {@code j} of event {@code e} describes the target object matched to source object
 * {@code j}. Where there is no match ({@link #valid()} false), float fields are {@code NaN}, so a
 * comparison with them is false and a sum over them is {@code NaN} until masked.
 *
 * <pre>{@code
 * Matched gen = jets.matchedGen();
 * ListColumn<FloatColumn> response = Arith.div(jets.pt(), gen.pt()); // NaN where unmatched
 * }</pre>
 */
public final class Matched implements NanoKinematics {
    private final ListColumn<IntColumn> index;
    private final PhysicsObjects target;

    Matched(ListColumn<IntColumn> index, PhysicsObjects target) {
        this.index = Objects.requireNonNull(index, "index");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** @return per source object, the local index into the same event's target objects, −1 for none */
    public ListColumn<IntColumn> index() {
        return index;
    }

    /** @return true where the source object has a match */
    public ListColumn<BoolColumn> valid() {
        return Masks.ge(index, 0);
    }

    /** @return the whole target collection */
    public PhysicsObjects target() {
        return target;
    }

    /**
     * @param field a float field of the target, e.g. {@code pt}
     * @return the matched objects' values, {@code NaN} where there is no match
     */
    public ListColumn<FloatColumn> floats(String field) {
        return Selection.take(target.floats(field), index, Float.NaN);
    }

    /**
     * @param field an integer field of the target, e.g. {@code hadronFlavour}
     * @param missing the value where there is no match
     * @return the matched objects' values
     */
    public ListColumn<IntColumn> ints(String field, int missing) {
        ListColumn<IntColumn> values = target.ints(field);
        IntColumn ix = index.content();
        int[] off = values.offsets();
        int from = values.offsetsFrom();
        int[] io = index.offsets();
        int ifrom = index.offsetsFrom();
        int[] out = new int[index.totalCount()];
        int k = 0;
        for (int e = 0; e < index.length(); e++) {
            for (int j = io[ifrom + e]; j < io[ifrom + e + 1]; j++) {
                int local = ix.get(j);
                // indices come from a CrossReference: −1 or valid in their event
                out[k++] = local < 0 ? missing : values.content().get(off[from + e] + local);
            }
        }
        return ListColumn.ofTrusted(index.zeroBasedOffsets(), IntColumn.of(out));
    }




}
