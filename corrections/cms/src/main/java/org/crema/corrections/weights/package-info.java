/**
 * Event weights from correctionlib files: lepton scale factors ({@link
 * org.crema.corrections.weights.ObjectScaleFactors}) and pileup ({@link
 * org.crema.corrections.weights.PileupWeights}), each with nominal, up and down.
 *
 * <pre>{@code
 * EventWeights mu = ObjectScaleFactors.muon(muonZ.correction("NUM_TightID_DEN_TrackerMuons"), "2018_UL")
 *         .eventWeights(muonOffsets, muonEta, muonPt, selected);
 * EventWeights pu = PileupWeights.of(lum.correction("Collisions18_UltraLegacy_goldenJSON")).evaluate(nTrueInt);
 * }</pre>
 */
package org.crema.corrections.weights;
