package org.crema.io.write;

import java.util.Arrays;
import java.util.Objects;

/**
 * A histogram as ROOT stores it: a {@code TH1D}, {@code TH1F} or {@code TH2D} with flow cells, Σw²
 * and the running statistics. Cells follow ROOT's order: for 2-D, {@code cell = ix + (nx + 2) * iy}
 * with index 0 the underflow and {@code n + 1} the overflow of each axis.
 *
 * <p>The statistics ({@code fEntries}, Σw, Σw², Σwx, Σwx² and for 2-D Σwy, Σwy², Σwxy) are what
 * ROOT reports as entries, mean and RMS. Binned input no longer knows the filled x values, so
 * {@link #of1D} and {@link #of2D} compute them at bin centres over in-range bins, and {@code
 * fEntries} as the sum of all cells, flow included (the convention of uproot's writer); pass a
 * {@link Statistics} to {@link #withStatistics} to set them exactly.
 *
 * @param kind the ROOT class
 * @param title histogram title
 * @param x x axis
 * @param y y axis ({@code null} for 1-D)
 * @param contents Σw per cell, flow cells included; owned by the histogram
 * @param sumw2 Σw² per cell, or {@code null} for unweighted (errors √content); owned
 * @param statistics the running statistics
 */
public record RootHistogram(Kind kind, String title, Axis x, Axis y, double[] contents, double[] sumw2,
        Statistics statistics) {

    /** The ROOT histogram classes this writer produces. */
    public enum Kind {
        /** 1-D, one float per cell. */
        TH1F,
        /** 1-D, one double per cell. */
        TH1D,
        /** 2-D, one double per cell. */
        TH2D
    }

    /**
     * An axis: bin count and edges ({@code edges == null} for equal-width bins from {@code low} to
     * {@code high}), and its title (e.g. {@code "m_{#mu#mu} [GeV]"}).
     *
     * @param title axis title
     * @param bins number of in-range bins
     * @param low first edge
     * @param high last edge
     * @param edges all {@code bins + 1} edges for variable bins, else {@code null}
     */
    public record Axis(String title, int bins, double low, double high, double[] edges) {
        /** Checks the binning. */
        public Axis {
            Objects.requireNonNull(title, "title");
            if (bins < 1) {
                throw new IllegalArgumentException("an axis needs at least one bin, got " + bins);
            }
            if (edges != null) {
                if (edges.length != bins + 1) {
                    throw new IllegalArgumentException("variable axis with " + bins + " bins needs " + (bins + 1)
                            + " edges, got " + edges.length);
                }
                for (int i = 0; i < bins; i++) {
                    if (!(edges[i] < edges[i + 1])) {
                        throw new IllegalArgumentException("axis edges not increasing: edges[" + i + "]=" + edges[i]
                                + " >= edges[" + (i + 1) + "]=" + edges[i + 1]);
                    }
                }
                if (edges[0] != low || edges[bins] != high) {
                    throw new IllegalArgumentException("low/high " + low + "/" + high
                            + " disagree with the first/last edge " + edges[0] + "/" + edges[bins]);
                }
            } else if (!(low < high)) {
                throw new IllegalArgumentException("axis range must satisfy low < high, got " + low + ", " + high);
            }
        }

        /** @param title axis title @param bins bin count @param low first edge @param high last edge
         *  @return an equal-width axis */
        public static Axis regular(String title, int bins, double low, double high) {
            return new Axis(title, bins, low, high, null);
        }

        /** @param title axis title @param edges all edges, increasing (copied) @return a variable axis */
        public static Axis variable(String title, double... edges) {
            if (edges.length < 2) {
                throw new IllegalArgumentException("a variable axis needs at least 2 edges, got " + edges.length);
            }
            double[] e = edges.clone();
            return new Axis(title, e.length - 1, e[0], e[e.length - 1], e);
        }

        /** @param bin 1..bins @return the bin's centre */
        public double center(int bin) {
            return 0.5 * (lowEdge(bin) + lowEdge(bin + 1));
        }

        /** @param bin 1..bins+1 @return the lower edge of the bin */
        public double lowEdge(int bin) {
            if (edges != null) {
                return edges[bin - 1];
            }
            return low + (high - low) * (bin - 1) / bins;
        }
    }

    /**
     * ROOT's running statistics of a histogram.
     *
     * @param entries fEntries
     * @param sumw fTsumw
     * @param sumw2 fTsumw2
     * @param sumwx fTsumwx
     * @param sumwx2 fTsumwx2
     * @param sumwy fTsumwy (2-D)
     * @param sumwy2 fTsumwy2 (2-D)
     * @param sumwxy fTsumwxy (2-D)
     */
    public record Statistics(double entries, double sumw, double sumw2, double sumwx, double sumwx2, double sumwy,
            double sumwy2, double sumwxy) {
    }

    /** Checks the cell counts. */
    public RootHistogram {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(statistics, "statistics");
        if ((kind == Kind.TH2D) != (y != null)) {
            throw new IllegalArgumentException(kind + (y == null ? " needs a y axis" : " has no y axis"));
        }
        int cells = (x.bins() + 2) * (y == null ? 1 : y.bins() + 2);
        if (contents.length != cells) {
            throw new IllegalArgumentException(kind + " with " + x.bins() + (y == null ? "" : "x" + y.bins())
                    + " bins needs " + cells + " cells (flow included), got " + contents.length);
        }
        if (sumw2 != null && sumw2.length != cells) {
            throw new IllegalArgumentException("sumw2 needs " + cells + " cells, got " + sumw2.length);
        }
    }

    /** @return number of cells, flow included (ROOT's fNcells) */
    public int cells() {
        return contents.length;
    }

    /**
     * A 1-D histogram with statistics computed from the bins.
     *
     * @param kind {@link Kind#TH1D} or {@link Kind#TH1F}
     * @param title title
     * @param x axis
     * @param contents {@code bins + 2} cells (owned)
     * @param sumw2 Σw² cells or {@code null} (owned)
     * @return the histogram
     */
    public static RootHistogram of1D(Kind kind, String title, Axis x, double[] contents, double[] sumw2) {
        double entries = 0;
        double sw = 0;
        double sw2 = 0;
        double swx = 0;
        double swx2 = 0;
        for (int i = 0; i < contents.length; i++) {
            entries += contents[i];
            if (i >= 1 && i <= x.bins()) {
                double c = x.center(i);
                sw += contents[i];
                sw2 += sumw2 != null ? sumw2[i] : contents[i];
                swx += contents[i] * c;
                swx2 += contents[i] * c * c;
            }
        }
        return new RootHistogram(kind, title, x, null, contents, sumw2,
                new Statistics(entries, sw, sw2, swx, swx2, 0, 0, 0));
    }

    /**
     * A 2-D histogram ({@link Kind#TH2D}) with statistics computed from the bins.
     *
     * @param title title
     * @param x x axis
     * @param y y axis
     * @param contents {@code (nx + 2) * (ny + 2)} cells in ROOT order (owned)
     * @param sumw2 Σw² cells or {@code null} (owned)
     * @return the histogram
     */
    public static RootHistogram of2D(String title, Axis x, Axis y, double[] contents, double[] sumw2) {
        int nx = x.bins() + 2;
        double entries = 0;
        double sw = 0;
        double sw2 = 0;
        double swx = 0;
        double swx2 = 0;
        double swy = 0;
        double swy2 = 0;
        double swxy = 0;
        for (int i = 0; i < contents.length; i++) {
            entries += contents[i];
            int ix = i % nx;
            int iy = i / nx;
            if (ix >= 1 && ix <= x.bins() && iy >= 1 && iy <= y.bins()) {
                double w = contents[i];
                double cx = x.center(ix);
                double cy = y.center(iy);
                sw += w;
                sw2 += sumw2 != null ? sumw2[i] : w;
                swx += w * cx;
                swx2 += w * cx * cx;
                swy += w * cy;
                swy2 += w * cy * cy;
                swxy += w * cx * cy;
            }
        }
        return new RootHistogram(Kind.TH2D, title, x, y, contents, sumw2,
                new Statistics(entries, sw, sw2, swx, swx2, swy, swy2, swxy));
    }

    /** @param s exact statistics @return this histogram with them */
    public RootHistogram withStatistics(Statistics s) {
        return new RootHistogram(kind, title, x, y, contents, sumw2, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RootHistogram h && kind == h.kind && title.equals(h.title) && x.equals(h.x)
                && Objects.equals(y, h.y) && Arrays.equals(contents, h.contents) && Arrays.equals(sumw2, h.sumw2)
                && statistics.equals(h.statistics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, title, Arrays.hashCode(contents));
    }

    @Override
    public String toString() {
        return kind + "[" + title + ", " + x.bins() + (y == null ? "" : "x" + y.bins()) + " bins, sumw="
                + statistics.sumw() + "]";
    }
}
