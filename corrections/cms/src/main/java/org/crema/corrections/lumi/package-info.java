/**
 * The certified-luminosity mask (golden JSON), vectorised over run and luminosityBlock columns.
 *
 * <pre>{@code
 * boolean[] pass = LumiMask.read(Path.of("Cert_….txt")).apply(run, luminosityBlock, run.length);
 * }</pre>
 */
package org.crema.corrections.lumi;
