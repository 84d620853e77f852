package org.crema.processor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;

/**
 * The state of one shape variation of one chunk in an {@link AnalysisProcessor}: the skimmed events,
 * the variation being processed, the objects and variables the hooks define, the preselection, the
 * category masks and the weights. Each shape variation gets a fresh context, so objects calibrated
 * for one variation never leak into another.
 *
 * <p>Objects are collections ({@code ListColumn<RecordColumn>}); {@link #collection} returns the
 * one a hook stored with {@link #setCollection}, or else the input collection of that name.
 */
public final class AnalysisContext {
    private final Events events;
    private final String variation;
    private final Map<String, ListColumn<RecordColumn>> collections = new LinkedHashMap<>();
    private final Map<String, Column> variables = new LinkedHashMap<>();
    private BoolColumn preselectionMask;
    private Map<String, BoolColumn> categoryMasks = Map.of();
    private Weights weights;

    AnalysisContext(Events events, String variation) {
        this.events = events;
        this.variation = variation;
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
     * @param name collection name, e.g. {@code Muon} or a derived one such as {@code GoodMuon}
     * @return the collection stored by a hook, or the input collection
     */
    public ListColumn<RecordColumn> collection(String name) {
        ListColumn<RecordColumn> c = collections.get(name);
        return c != null ? c : events.collection(name);
    }

    /**
     * Like {@link #collection(String)}, but an input collection is read with only the named fields
     * (a stored collection is returned whole).
     *
     * @param name collection name
     * @param fields fields to read from the input, e.g. {@code pt}, {@code eta}
     * @return the stored collection, or the input collection with those fields
     */
    public ListColumn<RecordColumn> collection(String name, String... fields) {
        ListColumn<RecordColumn> c = collections.get(name);
        return c != null ? c : events.collection(name, fields);
    }

    /**
     * Stores a calibrated or selected collection for later hooks.
     *
     * @param name collection name
     * @param objects one list per event
     */
    public void setCollection(String name, ListColumn<RecordColumn> objects) {
        checkLength(name, objects.length());
        collections.put(Objects.requireNonNull(name, "name"), objects);
    }

    /**
     * One field of a collection as lists: e.g. {@code field("GoodMuon", "pt", FloatColumn.class)}.
     *
     * @param collection collection name
     * @param field field name
     * @param type content type
     * @param <C> content type
     * @return the field's values with the collection's offsets (no copy)
     */
    public <C extends Column> ListColumn<C> field(String collection, String field, Class<C> type) {
        ListColumn<RecordColumn> c = collection(collection);
        return c.withContent(c.content().field(field, type));
    }

    /**
     * @param name variable name
     * @return the variable stored by a hook
     * @throws NoSuchColumnException naming the defined variables
     */
    public Column variable(String name) {
        Column c = variables.get(name);
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
        return Collections.unmodifiableMap(variables);
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
