package org.crema.processor.nano;

import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/** The {@code Tau} collection (hadronic taus). */
public final class Taus extends ObjectView<Taus> {
    private Taus(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @return every object of the {@code Tau} collection
     */
    public static Taus of(EventTable events) {
        return new Taus(root(events, "Tau"));
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static Taus of(EventTable events, String name) {
        return new Taus(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static Taus of(ListColumn<RecordColumn> records, EventTable events) {
        return new Taus(root(records, events, "Tau"));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code Taus} (shares the state; nothing is copied)
     */
    public static Taus of(ObjectView<?> other) {
        return other instanceof Taus v ? v : new Taus(other.state());
    }

    @Override
    protected Taus wrap(State state) {
        return new Taus(state);
    }

    /** @return electric charge, ±1 */
    public ListColumn<IntColumn> charge() {
        return ints("charge");
    }

    /** @return the decay mode ({@code decayMode}) */
    public ListColumn<IntColumn> decayMode() {
        return ints("decayMode");
    }

    /** @return the jets the taus come from ({@code jetIdx}) */
    public Jets matchedJet() {
        return matched("jetIdx", Jets.of(table()));
    }
}
