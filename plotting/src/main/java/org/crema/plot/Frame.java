package org.crema.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plotting panel: a pixel rectangle, its data ranges, the mapping between them, ticks and labels. */
final class Frame {
    final double left;
    final double top;
    final double width;
    final double height;
    final double xmin;
    final double xmax;
    final double ymin;
    final double ymax;
    final boolean logY;
    /** Another panel touches this edge: a tick label exactly there would collide with its labels. */
    boolean sharesTop;
    boolean sharesBottom;

    Frame(double left, double top, double width, double height, double xmin, double xmax, double ymin, double ymax,
            boolean logY) {
        if (!(xmax > xmin) || !(ymax > ymin) || (logY && !(ymin > 0))) {
            throw new PlotException("empty or invalid plot range: x [" + xmin + ", " + xmax + "], y [" + ymin + ", "
                    + ymax + "]" + (logY ? " (log y needs y > 0)" : ""));
        }
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.xmin = xmin;
        this.xmax = xmax;
        this.ymin = ymin;
        this.ymax = ymax;
        this.logY = logY;
    }

    double right() {
        return left + width;
    }

    double bottom() {
        return top + height;
    }

    double px(double x) {
        return left + (x - xmin) / (xmax - xmin) * width;
    }

    /** Pixel y of a data value, clamped a little outside the frame so huge values still draw as lines. */
    double py(double y) {
        double f;
        if (logY) {
            f = y <= 0 ? -1 : (Math.log10(y) - Math.log10(ymin)) / (Math.log10(ymax) - Math.log10(ymin));
        } else {
            f = (y - ymin) / (ymax - ymin);
        }
        f = Math.max(-1, Math.min(2, f));
        return bottom() - f * height;
    }

    Shape clip() {
        return new Rectangle2D.Double(left, top, width, height);
    }

    /** Draws the frame, inward ticks on all four sides, tick labels, and the axis titles (TeX). */
    void drawAxes(Graphics2D g, boolean xTickLabels, String xTitle, String yTitle, int yTargetTicks) {
        drawAxes(g, xTickLabels, xTitle, yTitle, yTargetTicks, null);
    }

    /**
     * As above; with {@code categories}, the x axis has one tick per unit bin [k, k + 1) labelled with
     * the category name, rotated so long cut names fit.
     */
    void drawAxes(Graphics2D g, boolean xTickLabels, String xTitle, String yTitle, int yTargetTicks,
            List<String> categories) {
        g.setColor(Color.BLACK);
        g.setStroke(Style.FRAME);
        g.draw(new Rectangle2D.Double(left, top, width, height));
        g.setStroke(Style.THIN);
        double major = 14;
        double minor = 7;
        Font tickFont = new Font(Style.FONT, Font.PLAIN, Math.round(Style.TICK_LABEL));
        g.setFont(tickFont);
        // x ticks
        Ticks xt = categories != null ? Ticks.categories(categories) : Ticks.linear(xmin, xmax, 6);
        for (double v : xt.minor) {
            double x = px(v);
            g.draw(new Line2D.Double(x, bottom(), x, bottom() - minor));
            g.draw(new Line2D.Double(x, top, x, top + minor));
        }
        for (int i = 0; i < xt.major.size(); i++) {
            double x = px(xt.major.get(i));
            g.draw(new Line2D.Double(x, bottom(), x, bottom() - major));
            g.draw(new Line2D.Double(x, top, x, top + major));
            if (xTickLabels && categories != null) {
                var saved = g.getTransform();
                g.translate(x + Style.TICK_LABEL * 0.3, bottom() + 10);
                g.rotate(-Math.PI / 6);
                String s = xt.labels.get(i);
                TexLabel.draw(g, s, -TexLabel.width(g, s), 0);
                g.setTransform(saved);
            } else if (xTickLabels) {
                String s = xt.labels.get(i);
                double w = TexLabel.width(g, s);
                TexLabel.draw(g, s, x - w / 2, bottom() + Style.TICK_LABEL + 6);
            }
        }
        // y ticks
        Ticks yt = logY ? Ticks.log(ymin, ymax) : Ticks.linear(ymin, ymax, yTargetTicks);
        for (double v : yt.minor) {
            double y = py(v);
            g.draw(new Line2D.Double(left, y, left + minor, y));
            g.draw(new Line2D.Double(right(), y, right() - minor, y));
        }
        double maxLabelWidth = 0;
        for (int i = 0; i < yt.major.size(); i++) {
            double y = py(yt.major.get(i));
            g.draw(new Line2D.Double(left, y, left + major, y));
            g.draw(new Line2D.Double(right(), y, right() - major, y));
            String s = yt.labels.get(i);
            if ((sharesBottom && Math.abs(y - bottom()) < 2) || (sharesTop && Math.abs(y - top) < 2)) {
                continue;
            }
            double w = TexLabel.width(g, s);
            maxLabelWidth = Math.max(maxLabelWidth, w);
            TexLabel.draw(g, s, left - w - 8, y + Style.TICK_LABEL * 0.36);
        }
        Font titleFont = new Font(Style.FONT, Font.PLAIN, Math.round(Style.AXIS_LABEL));
        g.setFont(titleFont);
        if (xTitle != null && categories == null) {
            // Right-aligned at the end of the axis, as in the CMS style.
            double w = TexLabel.width(g, xTitle);
            TexLabel.draw(g, xTitle, right() - w, bottom() + Style.TICK_LABEL + Style.AXIS_LABEL + 20);
        }
        if (yTitle != null) {
            // Rotated and top-aligned, placed just left of the widest tick label.
            var saved = g.getTransform();
            double x = left - maxLabelWidth - 16;
            g.translate(x, top);
            g.rotate(-Math.PI / 2);
            double w = TexLabel.width(g, yTitle);
            TexLabel.draw(g, yTitle, -w, 0);
            g.setTransform(saved);
        }
        g.setFont(tickFont);
    }

    /** Major tick positions with their labels, and minor tick positions, inside a range. */
    static final class Ticks {
        final List<Double> major = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<Double> minor = new ArrayList<>();

        /** "Nice" steps of 1, 2 or 5 × 10ᵏ giving about {@code target} major ticks. */
        static Ticks linear(double lo, double hi, int target) {
            Ticks t = new Ticks();
            double raw = (hi - lo) / Math.max(1, target);
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double norm = raw / mag;
            double step = (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
            int minorPerMajor = (norm < 1.5 || norm >= 7.5) ? 5 : norm < 3.5 ? 4 : 5;
            double minorStep = step / minorPerMajor;
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            double eps = step * 1e-9;
            for (long k = (long) Math.ceil((lo - eps) / step); k * step <= hi + eps; k++) {
                double v = k * step;
                t.major.add(v);
                t.labels.add(format(v, decimals));
            }
            for (long k = (long) Math.ceil((lo - eps) / minorStep); k * minorStep <= hi + eps; k++) {
                t.minor.add(k * minorStep);
            }
            return t;
        }

        /** One tick at the centre of each unit bin, labelled with its category. */
        static Ticks categories(List<String> names) {
            Ticks t = new Ticks();
            for (int k = 0; k < names.size(); k++) {
                t.major.add(k + 0.5);
                t.labels.add(names.get(k));
            }
            return t;
        }

        /** Decades labelled 10ᵏ, minor ticks at 2…9 × 10ᵏ. */
        static Ticks log(double lo, double hi) {
            Ticks t = new Ticks();
            int a = (int) Math.floor(Math.log10(lo));
            int b = (int) Math.ceil(Math.log10(hi));
            // Label every n-th decade when there are many, so labels never collide.
            int every = Math.max(1, (b - a + 7) / 8);
            for (int k = a; k <= b; k++) {
                double v = Math.pow(10, k);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    if ((k - a) % every == 0) {
                        t.major.add(v);
                        t.labels.add(k == 0 ? "1" : k == 1 ? "10" : "10^{" + k + "}");
                    } else {
                        t.minor.add(v);
                    }
                }
                for (int m = 2; m <= 9; m++) {
                    double mv = m * v;
                    if (mv >= lo && mv <= hi) {
                        t.minor.add(mv);
                    }
                }
            }
            return t;
        }

        private static String format(double v, int decimals) {
            if (Math.abs(v) < 1e-12) {
                v = 0;
            }
            if (Math.abs(v) >= 1e5) {
                // Large axis values, e.g. event counts: scientific with a TeX exponent.
                int e = (int) Math.floor(Math.log10(Math.abs(v)));
                double m = v / Math.pow(10, e);
                String ms = format(m, 1);
                return (ms.equals("1") ? "" : ms + "\u00d7") + "10^{" + e + "}";
            }
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
    }
}
