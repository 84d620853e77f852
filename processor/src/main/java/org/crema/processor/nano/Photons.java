package org.crema.processor.nano;

import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/** The {@code Photon} collection. Photons have no {@code mass} branch in NanoAOD; it reads as 0. */
public final class Photons extends ObjectView<Photons> {
    private Photons(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @return every object of the {@code Photon} collection
     */
    public static Photons of(EventTable events) {
        return new Photons(root(events, "Photon"));
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static Photons of(EventTable events, String name) {
        return new Photons(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static Photons of(ListColumn<RecordColumn> records, EventTable events) {
        return new Photons(root(records, events, "Photon"));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code Photons} (shares the state; nothing is copied)
     */
    public static Photons of(ObjectView<?> other) {
        return other instanceof Photons v ? v : new Photons(other.state());
    }

    @Override
    protected Photons wrap(State state) {
        return new Photons(state);
    }

    @Override
    public ListColumn<FloatColumn> mass() {
        return hasField("mass") ? floats("mass") : pt().mul(0);
    }

    /** @return the cut-based ID level ({@code cutBased}) */
    public ListColumn<IntColumn> cutBased() {
        return ints("cutBased");
    }

    /** @return the generator particles matched to the photons ({@code genPartIdx}) */
    public GenParticles matchedGen() {
        return matched("genPartIdx", GenParticles.of(table()));
    }
}
