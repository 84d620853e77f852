/**
 * CMS corrections on columns: the module's exceptions. The work is in the sub-packages:
 * {@link org.crema.corrections.text} (JetMET text files), {@link org.crema.corrections.jme} (JEC,
 * JER, JES, MET kernels), {@link org.crema.corrections.btag} (b-tag SFs and weights), {@link
 * org.crema.corrections.weights} (lepton SFs, pileup) and {@link org.crema.corrections.lumi}
 * (golden-JSON mask). {@code docs/corrections.md} shows each in a few lines.
 */
package org.crema.corrections;
