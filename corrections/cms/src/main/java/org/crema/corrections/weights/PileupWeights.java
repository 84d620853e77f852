package org.crema.corrections.weights;

import org.crema.correctionlib.Corrector;
import org.crema.correctionlib.Inputs;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.jme.Variation;

/**
 * Pileup weights from a LUM {@code puWeights.json} correction (e.g. {@code
 * Collisions18_UltraLegacy_goldenJSON}): input {@code NumTrueInteractions} (NanoAOD {@code
 * Pileup_nTrueInt}) and the string {@code weights} ∈ {nominal, up, down}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * PileupWeights pu = PileupWeights.of(puSet.correction("Collisions18_UltraLegacy_goldenJSON"));
 * EventWeights w = pu.evaluate(nTrueInt);
 * }</pre>
 */
public final class PileupWeights {
    private final Corrector corrector;

    private PileupWeights(Corrector corrector) {
        this.corrector = corrector;
    }

    /**
     * @param corrector a pileup correction with inputs {@code NumTrueInteractions} and {@code weights}
     * @return the weights
     * @throws CorrectionLookupException when the inputs are not those
     */
    public static PileupWeights of(Corrector corrector) {
        if (corrector.inputIndex("NumTrueInteractions") < 0 || corrector.inputIndex("weights") < 0
                || corrector.inputs().size() != 2) {
            throw new CorrectionLookupException("correction '" + corrector.name()
                    + "' is not a pileup correction: expected inputs NumTrueInteractions and weights, got "
                    + corrector.inputs());
        }
        return new PileupWeights(corrector);
    }

    /**
     * @param variation nominal, up or down
     * @param nTrueInt per event {@code Pileup_nTrueInt}
     * @return a new array of weights
     */
    public double[] evaluate(Variation variation, float[] nTrueInt) {
        String key = switch (variation) {
            case NOMINAL -> "nominal";
            case UP -> "up";
            case DOWN -> "down";
        };
        Inputs in = corrector.bind().column("NumTrueInteractions", nTrueInt).constant("weights", key);
        double[] out = new double[nTrueInt.length];
        in.evaluateInto(nTrueInt.length, out);
        return out;
    }

    /**
     * @param nTrueInt per event {@code Pileup_nTrueInt}
     * @return nominal, up and down weights
     */
    public EventWeights evaluate(float[] nTrueInt) {
        return new EventWeights(evaluate(Variation.NOMINAL, nTrueInt), evaluate(Variation.UP, nTrueInt),
                evaluate(Variation.DOWN, nTrueInt));
    }
}
