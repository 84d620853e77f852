package org.crema.processor.nano;

import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/**
 * A view of any collection without a typed class of its own ({@code SoftActivityJet}, {@code IsoTrack},
 * …): fields by name, four-vector methods when it has {@code pt}, {@code eta}, {@code phi} and
 * {@code mass}.
 */
public final class PhysicsObjects extends ObjectView<PhysicsObjects> {
    private PhysicsObjects(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static PhysicsObjects of(EventTable events, String name) {
        return new PhysicsObjects(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static PhysicsObjects of(ListColumn<RecordColumn> records, EventTable events) {
        return of(records, events, "Object");
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @param name the collection's name
     * @return a view over the records
     */
    public static PhysicsObjects of(ListColumn<RecordColumn> records, EventTable events, String name) {
        return new PhysicsObjects(root(records, events, name));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code PhysicsObjects} (shares the state; nothing is copied)
     */
    public static PhysicsObjects of(ObjectView<?> other) {
        return other instanceof PhysicsObjects v ? v : new PhysicsObjects(other.state());
    }

    @Override
    protected PhysicsObjects wrap(State state) {
        return new PhysicsObjects(state);
    }
}
