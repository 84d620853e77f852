package org.crema.processor.nano;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.Reductions;
import org.crema.columnar.Selection;
import org.crema.processor.CrossReference;
import org.crema.processor.Events;
import org.crema.processor.InputReadException;
import org.crema.processor.NoSuchColumnException;

/**
 * A typed view of one NanoAOD collection of an {@link Events} chunk: every field is a jagged column
 * with the same lists ({@code objects.floats("pt")}, {@code objects.ints("jetId")}), read on first
 * use and kept for the view's lifetime. No per-object Java object exists.
 *
 * <p>{@link #filter} returns a view of the same type over the objects that pass; its fields are
 * filtered from the parent's on first use, so every field of a filtered view stays aligned with
 * every other. Index fields ({@code genJetIdx}, {@code jetIdx}) are resolved on the unfiltered
 * collection and then filtered like any field, so they keep pointing into the (unfiltered) target.
 *
 * <p>Not thread-safe, like {@link Events}.
 *
 * <pre>{@code
 * PhysicsObjects photons = PhysicsObjects.of(events, "Photon");
 * ListColumn<FloatColumn> pt = photons.filter(Masks.gt(photons.pt(), 20f)).pt();
 * }</pre>
 */
public class PhysicsObjects implements NanoKinematics {
    private final Events events;
    private final String name;
    private final PhysicsObjects parent;
    private final ListColumn<BoolColumn> mask;
    private final Map<String, ListColumn<?>> cache = new HashMap<>();
    private int[] offsets;

    /**
     * A view of every object of the collection.
     *
     * @param events the chunk
     * @param name collection name, e.g. {@code Jet}
     */
    protected PhysicsObjects(Events events, String name) {
        this.events = Objects.requireNonNull(events, "events");
        this.name = Objects.requireNonNull(name, "name");
        this.parent = null;
        this.mask = null;
    }

    /**
     * A view of the objects of {@code parent} whose flag is set.
     *
     * @param parent the view to filter
     * @param mask one flag per object of {@code parent}
     */
    protected PhysicsObjects(PhysicsObjects parent, ListColumn<BoolColumn> mask) {
        this.events = parent.events;
        this.name = parent.name;
        this.parent = parent;
        int[] po = parent.offsets();
        if (mask.length() != po.length - 1) {
            throw new IllegalArgumentException(name + ".filter: mask must have one list per event, got " + mask.length()
                    + " lists for " + (po.length - 1) + " events");
        }
        for (int e = 0; e < mask.length(); e++) {
            if (mask.count(e) != po[e + 1] - po[e]) {
                throw new IllegalArgumentException(name + ".filter: mask must have one flag per object, event " + e
                        + " has " + (po[e + 1] - po[e]) + " objects and " + mask.count(e) + " flags");
            }
        }
        this.mask = mask;
    }

    /**
     * @param events the chunk
     * @param name any collection, e.g. {@code Photon}
     * @return a view of all its objects
     */
    public static PhysicsObjects of(Events events, String name) {
        return new PhysicsObjects(events, name);
    }

    /**
     * Creates the filtered view; subclasses return their own type so {@link #filter} keeps it.
     *
     * @param objectMask one flag per object of this view (already checked)
     * @return the filtered view
     */
    protected PhysicsObjects filtered(ListColumn<BoolColumn> objectMask) {
        return new PhysicsObjects(this, objectMask);
    }

    /**
     * The objects whose flag is set, as a view of the same type with every field filtered alike.
     *
     * @param objectMask one flag per object, e.g. {@code Masks.gt(jets.pt(), 30f)}
     * @return a new view (this one is unchanged)
     * @throws IllegalArgumentException if the mask's lists differ from this view's
     */
    @Override
    public PhysicsObjects filter(ListColumn<BoolColumn> objectMask) {
        Objects.requireNonNull(objectMask, "objectMask");
        return filtered(objectMask);
    }

    /** @return the chunk this view reads from */
    public Events events() {
        return events;
    }

    /** @return the collection name, e.g. {@code Jet} */
    public String name() {
        return name;
    }

    /** @return true if this view is the whole collection (not filtered) */
    public boolean isUnfiltered() {
        return parent == null;
    }

    /** @return number of objects per event */
    public IntColumn counts() {
        int[] o = offsets();
        int[] c = new int[o.length - 1];
        for (int e = 0; e < c.length; e++) {
            c[e] = o[e + 1] - o[e];
        }
        return IntColumn.of(c);
    }

    /** @return total number of objects in the view */
    public int totalCount() {
        int[] o = offsets();
        return o[o.length - 1];
    }

    private int[] offsets() {
        if (offsets == null) {
            if (parent == null) {
                IntColumn c = events.counts(name);
                int[] o = new int[c.length() + 1];
                for (int e = 0; e < c.length(); e++) {
                    o[e + 1] = o[e] + c.get(e);
                }
                offsets = o;
            } else {
                IntColumn kept = Reductions.count(mask);
                int[] o = new int[kept.length() + 1];
                for (int e = 0; e < kept.length(); e++) {
                    o[e + 1] = o[e] + kept.get(e);
                }
                offsets = o;
            }
        }
        return offsets;
    }

    /**
     * A column derived per object: computed by {@code atRoot} on the unfiltered collection, then
     * filtered down this view's chain. Cached under {@code key}.
     */
    @SuppressWarnings("unchecked")
    private <C extends Column> ListColumn<C> derived(String key, Function<PhysicsObjects, ListColumn<C>> atRoot) {
        ListColumn<?> c = cache.get(key);
        if (c == null) {
            c = parent == null ? atRoot.apply(this) : Selection.filter(parent.derived(key, atRoot), mask);
            cache.put(key, c);
        }
        return (ListColumn<C>) c;
    }

    private ListColumn<PrimitiveColumn> rawField(String field) {
        String branch = name + "_" + field;
        if (!events.has(branch)) {
            throw new NoSuchColumnException("collection '" + name + "' has no field '" + field + "' (no branch '"
                    + branch + "') in " + events.chunk().describe());
        }
        if (!(events.column(branch) instanceof ListColumn<?> list) || !(list.content() instanceof PrimitiveColumn)) {
            throw new NoSuchColumnException("'" + branch + "' is not a jagged branch of primitives in "
                    + events.chunk().describe());
        }
        int[] o = offsets();
        for (int e = 0; e < list.length(); e++) {
            if (list.count(e) != o[e + 1] - o[e]) {
                throw new InputReadException(events.chunk().describe() + ": '" + branch + "' has " + list.count(e)
                        + " values in entry " + e + " but the collection has " + (o[e + 1] - o[e]) + " objects", null);
            }
        }
        PrimitiveColumn content = (PrimitiveColumn) list.content().region(list.offsets()[list.offsetsFrom()], o[o.length - 1]);
        return ListColumn.ofTrusted(o, content);
    }

    /**
     * @param field field name without the collection prefix, e.g. {@code btagDeepFlavB}
     * @return the field as it is stored, one list per event (offsets starting at 0)
     * @throws NoSuchColumnException if the collection has no such jagged field
     */
    public ListColumn<PrimitiveColumn> field(String field) {
        return derived("raw:" + field, root -> root.rawField(field));
    }

    /**
     * @param field a float field, e.g. {@code pt}
     * @return its values
     * @throws NoSuchColumnException if absent or not stored as 32-bit floats
     */
    public ListColumn<FloatColumn> floats(String field) {
        return derived("f:" + field, root -> {
            ListColumn<PrimitiveColumn> raw = root.rawField(field);
            if (!(raw.content() instanceof FloatColumn f)) {
                throw new NoSuchColumnException("field '" + name + "_" + field + "' must be a float column, it is a "
                        + raw.content().elementType());
            }
            return raw.withContent(f);
        });
    }

    /**
     * @param field an integer field of any width or signedness, e.g. {@code jetId} or {@code charge}
     * @return its values as 32-bit integers (unsigned bytes and shorts keep their value)
     * @throws NoSuchColumnException if absent or not an integer column
     */
    public ListColumn<IntColumn> ints(String field) {
        return derived("i:" + field, root -> {
            ListColumn<PrimitiveColumn> raw = root.rawField(field);
            PrimitiveColumn c = raw.content();
            if (c instanceof IntColumn i && !i.isUnsigned()) {
                return raw.withContent(i);
            }
            switch (c.elementType()) {
                case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64 -> { }
                default -> throw new NoSuchColumnException("field '" + name + "_" + field
                        + "' must be an integer column, it is a " + c.elementType());
            }
            int[] v = new int[c.length()];
            for (int k = 0; k < v.length; k++) {
                v[k] = (int) c.getLong(k);
            }
            return raw.withContent(IntColumn.of(v));
        });
    }

    /**
     * @param field a boolean field, e.g. {@code tightId}
     * @return its values
     * @throws NoSuchColumnException if absent or not boolean
     */
    public ListColumn<BoolColumn> bools(String field) {
        return derived("b:" + field, root -> {
            ListColumn<PrimitiveColumn> raw = root.rawField(field);
            if (!(raw.content() instanceof BoolColumn b)) {
                throw new NoSuchColumnException("field '" + name + "_" + field + "' must be a boolean column, it is a "
                        + raw.content().elementType());
            }
            return raw.withContent(b);
        });
    }

    /**
     * The objects' index field resolved against the events ({@link Events#crossReference}), filtered
     * like this view.
     *
     * @param idxField index field, e.g. {@code genJetIdx}
     * @param target the collection it points into, e.g. {@code GenJet}
     * @return per object the local index into the same event's target objects, −1 for none or for a
     *     stored index outside the event's target objects
     */
    public ListColumn<IntColumn> index(String idxField, String target) {
        return derived("x:" + idxField + ":" + target, root -> {
            CrossReference x = root.events.crossReference(name, idxField, target);
            return x.local();
        });
    }

    /**
     * The target objects that this view's objects point to through an index field.
     *
     * @param idxField index field, e.g. {@code jetIdx}
     * @param target the whole target collection of the same events, e.g. {@code events.jets()}
     * @return a view with this view's lists: the target's values where the index is valid
     */
    public Matched matched(String idxField, PhysicsObjects target) {
        if (target.events != events || !target.isUnfiltered()) {
            throw new IllegalArgumentException("matched: target must be the unfiltered '" + target.name
                    + "' collection of the same events (filtered: " + !target.isUnfiltered() + ")");
        }
        return new Matched(index(idxField, target.name), target);
    }





    /**
     * A snapshot of one object's kinematics, for debugging only.
     *
     * @param event event index in the chunk view
     * @param i object index in that event
     * @return e.g. {@code Jet[3][0]{pt=45.2, eta=-1.1, phi=0.3, mass=7.9}}
     */
    public String describe(int event, int i) {
        int[] o = offsets();
        if (event < 0 || event >= o.length - 1 || i < 0 || i >= o[event + 1] - o[event]) {
            throw new IllegalArgumentException("describe: need 0 <= event < " + (o.length - 1)
                    + " and 0 <= i < objects in that event, got event " + event + ", i " + i);
        }
        int k = o[event] + i;
        return name + "[" + event + "][" + i + "]{pt=" + pt().content().get(k) + ", eta=" + eta().content().get(k)
                + ", phi=" + phi().content().get(k) + ", mass=" + mass().content().get(k) + "}";
    }

    @Override
    public String toString() {
        return name + " view: " + totalCount() + " objects in " + (offsets().length - 1) + " events"
                + (parent == null ? "" : " (filtered)");
    }
}
