/**
 * Writing ROOT files: histograms ({@code TH1D}, {@code TH1F}, {@code TH2D}) and NanoAOD-shaped
 * {@code TTree}s, in nested directories, compressed with zlib, LZMA, LZ4 or ZSTD, readable by ROOT,
 * uproot, JSROOT and crema's own reader. Files past 2 GB switch to 64-bit offsets as ROOT does.
 * Every file is written to a temporary file and renamed into place on {@link
 * org.crema.io.write.RootWriter#close()}: a failure leaves nothing half-written.
 *
 * <pre>{@code
 * try (RootWriter out = RootWriter.create(Path.of("skim.root"), CompressionSetting.lzma(9))) {
 *     // A histogram in a directory, as Combine's shapes files are laid out.
 *     out.put("zWindow/DY", RootHistogram.of1D(Kind.TH1D, "DY",
 *             RootHistogram.Axis.regular("m(#mu#mu) [GeV]", 60, 0, 150), contents, sumw2));
 *
 *     // A skim: the same branch types, counters and titles as the input NanoAOD.
 *     List<BranchSpec> branches = input.branches().stream().map(BranchSpec::like).toList();
 *     TreeWriter events = out.tree("Events", "Events", branches);
 *     for (Map<String, Column> chunk : selectedChunks) {
 *         events.append(chunk);                // one cluster (one basket per branch) per chunk
 *     }
 *     out.runs(List.of(RunSums.of(1, genWeightOfAllEvents)));  // Runs: genEventCount, genEventSumw
 * }
 * }</pre>
 *
 * <p>The byte layout follows the ROOT I/O specification (root-io-spec): class versions TH1 8,
 * TAxis 10, TTree 20, TBranch 13, TLeaf 2, with the streamer descriptions ROOT's own files carry.
 */
package org.crema.io.write;
