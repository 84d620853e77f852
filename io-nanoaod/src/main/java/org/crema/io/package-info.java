/**
 * A ROOT TTree reader for CMS NanoAOD, written from the file format (no ROOT, no JNI required).
 *
 * <p>{@link org.crema.io.RootFile#open} reads the header and key list only; {@link
 * org.crema.io.RootFile#tree} streams one tree's metadata (branches, leaves, basket tables); {@link
 * org.crema.io.Tree#read} reads, decompresses (ZLIB, LZMA, LZ4 with its checksum, ZSTD, or raw) and
 * bulk-converts the baskets that overlap an entry range into core-columnar columns: a flat {@code
 * FloatColumn}, {@code IntColumn}, … for scalar leaves and a {@code ListColumn} of one for jagged
 * leaves such as {@code Jet_pt[nJet]}.
 *
 * <pre>{@code
 * try (RootFile file = RootFile.open(Path.of("nano_dy.root"))) {
 *     Tree events = file.tree("Events");
 *     for (BranchInfo b : events.branches()) {
 *         System.out.println(b.name() + " " + b.typeName() + (b.jagged() ? "[" + b.counter() + "]" : ""));
 *     }
 *     ListColumn<?> jetPt = (ListColumn<?>) events.read("Jet_pt", 0, events.entries());
 *     Map<String, Column> muons = events.read(List.of("Muon_pt", "Muon_eta"), 0, 1000, pool);
 * }
 * }</pre>
 *
 * <p>Opening checks that the file is whole and consistent before any event is read: a file shorter
 * than its header says is refused (open with {@link org.crema.io.RootFile.Option#ALLOW_TRUNCATED} to
 * read what is there), a tree's entry count must equal every branch's and each branch's baskets
 * must cover exactly its entries, and a branch list with holes is an error rather than a shorter
 * list. Baskets are read wherever ROOT put them: in their own keys, inside the tree record (a tree
 * that was never flushed, or the unflushed tail of one), or both.
 *
 * <p>Errors are {@link org.crema.io.RootException}s: {@link org.crema.io.RootFormatException} for
 * damaged or inconsistent files and missing names, {@link
 * org.crema.io.UnsupportedRootFeatureException} for valid files using features this reader does
 * not implement. Messages name the file and, where known, the tree, branch, basket and byte offset.
 */
package org.crema.io;
