/**
 * CMS-style plots from crema histograms, as PNG, SVG and PDF.
 *
 * <p><b>From a run's output folder</b> ({@code histograms.json} + {@code result.json}), everything at once:
 *
 * <pre>{@code
 * RunPlots.read(Path.of("out")).write(PlotOptions.defaults()
 *         .withLogY(true)                                   // also NAME_log.*
 *         .withBlindCategories(Set.of("signalRegion"))      // hide data of a category
 *         .withBlindRanges(Map.of("dimuonMass", List.of(new double[] {120, 130})))
 *         .withXLabels(Map.of("dimuonMass", "m_{\\mu\\mu} [GeV]"))
 *         .withLumi(59.8, 13));
 * // → out/plots/CATEGORY/NAME.{png,svg,pdf}, shapes/NAME_PROCESS.*, cutflow.*
 * }</pre>
 *
 * The same from the command line: {@code crema plot out --log --blind signalRegion}.
 *
 * <p><b>One plot from arrays</b>: {@link DataMcPlot#builder()} (stack, data, band, ratio),
 * {@link ShapePlot} (nominal vs variations), {@link CutflowPlot}; write any {@link Plot} with
 * {@link PlotWriter#write}. Conventions: data errors are Garwood intervals ({@link Garwood}); the band
 * is {@link SystematicBand} (per-source envelopes of up/down shifts, sources in quadrature, MC
 * statistics added in quadrature); colours are the Petroff sequences CMS recommends ({@link Palette});
 * axis titles are TeX-like ({@link TexLabel}); the label is "<b>CMS</b> <i>Preliminary</i>" with
 * luminosity and √s ({@link CmsLabel}).
 *
 * <p><b>Why plain Java2D plus JFreeSVG and JFreePDF</b> (Maven Central, maintained, no transitive
 * dependencies, Java modules): a CMS data/MC figure is a stacked step histogram, error bars, a band
 * and a second panel that must share the x axis pixel-exactly — layout that general chart libraries
 * (JFreeChart's XYPlot/CombinedDomainXYPlot) make awkward (no step-stacked areas with per-bin bands,
 * no TeX labels, their own axis and legend styles to undo). Drawing onto {@link java.awt.Graphics2D}
 * ourselves keeps the CMS style in one small place; JFreeSVG and JFreePDF are {@code Graphics2D}
 * implementations, so one drawing routine produces the PNG (JDK raster), the SVG and the PDF.
 * PDFBox would need a separate Graphics2D bridge; JFreePDF is that bridge, and draws text as vector
 * outlines so Greek letters and scripts look the same as in the PNG.
 *
 * <p><b>Licence.</b> JFreeSVG and JFreePDF are GPL v3 (their authors sell other licences). The
 * shaded {@code crema} jar includes them. If crema is to be distributed under a licence that GPL
 * code may not be combined with, replace them with Apache-2.0 {@code Graphics2D} implementations
 * (Apache Batik's {@code SVGGraphics2D}; PDFBox with {@code de.rototor.pdfbox:graphics2d}): every
 * plot draws on a plain {@code Graphics2D}, so only {@link PlotWriter} changes.
 */
package org.crema.plot;
