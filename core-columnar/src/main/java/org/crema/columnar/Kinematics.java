package org.crema.columnar;

import java.util.Objects;

/**
 * A per-event collection of four-vectors in NanoAOD's (pt, η, φ, m) form, viewed as four jagged
 * float columns with the same lists. Collection views ({@code Jets}, {@code Muons}, …) implement
 * the four accessors and inherit the kinematics (coffea's {@code PtEtaPhiMLorentzVector} mixin,
 * checked at compile time). Every derived quantity is computed in double with the formulas and
 * precision stated in {@link FourVectors}; sums are {@link CartesianKinematics}. Methods return
 * new columns; nothing is cached.
 *
 * <p>cos, sin and sinh are fdlibm's ({@link StrictMath}'s), in the SIMD kernels as well, so every
 * value has the same bits on every JVM and CPU; {@link Math#sin} and {@link Math#cos} are JIT
 * intrinsics that may differ by an ulp across platforms and JIT states, and a plain reference loop
 * must use StrictMath to reproduce crema's values exactly.
 *
 * <pre>{@code
 * Kinematics jets = Kinematics.of(jetPt, jetEta, jetPhi, jetMass);
 * Combinations pairs = Combinatorics.pairs(jets.pt());
 * ListColumn<DoubleColumn> mjj = pairs.sum(jets).mass();
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

    /** @return px = pt cos φ per object, in double */
    default ListColumn<DoubleColumn> px() {
        return FourVectors.px(pt(), phi());
    }

    /** @return py = pt sin φ per object, in double */
    default ListColumn<DoubleColumn> py() {
        return FourVectors.py(pt(), phi());
    }

    /** @return pz = pt sinh η per object, in double */
    default ListColumn<DoubleColumn> pz() {
        return FourVectors.pz(pt(), eta());
    }

    /** @return E = √(px² + py² + pz² + m²) per object, in double */
    default ListColumn<DoubleColumn> energy() {
        return FourVectors.energy(pt(), eta(), phi(), mass());
    }

    /** @return the same objects as (px, py, pz, E) in double, each converted once (new columns) */
    default CartesianKinematics toCartesian() {
        return CartesianKinematics.of(pt(), flat().toCartesian());
    }

    /**
     * @param other a collection with the same lists
     * @return Δφ (wrapped to [−π, π)) object by object, in double
     */
    default ListColumn<DoubleColumn> deltaPhi(Kinematics other) {
        return FourVectors.deltaPhi(phi(), other.phi());
    }

    /**
     * @param other a collection with the same lists
     * @return ΔR object by object, in double
     */
    default ListColumn<DoubleColumn> deltaR(Kinematics other) {
        return FourVectors.deltaR(eta(), phi(), other.eta(), other.phi());
    }

    /**
     * @param other a collection with the same lists (e.g. the second members of pairs)
     * @return the invariant mass of this + other, object by object, in double (bit-identical to
     *     {@code add(other).mass()})
     */
    default ListColumn<DoubleColumn> pairMass(Kinematics other) {
        return FourVectors.pairMass(pt(), eta(), phi(), mass(), other.pt(), other.eta(), other.phi(), other.mass());
    }

    /**
     * The four-vector sum, object by object, kept Cartesian: chain further terms on the result
     * ({@code a.add(b).add(c)} converts a, b and c once each) and ask it for {@code mass()}, {@code
     * pt()}, … at the end.
     *
     * @param other a collection with the same lists
     * @return this + other
     */
    default CartesianKinematics add(Kinematics other) {
        Jagged.checkSameLists("add", pt(), other.pt());
        return toCartesian().add(other.toCartesian());
    }

    /**
     * @param other Cartesian four-vectors with the same lists
     * @return this + other, object by object
     */
    default CartesianKinematics add(CartesianKinematics other) {
        Jagged.checkSameLists("add", pt(), other.px());
        return toCartesian().add(other);
    }

    /** @return all objects of all events as flat columns (views) */
    default FourVectors.PtEtaPhiM flat() {
        return new FourVectors.PtEtaPhiM(Jagged.floats(pt()), Jagged.floats(eta()), Jagged.floats(phi()), Jagged.floats(mass()));
    }

    /** @return the per-event vector sum of the collection, Cartesian */
    default FourVectors.PxPyPzE sum() {
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
     *     other} within {@code maxDeltaR} (strictly), or −1
     */
    default ListColumn<IntColumn> nearest(Kinematics other, double maxDeltaR) {
        return FourVectors.nearest(eta(), phi(), other.eta(), other.phi(), maxDeltaR);
    }

    /**
     * @param other another collection with the same number of events
     * @return ΔR between every object here and every object of {@code other}, per event, in double
     */
    default ListColumn<ListColumn<DoubleColumn>> deltaRTable(Kinematics other) {
        return FourVectors.deltaRTable(eta(), phi(), other.eta(), other.phi());
    }
}
