/**
 * Rochester muon momentum corrections (RoccoR): {@link
 * org.crema.corrections.muon.RochesterCorrection} reads the official text file and evaluates
 * {@code kScaleDT} (data), {@code kSpreadMC} (simulation with a generator match), {@code kSmearMC}
 * (simulation without) and their uncertainties; {@link org.crema.corrections.muon.MuonScale}
 * applies them to whole muon columns with reproducible random numbers.
 *
 * <pre>{@code
 * RochesterCorrection rc = RochesterCorrection.read(Path.of("RoccoR2018.txt.gz"));
 * double[] k = new MuonScale(rc).data(charge, pt, eta, phi, 0, 0);   // collision data, nominal
 * // corrected pt of muon i: pt[i] * k[i]
 * float[] genPt = MuonScale.matchedGenPt(muonOffsets, genPartIdx, genOffsets, genPartPt);
 * double[] kMc = new MuonScale(rc).mc(muonOffsets, ids, charge, pt, eta, phi, genPt, nTrackerLayers, 0, 0);
 * }</pre>
 */
package org.crema.corrections.muon;
