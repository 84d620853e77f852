package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/**
 * The {@code Muon} collection; IDs are NanoAOD's boolean flags.
 *
 * <pre>{@code
 * Muons muons = events.muons();
 * Muons tight = muons.filter(muons.isTight().and(muons.pfRelIso04All().lt(0.15)));
 * }</pre>
 */
public final class Muons extends ObjectView<Muons> {
    private Muons(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @return every object of the {@code Muon} collection
     */
    public static Muons of(EventTable events) {
        return new Muons(root(events, "Muon"));
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static Muons of(EventTable events, String name) {
        return new Muons(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static Muons of(ListColumn<RecordColumn> records, EventTable events) {
        return new Muons(root(records, events, "Muon"));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code Muons} (shares the state; nothing is copied)
     */
    public static Muons of(ObjectView<?> other) {
        return other instanceof Muons v ? v : new Muons(other.state());
    }

    @Override
    protected Muons wrap(State state) {
        return new Muons(state);
    }

    /** @return electric charge, ±1 */
    public ListColumn<IntColumn> charge() {
        return ints("charge");
    }

    /** @return the loose ID flag ({@code looseId}) */
    public ListColumn<BoolColumn> isLoose() {
        return bools("looseId");
    }

    /** @return the medium ID flag ({@code mediumId}) */
    public ListColumn<BoolColumn> isMedium() {
        return bools("mediumId");
    }

    /** @return the tight ID flag ({@code tightId}) */
    public ListColumn<BoolColumn> isTight() {
        return bools("tightId");
    }

    /** @return relative PF isolation in a ΔR = 0.4 cone ({@code pfRelIso04_all}) */
    public ListColumn<FloatColumn> pfRelIso04All() {
        return floats("pfRelIso04_all");
    }

    /** @return 3D impact-parameter significance ({@code sip3d}) */
    public ListColumn<FloatColumn> sip3d() {
        return floats("sip3d");
    }

    /** @return per muon the local index of the jet it overlaps ({@code jetIdx}), −1 for none */
    public ListColumn<IntColumn> jetIdx() {
        return index("jetIdx", "Jet");
    }

    /** @return the jets the muons overlap ({@code jetIdx}), absent where there is none */
    public Jets matchedJet() {
        return matched("jetIdx", Jets.of(table()));
    }

    /** @return the generator particles matched to the muons ({@code genPartIdx}) */
    public GenParticles matchedGen() {
        return matched("genPartIdx", GenParticles.of(table()));
    }
}
