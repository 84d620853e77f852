package org.crema.corrections.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.corrections.CorrectionFileException;

/**
 * A jet energy scale uncertainty from a JetMET text file ({@code *_Uncertainty_*.txt}, or one
 * {@code [Source]} section of {@code *_UncertaintySources_*.txt}), with CMSSW's {@code
 * SimpleJetCorrectionUncertainty} semantics: the record is found on the bin variable ({@code
 * JetEta}, {@code min <= eta < max}); its values are knots {@code (pt, up, down)}; the relative
 * shift δ is the up (or down) column interpolated linearly in pt between the bracketing knots, and
 * held at the first/last knot's value outside the knot range. The varied jet is {@code pt·(1+δ)}
 * for up and {@code pt·(1−δ)} for down.
 *
 * <p>Without a record, CMSSW returns {@value #NO_RECORD}; this class does the same under {@link
 * OutOfRangePolicy#CMSSW} and uses the nearest record under {@link OutOfRangePolicy#CLAMP}.
 * Immutable and thread-safe.
 */
public final class TextUncertainty {
    /** The value CMSSW returns for a point outside every record (also used by jsonpog files). */
    public static final double NO_RECORD = -999.0;

    private final JetCorrectorParameters parameters;
    private final OutOfRangePolicy policy;
    private final List<String> inputs;
    private final int[] binInput;
    private final int interpolationInput;
    private final double[][] knotX;
    private final double[][] knotUp;
    private final double[][] knotDown;

    private TextUncertainty(JetCorrectorParameters p, OutOfRangePolicy policy) {
        this.parameters = p;
        this.policy = policy;
        if (p.parVariables().size() != 1) {
            throw new CorrectionFileException(p.source(), 0, "uncertainty section [" + p.section()
                    + "] must have exactly one interpolation variable, header has " + p.parVariables());
        }
        List<String> names = new ArrayList<>(p.binVariables());
        if (!names.contains(p.parVariables().get(0))) {
            names.add(p.parVariables().get(0));
        }
        inputs = List.copyOf(names);
        binInput = new int[p.binVariables().size()];
        for (int d = 0; d < binInput.length; d++) {
            binInput[d] = d;
        }
        interpolationInput = names.indexOf(p.parVariables().get(0));
        int records = p.size();
        knotX = new double[records][];
        knotUp = new double[records][];
        knotDown = new double[records][];
        double[][] values = p.valuesUnsafe();
        for (int r = 0; r < records; r++) {
            double[] v = values[r];
            if (v.length == 0 || v.length % 3 != 0) {
                throw new CorrectionFileException(p.source(), p.line(r), "uncertainty record must hold (pt, up, down)"
                        + " triples: value count " + v.length + " is not a positive multiple of 3");
            }
            int k = v.length / 3;
            knotX[r] = new double[k];
            knotUp[r] = new double[k];
            knotDown[r] = new double[k];
            for (int i = 0; i < k; i++) {
                knotX[r][i] = v[3 * i];
                knotUp[r][i] = v[3 * i + 1];
                knotDown[r][i] = v[3 * i + 2];
                if (i > 0 && !(knotX[r][i] > knotX[r][i - 1])) {
                    throw new CorrectionFileException(p.source(), p.line(r), "uncertainty knots must increase: knot "
                            + i + " at " + knotX[r][i] + " after " + knotX[r][i - 1]);
                }
            }
        }
    }

    /**
     * @param parameters a parsed uncertainty section
     * @return the uncertainty with CMSSW semantics
     */
    public static TextUncertainty of(JetCorrectorParameters parameters) {
        return new TextUncertainty(parameters, OutOfRangePolicy.CMSSW);
    }

    /**
     * @param parameters a parsed uncertainty section
     * @param policy what to do outside every record
     * @return the uncertainty
     */
    public static TextUncertainty of(JetCorrectorParameters parameters, OutOfRangePolicy policy) {
        return new TextUncertainty(parameters, policy);
    }

    /**
     * Reads every source of a file: one entry per {@code [Section]}, or a single entry named
     * {@code "Total"} for a file without sections.
     *
     * @param path {@code *_Uncertainty_*.txt} or {@code *_UncertaintySources_*.txt}, optionally gzip
     * @param policy what to do outside every record
     * @return source name to uncertainty, in file order
     */
    public static Map<String, TextUncertainty> readSources(Path path, OutOfRangePolicy policy) {
        Map<String, TextUncertainty> out = new LinkedHashMap<>();
        for (Map.Entry<String, JetCorrectorParameters> e : JetCorrectorParameters.readSections(path).entrySet()) {
            out.put(e.getKey().isEmpty() ? "Total" : e.getKey(), new TextUncertainty(e.getValue(), policy));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return the input names in call order, e.g. {@code [JetEta, JetPt]} */
    public List<String> inputs() {
        return inputs;
    }

    /** @return the section name (source), empty for a single-source file */
    public String source() {
        return parameters.section();
    }

    /** @return the parsed file section */
    public JetCorrectorParameters parameters() {
        return parameters;
    }

    /**
     * @param values one value per name in {@link #inputs()}
     * @param up true for the up column, false for the down column
     * @return the relative shift δ, or {@value #NO_RECORD} without a record (CMSSW policy)
     */
    public double evaluate(boolean up, double... values) {
        if (values.length != inputs.size()) {
            throw new IllegalArgumentException(parameters.source() + " [" + parameters.section() + "]: need "
                    + inputs.size() + " inputs " + inputs + ", got " + values.length);
        }
        double[] point = new double[binInput.length];
        for (int d = 0; d < point.length; d++) {
            point[d] = values[binInput[d]];
        }
        int r = parameters.index().find(point, policy == OutOfRangePolicy.CLAMP);
        if (r < 0) {
            return NO_RECORD;
        }
        return interpolate(knotX[r], up ? knotUp[r] : knotDown[r], values[interpolationInput]);
    }

    /**
     * Batch evaluation; column {@code i} holds input {@code inputs().get(i)}.
     *
     * @param up true for the up column
     * @param columns one array per input, each of length {@code >= n}
     * @param n number of points
     * @param out receives δ per point
     */
    public void evaluate(boolean up, double[][] columns, int n, double[] out) {
        if (columns.length != inputs.size()) {
            throw new IllegalArgumentException(parameters.source() + ": need " + inputs.size() + " input columns "
                    + inputs + ", got " + columns.length);
        }
        if (out.length < n) {
            throw new IllegalArgumentException("output shorter than n=" + n + ": " + out.length);
        }
        final int batch = 512;
        int[] rows = new int[batch];
        double[][] binCols = new double[binInput.length][];
        for (int d = 0; d < binCols.length; d++) {
            binCols[d] = columns[binInput[d]];
        }
        double[] z = columns[interpolationInput];
        double[][] ys = up ? knotUp : knotDown;
        boolean clamp = policy == OutOfRangePolicy.CLAMP;
        for (int from = 0; from < n; from += batch) {
            int len = Math.min(batch, n - from);
            parameters.index().find(binCols, from, len, clamp, rows);
            for (int j = 0; j < len; j++) {
                int r = rows[j];
                out[from + j] = r < 0 ? NO_RECORD : interpolate(knotX[r], ys[r], z[from + j]);
            }
        }
    }

    /**
     * Whether two sources have the same inputs, bin ranges and knot positions (true for every
     * source of one {@code UncertaintySources} file), so that {@link #evaluateAll} can locate each
     * jet once for all of them.
     *
     * @param other another source
     * @return whether the layouts are identical
     */
    public boolean sameLayout(TextUncertainty other) {
        if (other == this) {
            return true;
        }
        if (!inputs.equals(other.inputs) || policy != other.policy || parameters.size() != other.parameters.size()
                || interpolationInput != other.interpolationInput) {
            return false;
        }
        for (int r = 0; r < parameters.size(); r++) {
            for (int d = 0; d < binInput.length; d++) {
                if (parameters.binMin(d, r) != other.parameters.binMin(d, r)
                        || parameters.binMax(d, r) != other.parameters.binMax(d, r)) {
                    return false;
                }
            }
            if (!java.util.Arrays.equals(knotX[r], other.knotX[r])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Evaluates several sources of identical layout ({@link #sameLayout}) at once: the record and
     * the bracketing knots are found once per jet, then each source only interpolates. Results
     * are identical to evaluating each source alone.
     *
     * @param sources sources sharing one layout
     * @param up true for the up column
     * @param columns one array per input
     * @param n number of points
     * @param out {@code out[s]} receives δ of {@code sources.get(s)}
     * @throws IllegalArgumentException when the layouts differ
     */
    public static void evaluateAll(List<TextUncertainty> sources, boolean up, double[][] columns, int n,
            double[][] out) {
        if (sources.isEmpty()) {
            return;
        }
        TextUncertainty first = sources.get(0);
        for (TextUncertainty s : sources) {
            if (!first.sameLayout(s)) {
                throw new IllegalArgumentException("sources do not share one layout: " + first + " vs " + s);
            }
        }
        if (columns.length != first.inputs.size()) {
            throw new IllegalArgumentException("need " + first.inputs.size() + " input columns " + first.inputs
                    + ", got " + columns.length);
        }
        final int batch = 512;
        int[] rows = new int[batch];
        int[] lo = new int[batch];
        double[][] binCols = new double[first.binInput.length][];
        for (int d = 0; d < binCols.length; d++) {
            binCols[d] = columns[first.binInput[d]];
        }
        double[] z = columns[first.interpolationInput];
        boolean clamp = first.policy == OutOfRangePolicy.CLAMP;
        int count = sources.size();
        double[][][] ys = new double[count][][];
        for (int s = 0; s < count; s++) {
            ys[s] = up ? sources.get(s).knotUp : sources.get(s).knotDown;
        }
        for (int from = 0; from < n; from += batch) {
            int len = Math.min(batch, n - from);
            first.parameters.index().find(binCols, from, len, clamp, rows);
            for (int j = 0; j < len; j++) {
                int r = rows[j];
                lo[j] = r < 0 ? -3 : bracket(first.knotX[r], z[from + j]);
            }
            for (int s = 0; s < count; s++) {
                double[][] y = ys[s];
                double[] o = out[s];
                for (int j = 0; j < len; j++) {
                    int r = rows[j];
                    int k = lo[j];
                    double zz = z[from + j];
                    double v;
                    if (r < 0) {
                        v = NO_RECORD;
                    } else if (k == -1) {
                        v = y[r][0];
                    } else if (k == -2) {
                        v = y[r][y[r].length - 1];
                    } else if (k == -4) {
                        v = Double.NaN;
                    } else {
                        v = line(first.knotX[r][k], first.knotX[r][k + 1], y[r][k], y[r][k + 1], zz);
                    }
                    o[from + j] = v;
                }
            }
        }
    }

    // -1: at or below the first knot; -2: at or above the last; -4: NaN; else the lower knot index.
    private static int bracket(double[] x, double z) {
        int last = x.length - 1;
        if (z <= x[0]) {
            return -1;
        }
        if (z >= x[last]) {
            return -2;
        }
        if (Double.isNaN(z)) {
            return -4;
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= z) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double line(double x0, double x1, double y0, double y1, double z) {
        double a = (y1 - y0) / (x1 - x0);
        double b = (y0 * x1 - y1 * x0) / (x1 - x0);
        return a * z + b;
    }

    // SimpleJetCorrectionUncertainty: hold outside the knots, linear y = a·z + b inside.
    static double interpolate(double[] x, double[] y, double z) {
        int last = x.length - 1;
        if (z <= x[0]) {
            return y[0];
        }
        if (z >= x[last]) {
            return y[last];
        }
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        int lo = bracket(x, z);
        return line(x[lo], x[lo + 1], y[lo], y[lo + 1], z);
    }

    @Override
    public String toString() {
        return "TextUncertainty[" + parameters.source() + " [" + parameters.section() + "] inputs=" + inputs + "]";
    }
}
