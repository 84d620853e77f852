package org.crema.corrections.btag;

import java.util.Set;
import org.crema.correctionlib.Corrector;
import org.crema.corrections.CorrectionLookupException;

/**
 * The BTV correctionlib shape SFs ({@code deepJet_shape}, {@code deepCSV_shape}, …) as a {@link
 * BTagShapeSf}: inputs {@code systematic} (string), {@code flavor} (int 0/4/5), {@code abseta},
 * {@code pt}, {@code discriminant}. The file holds {@code cferr} systematics only for flavour 4
 * and the others only for 0 and 5, and fails on |η| ≥ 2.5: use it through {@link
 * BTagShapeWeights}, which routes systematics per flavour, on jets with |η| &lt; 2.5.
 */
final class BTagShapeCorrectionlib implements BTagShapeSf {
    private final Corrector corrector;

    BTagShapeCorrectionlib(Corrector corrector) {
        for (String name : new String[] {"systematic", "flavor", "abseta", "pt", "discriminant"}) {
            if (corrector.inputIndex(name) < 0) {
                throw new CorrectionLookupException("correction '" + corrector.name()
                        + "' is not a b-tag shape correction: no input '" + name + "'; inputs are " + corrector.inputs());
            }
        }
        this.corrector = corrector;
    }

    @Override
    public Set<String> systematics() {
        return Set.of(); // not enumerable up front; the correction rejects unknown names itself
    }

    @Override
    public void evaluate(String systematic, int[] hadronFlavour, double[] absEta, double[] pt, double[] discriminant,
            int n, double[] out) {
        int[] flavor = new int[n];
        for (int i = 0; i < n; i++) {
            int f = hadronFlavour[i];
            flavor[i] = f == 5 || f == 4 ? f : 0;
        }
        corrector.bind().constant("systematic", systematic).column("flavor", flavor).column("abseta", absEta)
                .column("pt", pt).column("discriminant", discriminant).evaluateInto(n, out);
    }

    @Override
    public String toString() {
        return "correctionlib " + corrector.name();
    }
}
