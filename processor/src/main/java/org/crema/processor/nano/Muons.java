package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.processor.Events;

/**
 * The {@code Muon} collection as a typed view; IDs are NanoAOD's boolean flags.
 *
 * <pre>{@code
 * Muons muons = events.muons();
 * Muons tight = muons.filter(Masks.and(muons.isTight(), Masks.lt(muons.pfRelIso04All(), 0.15f)));
 * }</pre>
 */
public final class Muons extends PhysicsObjects {
    private Muons(Events events) {
        super(events, "Muon");
    }

    private Muons(Muons parent, ListColumn<BoolColumn> mask) {
        super(parent, mask);
    }

    /**
     * @param events the chunk
     * @return a view of all muons ({@link Events#muons()} returns a cached one)
     */
    public static Muons of(Events events) {
        return new Muons(events);
    }

    @Override
    protected Muons filtered(ListColumn<BoolColumn> objectMask) {
        return new Muons(this, objectMask);
    }

    @Override
    public Muons filter(ListColumn<BoolColumn> objectMask) {
        return (Muons) super.filter(objectMask);
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

    /** @return per muon the local index of the jet it overlaps ({@code jetIdx}), −1 for none */
    public ListColumn<IntColumn> jetIdx() {
        return index("jetIdx", "Jet");
    }

    /** @return the jets the muons overlap ({@code jetIdx}), NaN kinematics where there is none */
    public Matched matchedJet() {
        return matched("jetIdx", events().jets());
    }

    /** @return the generator particles matched to the muons ({@code genPartIdx}) */
    public Matched matchedGen() {
        return matched("genPartIdx", events().objects("GenPart"));
    }
}
