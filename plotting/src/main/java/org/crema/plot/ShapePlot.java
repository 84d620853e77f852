package org.crema.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shape comparison: the nominal histogram (black) and each variation (Petroff colours, up solid,
 * down dashed) as step lines, with the ratio of each variation to the nominal below. Simulation
 * only, so the label reads "CMS Simulation" unless another is given.
 */
public final class ShapePlot implements Plot {
    private final double[] edges;
    private final double[] nominal;
    private final Map<String, double[]> variations;
    private final String xLabel;
    private final String title;
    private final boolean logY;
    private final CmsLabel label;

    /**
     * @param edges bin edges (n + 1)
     * @param nominal nominal values (n)
     * @param variations variation name → values (n each), drawn in the map's order
     * @param xLabel x-axis title (TeX)
     * @param title text shown in the legend's first line, e.g. the process and category
     * @param logY logarithmic y axis
     * @param label experiment label
     */
    public ShapePlot(double[] edges, double[] nominal, Map<String, double[]> variations, String xLabel, String title,
            boolean logY, CmsLabel label) {
        this.edges = edges.clone();
        this.nominal = nominal.clone();
        this.variations = new LinkedHashMap<>(variations);
        if (nominal.length != edges.length - 1) {
            throw new PlotException("nominal has " + nominal.length + " values, expected " + (edges.length - 1));
        }
        this.variations.forEach((k, v) -> {
            if (v.length != nominal.length) {
                throw new PlotException("variation '" + k + "' has " + v.length + " values, expected " + nominal.length);
            }
        });
        this.xLabel = xLabel;
        this.title = title;
        this.logY = logY;
        this.label = label;
    }

    @Override
    public int width() {
        return 800;
    }

    @Override
    public int height() {
        return 800;
    }

    @Override
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        int n = nominal.length;
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        double worst = 0;
        List<double[]> all = new ArrayList<>(variations.values());
        all.add(nominal);
        for (double[] v : all) {
            for (int i = 0; i < n; i++) {
                max = Math.max(max, v[i]);
                if (v[i] > 0) {
                    minPositive = Math.min(minPositive, v[i]);
                }
                if (nominal[i] > 0 && v != nominal) {
                    worst = Math.max(worst, Math.abs(v[i] / nominal[i] - 1));
                }
            }
        }
        if (max <= 0) {
            max = 1;
        }
        double ymin = 0;
        double ymax = max * 1.6;
        if (logY) {
            double lmin = Math.floor(Math.log10(Double.isInfinite(minPositive) ? 0.1 : minPositive) - 0.3);
            ymin = Math.pow(10, lmin);
            ymax = Math.pow(10, lmin + (Math.log10(max) - lmin) / 0.6);
        }
        // The ratio range grows in fixed steps so small variations are still visible.
        double r = worst <= 0.04 ? 0.05 : worst <= 0.09 ? 0.1 : worst <= 0.18 ? 0.2 : worst <= 0.45 ? 0.5 : 0.99;
        double left = 0.165 * width();
        double right = width() * 0.95;
        double top = 0.075 * height();
        double bottom = height() * 0.875;
        double ratioHeight = (bottom - top) * 0.28;
        Frame main = new Frame(left, top, right - left, bottom - top - ratioHeight, edges[0], edges[n], ymin, ymax, logY);
        Frame ratio = new Frame(left, main.bottom(), right - left, ratioHeight, edges[0], edges[n], 1 - r, 1 + r, false);

        main.sharesBottom = true;
        ratio.sharesTop = true;
        Shape clip = g.getClip();
        List<String> names = new ArrayList<>(variations.keySet());
        int sources = SystematicBand.sources(variations).size();
        List<String> sourceNames = new ArrayList<>(SystematicBand.sources(variations).keySet());
        for (Frame f : List.of(main, ratio)) {
            g.clip(f.clip());
            if (f == ratio) {
                g.setColor(Color.GRAY);
                g.setStroke(Style.THIN);
                g.draw(new Line2D.Double(f.left, f.py(1), f.right(), f.py(1)));
            }
            for (String name : names) {
                double[] v = variations.get(name);
                double[] y = f == main ? v : divide(v, nominal);
                g.setColor(Palette.color(sourceNames.indexOf(SystematicBand.sourceName(name)), sources));
                g.setStroke(isDown(name) ? new java.awt.BasicStroke(2.2f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f) : new java.awt.BasicStroke(2.2f));
                g.draw(step(f, y));
            }
            g.setColor(Color.BLACK);
            g.setStroke(new java.awt.BasicStroke(2.4f));
            g.draw(step(f, f == main ? nominal : divide(nominal, nominal)));
            g.setClip(clip);
        }
        main.drawAxes(g, false, null, "Events", 6);
        ratio.drawAxes(g, true, xLabel, "Var. / nom.", 4);
        g.setColor(Color.BLACK);
        label.draw(g, left, right, top - 10, Style.CMS);

        // legend
        g.setFont(new Font(Style.FONT, Font.PLAIN, Math.round(Style.LEGEND)));
        double rowHeight = Style.LEGEND * 1.45;
        double x = main.right() - 18 - 60 - maxWidth(g, names);
        double y = main.top + 18 + Style.LEGEND;
        if (title != null && !title.isEmpty()) {
            TexLabel.draw(g, title, x, y);
            y += rowHeight;
        }
        g.setStroke(new java.awt.BasicStroke(2.4f));
        g.draw(new Line2D.Double(x, y - Style.LEGEND * 0.35, x + 44, y - Style.LEGEND * 0.35));
        TexLabel.draw(g, "nominal", x + 56, y);
        for (String name : names) {
            y += rowHeight;
            g.setColor(Palette.color(sourceNames.indexOf(SystematicBand.sourceName(name)), sources));
            g.setStroke(isDown(name) ? new java.awt.BasicStroke(2.2f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f) : new java.awt.BasicStroke(2.2f));
            g.draw(new Line2D.Double(x, y - Style.LEGEND * 0.35, x + 44, y - Style.LEGEND * 0.35));
            g.setColor(Color.BLACK);
            TexLabel.draw(g, TexLabel.escape(name), x + 56, y);
        }
    }

    private static double maxWidth(Graphics2D g, List<String> names) {
        double w = TexLabel.width(g, "nominal");
        for (String s : names) {
            w = Math.max(w, TexLabel.width(g, TexLabel.escape(s)));
        }
        return w;
    }

    private static boolean isDown(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("down");
    }

    private static double[] divide(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = b[i] > 0 ? a[i] / b[i] : 1;
        }
        return out;
    }

    private Path2D step(Frame f, double[] v) {
        Path2D p = new Path2D.Double();
        p.moveTo(f.px(edges[0]), f.py(v[0]));
        for (int i = 0; i < v.length; i++) {
            p.lineTo(f.px(edges[i]), f.py(v[i]));
            p.lineTo(f.px(edges[i + 1]), f.py(v[i]));
        }
        return p;
    }
}
