package org.crema.plot;

import java.awt.BasicStroke;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cutflow: events (or Σw) remaining after each selection step, one step line per dataset on a
 * logarithmic axis, the step names under the x axis.
 */
public final class CutflowPlot implements Plot {
    private final List<String> steps;
    private final Map<String, double[]> series;
    private final Set<String> dataSeries;
    private final String yLabel;
    private final CmsLabel label;

    /**
     * @param steps selection step names, in order
     * @param series dataset (or process) → value after each step; drawn in the map's order
     * @param dataSeries the series that are observed data: drawn black and dashed, on top, so an MC
     *     line with the same counts stays visible beneath
     * @param yLabel y-axis title, e.g. "Events"
     * @param label experiment label
     */
    public CutflowPlot(List<String> steps, Map<String, double[]> series, Set<String> dataSeries, String yLabel,
            CmsLabel label) {
        if (steps.isEmpty()) {
            throw new PlotException("cutflow has no steps");
        }
        this.steps = List.copyOf(steps);
        this.series = new LinkedHashMap<>();
        series.forEach((k, v) -> {
            if (v.length != steps.size()) {
                throw new PlotException("cutflow of '" + k + "' has " + v.length + " steps, expected " + steps.size()
                        + " " + steps);
            }
            this.series.put(k, v.clone());
        });
        this.dataSeries = Set.copyOf(dataSeries);
        this.yLabel = yLabel;
        this.label = label;
    }

    @Override
    public int width() {
        return 800;
    }

    @Override
    public int height() {
        return 700;
    }

    private Color color(String name, List<String> names) {
        if (dataSeries.contains(name)) {
            return Color.BLACK;
        }
        List<String> mc = names.stream().filter(n -> !dataSeries.contains(n)).toList();
        return Palette.color(mc.indexOf(name), mc.size());
    }

    private BasicStroke stroke(String name) {
        return dataSeries.contains(name)
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(3f);
    }

    @Override
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (double[] v : series.values()) {
            for (double x : v) {
                max = Math.max(max, x);
                if (x > 0) {
                    minPositive = Math.min(minPositive, x);
                }
            }
        }
        if (max <= 0) {
            max = 1;
            minPositive = 1;
        }
        double lmin = Math.floor(Math.log10(minPositive) - 0.3);
        double ymax = Math.pow(10, lmin + (Math.log10(max) - lmin) / 0.65);
        // Room below the frame for the rotated step names.
        double longest = 0;
        g.setFont(new Font(Style.FONT, Font.PLAIN, Math.round(Style.TICK_LABEL)));
        for (String s : steps) {
            longest = Math.max(longest, TexLabel.width(g, TexLabel.escape(s)));
        }
        double left = 0.165 * width();
        double right = width() * 0.95;
        double top = 0.085 * height();
        double bottom = height() - Math.min(0.45 * height(), 30 + longest * 0.5 + Style.TICK_LABEL);
        Frame f = new Frame(left, top, right - left, bottom - top, 0, steps.size(), Math.pow(10, lmin), ymax, true);
        Shape clip = g.getClip();
        g.clip(f.clip());
        List<String> names = new ArrayList<>(series.keySet());
        names.sort(java.util.Comparator.comparing(dataSeries::contains));
        for (String name : names) {
            double[] v = series.get(name);
            g.setColor(color(name, names));
            g.setStroke(stroke(name));
            Path2D p = new Path2D.Double();
            for (int i = 0; i < v.length; i++) {
                double y = f.py(v[i]);
                if (i == 0) {
                    p.moveTo(f.px(i), y);
                } else {
                    p.lineTo(f.px(i), y);
                }
                p.lineTo(f.px(i + 1), y);
            }
            g.draw(p);
            for (int i = 0; i < v.length; i++) {
                if (v[i] > 0) {
                    g.fill(new Ellipse2D.Double(f.px(i + 0.5) - 4.5, f.py(v[i]) - 4.5, 9, 9));
                }
            }
        }
        g.setClip(clip);
        f.drawAxes(g, true, null, yLabel, 6, steps.stream().map(TexLabel::escape).toList());
        g.setColor(Color.BLACK);
        label.draw(g, left, right, top - 10, Style.CMS);
        g.setFont(new Font(Style.FONT, Font.PLAIN, Math.round(Style.LEGEND)));
        double w = 0;
        for (String s : names) {
            w = Math.max(w, TexLabel.width(g, TexLabel.escape(s)));
        }
        double x = f.right() - 18 - 56 - w;
        double y = f.top + 18 + Style.LEGEND;
        for (String name : names) {
            g.setColor(color(name, names));
            g.setStroke(stroke(name));
            g.draw(new Line2D.Double(x, y - Style.LEGEND * 0.35, x + 44, y - Style.LEGEND * 0.35));
            g.setColor(Color.BLACK);
            TexLabel.draw(g, TexLabel.escape(name), x + 56, y);
            y += Style.LEGEND * 1.45;
        }
    }
}
