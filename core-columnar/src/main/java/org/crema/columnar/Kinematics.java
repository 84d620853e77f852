package org.crema.columnar;

import java.util.Objects;

/**
 * A per-event collection of four-vectors in NanoAOD's (pt, η, φ, m) form, viewed as four jagged
 * float columns with the same lists. Collection views ({@code Jets}, {@code Muons}, …) implement
 * the four accessors and inherit the kinematics (coffea's {@code PtEtaPhiMLorentzVector} mixin,
 * checked at compile time). Methods return new columns; nothing is cached.
 *
 * <pre>{@code
 * Kinematics jets = Kinematics.of(jetPt, jetEta, jetPhi, jetMass);
 * Combinations pairs = Combinatorics.pairs(jets.pt());
 * ListColumn<FloatColumn> mjj = pairs.select(0, jets).pairMass(pairs.select(1, jets));
 * }</pre>
 */
public interface Kinematics {
    /** @return transverse momentum per object */
    ListColumn<FloatColumn> pt();

    /** @return pseudorapidity per object */
    ListColumn<FloatColumn> eta();

    /** @return azimuth per object */
    ListColumn<FloatColumn> phi();

    /** @return mass per object */
    ListColumn<FloatColumn> mass();

    /**
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @param phi azimuth
     * @param mass mass
     * @return a plain collection over the four columns (which must have equal list lengths)
     */
    static Kinematics of(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> eta, ListColumn<FloatColumn> phi, ListColumn<FloatColumn> mass) {
        return new Lists(pt, eta, phi, mass);
    }

    /**
     * The plain implementation: four jagged float columns with equal list lengths in every entry.
     *
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @param phi azimuth
     * @param mass mass
     */
    record Lists(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> eta, ListColumn<FloatColumn> phi, ListColumn<FloatColumn> mass)
            implements Kinematics {
        /** Checks that the four columns have the same lists. */
        public Lists {
            Objects.requireNonNull(pt, "pt");
            FourVectors.checkLists("Kinematics", pt, eta, phi, mass);
        }
    }

    /** @return px = pt cos φ per object */
    default ListColumn<FloatColumn> px() {
        return FourVectors.px(pt(), phi());
    }

    /** @return py = pt sin φ per object */
    default ListColumn<FloatColumn> py() {
        return FourVectors.py(pt(), phi());
    }

    /** @return pz = pt sinh η per object */
    default ListColumn<FloatColumn> pz() {
        return FourVectors.pz(pt(), eta());
    }

    /** @return energy per object */
    default ListColumn<FloatColumn> energy() {
        return FourVectors.energy(pt(), eta(), mass());
    }

    /**
     * @param other a collection with the same lists
     * @return Δφ (wrapped to [−π, π]) object by object
     */
    default ListColumn<FloatColumn> deltaPhi(Kinematics other) {
        return FourVectors.deltaPhi(phi(), other.phi());
    }

    /**
     * @param other a collection with the same lists
     * @return ΔR object by object
     */
    default ListColumn<FloatColumn> deltaR(Kinematics other) {
        return FourVectors.deltaR(eta(), phi(), other.eta(), other.phi());
    }

    /**
     * @param other a collection with the same lists (e.g. the second members of pairs)
     * @return the invariant mass of this + other, object by object
     */
    default ListColumn<FloatColumn> pairMass(Kinematics other) {
        return FourVectors.pairMass(pt(), eta(), phi(), mass(), other.pt(), other.eta(), other.phi(), other.mass());
    }

    /**
     * @param other a collection with the same lists
     * @return the four-vector sum, object by object (e.g. a triplet: {@code a.add(b).add(c)})
     */
    default Kinematics add(Kinematics other) {
        Jagged.checkSameLists("add", pt(), other.pt());
        FourVectors.PtEtaPhiM s = flat().add(other.flat());
        return new Lists(Jagged.sameLists(pt(), s.pt()), Jagged.sameLists(pt(), s.eta()),
                Jagged.sameLists(pt(), s.phi()), Jagged.sameLists(pt(), s.mass()));
    }

    /** @return all objects of all events as flat columns (views) */
    default FourVectors.PtEtaPhiM flat() {
        return new FourVectors.PtEtaPhiM(Jagged.floats(pt()), Jagged.floats(eta()), Jagged.floats(phi()), Jagged.floats(mass()));
    }

    /** @return the per-event vector sum of the collection */
    default FourVectors.PtEtaPhiM sum() {
        return FourVectors.sum(pt(), eta(), phi(), mass());
    }

    /**
     * @param localIndex per-event local indices (e.g. from {@link Combinations#index} or {@link Sorting#argsort})
     * @return the selected objects
     */
    default Kinematics take(ListColumn<IntColumn> localIndex) {
        return new Lists(Selection.take(pt(), localIndex), Selection.take(eta(), localIndex),
                Selection.take(phi(), localIndex), Selection.take(mass(), localIndex));
    }

    /**
     * @param mask object-level mask with the same lists
     * @return the objects that pass
     */
    default Kinematics filter(ListColumn<BoolColumn> mask) {
        return new Lists(Selection.filter(pt(), mask), Selection.filter(eta(), mask),
                Selection.filter(phi(), mask), Selection.filter(mass(), mask));
    }

    /**
     * @param other another collection with the same number of events
     * @param maxDeltaR matching cone
     * @return per object of this collection, the local index of the nearest object of {@code
     *     other} within {@code maxDeltaR}, or −1
     */
    default ListColumn<IntColumn> nearest(Kinematics other, float maxDeltaR) {
        return FourVectors.nearest(eta(), phi(), other.eta(), other.phi(), maxDeltaR);
    }

    /**
     * @param other another collection with the same number of events
     * @return ΔR between every object here and every object of {@code other}, per event
     */
    default ListColumn<ListColumn<FloatColumn>> deltaRTable(Kinematics other) {
        return FourVectors.deltaRTable(eta(), phi(), other.eta(), other.phi());
    }
}
