package org.crema.corrections.btag;

import java.util.Set;

/**
 * Per-jet b-tag shape (reshaping) scale factors for a named systematic, from a BTV CSV ({@link
 * #of(BTagCalibrationReader)}) or a correctionlib {@code deepJet_shape} correction. Flavours are
 * NanoAOD {@code hadronFlavour} values (5, 4, 0). Implementations are thread-safe.
 */
public interface BTagShapeSf {
    /**
     * @return the systematic names available, {@code central} included; empty when the source
     *     cannot list them up front (correctionlib), which then rejects unknown names itself
     */
    Set<String> systematics();

    /**
     * @param systematic {@code central}, {@code up_hf}, {@code down_cferr1}, {@code up_jesFlavorQCD}, …
     * @param hadronFlavour per jet (5, 4, 0)
     * @param absEta per jet |η|
     * @param pt per jet
     * @param discriminant per jet tagger output
     * @param n number of jets
     * @param out receives the scale factors
     */
    void evaluate(String systematic, int[] hadronFlavour, double[] absEta, double[] pt, double[] discriminant, int n,
            double[] out);

    /**
     * @param corrector a correctionlib shape correction, e.g. {@code deepJet_shape} of {@code
     *     btagging.json.gz}, with inputs systematic, flavor, abseta, pt, discriminant
     * @return it as a shape SF source
     */
    static BTagShapeSf of(org.crema.correctionlib.Corrector corrector) {
        return new BTagShapeCorrectionlib(corrector);
    }

    /**
     * @param reader an operating-point-3 ({@code iterativefit}) reader
     * @return the reader as a shape SF source
     */
    static BTagShapeSf of(BTagCalibrationReader reader) {
        return new BTagShapeSf() {
            @Override
            public Set<String> systematics() {
                return reader.sysTypes();
            }

            @Override
            public void evaluate(String systematic, int[] hadronFlavour, double[] absEta, double[] pt,
                    double[] discriminant, int n, double[] out) {
                reader.evaluate(systematic, hadronFlavour, absEta, pt, discriminant, n, out);
            }

            @Override
            public String toString() {
                return reader.toString();
            }
        };
    }
}
