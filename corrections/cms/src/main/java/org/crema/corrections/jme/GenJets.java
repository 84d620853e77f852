package org.crema.corrections.jme;

/**
 * Generator-level jets of each event ({@code GenJet_pt}, {@code GenJet_eta}, {@code GenJet_phi}
 * with their offsets), the targets of NanoAOD's {@code Jet_genJetIdx}.
 *
 * @param offsets per-event offsets, {@code n + 1} entries
 * @param pt per gen jet
 * @param eta per gen jet
 * @param phi per gen jet
 */
public record GenJets(int[] offsets, float[] pt, float[] eta, float[] phi) {
    /** Checks that the content arrays cover the offsets. */
    public GenJets {
        int last = JetEnergyCorrection.checkJets(offsets, pt.length, "GenJet pt");
        if (eta.length < last || phi.length < last) {
            throw new IllegalArgumentException("GenJet eta and phi need " + last + " entries, have " + eta.length + " and "
                    + phi.length);
        }
    }
}
