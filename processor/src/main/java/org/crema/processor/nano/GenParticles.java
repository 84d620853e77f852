package org.crema.processor.nano;

import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/**
 * The {@code GenPart} collection (simulation): generator particles with their PDG id, status and
 * mother ({@code genPartIdxMother}).
 */
public final class GenParticles extends ObjectView<GenParticles> {
    private GenParticles(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @return every object of the {@code GenPart} collection
     */
    public static GenParticles of(EventTable events) {
        return new GenParticles(root(events, "GenPart"));
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static GenParticles of(EventTable events, String name) {
        return new GenParticles(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static GenParticles of(ListColumn<RecordColumn> records, EventTable events) {
        return new GenParticles(root(records, events, "GenPart"));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code GenParticles} (shares the state; nothing is copied)
     */
    public static GenParticles of(ObjectView<?> other) {
        return other instanceof GenParticles v ? v : new GenParticles(other.state());
    }

    @Override
    protected GenParticles wrap(State state) {
        return new GenParticles(state);
    }

    /** @return PDG particle id */
    public ListColumn<IntColumn> pdgId() {
        return ints("pdgId");
    }

    /** @return generator status */
    public ListColumn<IntColumn> status() {
        return ints("status");
    }

    /** @return the generator status flags bit field ({@code statusFlags}) as stored */
    public ListColumn<PrimitiveColumn> statusFlags() {
        return values("statusFlags");
    }

    /** @return the particles' mothers ({@code genPartIdxMother}), absent for the first particles */
    public GenParticles mother() {
        return matched("genPartIdxMother", GenParticles.of(table(), name()));
    }
}
