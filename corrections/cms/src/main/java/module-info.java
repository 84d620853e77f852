/**
 * crema CMS corrections: legacy JetMET and b-tag text formats (JetCorrectorParameters, JES
 * uncertainty sources, JER resolution and scale factors, BTV CSV) and column kernels for jet energy
 * corrections, JER smearing, JES variations, type-1 MET propagation, b-tag weights, lepton and
 * pileup weights, Rochester muon momentum corrections, and the golden-JSON luminosity mask.
 * Everything works on primitive arrays: jets and muons are flat content plus per-event offsets.
 */
module org.crema.corrections {
    requires transitive org.crema.columnar;
    requires transitive org.crema.correctionlib;
    requires com.fasterxml.jackson.databind;

    exports org.crema.corrections;
    exports org.crema.corrections.text;
    exports org.crema.corrections.jme;
    exports org.crema.corrections.btag;
    exports org.crema.corrections.lumi;
    exports org.crema.corrections.weights;
    exports org.crema.corrections.muon;
}
