package org.crema.processor.nano;

import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/** The {@code GenJet} collection (simulation) as a typed view. */
public final class GenJets extends ObjectView<GenJets> {
    private GenJets(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @return every object of the {@code GenJet} collection
     */
    public static GenJets of(EventTable events) {
        return new GenJets(root(events, "GenJet"));
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static GenJets of(EventTable events, String name) {
        return new GenJets(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static GenJets of(ListColumn<RecordColumn> records, EventTable events) {
        return new GenJets(root(records, events, "GenJet"));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code GenJets} (shares the state; nothing is copied)
     */
    public static GenJets of(ObjectView<?> other) {
        return other instanceof GenJets v ? v : new GenJets(other.state());
    }

    @Override
    protected GenJets wrap(State state) {
        return new GenJets(state);
    }

    /** @return hadron flavour (5 b, 4 c, 0 light) */
    public ListColumn<IntColumn> hadronFlavour() {
        return ints("hadronFlavour");
    }

    /** @return parton flavour (PDG id, 0 if none) */
    public ListColumn<IntColumn> partonFlavour() {
        return ints("partonFlavour");
    }
}
