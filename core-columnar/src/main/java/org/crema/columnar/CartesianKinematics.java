package org.crema.columnar;

import java.util.Objects;

/**
 * A per-event collection of four-vectors in Cartesian form (px, py, pz, E), double precision: the
 * representation vector sums are made and kept in. {@link Kinematics#add} and {@link
 * Combinations#sum} return it, so a chain {@code a.add(b).add(c)} converts each input from (pt, η,
 * φ, m) once and never goes back in between; pt, η, φ and the mass are computed on demand with the
 * formulas of {@link FourVectors}. awkward/vector: {@code Momentum4D} records with fields px, py,
 * pz, E; Arrow: a struct of four float64 lists sharing offsets.
 *
 * <p>Accessors of the components are views; every other method returns new columns and caches
 * nothing. Immutable and thread-safe.
 *
 * <pre>{@code
 * CartesianKinematics trijets = Combinatorics.triplets(jets.pt()).sum(jets);
 * ListColumn<DoubleColumn> mjjj = trijets.mass();
 * DoubleColumn best = Selection.pick(mjjj, Reductions.argmax(trijets.pt()), Double.NaN);
 * }</pre>
 *
 * @param px x momentum per object
 * @param py y momentum per object
 * @param pz z momentum per object
 * @param energy energy per object
 */
public record CartesianKinematics(ListColumn<DoubleColumn> px, ListColumn<DoubleColumn> py,
                                  ListColumn<DoubleColumn> pz, ListColumn<DoubleColumn> energy) {
    /** Checks that the four columns have the same lists. */
    public CartesianKinematics {
        Objects.requireNonNull(px, "px");
        FourVectors.checkLists("CartesianKinematics", px, py, pz, energy);
    }

    /**
     * @param lists the lists (offsets) of the result, with {@code flat.length() == lists.totalCount()}
     * @param flat the objects of all entries, from element 0
     * @return {@code flat} shaped by {@code lists}
     */
    static CartesianKinematics of(ListColumn<?> lists, FourVectors.PxPyPzE flat) {
        return new CartesianKinematics(Jagged.sameLists(lists, flat.px()), Jagged.sameLists(lists, flat.py()),
                Jagged.sameLists(lists, flat.pz()), Jagged.sameLists(lists, flat.energy()));
    }

    /** @return the number of entries (events) */
    public int length() {
        return px.length();
    }

    /** @return all objects of all entries as flat columns (views) */
    public FourVectors.PxPyPzE flat() {
        return new FourVectors.PxPyPzE(Jagged.doubles(px), Jagged.doubles(py), Jagged.doubles(pz), Jagged.doubles(energy));
    }

    /** @return pt = √(px² + py²) per object */
    public ListColumn<DoubleColumn> pt() {
        return Jagged.sameLists(px, flat().pt());
    }

    /** @return η = asinh(pz/pt) per object (±∞ for pt = 0) */
    public ListColumn<DoubleColumn> eta() {
        return Jagged.sameLists(px, flat().eta());
    }

    /** @return φ = atan2(py, px) per object */
    public ListColumn<DoubleColumn> phi() {
        return Jagged.sameLists(px, flat().phi());
    }

    /** @return M = √max(E² − (px² + py² + pz²), 0) per object */
    public ListColumn<DoubleColumn> mass() {
        return Jagged.sameLists(px, flat().mass());
    }

    /**
     * @param other a collection with the same lists
     * @return the sum this + other, object by object
     */
    public CartesianKinematics add(CartesianKinematics other) {
        Jagged.checkSameLists("add", px, other.px);
        return of(px, flat().add(other.flat()));
    }

    /**
     * @param other a collection with the same lists, converted to Cartesian once
     * @return the sum this + other, object by object
     */
    public CartesianKinematics add(Kinematics other) {
        Jagged.checkSameLists("add", px, other.pt());
        return add(other.toCartesian());
    }

    /**
     * @return the per-event vector sum, objects added in list order from the zero vector (the zero
     *     vector for an empty list)
     */
    public FourVectors.PxPyPzE sum() {
        return FourVectors.sumLists(px, flat());
    }

    /**
     * @param localIndex per-event local indices (e.g. from {@link Sorting#argsort})
     * @return the selected objects (a copy)
     */
    public CartesianKinematics take(ListColumn<IntColumn> localIndex) {
        return new CartesianKinematics(Selection.take(px, localIndex), Selection.take(py, localIndex),
                Selection.take(pz, localIndex), Selection.take(energy, localIndex));
    }

    /**
     * @param mask object-level mask with the same lists
     * @return the objects that pass (a copy)
     */
    public CartesianKinematics filter(ListColumn<BoolColumn> mask) {
        return new CartesianKinematics(Selection.filter(px, mask), Selection.filter(py, mask),
                Selection.filter(pz, mask), Selection.filter(energy, mask));
    }
}
