/**
 * The TFormula compiler shared by correctionlib {@code formula} nodes and the CMS text formats
 * (JetCorrectorParameters, BTV CSV), plus {@link org.crema.correctionlib.formula.SpecialFunctions}.
 *
 * <p>Compile once, evaluate many times; parameters may differ per point:
 *
 * <pre>{@code
 * Formula f = Formula.parse("[0]+[1]*log10(x)", 1, Formula.Dialect.ROOT);
 * Formula.Workspace ws = new Formula.Workspace();
 * double[][] table = {{1.0, 1.1}, {0.01, 0.02}};   // table[k][row]: two records
 * int[] rows = {0, 1, 1};                           // record of each jet
 * double[] out = new double[3];
 * f.evaluate(new double[][] {{30, 60, 120}}, table, rows, 3, out, ws);
 * }</pre>
 */
package org.crema.correctionlib.formula;
