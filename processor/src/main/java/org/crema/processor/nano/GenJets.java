package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.processor.Events;

/** The {@code GenJet} collection (simulation only) as a typed view. */
public final class GenJets extends PhysicsObjects {
    private GenJets(Events events) {
        super(events, "GenJet");
    }

    private GenJets(GenJets parent, ListColumn<BoolColumn> mask) {
        super(parent, mask);
    }

    /**
     * @param events the chunk
     * @return a view of all GenJets ({@link Events#genJets()} returns a cached one)
     */
    public static GenJets of(Events events) {
        return new GenJets(events);
    }

    @Override
    protected GenJets filtered(ListColumn<BoolColumn> objectMask) {
        return new GenJets(this, objectMask);
    }

    @Override
    public GenJets filter(ListColumn<BoolColumn> objectMask) {
        return (GenJets) super.filter(objectMask);
    }

    /** @return hadron flavour of the GenJet (5 b, 4 c, 0 light) */
    public ListColumn<IntColumn> hadronFlavour() {
        return ints("hadronFlavour");
    }

    /** @return parton flavour of the GenJet (PDG id, 0 if none) */
    public ListColumn<IntColumn> partonFlavour() {
        return ints("partonFlavour");
    }
}
