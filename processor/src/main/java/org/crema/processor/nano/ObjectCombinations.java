package org.crema.processor.nano;

import java.util.function.Function;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.CartesianKinematics;
import org.crema.columnar.Combinations;
import org.crema.columnar.ListColumn;

/**
 * Every k-subset of each event's objects (coffea {@code ak.combinations(jets, k)}): {@link #slot(int)}
 * is the view of the i-th member of every combination, and {@link #sum()} the summed four-vectors,
 * all with the combinations' lists.
 *
 * <pre>{@code
 * ObjectCombinations<Jets> trijets = jets.combinations(3);
 * ListColumn<BoolColumn> withB = trijets.any(j -> j.btagDeepFlavB().gt(0.3086));
 * CartesianKinematics p4 = trijets.sum().filter(withB);
 * DoubleColumn mbjj = p4.mass().at(p4.pt().argmax());
 * }</pre>
 *
 * @param <V> the objects' view type
 */
public final class ObjectCombinations<V extends ObjectView<V>> {
    private final V objects;
    private final Combinations combinations;

    ObjectCombinations(V objects, Combinations combinations) {
        this.objects = objects;
        this.combinations = combinations;
    }

    /** @return objects per combination */
    public int arity() {
        return combinations.arity();
    }

    /** @return the positions of the members in their event, slot by slot */
    public Combinations indices() {
        return combinations;
    }

    /**
     * @param i member, {@code 0 <= i < arity()}
     * @return the i-th member of every combination, as a view of the objects' type
     */
    public V slot(int i) {
        return objects.take(combinations.index(i));
    }

    /**
     * @param test a per-object test, e.g. {@code j -> j.btagDeepFlavB().gt(wp)}
     * @return true where any member passes
     */
    public ListColumn<BoolColumn> any(Function<V, ListColumn<BoolColumn>> test) {
        ListColumn<BoolColumn> r = test.apply(slot(0));
        for (int i = 1; i < arity(); i++) {
            r = r.or(test.apply(slot(i)));
        }
        return r;
    }

    /**
     * @param test a per-object test
     * @return true where every member passes
     */
    public ListColumn<BoolColumn> all(Function<V, ListColumn<BoolColumn>> test) {
        ListColumn<BoolColumn> r = test.apply(slot(0));
        for (int i = 1; i < arity(); i++) {
            r = r.and(test.apply(slot(i)));
        }
        return r;
    }

    /**
     * The four-vector sum of each combination: every object's Cartesian components are computed once
     * (the trigonometric and hyperbolic functions are the expensive part) and summed in double in
     * member order.
     *
     * @return the sums, with the combinations' lists
     */
    public CartesianKinematics sum() {
        return combinations.sum(objects);
    }
}
