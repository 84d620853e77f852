/**
 * Typed views of NanoAOD collections: {@link org.crema.processor.nano.Jets}, {@link
 * org.crema.processor.nano.Muons}, {@link org.crema.processor.nano.Electrons}, {@link
 * org.crema.processor.nano.Photons}, {@link org.crema.processor.nano.Taus}, {@link
 * org.crema.processor.nano.FatJets}, {@link org.crema.processor.nano.GenJets}, {@link
 * org.crema.processor.nano.GenParticles}, {@link org.crema.processor.nano.MissingEt} and the generic
 * {@link org.crema.processor.nano.PhysicsObjects}, all over {@link org.crema.nano.EventTable} (the
 * events of a chunk, read by the one {@link org.crema.nano.NanoSchema}).
 *
 * <p>Every view is an {@link org.crema.processor.nano.ObjectView}: fields are jagged columns read on
 * first use, IDs are kernels over the ID fields, and filtering, sorting, slicing, {@code withField}
 * (calibration) and cross-references return a view of the same type. No per-object Java object
 * exists.
 *
 * <pre>{@code
 * Jets jets = events.jets();
 * Jets good = jets.filter(jets.pt().gt(30).and(jets.eta().abs().lt(2.4)).and(jets.isTight()));
 * FloatColumn ht = good.pt().sum();
 * FloatColumn mjj = good.get(0).add(good.get(1)).mass();
 * CartesianKinematics trijets = good.combinations(3).sum();
 * FloatColumn mjjj = trijets.mass().at(trijets.pt().argmax());
 * GenJets gen = good.matchedGen();              // GenJets with the good jets' lists
 * Jets nearest = events.muons().nearest(good, 0.4);
 * }</pre>
 */
package org.crema.processor.nano;
