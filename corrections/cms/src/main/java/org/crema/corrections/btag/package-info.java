/**
 * b-tagging scale factors and event weights: BTV CSV files ({@link
 * org.crema.corrections.btag.BTagCalibration}), the shape method with per-flavour routing of
 * systematics ({@link org.crema.corrections.btag.BTagShapeWeights}) and fixed working points,
 * method 1a ({@link org.crema.corrections.btag.BTagFixedWpWeights} with {@link
 * org.crema.corrections.btag.BTagEfficiencyMap}).
 *
 * <pre>{@code
 * BTagShapeSf sf = BTagShapeSf.of(btagging.correction("deepJet_shape"));
 * double[] w = BTagShapeWeights.eventWeights(sf, "up_hf", offsets, hadronFlavour, eta, pt, disc, central);
 * }</pre>
 */
package org.crema.corrections.btag;
