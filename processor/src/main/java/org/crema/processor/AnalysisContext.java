package org.crema.processor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.Selection;
import org.crema.processor.analysis.Weights;
import org.crema.processor.nano.Electrons;
import org.crema.processor.nano.GenJets;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.Muons;
import org.crema.processor.nano.ObjectView;
import org.crema.processor.nano.Photons;
import org.crema.processor.nano.PhysicsObjects;
import org.crema.processor.nano.Taus;

/**
 * The state of one shape variation of one chunk in an {@link AnalysisProcessor}: the skimmed events,
 * the variation being processed, the objects and variables the hooks define, the preselection, the
 * category masks and the weights. Each shape variation gets a fresh context, so objects calibrated
 * for one variation never leak into another.
 *
 * <p>Objects are typed views ({@link ObjectView}): {@link #set} stores one under a name and {@link
 * #get} returns it with its type; {@link #jets()}, {@link #muons()}, … return the stored {@code Jet},
 * {@code Muon}, … view (e.g. calibrated in {@link AnalysisProcessor#calibrate}) or else the input
 * collection. {@link #collection} and {@link #setCollection} give the same objects as records.
 *
 * <pre>{@code
 * Muons muons = ctx.muons();
 * ctx.set("GoodMuon", muons.filter(muons.pt().gt(15).and(muons.isTight())));
 * Muons good = ctx.get("GoodMuon", Muons.class);
 * }</pre>
 */
public final class AnalysisContext {
    private final Events events;
    private final String variation;
    private final Map<String, ObjectView<?>> objects = new LinkedHashMap<>();
    private final Map<String, Column> variables = new LinkedHashMap<>();
    private BoolColumn preselectionMask;
    private Map<String, BoolColumn> categoryMasks = Map.of();
    private Weights weights;
    // a context of selected events reads the variables of the context it was selected from on demand
    private final AnalysisContext parent;
    private final BoolColumn parentMask;

    AnalysisContext(Events events, String variation) {
        this(events, variation, null, null);
    }

    private AnalysisContext(Events events, String variation, AnalysisContext parent, BoolColumn parentMask) {
        this.events = events;
        this.variation = variation;
        this.parent = parent;
        this.parentMask = parentMask;
    }

    /**
     * The same state restricted to the selected events: the events, every stored object view and the
     * category masks keep only those events, variables are filtered when first asked for, and every
     * event passes the preselection. {@link AnalysisProcessor} evaluates histogram observables on such
     * a context, so an observable is computed only for the events that fill it. Weights are not
     * carried over ({@link #weights()} is {@code null} there): the fill selects them itself.
     *
     * @param eventMask one flag per event of this context
     * @return a new context with one entry per true flag (this one is unchanged)
     */
    public AnalysisContext select(BoolColumn eventMask) {
        checkLength("the event mask", eventMask.length());
        AnalysisContext sub = new AnalysisContext(events.filter(eventMask), variation, this, eventMask);
        for (Map.Entry<String, ObjectView<?>> o : objects.entrySet()) {
            sub.objects.put(o.getKey(), o.getValue().selectEvents(eventMask));
        }
        Map<String, BoolColumn> masks = new LinkedHashMap<>();
        for (Map.Entry<String, BoolColumn> m : categoryMasks.entrySet()) {
            masks.put(m.getKey(), Selection.filterEvents(m.getValue(), eventMask));
        }
        sub.categoryMasks = Collections.unmodifiableMap(masks);
        sub.preselectionMask = BoolColumn.of(filled(sub.size()));
        return sub;
    }

    private static boolean[] filled(int n) {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /** @return the events after the skim */
    public Events events() {
        return events;
    }

    /** @return the dataset's metadata */
    public DatasetInfo dataset() {
        return events.dataset();
    }

    /** @return the number of events (after the skim) */
    public int size() {
        return events.size();
    }

    /** @return the shape variation being processed: {@value AnalysisProcessor#NOMINAL} or a shape name */
    public String variation() {
        return variation;
    }

    /** @return true for the nominal pass */
    public boolean isNominal() {
        return variation.equals(AnalysisProcessor.NOMINAL);
    }

    /**
     * Stores objects (selected, calibrated, sorted, …) for later hooks.
     *
     * @param name e.g. {@code Jet} (replacing the input jets for later hooks) or {@code GoodJet}
     * @param view the objects, one list per event
     */
    public void set(String name, ObjectView<?> view) {
        checkLength(name, view.size());
        objects.put(Objects.requireNonNull(name, "name"), view);
    }

    /**
     * @param name a name given to {@link #set}
     * @param type the view class it was stored as, e.g. {@code Jets.class}
     * @param <V> the view type
     * @return the stored view
     * @throws NoSuchColumnException naming the stored objects if there is none, or if it has another type
     */
    public <V extends ObjectView<?>> V get(String name, Class<V> type) {
        ObjectView<?> v = objects.get(name);
        if (v == null) {
            throw new NoSuchColumnException("no objects '" + name + "' were stored; stored: " + objects.keySet());
        }
        if (!type.isInstance(v)) {
            throw new NoSuchColumnException("objects '" + name + "' are " + v.getClass().getSimpleName() + ", not "
                    + type.getSimpleName());
        }
        return type.cast(v);
    }

    /**
     * @param name collection name
     * @return the stored view, or a generic view of the input collection
     */
    public ObjectView<?> objects(String name) {
        ObjectView<?> v = objects.get(name);
        return v != null ? v : events.objects(name);
    }

    /** @return the stored {@code Jet} view, or the input jets */
    public Jets jets() {
        ObjectView<?> v = objects.get("Jet");
        return v != null ? Jets.of(v) : events.jets();
    }

    /** @return the stored {@code Muon} view, or the input muons */
    public Muons muons() {
        ObjectView<?> v = objects.get("Muon");
        return v != null ? Muons.of(v) : events.muons();
    }

    /** @return the stored {@code Electron} view, or the input electrons */
    public Electrons electrons() {
        ObjectView<?> v = objects.get("Electron");
        return v != null ? Electrons.of(v) : events.electrons();
    }

    /** @return the stored {@code Photon} view, or the input photons */
    public Photons photons() {
        ObjectView<?> v = objects.get("Photon");
        return v != null ? Photons.of(v) : events.photons();
    }

    /** @return the stored {@code Tau} view, or the input taus */
    public Taus taus() {
        ObjectView<?> v = objects.get("Tau");
        return v != null ? Taus.of(v) : events.taus();
    }

    /** @return the stored {@code GenJet} view, or the input generator jets */
    public GenJets genJets() {
        ObjectView<?> v = objects.get("GenJet");
        return v != null ? GenJets.of(v) : events.genJets();
    }

    /**
     * @param name collection name, e.g. {@code Muon} or a derived one such as {@code GoodMuon}
     * @return the stored objects as records (every field), or the input collection
     */
    public ListColumn<RecordColumn> collection(String name) {
        ObjectView<?> v = objects.get(name);
        return v != null ? v.toRecords() : events.collection(name);
    }

    /**
     * Like {@link #collection(String)}, but an input collection is read with only the named fields
     * (stored objects are returned whole).
     *
     * @param name collection name
     * @param fields fields to read from the input, e.g. {@code pt}, {@code eta}
     * @return the stored objects, or the input collection with those fields
     */
    public ListColumn<RecordColumn> collection(String name, String... fields) {
        ObjectView<?> v = objects.get(name);
        return v != null ? v.toRecords() : events.collection(name, fields);
    }

    /**
     * Stores a collection given as records; it becomes a generic view ({@link #objects}).
     *
     * @param name collection name
     * @param records one list per event
     */
    public void setCollection(String name, ListColumn<RecordColumn> records) {
        checkLength(name, records.length());
        objects.put(Objects.requireNonNull(name, "name"), PhysicsObjects.of(records, events, name));
    }

    /**
     * One field of a collection as lists: e.g. {@code field("GoodMuon", "pt", FloatColumn.class)}.
     *
     * @param collection collection name
     * @param field field name
     * @param type content type
     * @param <C> content type
     * @return the field's values with the collection's lists
     */
    public <C extends Column> ListColumn<C> field(String collection, String field, Class<C> type) {
        ObjectView<?> v = objects.get(collection);
        if (v == null) {
            ListColumn<RecordColumn> c = events.collection(collection, field);
            return c.withContent(c.content().field(field, type));
        }
        ListColumn<PrimitiveColumn> values = v.values(field);
        if (!type.isInstance(values.content())) {
            throw new NoSuchColumnException("field '" + collection + "." + field + "' is a "
                    + values.content().getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return values.withContent(type.cast(values.content()));
    }

    /**
     * @param name variable name
     * @return the variable stored by a hook
     * @throws NoSuchColumnException naming the defined variables
     */
    public Column variable(String name) {
        Column c = variables.get(name);
        if (c == null && parent != null && parent.hasVariable(name)) {
            c = Selection.filterEvents(parent.variable(name), parentMask);
            variables.put(name, c);
        }
        if (c == null) {
            throw new NoSuchColumnException("no variable '" + name + "'; defined: " + variables.keySet());
        }
        return c;
    }

    /**
     * @param name variable name
     * @param type expected class
     * @param <T> column type
     * @return the variable
     */
    public <T extends Column> T variable(String name, Class<T> type) {
        Column c = variable(name);
        if (!type.isInstance(c)) {
            throw new NoSuchColumnException("variable '" + name + "' is a " + c.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(c);
    }

    /**
     * @param name variable name
     * @param values one entry per event (or per-event lists)
     */
    public void setVariable(String name, Column values) {
        checkLength(name, values.length());
        variables.put(Objects.requireNonNull(name, "name"), values);
    }

    /** @return variables defined so far, in order */
    public Map<String, Column> variables() {
        if (parent != null) {
            for (String name : parent.variables().keySet()) {
                variable(name);
            }
        }
        return Collections.unmodifiableMap(variables);
    }

    /**
     * @param name variable name
     * @return whether it is defined here (or, in a context of selected events, where it was selected from)
     */
    public boolean hasVariable(String name) {
        return variables.containsKey(name) || parent != null && parent.hasVariable(name);
    }

    /** @return events passing every preselection cut (set after the preselection hook) */
    public BoolColumn preselectionMask() {
        return preselectionMask;
    }

    /** @return category name → mask (set after the categories hook; not ANDed with the preselection) */
    public Map<String, BoolColumn> categoryMasks() {
        return categoryMasks;
    }

    /** @return the weights (set after the weights hook) */
    public Weights weights() {
        return weights;
    }

    void preselectionMask(BoolColumn m) {
        preselectionMask = m;
    }

    void categoryMasks(Map<String, BoolColumn> m) {
        categoryMasks = Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    void weights(Weights w) {
        weights = w;
    }

    private void checkLength(String name, int length) {
        if (length != events.size()) {
            throw new IllegalArgumentException("'" + name + "' must have one entry per event: " + length + " != "
                    + events.size());
        }
    }
}
