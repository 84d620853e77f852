/**
 * Jet and MET kernels on flat jet arrays with per-event offsets: JEC re-application ({@link
 * org.crema.corrections.jme.JetEnergyCorrection}), JER hybrid smearing with reproducible random
 * numbers ({@link org.crema.corrections.jme.JetSmearing}), JES variations ({@link
 * org.crema.corrections.jme.JesVariations}) and type-1 MET propagation ({@link
 * org.crema.corrections.jme.MetPropagation}). Corrections enter as {@link
 * org.crema.corrections.jme.JetFunction}s, from text files or correctionlib.
 *
 * <pre>{@code
 * JetFunction jec = JetFunction.of(jerc.compound("Summer22_22Sep2023_V3_MC_L1L2L3Res_AK4PFPuppi"), Map.of());
 * JetEnergyCorrection.Result c = JetEnergyCorrection.reapply(jec, offsets, pt, eta, mass, rawFactor, area, rho);
 * }</pre>
 */
package org.crema.corrections.jme;
