package org.crema.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CMS data/MC comparison: stacked predictions by process, observed data with Garwood Poisson
 * error bars, the uncertainty band on the total prediction, and a data/MC ratio panel below,
 * sharing the x axis. Build with {@link #builder()}:
 *
 * <pre>{@code
 * Plot p = DataMcPlot.builder()
 *         .edges(edges).xLabel("m_{\\mu\\mu} [GeV]")
 *         .mc("DY", dyValues, dyVariances)
 *         .data(observed)
 *         .band(SystematicBand.of(total, variations).withStatistical(totalVariances))
 *         .label(CmsLabel.preliminary(59.8, 13))
 *         .build();
 * PlotWriter.write(p, dir.resolve("dimuon_mass"), PlotWriter.Format.ALL);
 * }</pre>
 *
 * <p>Blinding hides data (points and ratio) in whole ({@link Builder#blindAll()}) or in x ranges
 * ({@link Builder#blind(double, double)}); blinded ranges are shaded and labelled. The legend sits
 * in headroom reserved above the tallest bin, so it never covers the histograms.
 */
public final class DataMcPlot implements Plot {
    /** One stacked process. */
    record Process(String name, double[] values, Color color) {}

    private final double[] edges;
    private final List<Process> mc;
    private final double[] data;
    private final SystematicBand band;
    private final String bandLabel;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final boolean blindAll;
    private final List<double[]> blindRanges;
    private final CmsLabel label;
    private final String note;
    private final int width;
    private final int height;

    private DataMcPlot(Builder b) {
        this.edges = Objects.requireNonNull(b.edges, "edges");
        this.mc = List.copyOf(b.mc);
        this.data = b.data;
        this.band = b.band;
        this.bandLabel = b.bandLabel;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.logY = b.logY;
        this.blindAll = b.blindAll;
        this.blindRanges = List.copyOf(b.blindRanges);
        this.label = b.label;
        this.note = b.note;
        this.width = b.width;
        this.height = b.height;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** @return the stacked total per bin */
    public double[] total() {
        double[] t = new double[edges.length - 1];
        for (Process p : mc) {
            for (int i = 0; i < t.length; i++) {
                t[i] += p.values()[i];
            }
        }
        return t;
    }

    /** @return whether bin i's data are hidden */
    public boolean blinded(int bin) {
        if (blindAll || data == null) {
            return true;
        }
        for (double[] r : blindRanges) {
            // A bin is hidden when it overlaps the blinded range at all.
            if (edges[bin] < r[1] && edges[bin + 1] > r[0]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));

        int n = edges.length - 1;
        double[] total = total();
        double[][] err = new double[n][];
        double maxContent = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double hi = total[i] + (band != null ? band.up()[i] : 0);
            if (!blinded(i)) {
                err[i] = Garwood.interval(Math.max(0, data[i]));
                hi = Math.max(hi, err[i][1]);
                if (data[i] > 0) {
                    minPositive = Math.min(minPositive, data[i]);
                }
            }
            maxContent = Math.max(maxContent, hi);
            for (Process p : mc) {
                if (p.values()[i] > 0) {
                    minPositive = Math.min(minPositive, p.values()[i]);
                }
            }
        }
        if (maxContent <= 0) {
            maxContent = 1;
        }
        double ymin;
        double ymax;
        if (logY) {
            double lo = Double.isInfinite(minPositive) ? 0.1 : minPositive;
            double lmin = Math.floor(Math.log10(lo) - 0.3);
            double lmax = Math.log10(maxContent);
            // The top 40 % of the decades is headroom for the CMS label and legend.
            ymin = Math.pow(10, lmin);
            ymax = Math.pow(10, lmin + (lmax - lmin) / 0.7);
        } else {
            ymin = 0;
            ymax = maxContent * 1.6;
        }

        double left = 0.165 * width;
        double right = width - 0.05 * width;
        double top = 0.075 * height;
        double bottom = height - 0.125 * height;
        double ratioHeight = (bottom - top) * 0.28;
        double mainHeight = bottom - top - ratioHeight;
        Frame main = new Frame(left, top, right - left, mainHeight, edges[0], edges[n], ymin, ymax, logY);
        Frame ratio = new Frame(left, top + mainHeight, right - left, ratioHeight, edges[0], edges[n],
                1 - ratioRange(total, err), 1 + ratioRange(total, err), false);

        main.sharesBottom = true;
        ratio.sharesTop = true;
        Shape savedClip = g.getClip();
        // main panel
        g.clip(main.clip());
        drawBlinded(g, main);
        double[] below = new double[n];
        for (Process p : mc) {
            double[] above = new double[n];
            for (int i = 0; i < n; i++) {
                above[i] = below[i] + p.values()[i];
            }
            Path2D layer = stepArea(main, below, above);
            g.setColor(p.color());
            g.fill(layer);
            below = above;
        }
        // Outlines on top of all fills, so each process edge stays visible.
        g.setColor(Color.BLACK);
        g.setStroke(Style.THIN);
        double[] cum = new double[n];
        for (Process p : mc) {
            for (int i = 0; i < n; i++) {
                cum[i] += p.values()[i];
            }
            g.draw(stepLine(main, cum));
        }
        if (band != null) {
            g.setColor(Style.BAND);
            for (int i = 0; i < n; i++) {
                double y0 = main.py(total[i] + band.up()[i]);
                double y1 = main.py(Math.max(total[i] - band.down()[i], logY ? ymin * 1e-3 : 0));
                hatch(g, new Rectangle2D.Double(main.px(edges[i]), y0, main.px(edges[i + 1]) - main.px(edges[i]), y1 - y0));
            }
        }
        drawData(g, main, err, null, total);
        labelBlinded(g, main);
        g.setClip(savedClip);
        main.drawAxes(g, false, null, yLabel, 6);

        // ratio panel: data / total prediction, with the band relative to the total
        g.clip(ratio.clip());
        drawBlinded(g, ratio);
        if (band != null) {
            g.setColor(Style.BAND);
            for (int i = 0; i < n; i++) {
                if (total[i] <= 0) {
                    continue;
                }
                double y0 = ratio.py(1 + band.up()[i] / total[i]);
                double y1 = ratio.py(1 - band.down()[i] / total[i]);
                hatch(g, new Rectangle2D.Double(ratio.px(edges[i]), y0, ratio.px(edges[i + 1]) - ratio.px(edges[i]), y1 - y0));
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(Style.DASHED);
        g.draw(new Line2D.Double(ratio.left, ratio.py(1), ratio.right(), ratio.py(1)));
        drawData(g, ratio, err, total, total);
        g.setClip(savedClip);
        ratio.drawAxes(g, true, xLabel, data != null && !blindAll ? "Data / MC" : "Unc. / MC", 4);

        g.setColor(Color.BLACK);
        label.draw(g, left, right, top - 10, Style.CMS);
        drawLegend(g, main);
    }

    /**
     * The CMS band look: a light grey fill with dark diagonal hatching, both drawn as plain shapes
     * (a TexturePaint would be rasterised by the SVG and PDF writers).
     */
    private static void hatch(Graphics2D g, Rectangle2D r) {
        if (!(r.getHeight() > 0) || !(r.getWidth() > 0)) {
            return;
        }
        java.awt.Color saved = g.getColor();
        Shape clip = g.getClip();
        g.setColor(Style.BAND);
        g.fill(r);
        g.clip(r);
        g.setColor(Style.HATCH);
        g.setStroke(Style.THIN);
        double step = 9;
        // Lines x − y = const, phased to the page so neighbouring bins' hatching joins up.
        double start = Math.floor((r.getMinX() - r.getMaxY()) / step) * step;
        for (double c = start; c <= r.getMaxX() - r.getMinY(); c += step) {
            g.draw(new Line2D.Double(r.getMinY() + c, r.getMinY(), r.getMaxY() + c, r.getMaxY()));
        }
        g.setClip(clip);
        g.setColor(saved);
    }

    private double ratioRange(double[] total, double[][] err) {
        double worst = 0;
        for (int i = 0; i < total.length; i++) {
            if (err[i] != null && total[i] > 0) {
                worst = Math.max(worst, Math.abs(data[i] / total[i] - 1));
            }
            if (band != null && total[i] > 0) {
                worst = Math.max(worst, Math.max(band.up()[i], band.down()[i]) / total[i]);
            }
        }
        // Fixed steps keep ratio panels of a set of plots comparable.
        return worst <= 0.2 ? 0.25 : worst <= 0.45 ? 0.5 : 0.99;
    }

    private void drawBlinded(Graphics2D g, Frame f) {
        if (data == null) {
            return;
        }
        // A fully blinded category needs no shading: the legend says so instead.
        for (double[] r : blindAll ? List.<double[]>of() : blindRanges) {
            double x0 = f.px(Math.max(r[0], edges[0]));
            double x1 = f.px(Math.min(r[1], edges[edges.length - 1]));
            if (x1 <= x0) {
                continue;
            }
            g.setColor(Style.BLINDED);
            g.fill(new Rectangle2D.Double(x0, f.top, x1 - x0, f.height));
        }
    }

    /** The word "Blinded" over each blinded range of the main panel, drawn last so the stack cannot hide it. */
    private void labelBlinded(Graphics2D g, Frame f) {
        if (data == null || blindAll) {
            return;
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Style.FONT, Font.ITALIC, Math.round(Style.LEGEND)));
        for (double[] r : blindRanges) {
            double x0 = f.px(Math.max(r[0], edges[0]));
            double x1 = f.px(Math.min(r[1], edges[edges.length - 1]));
            if (x1 > x0) {
                // Vertical, along the range, so a narrow window still fits the word.
                var saved = g.getTransform();
                g.translate((x0 + x1) / 2 + Style.LEGEND * 0.35, f.bottom() - 12);
                g.rotate(-Math.PI / 2);
                g.drawString("Blinded", 0f, 0f);
                g.setTransform(saved);
            }
        }
    }

    /** Data markers with Garwood error bars; in the ratio panel divided by the prediction. */
    private void drawData(Graphics2D g, Frame f, double[][] err, double[] divideBy, double[] predicted) {
        g.setColor(Color.BLACK);
        g.setStroke(Style.FRAME);
        double r = 5;
        for (int i = 0; i < err.length; i++) {
            if (err[i] == null) {
                continue;
            }
            // Empty bins get their upper Poisson bar only where something is predicted; elsewhere
            // sixty bars of 1.84 would hide the histogram without telling anything.
            if (data[i] <= 0 && predicted[i] <= 0) {
                continue;
            }
            double scale = 1;
            if (divideBy != null) {
                if (divideBy[i] <= 0) {
                    continue;
                }
                scale = 1 / divideBy[i];
            }
            double x = f.px(0.5 * (edges[i] + edges[i + 1]));
            double y = data[i] * scale;
            if (divideBy != null && (y < f.ymin || y > f.ymax)) {
                // Off-scale ratio: an arrow at the panel edge pointing to where the point is (CMS convention).
                boolean up = y > f.ymax;
                double tip = up ? f.top + 3 : f.bottom() - 3;
                double base = up ? tip + 16 : tip - 16;
                g.draw(new Line2D.Double(x, base, x, tip));
                Path2D head = new Path2D.Double();
                head.moveTo(x, tip);
                head.lineTo(x - 5, up ? tip + 8 : tip - 8);
                head.lineTo(x + 5, up ? tip + 8 : tip - 8);
                head.closePath();
                g.fill(head);
                continue;
            }
            g.draw(new Line2D.Double(x, f.py(err[i][0] * scale), x, f.py(err[i][1] * scale)));
            // Empty bins show only their upper error bar (the CMS convention keeps them visible).
            if (data[i] > 0 || divideBy != null) {
                g.fill(new Ellipse2D.Double(x - r, f.py(y) - r, 2 * r, 2 * r));
            }
        }
    }

    private void drawLegend(Graphics2D g, Frame main) {
        record Entry(String text, Color fill, boolean marker) {}
        List<Entry> entries = new ArrayList<>();
        if (data != null && !blindAll) {
            entries.add(new Entry("Data", null, true));
        }
        // Top of the stack first, as it appears in the plot.
        for (int k = mc.size() - 1; k >= 0; k--) {
            entries.add(new Entry(mc.get(k).name(), mc.get(k).color(), false));
        }
        if (band != null) {
            entries.add(new Entry(bandLabel, Style.BAND, false));
        }
        g.setFont(new Font(Style.FONT, Font.PLAIN, Math.round(Style.LEGEND)));
        int columns = entries.size() > 5 ? 2 : 1;
        int rows = (entries.size() + columns - 1) / columns;
        double rowHeight = Style.LEGEND * 1.45;
        double textWidth = 0;
        for (Entry e : entries) {
            textWidth = Math.max(textWidth, TexLabel.width(g, e.text()));
        }
        double box = Style.LEGEND * 1.1;
        double colWidth = box + 10 + textWidth + 16;
        double x0 = main.right() - 18 - columns * colWidth;
        double y0 = main.top + 18;
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            double x = x0 + (k / rows) * colWidth;
            double y = y0 + (k % rows) * rowHeight;
            if (e.marker()) {
                g.setColor(Color.BLACK);
                g.setStroke(Style.FRAME);
                g.draw(new Line2D.Double(x + box / 2, y, x + box / 2, y + box));
                g.fill(new Ellipse2D.Double(x + box / 2 - 5, y + box / 2 - 5, 10, 10));
            } else {
                g.setColor(e.fill());
                if (e.fill() == Style.BAND) {
                    hatch(g, new Rectangle2D.Double(x, y, box, box * 0.8));
                } else {
                    g.fill(new Rectangle2D.Double(x, y, box, box * 0.8));
                }
                if (e.fill() != Style.BAND) {
                    g.setColor(Color.BLACK);
                    g.setStroke(Style.THIN);
                    g.draw(new Rectangle2D.Double(x, y, box, box * 0.8));
                }
            }
            g.setColor(Color.BLACK);
            TexLabel.draw(g, e.text(), x + box + 10, y + box * 0.75);
        }
        g.setFont(new Font(Style.FONT, Font.ITALIC, Math.round(Style.LEGEND * 0.9f)));
        double noteY = y0 + rows * rowHeight + Style.LEGEND;
        if (blindAll && data != null) {
            TexLabel.draw(g, "Blinded: no data shown", x0, noteY);
            noteY += rowHeight;
        }
        if (note != null) {
            TexLabel.draw(g, note, x0, noteY);
        }
    }

    private Path2D stepLine(Frame f, double[] v) {
        Path2D p = new Path2D.Double();
        p.moveTo(f.px(edges[0]), f.py(v[0]));
        for (int i = 0; i < v.length; i++) {
            p.lineTo(f.px(edges[i]), f.py(v[i]));
            p.lineTo(f.px(edges[i + 1]), f.py(v[i]));
        }
        return p;
    }

    private Path2D stepArea(Frame f, double[] lower, double[] upper) {
        Path2D p = new Path2D.Double();
        int n = upper.length;
        p.moveTo(f.px(edges[0]), f.py(lower[0]));
        for (int i = 0; i < n; i++) {
            p.lineTo(f.px(edges[i]), f.py(upper[i]));
            p.lineTo(f.px(edges[i + 1]), f.py(upper[i]));
        }
        for (int i = n - 1; i >= 0; i--) {
            p.lineTo(f.px(edges[i + 1]), f.py(lower[i]));
            p.lineTo(f.px(edges[i]), f.py(lower[i]));
        }
        p.closePath();
        return p;
    }

    /** Mutable companion of {@link DataMcPlot}. */
    public static final class Builder {
        private double[] edges;
        private final List<Process> mc = new ArrayList<>();
        private double[] data;
        private SystematicBand band;
        private String bandLabel = "Stat. ⊕ syst. unc.";
        private String xLabel = "";
        private String yLabel = "Events";
        private boolean logY;
        private boolean blindAll;
        private final List<double[]> blindRanges = new ArrayList<>();
        private CmsLabel label = CmsLabel.preliminary(59.8, 13);
        private String note;
        private int width = 800;
        private int height = 800;
        private final List<String> names = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>();
        private final List<Color> colors = new ArrayList<>();

        private Builder() {}

        /** @param binEdges the x bin edges (n + 1 for n bins, increasing); the array is copied */
        public Builder edges(double[] binEdges) {
            for (int i = 1; i < binEdges.length; i++) {
                if (!(binEdges[i] > binEdges[i - 1])) {
                    throw new PlotException("bin edges must increase: edges[" + (i - 1) + "]=" + binEdges[i - 1]
                            + " >= edges[" + i + "]=" + binEdges[i]);
                }
            }
            if (binEdges.length < 2) {
                throw new PlotException("need at least one bin (two edges), got " + binEdges.length + " edges");
            }
            this.edges = binEdges.clone();
            return this;
        }

        /** Adds a process on top of the stack (first added is at the bottom); the colour follows the Petroff sequence. */
        public Builder mc(String process, double[] processValues) {
            return mc(process, processValues, null);
        }

        /** Adds a process on top of the stack with an explicit colour ({@code null}: Petroff sequence). */
        public Builder mc(String process, double[] processValues, Color color) {
            names.add(process);
            values.add(processValues.clone());
            colors.add(color);
            return this;
        }

        /** @param observed observed counts per bin; the array is copied */
        public Builder data(double[] observed) {
            this.data = observed.clone();
            return this;
        }

        /** @param b the uncertainty band of the total prediction (absolute half-widths) */
        public Builder band(SystematicBand b) {
            this.band = b;
            return this;
        }

        /** @param text the band's legend text (TeX) */
        public Builder bandLabel(String text) {
            this.bandLabel = text;
            return this;
        }

        /** @param tex x-axis title, TeX-like (see {@link TexLabel}) */
        public Builder xLabel(String tex) {
            this.xLabel = tex;
            return this;
        }

        /** @param tex y-axis title, TeX-like */
        public Builder yLabel(String tex) {
            this.yLabel = tex;
            return this;
        }

        /** @param on logarithmic y axis of the main panel */
        public Builder logY(boolean on) {
            this.logY = on;
            return this;
        }

        /** Hides all data (a blinded signal region). */
        public Builder blindAll() {
            this.blindAll = true;
            return this;
        }

        /** Hides data in bins overlapping [low, high). */
        public Builder blind(double low, double high) {
            if (!(high > low)) {
                throw new PlotException("blinded range must have low < high, got [" + low + ", " + high + ")");
            }
            blindRanges.add(new double[] {low, high});
            return this;
        }

        /** @param l the experiment label */
        public Builder label(CmsLabel l) {
            this.label = Objects.requireNonNull(l);
            return this;
        }

        /** @param text a line of text under the legend (TeX), e.g. "MC normalised to data" */
        public Builder note(String text) {
            this.note = text;
            return this;
        }

        /** @param w canvas width, @param h canvas height (pixels) */
        public Builder size(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        /** @return the plot; checks that every series has one value per bin */
        public DataMcPlot build() {
            if (edges == null) {
                throw new PlotException("bin edges not set");
            }
            int n = edges.length - 1;
            mc.clear();
            for (int k = 0; k < names.size(); k++) {
                check(names.get(k), values.get(k), n);
                Color c = colors.get(k) != null ? colors.get(k) : Palette.color(k, names.size());
                mc.add(new Process(names.get(k), values.get(k), c));
            }
            if (data != null) {
                check("data", data, n);
            }
            if (band != null) {
                check("band", band.up(), n);
            }
            return new DataMcPlot(this);
        }

        private static void check(String what, double[] v, int n) {
            if (v.length != n) {
                throw new PlotException(what + " has " + v.length + " values, expected " + n + " (one per bin)");
            }
        }
    }
}
