/**
 * Readers and evaluators for the legacy JetMET text formats (JetCorrectorParameters layout: JEC
 * levels, JES uncertainty sources, JER resolutions and scale factors), with CMSSW semantics by
 * default and coffea's clamping as {@link org.crema.corrections.text.OutOfRangePolicy#CLAMP}.
 *
 * <pre>{@code
 * TextCorrection l2 = TextCorrection.of(JetCorrectorParameters.read(Path.of("…_L2Relative_AK4PFPuppi.txt")));
 * double c = l2.evaluate(-5.0, 30.0);                 // inputs in l2.inputs() order: JetEta, JetPt
 * Map<String, TextUncertainty> jes = TextUncertainty.readSources(Path.of("…_UncertaintySources_….txt"),
 *         OutOfRangePolicy.CMSSW);
 * double delta = jes.get("FlavorQCD").evaluate(true, 0.5, 50.0);
 * }</pre>
 */
package org.crema.corrections.text;
