package org.crema.corrections.btag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.internal.BinIndex;
import org.crema.correctionlib.formula.Formula;
import org.crema.corrections.text.OutOfRangePolicy;

/**
 * Evaluates the scale factors of one operating point of a {@link BTagCalibration}, following
 * CMSSW's {@code BTagCalibrationReader}: the first row (file order) of the jet's flavour with
 * {@code etaMin <= η <= etaMax}, {@code ptMin < pt <= ptMax} and, for the shape, {@code discrMin <=
 * d < discrMax}; |η| is used when no row of that flavour has a negative {@code etaMin}. With the
 * CMSSW policy, a pt outside the flavour's measured range is evaluated just inside it ({@code ±
 * 0.0001}) and a systematic there is doubled ({@code 2·sys − central}); a point with no row gives
 * 0. With the CLAMP policy (coffea) every input is clipped into the nearest bin and nothing is
 * doubled. Immutable and thread-safe.
 */
public final class BTagCalibrationReader {
    private final String source;
    private final int operatingPoint;
    private final boolean shape;
    private final OutOfRangePolicy policy;
    private final String[] measurement;
    /** (sysType) → per BTV flavour table, null when the flavour has no row. */
    private final Map<String, Table[]> tables = new HashMap<>();
    private final double[] ptLow = new double[3];
    private final double[] ptHigh = new double[3];
    private final double[] discrLow = new double[3];
    private final double[] discrHigh = new double[3];

    /** Rows of one (sysType, flavour), indexed on (η, −pt[, discriminant]). */
    private static final class Table {
        final Formula[] formulas;
        final double[] constants; // NaN where the formula depends on x
        final BinIndex index;
        final boolean absEta;
        final int[] lines;

        Table(List<BTagCalibration.Entry> rows, boolean shape) {
            int n = rows.size();
            int dims = shape ? 3 : 2;
            double[][] min = new double[dims][n];
            double[][] max = new double[dims][n];
            formulas = new Formula[n];
            lines = new int[n];
            boolean negative = false;
            for (int i = 0; i < n; i++) {
                BTagCalibration.Entry e = rows.get(i);
                negative |= e.etaMin() < 0;
                // η is closed on both sides: widen max by one ulp to fit the half-open index.
                min[0][i] = e.etaMin();
                max[0][i] = Math.nextUp(e.etaMax());
                // pt is (min, max]: index −pt on [−max, −min).
                min[1][i] = -e.ptMax();
                max[1][i] = -e.ptMin();
                if (shape) {
                    min[2][i] = e.discrMin();
                    max[2][i] = e.discrMax();
                }
                formulas[i] = e.formula();
                lines[i] = e.line();
            }
            absEta = !negative;
            index = new BinIndex(min, max, n);
            constants = new double[n];
            for (int i = 0; i < n; i++) {
                constants[i] = formulas[i].isConstant() ? formulas[i].constantValue() : Double.NaN;
            }
        }
    }

    BTagCalibrationReader(BTagCalibration calibration, int operatingPoint, String[] measurement,
            OutOfRangePolicy policy) {
        this.source = calibration.source();
        this.operatingPoint = operatingPoint;
        this.shape = operatingPoint == BTagCalibration.SHAPE;
        this.policy = policy;
        this.measurement = measurement.clone();
        Map<String, List<List<BTagCalibration.Entry>>> grouped = new HashMap<>();
        java.util.Arrays.fill(ptLow, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(ptHigh, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(discrLow, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(discrHigh, Double.NEGATIVE_INFINITY);
        for (BTagCalibration.Entry e : calibration.entries()) {
            if (e.operatingPoint() != operatingPoint || !e.measurementType().equals(measurement[e.btvFlavor()])) {
                continue;
            }
            List<List<BTagCalibration.Entry>> perFlavor = grouped.computeIfAbsent(e.sysType(), k -> {
                List<List<BTagCalibration.Entry>> l = new ArrayList<>();
                for (int f = 0; f < 3; f++) {
                    l.add(new ArrayList<>());
                }
                return l;
            });
            perFlavor.get(e.btvFlavor()).add(e);
            ptLow[e.btvFlavor()] = Math.min(ptLow[e.btvFlavor()], e.ptMin());
            ptHigh[e.btvFlavor()] = Math.max(ptHigh[e.btvFlavor()], e.ptMax());
            discrLow[e.btvFlavor()] = Math.min(discrLow[e.btvFlavor()], e.discrMin());
            // The discriminant range is half-open; stay just inside its upper edge when clipping.
            discrHigh[e.btvFlavor()] = Math.max(discrHigh[e.btvFlavor()], Math.nextDown(e.discrMax()));
        }
        if (!grouped.containsKey("central")) {
            throw new CorrectionLookupException(source + ": no central rows for operating point " + operatingPoint
                    + " and measurement types b=" + measurement[0] + " c=" + measurement[1] + " udsg=" + measurement[2]
                    + "; available: " + calibration.measurementTypes(operatingPoint));
        }
        for (Map.Entry<String, List<List<BTagCalibration.Entry>>> g : grouped.entrySet()) {
            Table[] t = new Table[3];
            for (int f = 0; f < 3; f++) {
                List<BTagCalibration.Entry> rows = g.getValue().get(f);
                t[f] = rows.isEmpty() ? null : new Table(rows, shape);
            }
            tables.put(g.getKey(), t);
        }
    }

    /** @return the systematic names this reader knows, {@code central} included */
    public Set<String> sysTypes() {
        return new TreeSet<>(tables.keySet());
    }

    /**
     * @param sysType {@code central}, {@code up}, {@code down_hf}, …
     * @param btvFlavor 0 (b), 1 (c), 2 (udsg)
     * @return whether the file has rows for that systematic and flavour
     */
    public boolean hasRows(String sysType, int btvFlavor) {
        Table[] t = tables.get(sysType);
        return t != null && t[btvFlavor] != null;
    }

    /**
     * Evaluates one jet.
     *
     * @param sysType {@code central} or a systematic of the file
     * @param hadronFlavour NanoAOD {@code Jet_hadronFlavour} (5, 4, 0)
     * @param eta jet η
     * @param pt jet pt
     * @param discriminant the tagger output (used only by the shape method)
     * @return the scale factor (0 where CMSSW finds no row)
     * @throws CorrectionLookupException for an unknown systematic
     */
    public double evaluate(String sysType, int hadronFlavour, double eta, double pt, double discriminant) {
        Table[] sys = tablesFor(sysType);
        Table[] central = tables.get("central");
        int f = BTagCalibration.btvFlavor(hadronFlavour);
        Scratch point = new Scratch(shape ? 3 : 2);
        if (policy == OutOfRangePolicy.CLAMP) {
            // coffea clips the inputs into the measured range and evaluates the formula there.
            double ptc = Math.min(Math.max(pt, ptLow[f]), ptHigh[f]);
            double dc = Math.min(Math.max(discriminant, discrLow[f]), discrHigh[f]);
            return lookup(sys[f], point, eta, ptc, dc, true);
        }
        double ptEval = pt;
        boolean outside = false;
        if (pt <= ptLow[f]) {
            ptEval = ptLow[f] + 0.0001;
            outside = true;
        } else if (pt > ptHigh[f]) {
            ptEval = ptHigh[f] - 0.0001;
            outside = true;
        }
        double c = lookup(central[f], point, eta, ptEval, discriminant, false);
        if (sysType.equals("central")) {
            return c;
        }
        double s = lookup(sys[f], point, eta, ptEval, discriminant, false);
        return outside ? 2 * s - c : s;
    }

    /**
     * Evaluates a batch of jets.
     *
     * @param sysType {@code central} or a systematic of the file
     * @param hadronFlavour per jet
     * @param eta per jet
     * @param pt per jet
     * @param discriminant per jet (ignored for fixed working points; may be null then)
     * @param n number of jets
     * @param out receives the scale factors
     */
    public void evaluate(String sysType, int[] hadronFlavour, double[] eta, double[] pt, double[] discriminant, int n,
            double[] out) {
        Table[] sys = tablesFor(sysType);
        Table[] central = tables.get("central");
        if (hadronFlavour.length < n || eta.length < n || pt.length < n || out.length < n
                || (discriminant != null && discriminant.length < n)) {
            throw new IllegalArgumentException("arrays need n=" + n + " entries: hadronFlavour " + hadronFlavour.length
                    + ", eta " + eta.length + ", pt " + pt.length + ", out " + out.length
                    + (discriminant == null ? "" : ", discriminant " + discriminant.length));
        }
        boolean isCentral = sysType.equals("central");
        boolean clamp = policy == OutOfRangePolicy.CLAMP;
        Scratch scratch = new Scratch(shape ? 3 : 2);
        for (int j = 0; j < n; j++) {
            int f = BTagCalibration.btvFlavor(hadronFlavour[j]);
            double p = pt[j];
            double d = discriminant == null ? 0 : discriminant[j];
            if (clamp) {
                double ptc = Math.min(Math.max(p, ptLow[f]), ptHigh[f]);
                double dc = Math.min(Math.max(d, discrLow[f]), discrHigh[f]);
                out[j] = lookup(sys[f], scratch, eta[j], ptc, dc, true);
                continue;
            }
            double ptEval = p;
            boolean outside = false;
            if (p <= ptLow[f]) {
                ptEval = ptLow[f] + 0.0001;
                outside = true;
            } else if (p > ptHigh[f]) {
                ptEval = ptHigh[f] - 0.0001;
                outside = true;
            }
            double s = lookup(sys[f], scratch, eta[j], ptEval, d, false);
            if (isCentral || !outside) {
                out[j] = s;
            } else {
                out[j] = 2 * s - lookup(central[f], scratch, eta[j], ptEval, d, false);
            }
        }
    }

    /** Reusable per-call buffers, so a batch allocates nothing per jet. */
    private static final class Scratch {
        final double[] point;
        final double[] vars = new double[4];
        final Formula.Workspace workspace = new Formula.Workspace();

        Scratch(int dims) {
            point = new double[dims];
        }
    }

    private Table[] tablesFor(String sysType) {
        Table[] t = tables.get(sysType);
        if (t == null) {
            throw new CorrectionLookupException(source + ": unknown sysType '" + sysType + "' for operating point "
                    + operatingPoint + "; available: " + sysTypes());
        }
        return t;
    }

    private static double lookup(Table t, Scratch scratch, double eta, double pt, double discr, boolean clamp) {
        if (t == null) {
            return 0.0;
        }
        double[] point = scratch.point;
        point[0] = t.absEta ? Math.abs(eta) : eta;
        point[1] = -pt;
        if (point.length == 3) {
            point[2] = discr;
        }
        int r = t.index.find(point, clamp);
        if (r < 0) {
            return 0.0;
        }
        double c = t.constants[r];
        if (c == c) { // not NaN: a constant row, the common case of the shape method
            return c;
        }
        scratch.vars[0] = point.length == 3 ? discr : pt;
        return t.formulas[r].evaluate(scratch.vars, NO_PARAMS, scratch.workspace);
    }

    private static final double[] NO_PARAMS = new double[0];

    /** @return the measurement types used for b, c and light jets */
    public List<String> measurementTypes() {
        return List.of(measurement);
    }

    @Override
    public String toString() {
        return "BTagCalibrationReader[" + source + " op=" + operatingPoint + " measurements=" + List.of(measurement)
                + " policy=" + policy + "]";
    }
}
