/**
 * Evaluates correctionlib (schema v2) corrections, the JSON format in which CMS physics object
 * groups publish scale factors and calibrations, over whole columns.
 *
 * <p>Load a file once (plain or gzip), pick a correction, bind its inputs <em>by name</em> to
 * columns or constants, and evaluate the chunk:
 *
 * <pre>{@code
 * CorrectionSet set = CorrectionSet.load(Path.of("data/corrections/correctionlib/mycorrections.json"));
 * Correction ptweight = set.correction("ptweight");           // inputs: pt (real), syst (string)
 * float[] muonPt = {8f, 15f, 25f, 60f, 200f};
 * double[] w = ptweight.bind()
 *         .column("pt", muonPt)
 *         .constant("syst", "nominal")                        // category resolved once per chunk
 *         .evaluate();
 * // w = {1.1, 1.1, 1.08, 1.02, 1.0}: clamped below 10 and above 120
 * }</pre>
 *
 * <p>Values outside a correction's domain (flow "error", a missing category key) raise
 * {@link org.crema.correctionlib.CorrectionDomainException} naming the correction, input, value and
 * allowed range; {@code evaluate(n, ErrorPolicy.COLLECT)} instead returns NaN for those elements and
 * lists them. {@link org.crema.correctionlib.Corrector#evaluate(Object...)} evaluates one element
 * with arguments in signature order, for checks and tests.
 */
package org.crema.correctionlib;
