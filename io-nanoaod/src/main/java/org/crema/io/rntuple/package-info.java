/**
 * Reading RNTuple, ROOT's successor to TTree (binary format 1.0, ROOT 6.34 and later), into the
 * same primitive columns as the TTree reader.
 *
 * <p>A NanoAOD RNTuple written by CMSSW keeps collections as fields: {@code Jet} is a collection
 * whose record {@code _0} has the members, so {@code Jet_pt} of the TTree is the leaf field
 * {@code Jet._0.pt}; {@code nJet} is no field at all but the collection's offsets. Singletons such as
 * {@code MET} are records ({@code MET.pt}), trigger bits records of bools ({@code HLT.IsoMu24}).
 *
 * <pre>{@code
 * try (RNTupleReader reader = RNTupleReader.open(Path.of("nano_rntuple.root"))) {
 *     RNTuple events = reader.ntuple("Events");
 *     for (ClusterInfo c : events.clusters()) {              // independent units of work
 *         long from = c.firstEntry(), to = from + c.entries();
 *         ListColumn<?> pt = (ListColumn<?>) events.read("Jet._0.pt", from, to);
 *         int[] offsets = events.readOffsets("Jet", from, to); // nJet as offsets
 *         FloatColumn met = (FloatColumn) events.read("MET.pt", from, to);
 *     }
 * }
 * }</pre>
 *
 * <p>Every envelope (header, footer, page lists) and every page that carries a checksum is verified
 * (XXH3-64) as it is read; a mismatch is a {@link org.crema.io.RootFormatException} naming the file,
 * ntuple, field, column, cluster, page and byte offset.
 */
package org.crema.io.rntuple;
