package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/**
 * The {@code Jet} collection. Jet ID is NanoAOD's {@code jetId} bit field: bit 1 (value 2) tight,
 * bit 2 (value 4) tight with lepton veto, bit 0 (value 1) loose (2016 only). It is an {@code Int_t}
 * in Run 2 files and a {@code UChar_t} in Run 3 files; {@link #jetId()} returns it as stored and the
 * bit tests work on both.
 *
 * <pre>{@code
 * Jets jets = events.jets();
 * Jets good = jets.filter(jets.pt().gt(30).and(jets.eta().abs().lt(2.4)).and(jets.isTight()));
 * GenJets gen = good.matchedGen(); // absent (NaN pt) where unmatched
 * }</pre>
 */
public final class Jets extends ObjectView<Jets> {
    private Jets(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @return every object of the {@code Jet} collection
     */
    public static Jets of(EventTable events) {
        return new Jets(root(events, "Jet"));
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static Jets of(EventTable events, String name) {
        return new Jets(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static Jets of(ListColumn<RecordColumn> records, EventTable events) {
        return new Jets(root(records, events, "Jet"));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code Jets} (shares the state; nothing is copied)
     */
    public static Jets of(ObjectView<?> other) {
        return other instanceof Jets v ? v : new Jets(other.state());
    }

    @Override
    protected Jets wrap(State state) {
        return new Jets(state);
    }

    /** @return the {@code jetId} bit field as stored (int in Run 2, unsigned byte in Run 3) */
    public ListColumn<PrimitiveColumn> jetId() {
        return values("jetId");
    }

    /** @return loose jet ID ({@code jetId} bit 0; never set after 2016) */
    public ListColumn<BoolColumn> isLoose() {
        return jetId().hasBits(1);
    }

    /** @return tight jet ID ({@code jetId} bit 1) */
    public ListColumn<BoolColumn> isTight() {
        return jetId().hasBits(2);
    }

    /** @return tight jet ID with lepton veto ({@code jetId} bit 2) */
    public ListColumn<BoolColumn> isTightLeptonVeto() {
        return jetId().hasBits(4);
    }

    /** @return the DeepJet b-tag discriminant ({@code btagDeepFlavB}) */
    public ListColumn<FloatColumn> btagDeepFlavB() {
        return floats("btagDeepFlavB");
    }

    /** @return hadron flavour of the matched generator jet (simulation) */
    public ListColumn<IntColumn> hadronFlavour() {
        return ints("hadronFlavour");
    }

    /** @return per jet the local index of its GenJet, −1 for none or for a GenJet the file did not keep */
    public ListColumn<IntColumn> genJetIdx() {
        return index("genJetIdx", "GenJet");
    }

    /** @return the matched generator jets ({@code genJetIdx}), absent where unmatched */
    public GenJets matchedGen() {
        return matched("genJetIdx", GenJets.of(table()));
    }
}
