package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/** The {@code FatJet} collection (large-radius jets). */
public final class FatJets extends ObjectView<FatJets> {
    private FatJets(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @return every object of the {@code FatJet} collection
     */
    public static FatJets of(EventTable events) {
        return new FatJets(root(events, "FatJet"));
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static FatJets of(EventTable events, String name) {
        return new FatJets(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static FatJets of(ListColumn<RecordColumn> records, EventTable events) {
        return new FatJets(root(records, events, "FatJet"));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code FatJets} (shares the state; nothing is copied)
     */
    public static FatJets of(ObjectView<?> other) {
        return other instanceof FatJets v ? v : new FatJets(other.state());
    }

    @Override
    protected FatJets wrap(State state) {
        return new FatJets(state);
    }

    /** @return the soft-drop mass ({@code msoftdrop}) */
    public ListColumn<FloatColumn> msoftdrop() {
        return floats("msoftdrop");
    }

    /** @return the {@code jetId} bit field as stored */
    public ListColumn<PrimitiveColumn> jetId() {
        return values("jetId");
    }

    /** @return tight jet ID ({@code jetId} bit 1) */
    public ListColumn<BoolColumn> isTight() {
        return jetId().hasBits(2);
    }
}
