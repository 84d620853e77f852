/**
 * A NanoAOD view of an {@code Events} tree: collections grouped by prefix ({@code Jet_*} under
 * {@code nJet}), singletons such as {@code MET}, and cross-references from {@code *Idx} branches.
 *
 * <pre>{@code
 * try (RootFile file = RootFile.open(Path.of("nano_dy.root"))) {
 *     NanoEvents events = NanoEvents.of(file.tree("Events"), 0, 40);
 *     NanoCollection jets = events.collection("Jet");
 *     ListColumn<?> pt = jets.field("pt");
 *     CrossReference gen = events.crossReference("Jet", "genJetIdx");
 * }
 * }</pre>
 *
 * <p>{@link RNTupleEventTable} is the same view over an RNTuple (CMSSW's RNTuple NanoAOD, where
 * {@code Jet} is one collection field and {@code nJet} no field at all), under the TTree's names, so
 * {@link NanoSchema} and the typed views read either format.
 */
package org.crema.nano;
