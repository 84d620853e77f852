package org.crema.configs.internal.calib;

import static org.crema.configs.internal.calib.ColumnArrays.floats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.internal.expr.Suggest;
import org.crema.corrections.jme.MetPropagation;
import org.crema.processor.Events;

/**
 * Type-1 MET that follows the jets: the stored MET ({@code PREFIX_pt}, {@code PREFIX_phi}, type-1
 * corrected in production with the jets as stored) shifted by every jet's change of pt, the recipe
 * of {@link MetPropagation#propagate}:
 * {@code MET⃗' = MET⃗ − Σ (pt_new − pt_stored)·(cos φ, sin φ)} over the jets with {@code pt_new > 15}
 * GeV and {@code chEmEF + neEmEF < 0.9}. The unclustered-energy variation adds
 * ({@code +1}) or subtracts ({@code −1}) {@code (PREFIX_MetUnclustEnUpDeltaX, …DeltaY)} in the same
 * sum.
 *
 * <p>Pairing and precision: jet {@code i} of the calibrated collection is jet {@code i} of the stored
 * one (calibrations and variations replace fields and never reorder; objects are sorted only
 * later), and the two must have the same number of jets in every event. pt_stored and pt_new are
 * the float values the analysis sees ({@code Jet_pt} and the calibrated, float, pt), widened to
 * double; the EM fraction is the float sum {@code chEmEF + neEmEF}; the vector sum (with
 * {@link StrictMath}'s cos and sin, the same bits on every platform), {@code hypot} and
 * {@code atan2} are in double, and pt and φ are rounded once to float, the type of the stored
 * branches, so expressions read the propagated MET exactly as they read the stored one.
 */
public final class MetCalibration {
    /** The {@code type} of a MET calibration in YAML. */
    public static final String TYPE = "met";
    /** The {@code type} of the unclustered-energy variation in YAML. */
    public static final String UNCLUSTERED = "unclustered";
    /** Jet fields the propagation reads. */
    public static final List<String> JET_FIELDS = List.of("pt", "phi", "chEmEF", "neEmEF");
    /**
     * Prefix of the context variables holding the propagated branches: a name no expression can
     * write, so an analyst's variable never hides one.
     */
    public static final String VARIABLE_PREFIX = "met-propagated:";

    private static final MetPropagation.Selection SELECTION = MetPropagation.Selection.type1();

    private final String prefix;
    private final String jets;

    /**
     * @param prefix the MET branches' prefix, e.g. {@code MET} for {@code MET_pt} and {@code MET_phi}
     * @param jets the jet collection whose calibration and variations the MET follows
     */
    public MetCalibration(String prefix, String jets) {
        this.prefix = prefix;
        this.jets = jets;
    }

    /** @return the jet collection */
    public String jets() {
        return jets;
    }

    /** @return the branches this calibration replaces: {@code PREFIX_pt} and {@code PREFIX_phi} */
    public List<String> branches() {
        return List.of(prefix + "_pt", prefix + "_phi");
    }

    /** @return the event branches of the unclustered-energy shift */
    public List<String> unclusteredBranches() {
        return List.of(prefix + "_MetUnclustEnUpDeltaX", prefix + "_MetUnclustEnUpDeltaY");
    }

    /**
     * @param flat the input's event branches
     * @return the missing MET branch, or null
     */
    public String branchProblem(Map<String, ?> flat) {
        for (String b : branches()) {
            if (!flat.containsKey(b)) {
                return "the input has no branch " + b + ", which MET propagation needs"
                        + Suggest.didYouMean(b, flat.keySet());
            }
        }
        return null;
    }

    /**
     * @param jetFields the jet collection's fields
     * @return the missing jet field, or null
     */
    public String jetProblem(Map<String, ?> jetFields) {
        for (String f : JET_FIELDS) {
            if (!jetFields.containsKey(f)) {
                return jets + " has no field '" + f + "', which the type-1 jet selection needs"
                        + Suggest.didYouMean(f, jetFields.keySet());
            }
        }
        return null;
    }

    /**
     * The MET of one shape variation.
     *
     * @param events the skimmed events (stored MET, stored jets, unclustered shift)
     * @param calibrated the jets of this variation, in stored order (only {@code pt} is read)
     * @param unclustered {@code +1} or {@code −1} for the unclustered-energy variation, else 0
     * @return {@code PREFIX_pt} and {@code PREFIX_phi} → the propagated MET (float, as stored)
     */
    public Map<String, Column> apply(Events events, ListColumn<RecordColumn> calibrated, int unclustered) {
        ListColumn<RecordColumn> stored = events.collection(jets, JET_FIELDS.toArray(String[]::new));
        int[] offsets = stored.zeroBasedOffsets();
        int[] calibratedOffsets = calibrated.zeroBasedOffsets();
        if (!java.util.Arrays.equals(offsets, calibratedOffsets)) {
            throw new IllegalStateException("the calibrated " + jets + " do not pair with the stored ones: "
                    + calibrated.length() + " events with " + calibratedOffsets[calibratedOffsets.length - 1]
                    + " jets, stored " + stored.length() + " events with " + offsets[offsets.length - 1] + " jets");
        }
        RecordColumn was = (RecordColumn) stored.flatContent();
        float[] ptOld = floats(was.field("pt"));
        float[] phi = floats(was.field("phi"));
        float[] ch = floats(was.field("chEmEF"));
        float[] ne = floats(was.field("neEmEF"));
        float[] ptNew = floats(((RecordColumn) calibrated.flatContent()).field("pt"));
        float[] metPt = floats(events.column(branches().get(0)));
        float[] metPhi = floats(events.column(branches().get(1)));
        float[] dx = unclustered == 0 ? null : floats(events.column(unclusteredBranches().get(0)));
        float[] dy = unclustered == 0 ? null : floats(events.column(unclusteredBranches().get(1)));
        int n = metPt.length;
        float[] pt = new float[n];
        float[] ph = new float[n];
        for (int e = 0; e < n; e++) {
            double x = metPt[e] * StrictMath.cos(metPhi[e]);
            double y = metPt[e] * StrictMath.sin(metPhi[e]);
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                double now = ptNew[i];
                float em = ch[i] + ne[i];
                if (now > SELECTION.minPt() && em < SELECTION.maxEmFraction()) {
                    double d = now - ptOld[i];
                    x -= d * StrictMath.cos(phi[i]);
                    y -= d * StrictMath.sin(phi[i]);
                }
            }
            // only the unclustered variation adds a term: x + 0.0 would turn −0.0 into +0.0 and flip atan2's sign
            if (dx != null) {
                x += unclustered * (double) dx[e];
                y += unclustered * (double) dy[e];
            }
            pt[e] = (float) Math.hypot(x, y);
            ph[e] = (float) Math.atan2(y, x);
        }
        Map<String, Column> out = new LinkedHashMap<>();
        out.put(branches().get(0), FloatColumn.of(pt));
        out.put(branches().get(1), FloatColumn.of(ph));
        return out;
    }
}
