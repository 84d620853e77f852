/**
 * Columns and the kernels that work on them: the columnar layer of crema.
 *
 * <h2>Columns</h2>
 * A NanoAOD branch becomes a flat column ({@link org.crema.columnar.FloatColumn}, {@link
 * org.crema.columnar.IntColumn}, … one value per event) or a jagged one, {@code
 * ListColumn<FloatColumn>} (one list per event: offsets plus flat content). A collection such as
 * {@code Jet} is a {@code ListColumn<RecordColumn>}. Columns are immutable; {@code region} gives
 * views, everything else copies.
 *
 * <h2>Kernels</h2>
 * Static facades, each working on flat and jagged columns alike:
 * <ul>
 *   <li>{@link org.crema.columnar.Masks}: comparisons ({@code gt}, {@code between}, …) giving event-
 *       or object-level masks, and {@code and}/{@code or}/{@code not}/{@code andNot};</li>
 *   <li>{@link org.crema.columnar.Arith}: element-wise arithmetic, broadcasting event values to objects;</li>
 *   <li>{@link org.crema.columnar.Selection}: filter objects and events, take/pick by index,
 *       leading/subleading, local index, counts, flatten; {@link org.crema.columnar.Sorting}: argsort;</li>
 *   <li>{@link org.crema.columnar.Reductions}: per-event sum, prod, min, max, argmin, argmax, count,
 *       any, all, mean (empty lists: sum 0, prod 1, min/max a default, arg* −1);</li>
 *   <li>{@link org.crema.columnar.Combinatorics}: pairs, triplets, cartesian products as index tuples;</li>
 *   <li>{@link org.crema.columnar.FourVectors} and {@link org.crema.columnar.Kinematics}: (pt, η, φ, m)
 *       four-vectors, masses, ΔR, matching.</li>
 * </ul>
 * Hot kernels use the Vector API when the JVM runs with {@code --add-modules jdk.incubator.vector};
 * otherwise (or with {@code -Dcrema.simd=false}) the same results come from scalar code, after one
 * warning. Missing values are explicit: a local index −1 picks the caller's default.
 *
 * <h2>Worked example</h2>
 * Tight jets with pt &gt; 30 GeV and |η| &lt; 2.4, the leading jet's pt, and the mass of the two
 * leading jets in events with at least two of them. {@code jetPt}, {@code jetEta}, {@code jetPhi},
 * {@code jetMass} ({@code ListColumn<FloatColumn>}) and {@code jetId} ({@code ListColumn<IntColumn>})
 * are NanoAOD's {@code Jet_*} branches.
 *
 * <pre>{@code
 * ListColumn<BoolColumn> good = Masks.and(
 *         Masks.and(Masks.gt(jetPt, 30f), Masks.lt(Arith.abs(jetEta), 2.4f)),
 *         Masks.hasBits(jetId, 2));                       // jetId bit 1: tight
 * Kinematics jets = Kinematics.of(jetPt, jetEta, jetPhi, jetMass).filter(good);
 * FloatColumn leadingPt = Selection.leading(jets.pt(), Float.NaN);
 * BoolColumn twoJets = Masks.ge(Selection.counts(jets.pt()), 2);
 * DoubleColumn mjj = FourVectors.pairMass(
 *         Selection.kth(jets.pt(), 0, Float.NaN), Selection.kth(jets.eta(), 0, Float.NaN),
 *         Selection.kth(jets.phi(), 0, Float.NaN), Selection.kth(jets.mass(), 0, Float.NaN),
 *         Selection.kth(jets.pt(), 1, Float.NaN), Selection.kth(jets.eta(), 1, Float.NaN),
 *         Selection.kth(jets.phi(), 1, Float.NaN), Selection.kth(jets.mass(), 1, Float.NaN));
 * DoubleColumn mjjSelected = Selection.filterEvents(mjj, twoJets);
 * }</pre>
 *
 * Kinematics are computed in double ({@link org.crema.columnar.FourVectors} states the formulas
 * and precision). The same steps for all pairs rather than the leading two: {@code
 * Combinatorics.pairs(jets.pt()).sum(jets).mass()}; the AGC trijet: {@code
 * Combinatorics.triplets(jets.pt()).sum(jets)} (a {@link org.crema.columnar.CartesianKinematics}),
 * {@link org.crema.columnar.Reductions#argmax} of its {@code pt()} and {@link
 * org.crema.columnar.Selection#pick} of its {@code mass()}.
 */
package org.crema.columnar;
