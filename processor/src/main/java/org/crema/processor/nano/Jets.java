package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.processor.Events;

/**
 * The {@code Jet} collection as a typed view. Jet ID follows NanoAOD's {@code jetId} bit field: bit 1
 * (value 2) is tight, bit 2 (value 4) tight with lepton veto, bit 0 (value 1) loose (only filled in
 * 2016 files). Run 3 files store 0, 2 or 6, so {@code isTight()} ⇔ {@code jetId >= 2} and {@code
 * isTightLeptonVeto()} ⇔ {@code jetId >= 6} there; bit tests also give the right answer for 2016's 1,
 * 3 and 7.
 *
 * <pre>{@code
 * Jets jets = events.jets();
 * Jets good = jets.filter(Masks.and(Masks.gt(jets.pt(), 30f), jets.isTightLeptonVeto()));
 * ListColumn<FloatColumn> genPt = good.matchedGen().pt(); // NaN where unmatched
 * }</pre>
 */
public final class Jets extends PhysicsObjects {
    private Jets(Events events) {
        super(events, "Jet");
    }

    private Jets(Jets parent, ListColumn<BoolColumn> mask) {
        super(parent, mask);
    }

    /**
     * @param events the chunk
     * @return a view of all jets ({@link Events#jets()} returns a cached one)
     */
    public static Jets of(Events events) {
        return new Jets(events);
    }

    @Override
    protected Jets filtered(ListColumn<BoolColumn> objectMask) {
        return new Jets(this, objectMask);
    }

    @Override
    public Jets filter(ListColumn<BoolColumn> objectMask) {
        return (Jets) super.filter(objectMask);
    }

    /** @return the {@code jetId} bit field */
    public ListColumn<IntColumn> jetId() {
        return ints("jetId");
    }

    /** @return loose jet ID ({@code jetId} bit 0; never set in files after 2016) */
    public ListColumn<BoolColumn> isLoose() {
        return Views.bitSet(jetId(), 1);
    }

    /** @return tight jet ID ({@code jetId} bit 1) */
    public ListColumn<BoolColumn> isTight() {
        return Views.bitSet(jetId(), 2);
    }

    /** @return tight jet ID with lepton veto ({@code jetId} bit 2) */
    public ListColumn<BoolColumn> isTightLeptonVeto() {
        return Views.bitSet(jetId(), 4);
    }

    /** @return per jet the local index of its GenJet, −1 for none or for a GenJet the file did not keep */
    public ListColumn<IntColumn> genJetIdx() {
        return index("genJetIdx", "GenJet");
    }

    /** @return the matched GenJets ({@code genJetIdx}), NaN kinematics where unmatched */
    public Matched matchedGen() {
        return matched("genJetIdx", events().genJets());
    }
}
