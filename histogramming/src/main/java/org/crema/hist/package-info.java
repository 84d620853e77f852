/**
 * Fast, mergeable N-dimensional histograms for physics analysis: an observable split by dataset,
 * category and systematic variation, filled with weights from columns, merged exactly across
 * threads and machines, and written in the UHI JSON layout that Python's {@code hist} and {@code
 * boost-histogram} read.
 *
 * <h2>Worked example: dataset × category × variation × mass</h2>
 *
 * <pre>{@code
 * Hist h = Hist.builder().name("mjj").label("dijet mass")
 *         .axis(StrCategoryAxis.growing("dataset"))
 *         .axis(StrCategoryAxis.of("category", "SR", "CR"))
 *         .axis(StrCategoryAxis.growing(Hist.VARIATION_AXIS))
 *         .axis(RegularAxis.of("mass", 30, 0, 300).withLabel("m_{jj}").withUnit("GeV"))
 *         .build();                                    // Storage.WEIGHT: Σw and Σw² per bin
 *
 * // One chunk of 4 events of dataset "ttbar": category index per event, mass per event,
 * // and the weight of each event in each systematic variation.
 * int[] category = {0, 1, 0, 0};                       // bin numbers of the "category" axis
 * double[] mass = {91.5, 125.0, 300.0, Double.NaN};    // 300 is the upper edge: overflow; NaN: overflow
 * String[] variations = {"nominal", "jesUp", "jesDown"};
 * double[][] weights = {
 *     {1.0, 0.5, 2.0, 1.0},
 *     {1.25, 0.5, 2.0, 1.0},
 *     {0.75, 0.5, 2.0, 1.0}};
 * h.fillVariations(new Object[] {"ttbar", category, mass}, variations, weights);
 *
 * // Per-thread histograms are added at the end (exact, associative, commutative).
 * Hist other = h.emptyCopy();
 * other.fillVariations(new Object[] {"dy", new int[] {0}, new double[] {91.0}},
 *         new String[] {"nominal"}, new double[][] {{3.0}});
 * h.add(other);
 *
 * // Look at the result: signal region, nominal, ttbar, summed over nothing else.
 * Hist sr = h.at("dataset", "ttbar").at("category", "SR").at(Hist.VARIATION_AXIS, "nominal");
 * double[] counts = sr.values(false);                  // 30 bins of Σw
 * Hist massOnly = h.at(Hist.VARIATION_AXIS, "nominal").project("mass");  // all datasets and categories
 * UhiJson.write(Path.of("mjj.json"), h);               // atomically; hist.Hist(json) in Python
 * System.out.println(HistTable.toText(sr.rebin("mass", 10), true));
 * }</pre>
 *
 * <h2>Rules worth knowing</h2>
 *
 * <ul>
 *   <li>A value on a bin edge goes to the bin above it; the upper edge of the range goes to overflow;
 *       NaN goes to overflow (like boost-histogram), and is dropped when overflow is switched off.
 *   <li>Category and variation axes are ordinary axes; growing category axes add new names as they
 *       are filled, and are united when histograms are added.
 *   <li>{@link org.crema.hist.Hist} is single-threaded: one per worker, combined with {@link
 *       org.crema.hist.Hist#add}.
 *   <li>Jagged inputs ({@code ListColumn}) fill one entry per object; per-event values, weights and
 *       masks are broadcast to the event's objects.
 * </ul>
 *
 * <p>The UHI serialization format is described at https://uhi.readthedocs.io (scikit-hep/uhi,
 * BSD-3-Clause); the test suite checks our output against the shape that specification defines.
 */
package org.crema.hist;
