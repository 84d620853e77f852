package org.crema.processor.nano;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Column;
import org.crema.columnar.Combinatorics;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;
import org.crema.columnar.IntColumn;
import org.crema.columnar.Kinematics;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.Selection;
import org.crema.columnar.ShortColumn;
import org.crema.columnar.Sorting;
import org.crema.nano.EventTable;
import org.crema.nano.NanoSchema;

/**
 * A typed view of one collection of one chunk: every field is a jagged column with the view's
 * lists, read on first use. Filtering, sorting, slicing, {@link #withField} (calibration) and
 * cross-references all return a view of the same type {@code V}, so a calibrated, selected, sorted
 * {@code Jets} is still a {@code Jets} and still knows its {@code genJetIdx}. No per-object Java
 * object exists: a view is its root (a collection of an {@link EventTable}, or a record column),
 * per-event positions into that root, and the fields replaced on the way.
 *
 * <p>Fields are gathered from the root lazily, so a filtered view reads only what is used. Positions
 * may be −1 where a view was made by matching ({@link #matched}, {@link #nearest}) and there is no
 * match: there, float and double fields are NaN, integer fields −1 and boolean fields false, and
 * {@link #isPresent()} is false.
 *
 * <p>Not thread-safe (one chunk is processed by one thread); views are cheap to create.
 *
 * <pre>{@code
 * Jets jets = events.jets();
 * Jets good = jets.filter(jets.pt().gt(30).and(jets.eta().abs().lt(2.4)).and(jets.isTight()));
 * Jets calibrated = good.withField("pt", good.pt().mul(1.03));
 * FloatColumn mjj = calibrated.get(0).add(calibrated.get(1)).mass();
 * GenJets gen = calibrated.matchedGen();         // a GenJets view with the jets' lists
 * }</pre>
 *
 * @param <V> the view's own type
 */
public abstract class ObjectView<V extends ObjectView<V>> implements Kinematics {
    /** Where the fields come from and which objects of it this view shows. */
    protected static final class State {
        private final Root root;
        private final int[] positions; // per object of this view: row in the root's flat content, −1 for none
        private final boolean hasMissing;
        private final int[] offsets; // this view's lists, from 0
        private final Map<String, Column> replaced; // flat, in this view's layout
        // every object of each of its events, in stored order (the root, or the root's objects of
        // selected events): local indices stored in the file still count this view's objects
        private final boolean wholeEvents;

        private State(Root root, int[] positions, int[] offsets, Map<String, Column> replaced) {
            this(root, positions, offsets, replaced, positions == null);
        }

        private State(Root root, int[] positions, int[] offsets, Map<String, Column> replaced, boolean wholeEvents) {
            this.root = root;
            this.positions = positions;
            this.offsets = offsets;
            this.replaced = replaced;
            this.wholeEvents = wholeEvents;
            boolean missing = false;
            if (positions != null) {
                for (int p : positions) {
                    if (p < 0) {
                        missing = true;
                        break;
                    }
                }
            }
            this.hasMissing = missing;
        }
    }

    /** The whole collection: a table's collection or a record column, with zero-based offsets. */
    private static final class Root {
        private final EventTable table;
        private final String name;
        private final RecordColumn records;
        private final int[] offsets;
        private final Map<String, Column> fields = new HashMap<>();

        Root(EventTable table, String name, RecordColumn records, int[] offsets) {
            this.table = table;
            this.name = name;
            this.records = records;
            this.offsets = offsets;
        }

        Column field(String field) {
            Column c = fields.get(field);
            if (c == null) {
                c = read(field);
                fields.put(field, c);
            }
            return c;
        }

        private Column read(String field) {
            if (records != null) {
                if (!records.hasField(field)) {
                    throw new IllegalArgumentException("collection '" + name + "' has no field '" + field
                            + "'; fields are " + records.fieldNames());
                }
                return records.field(field);
            }
            String branch = name + "_" + field;
            if (!table.has(branch)) {
                throw new IllegalArgumentException("collection '" + name + "' has no field '" + field + "' (no branch '"
                        + branch + "') in " + table.describe());
            }
            if (!(table.column(branch) instanceof ListColumn<?> list)) {
                throw new IllegalArgumentException("'" + branch + "' is not a jagged branch of collection '" + name
                        + "' in " + table.describe());
            }
            int total = offsets[offsets.length - 1];
            if (list.length() != offsets.length - 1 || list.totalCount() != total) {
                throw new IllegalArgumentException(table.describe() + ": '" + branch + "' holds " + list.totalCount()
                        + " values but the counter n" + name + " counts " + total);
            }
            return list.flatContent();
        }

        boolean hasField(String field) {
            return records != null ? records.hasField(field) : table.has(name + "_" + field);
        }

        List<String> fieldNames() {
            if (records != null) {
                return records.fieldNames();
            }
            List<String> out = new ArrayList<>();
            String prefix = name + "_";
            for (String c : new java.util.TreeSet<>(table.columnNames())) {
                if (c.startsWith(prefix) && table.column(c) instanceof ListColumn<?>) {
                    out.add(c.substring(prefix.length()));
                }
            }
            return out;
        }
    }

    private final State state;
    private final Map<String, Column> cache = new HashMap<>();

    /** @param state the shared state, from {@link #root} or another view */
    protected ObjectView(State state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * @param table the chunk's events
     * @param name collection name, e.g. {@code Jet}
     * @return the state of a view of every object of the collection
     */
    protected static State root(EventTable table, String name) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        return new State(new Root(table, name, null, table.offsets(name)), null, table.offsets(name), Map.of());
    }

    /**
     * @param records one list of records per event (e.g. a collection built in memory)
     * @param table the events the records belong to, for cross-references; may be null
     * @param name collection name, e.g. {@code Jet}
     * @return the state of a view of every record
     */
    protected static State root(ListColumn<RecordColumn> records, EventTable table, String name) {
        int[] off = records.zeroBasedOffsets();
        RecordColumn flat = (RecordColumn) records.flatContent();
        return new State(new Root(table, name, flat, off), null, off, Map.of());
    }

    /**
     * @param state state of the new view
     * @return a view of this type over {@code state}
     */
    protected abstract V wrap(State state);

    /** @return this view's state, to view the same objects as another type */
    protected final State state() {
        return state;
    }

    /** @return the collection name, e.g. {@code Jet} */
    public String name() {
        return state.root.name;
    }

    /** @return the events this view belongs to, or null for a view over records without events */
    public EventTable table() {
        return state.root.table;
    }

    /** @return the number of events */
    public int size() {
        return state.offsets.length - 1;
    }

    /** @return the number of objects per event */
    public IntColumn counts() {
        int[] o = state.offsets;
        int[] c = new int[o.length - 1];
        for (int e = 0; e < c.length; e++) {
            c[e] = o[e + 1] - o[e];
        }
        return IntColumn.of(c);
    }

    /** @return the total number of objects */
    public int totalCount() {
        return state.offsets[state.offsets.length - 1];
    }

    /** @return true if this view shows every object of its root, in order, with no field replaced */
    public boolean isRoot() {
        return state.positions == null && state.replaced.isEmpty();
    }

    /** @return field names: the root's and those set with {@link #withField} */
    public List<String> fieldNames() {
        Set<String> out = new LinkedHashSet<>(state.root.fieldNames());
        out.addAll(state.replaced.keySet());
        return List.copyOf(out);
    }

    /** @param field field name @return true if the view has it */
    public boolean hasField(String field) {
        return state.replaced.containsKey(field) || state.root.hasField(field);
    }

    /**
     * Reads these fields of the collection together, decompressing their baskets in parallel, before
     * they are used (a hint: views read every field lazily anyway).
     *
     * @param fields field names, e.g. {@code pt}, {@code eta}
     * @return this view
     */
    @SuppressWarnings("unchecked")
    public V prefetch(String... fields) {
        if (state.root.records == null) {
            state.root.table.prefetch(name(), List.of(fields));
        }
        return (V) this;
    }

    // ---------------------------------------------------------------- fields

    /**
     * @param field field name without the collection prefix, e.g. {@code btagDeepFlavB}
     * @return the field as stored (any primitive type), one list per event
     * @throws IllegalArgumentException if the collection has no such field
     */
    public ListColumn<PrimitiveColumn> values(String field) {
        Column c = flat(field);
        if (!(c instanceof PrimitiveColumn p)) {
            throw new IllegalArgumentException("field '" + name() + "_" + field + "' is not a column of numbers");
        }
        return ListColumn.ofTrusted(state.offsets, p);
    }

    /**
     * @param field a float field, e.g. {@code pt}
     * @return its values
     * @throws IllegalArgumentException if absent or not 32-bit floats
     */
    public ListColumn<FloatColumn> floats(String field) {
        Column c = flat(field);
        if (!(c instanceof FloatColumn f)) {
            throw new IllegalArgumentException("field '" + name() + "_" + field + "' must be a float column, it is a "
                    + describe(c));
        }
        return ListColumn.ofTrusted(state.offsets, f);
    }

    /**
     * @param field an integer field of any width or signedness, e.g. {@code charge}
     * @return its values as 32-bit ints (unsigned bytes and shorts keep their value)
     * @throws IllegalArgumentException if absent or not an integer column
     */
    public ListColumn<IntColumn> ints(String field) {
        Column c = flat(field);
        if (!(c instanceof PrimitiveColumn p) || p.elementType().isFloatingPoint() || p instanceof BoolColumn) {
            throw new IllegalArgumentException("field '" + name() + "_" + field + "' must be an integer column, it is a "
                    + describe(c));
        }
        if (!(p instanceof IntColumn i && !i.isUnsigned())) {
            String key = "\0int:" + field;
            Column converted = cache.get(key);
            if (converted == null) {
                converted = p.toInt();
                cache.put(key, converted);
            }
            p = (PrimitiveColumn) converted;
        }
        return ListColumn.ofTrusted(state.offsets, (IntColumn) p);
    }

    /**
     * @param field a boolean field, e.g. {@code tightId}
     * @return its values
     * @throws IllegalArgumentException if absent or not boolean
     */
    public ListColumn<BoolColumn> bools(String field) {
        Column c = flat(field);
        if (!(c instanceof BoolColumn b)) {
            throw new IllegalArgumentException("field '" + name() + "_" + field + "' must be a boolean column, it is a "
                    + describe(c));
        }
        return ListColumn.ofTrusted(state.offsets, b);
    }

    private static String describe(Column c) {
        return c instanceof PrimitiveColumn p ? p.elementType().name() : c.getClass().getSimpleName();
    }

    /** The field's values in this view's layout (flat, from 0), gathered from the root on first use. */
    private Column flat(String field) {
        Column c = state.replaced.get(field);
        if (c != null) {
            return c;
        }
        c = cache.get(field);
        if (c == null) {
            Column root = state.root.field(field);
            c = state.positions == null ? root : gather(root, state.positions, state.hasMissing);
            cache.put(field, c);
        }
        return c;
    }

    @Override
    public ListColumn<FloatColumn> pt() {
        return floats("pt");
    }

    @Override
    public ListColumn<FloatColumn> eta() {
        return floats("eta");
    }

    @Override
    public ListColumn<FloatColumn> phi() {
        return floats("phi");
    }

    @Override
    public ListColumn<FloatColumn> mass() {
        return floats("mass");
    }

    /** @return true where the object exists: false only where a match found nothing */
    public ListColumn<BoolColumn> isPresent() {
        boolean[] out = new boolean[totalCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = state.positions == null || state.positions[i] >= 0;
        }
        return ListColumn.ofTrusted(state.offsets, BoolColumn.of(out));
    }

    // ---------------------------------------------------------------- same-type transformations

    /**
     * The objects whose flag is set (awkward {@code jets[mask]}), as a view of the same type.
     *
     * @param mask one flag per object, same lists as this view
     * @return a new view (this one is unchanged)
     * @throws IllegalArgumentException if the mask's lists differ from this view's
     */
    @Override
    public V filter(ListColumn<BoolColumn> mask) {
        checkLists("filter", mask);
        ListColumn<IntColumn> local = Selection.filter(Selection.localIndex(ListColumn.ofTrusted(state.offsets,
                IntColumn.of(new int[totalCount()]))), mask);
        return reindex(local, false);
    }

    /**
     * The objects at per-event positions of this view (awkward {@code jets[idx]}), e.g. from {@link
     * Sorting#argsort}; positions may repeat.
     *
     * @param localIndex per-event positions, each in {@code [0, count(e))}
     * @return a view with {@code localIndex}'s lists
     */
    @Override
    public V take(ListColumn<IntColumn> localIndex) {
        return reindex(localIndex, false);
    }

    /**
     * @param key one value per object (any numeric type)
     * @param descending true for largest first
     * @return the objects ordered by {@code key} in each event (stable)
     */
    public V sortBy(ListColumn<? extends PrimitiveColumn> key, boolean descending) {
        checkLists("sortBy", key);
        return take(Sorting.argsort(key.toFloat(), descending));
    }

    /**
     * @param k how many, {@code >= 0}
     * @return the first {@code k} objects of each event, fewer where there are fewer (awkward {@code jets[:, :k]})
     */
    public V first(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("first: k must be >= 0, got " + k);
        }
        int[] o = state.offsets;
        int[] newOff = new int[o.length];
        for (int e = 0; e < o.length - 1; e++) {
            newOff[e + 1] = newOff[e] + Math.min(k, o[e + 1] - o[e]);
        }
        int[] local = new int[newOff[o.length - 1]];
        for (int e = 0; e < o.length - 1; e++) {
            for (int j = newOff[e]; j < newOff[e + 1]; j++) {
                local[j] = j - newOff[e];
            }
        }
        return reindex(ListColumn.ofTrusted(newOff, IntColumn.of(local)), false);
    }

    /**
     * Replaces or adds a field, e.g. calibrated {@code pt} (coffea {@code ak.with_field}). Later
     * filters, sorts and matches carry it along.
     *
     * @param field field name
     * @param values one value per object, same lists as this view
     * @return a view of the same type with the field replaced
     */
    public V withField(String field, ListColumn<? extends Column> values) {
        Objects.requireNonNull(field, "field");
        checkLists("withField(" + field + ")", values);
        Map<String, Column> replaced = new LinkedHashMap<>(state.replaced);
        replaced.put(field, values.flatContent());
        return wrap(new State(state.root, state.positions, state.offsets, replaced, state.wholeEvents));
    }

    /**
     * @param localIndex per-event positions in this view, −1 for "none"
     * @param allowMissing whether −1 is allowed
     */
    /**
     * The objects of the selected events only (awkward: {@code jets[event_mask]}): one list per
     * selected event, in order, with every field (replaced ones included) gathered on first use.
     * Cross-references stored in the file still resolve, and a view selected this way can be the
     * target of {@link #matched} like the whole collection.
     *
     * @param eventMask one flag per event of this view
     * @return a view of the same type with one list per true flag
     */
    public V selectEvents(BoolColumn eventMask) {
        if (eventMask.length() != size()) {
            throw new IllegalArgumentException(name() + ".selectEvents: needs one flag per event, got "
                    + eventMask.length() + " flags for " + size() + " events");
        }
        int[] events = Selection.trueIndices(eventMask);
        int[] o = state.offsets;
        int[] newOff = new int[events.length + 1];
        for (int i = 0; i < events.length; i++) {
            newOff[i + 1] = newOff[i] + o[events[i] + 1] - o[events[i]];
        }
        int[] rows = new int[newOff[events.length]];
        int k = 0;
        for (int e : events) {
            for (int j = o[e]; j < o[e + 1]; j++) {
                rows[k++] = j;
            }
        }
        int[] positions = rows;
        if (state.positions != null) {
            positions = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                positions[i] = state.positions[rows[i]];
            }
        }
        Map<String, Column> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, Column> f : state.replaced.entrySet()) {
            replaced.put(f.getKey(), Selection.takeRows(f.getValue(), rows));
        }
        return wrap(new State(state.root, positions, newOff, replaced, state.wholeEvents));
    }

    private V reindex(ListColumn<IntColumn> localIndex, boolean allowMissing) {
        if (localIndex.length() != size()) {
            throw new IllegalArgumentException(name() + ": positions must have one list per event, got "
                    + localIndex.length() + " lists for " + size() + " events");
        }
        int[] rows = rows(localIndex, state.offsets, allowMissing, name());
        boolean missing = false;
        for (int r : rows) {
            missing |= r < 0;
        }
        int[] positions;
        if (state.positions == null) {
            positions = rows;
        } else {
            positions = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                positions[i] = rows[i] < 0 ? -1 : state.positions[rows[i]];
            }
        }
        Map<String, Column> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, Column> f : state.replaced.entrySet()) {
            replaced.put(f.getKey(), gather(f.getValue(), rows, missing));
        }
        return wrap(new State(state.root, positions, localIndex.zeroBasedOffsets(), replaced));
    }

    /** Flat rows (into a layout with {@code offsets}) of per-event local positions. */
    private static int[] rows(ListColumn<IntColumn> localIndex, int[] offsets, boolean allowMissing, String what) {
        int[] rows = new int[localIndex.totalCount()];
        IntColumn c = localIndex.content();
        int[] lo = localIndex.offsets();
        int from = localIndex.offsetsFrom();
        int base = lo[from];
        for (int e = 0; e < localIndex.length(); e++) {
            int n = offsets[e + 1] - offsets[e];
            for (int j = lo[from + e]; j < lo[from + e + 1]; j++) {
                int k = c.get(j);
                if (k >= 0 && k < n) {
                    rows[j - base] = offsets[e] + k;
                } else if (k == -1 && allowMissing) {
                    rows[j - base] = -1;
                } else {
                    throw new IllegalArgumentException(what + ": position " + k + " in event " + e + " is outside [0, "
                            + n + ")");
                }
            }
        }
        return rows;
    }

    /** Gathers flat rows; −1 gives the type's missing value (NaN, −1, false). */
    private static Column gather(Column flat, int[] rows, boolean hasMissing) {
        if (!hasMissing) {
            return Selection.takeRows(flat, rows);
        }
        int n = rows.length;
        return switch (flat) {
            case FloatColumn f -> {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rows[i] < 0 ? Float.NaN : f.get(rows[i]);
                }
                yield FloatColumn.of(out);
            }
            case DoubleColumn d -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rows[i] < 0 ? Double.NaN : d.get(rows[i]);
                }
                yield DoubleColumn.of(out);
            }
            case IntColumn c -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rows[i] < 0 ? -1 : c.get(rows[i]);
                }
                yield c.isUnsigned() ? IntColumn.ofUnsigned(out) : IntColumn.of(out);
            }
            case LongColumn c -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rows[i] < 0 ? -1 : c.get(rows[i]);
                }
                yield c.isUnsigned() ? LongColumn.ofUnsigned(out) : LongColumn.of(out);
            }
            case ShortColumn c -> {
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rows[i] < 0 ? -1 : c.get(rows[i]);
                }
                yield c.isUnsigned() ? ShortColumn.ofUnsigned(out) : ShortColumn.of(out);
            }
            case ByteColumn c -> {
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rows[i] < 0 ? -1 : c.get(rows[i]);
                }
                yield c.isUnsigned() ? ByteColumn.ofUnsigned(out) : ByteColumn.of(out);
            }
            case BoolColumn c -> {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rows[i] >= 0 && c.get(rows[i]);
                }
                yield BoolColumn.of(out);
            }
            default -> throw new IllegalArgumentException("a matched view can only hold flat fields, got a "
                    + flat.getClass().getSimpleName());
        };
    }

    private void checkLists(String what, ListColumn<?> other) {
        int[] o = state.offsets;
        if (other.length() != o.length - 1) {
            throw new IllegalArgumentException(name() + "." + what + ": needs one list per event, got " + other.length()
                    + " lists for " + (o.length - 1) + " events");
        }
        for (int e = 0; e < other.length(); e++) {
            if (other.count(e) != o[e + 1] - o[e]) {
                throw new IllegalArgumentException(name() + "." + what + ": needs one value per object, event " + e
                        + " has " + (o[e + 1] - o[e]) + " objects and " + other.count(e) + " values");
            }
        }
    }

    // ---------------------------------------------------------------- objects, pairs, matches

    /**
     * The {@code k}-th object of each event as flat four-vectors, NaN where an event has fewer
     * (coffea {@code jets[:, k]} after {@code ak.pad_none}).
     *
     * @param k position, 0 = first
     * @return one four-vector per event
     */
    public Candidates get(int k) {
        return Candidates.of(new FourVectors.PtEtaPhiM(pt().at(k), eta().at(k), phi().at(k), mass().at(k)));
    }

    /**
     * @param k objects per combination, e.g. 3 for trijets
     * @return every k-subset of each event's objects, in increasing position order
     */
    public ObjectCombinations<V> combinations(int k) {
        @SuppressWarnings("unchecked")
        V self = (V) this;
        return new ObjectCombinations<>(self, Combinatorics.combinations(ListColumn.ofTrusted(state.offsets,
                IntColumn.of(new int[totalCount()])), k));
    }

    /**
     * For each object here, the nearest object of {@code other} within {@code maxDeltaR} (coffea
     * {@code nearest(..., threshold=...)}), as a view of {@code other}'s type with this view's lists;
     * where none is that close the object is absent ({@link #isPresent()} false).
     *
     * @param other another collection of the same events
     * @param maxDeltaR the matching cone
     * @param <W> the other view's type
     * @return the matched objects
     */
    public <W extends ObjectView<W>> W nearest(W other, double maxDeltaR) {
        ObjectView<W> o = other;
        return o.reindex(nearest((Kinematics) other, (float) maxDeltaR), true);
    }

    /**
     * The objects of {@code target} that this view's objects point to through an index field, as a
     * view of the target's type with this view's lists (coffea's cross-reference mixins).
     *
     * @param idxField index field of this collection, e.g. {@code genJetIdx}
     * @param target every object of the target collection of the same events, possibly calibrated
     *     ({@link #withField}) but not filtered or reordered, since the indices count its stored order
     * @param <W> the target's view type
     * @return the matched objects; absent ({@link #isPresent()} false) where the index is −1 or
     *     points past the target's objects
     */
    public <W extends ObjectView<W>> W matched(String idxField, W target) {
        ObjectView<W> t = target;
        if (!t.state.wholeEvents) {
            throw new IllegalArgumentException("matched(" + idxField + "): the target '" + target.name()
                    + "' must hold every object in stored order (not filtered or sorted): the indices count them");
        }
        if (t.size() != size()) {
            throw new IllegalArgumentException("matched(" + idxField + "): '" + name() + "' has " + size()
                    + " events and the target '" + target.name() + "' " + t.size()
                    + "; take both from the same events (or select the same events of both)");
        }
        return t.reindex(index(idxField, target.name()), true);
    }

    /**
     * @param idxField index field, e.g. {@code genJetIdx}
     * @param target the collection it points into, e.g. {@code GenJet}
     * @return per object, the local index into the same event's target objects, −1 for none
     *     (resolved by the schema's rule, {@link NanoSchema#resolve}) and carried through this view
     */
    public ListColumn<IntColumn> index(String idxField, String target) {
        String key = "\0idx:" + idxField + ":" + target;
        Column c = cache.get(key);
        if (c == null) {
            if (state.replaced.containsKey(idxField) || state.root.table == null || state.root.records != null) {
                throw new IllegalArgumentException("index(" + idxField + "): needs the collection's events; '"
                        + name() + "' was built from records or its index field was replaced");
            }
            IntColumn local = (IntColumn) state.root.table.crossReference(name(), idxField, target).local().flatContent();
            c = state.positions == null ? local : gather(local, state.positions, state.hasMissing);
            cache.put(key, c);
        }
        return ListColumn.ofTrusted(state.offsets, (IntColumn) c);
    }

    /**
     * Materialises every field as records (for code that wants {@code ListColumn<RecordColumn>}).
     *
     * @return one list of records per event (reads every field)
     */
    public ListColumn<RecordColumn> toRecords() {
        Map<String, Column> out = new LinkedHashMap<>();
        for (String f : fieldNames()) {
            out.put(f, flat(f));
        }
        return ListColumn.ofTrusted(state.offsets, RecordColumn.of(out, totalCount()));
    }

    /**
     * Applies a function to this view and returns its result, for fluent chains.
     *
     * @param f any function of this view
     * @param <R> the result type
     * @return {@code f(this)}
     */
    public <R> R apply(Function<V, R> f) {
        @SuppressWarnings("unchecked")
        V self = (V) this;
        return f.apply(self);
    }

    /**
     * A snapshot of one object's kinematics, for debugging only.
     *
     * @param event event index
     * @param i object index in that event
     * @return e.g. {@code Jet[3][0]{pt=45.2, eta=-1.1, phi=0.3, mass=7.9}}
     */
    public String describe(int event, int i) {
        int[] o = state.offsets;
        if (event < 0 || event >= o.length - 1 || i < 0 || i >= o[event + 1] - o[event]) {
            throw new IllegalArgumentException("describe: need 0 <= event < " + (o.length - 1)
                    + " and 0 <= i < objects in that event, got event " + event + ", i " + i);
        }
        int k = o[event] + i;
        return name() + "[" + event + "][" + i + "]{pt=" + pt().content().get(k) + ", eta=" + eta().content().get(k)
                + ", phi=" + phi().content().get(k) + ", mass=" + mass().content().get(k) + "}";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " view of '" + name() + "': " + totalCount() + " objects in " + size()
                + " events" + (isRoot() ? "" : " (derived)");
    }
}
