package org.crema.cli.compare;

import java.util.Locale;

/**
 * A small SVG of two overlaid histograms (A black, B red) with the ratio B / A below, as plain SVG
 * text to inline in an HTML page: no fonts, images or ids to load or clash between plots. The
 * plotting module draws publication plots whose legends speak of nominal and variations; a
 * comparison needs "A" and "B", so it is drawn here.
 */
final class SvgOverlay {
    private static final int W = 480;
    private static final int H = 360;
    private static final double LEFT = 62;
    private static final double RIGHT = W - 12;
    private static final double TOP = 12;
    private static final double MAIN_BOTTOM = 240;
    private static final double RATIO_TOP = 248;
    private static final double RATIO_BOTTOM = 318;

    private SvgOverlay() {
    }

    /**
     * @param edges bin edges (n + 1)
     * @param a reference values (n), or {@code null} when A lacks the slice
     * @param b other values (n), or {@code null}
     * @param xLabel x-axis title
     * @return an {@code <svg>} element
     */
    static String svg(double[] edges, double[] a, double[] b, String xLabel) {
        int n = edges.length - 1;
        double x0 = edges[0];
        double x1 = edges[n];
        double ymax = 0;
        double ymin = 0;
        for (double[] v : new double[][] {a, b}) {
            if (v != null) {
                for (double y : v) {
                    if (Double.isFinite(y)) {
                        ymax = Math.max(ymax, y);
                        ymin = Math.min(ymin, y);
                    }
                }
            }
        }
        if (ymax == ymin) {
            ymax = ymin + 1;
        }
        ymax += 0.08 * (ymax - ymin);
        double worst = 0;
        if (a != null && b != null) {
            for (int i = 0; i < n; i++) {
                if (a[i] != 0 && Double.isFinite(b[i] / a[i])) {
                    worst = Math.max(worst, Math.abs(b[i] / a[i] - 1));
                }
            }
        }
        // The ratio range grows in fixed steps so that a tiny change is still visible.
        double r = 0.05;
        for (double step : new double[] {0.05, 0.1, 0.2, 0.5, 1.0}) {
            r = step;
            if (worst <= step) {
                break;
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" fill=\"white\"/>\n");
        frame(s, MAIN_BOTTOM, TOP);
        frame(s, RATIO_BOTTOM, RATIO_TOP);
        for (int k = 0; k <= 4; k++) {
            double y = ymin + (ymax - ymin) * k / 4;
            double py = map(y, ymin, ymax, MAIN_BOTTOM, TOP);
            s.append(tick(LEFT - 4, py, LEFT, py)).append(text(LEFT - 6, py + 4, "end", fmt(y)));
        }
        for (double y : new double[] {1 - r, 1, 1 + r}) {
            double py = map(y, 1 - r, 1 + r, RATIO_BOTTOM, RATIO_TOP);
            s.append(tick(LEFT - 4, py, LEFT, py)).append(text(LEFT - 6, py + 4, "end", fmt(y)));
        }
        s.append("<line x1=\"").append(f(LEFT)).append("\" y1=\"")
                .append(f(map(1, 1 - r, 1 + r, RATIO_BOTTOM, RATIO_TOP))).append("\" x2=\"").append(f(RIGHT))
                .append("\" y2=\"").append(f(map(1, 1 - r, 1 + r, RATIO_BOTTOM, RATIO_TOP)))
                .append("\" stroke=\"#999\" stroke-dasharray=\"3,3\"/>\n");
        for (int k = 0; k <= 5; k++) {
            double x = x0 + (x1 - x0) * k / 5;
            double px = map(x, x0, x1, LEFT, RIGHT);
            s.append(tick(px, RATIO_BOTTOM, px, RATIO_BOTTOM + 4))
                    .append(text(px, RATIO_BOTTOM + 15, "middle", fmt(x)));
        }
        s.append(text((LEFT + RIGHT) / 2, H - 4, "middle", xLabel));
        s.append(text(14, (RATIO_TOP + RATIO_BOTTOM) / 2, "middle", "B / A", true));
        if (a != null) {
            s.append(step(edges, a, x0, x1, ymin, ymax, MAIN_BOTTOM, TOP, "black", 2.0));
        }
        if (b != null) {
            s.append(step(edges, b, x0, x1, ymin, ymax, MAIN_BOTTOM, TOP, "#d62728", 1.2));
        }
        if (a != null && b != null) {
            double[] ratio = new double[n];
            for (int i = 0; i < n; i++) {
                double q = a[i] == 0 ? (b[i] == 0 ? 1 : Double.NaN) : b[i] / a[i];
                ratio[i] = Double.isFinite(q) ? Math.max(1 - r, Math.min(1 + r, q)) : Double.NaN;
            }
            s.append(step(edges, ratio, x0, x1, 1 - r, 1 + r, RATIO_BOTTOM, RATIO_TOP, "#d62728", 1.2));
        }
        s.append("<line x1=\"").append(f(RIGHT - 110)).append("\" y1=\"26\" x2=\"").append(f(RIGHT - 90))
                .append("\" y2=\"26\" stroke=\"black\" stroke-width=\"2\"/>")
                .append(text(RIGHT - 85, 30, "start", "A (reference)"));
        s.append("<line x1=\"").append(f(RIGHT - 110)).append("\" y1=\"42\" x2=\"").append(f(RIGHT - 90))
                .append("\" y2=\"42\" stroke=\"#d62728\" stroke-width=\"1.2\"/>")
                .append(text(RIGHT - 85, 46, "start", "B"));
        s.append("</svg>");
        return s.toString();
    }

    private static void frame(StringBuilder s, double bottom, double top) {
        s.append("<rect x=\"").append(f(LEFT)).append("\" y=\"").append(f(top)).append("\" width=\"")
                .append(f(RIGHT - LEFT)).append("\" height=\"").append(f(bottom - top))
                .append("\" fill=\"none\" stroke=\"black\"/>\n");
    }

    /** A step line; a NaN value breaks the line (a bin with no ratio). */
    private static String step(double[] edges, double[] v, double x0, double x1, double lo, double hi, double bottom,
            double top, String colour, double width) {
        StringBuilder d = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                open = false;
                continue;
            }
            double y = map(Math.max(lo, Math.min(hi, v[i])), lo, hi, bottom, top);
            double xa = map(edges[i], x0, x1, LEFT, RIGHT);
            double xb = map(edges[i + 1], x0, x1, LEFT, RIGHT);
            d.append(open ? " L" : " M").append(f(xa)).append(',').append(f(y)).append(" L").append(f(xb)).append(',')
                    .append(f(y));
            open = true;
        }
        return d.isEmpty() ? "" : "<path d=\"" + d.substring(1) + "\" fill=\"none\" stroke=\"" + colour
                + "\" stroke-width=\"" + width + "\"/>\n";
    }

    private static String tick(double xa, double ya, double xb, double yb) {
        return "<line x1=\"" + f(xa) + "\" y1=\"" + f(ya) + "\" x2=\"" + f(xb) + "\" y2=\"" + f(yb)
                + "\" stroke=\"black\"/>";
    }

    private static String text(double x, double y, String anchor, String t) {
        return text(x, y, anchor, t, false);
    }

    private static String text(double x, double y, String anchor, String t, boolean vertical) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\""
                + (vertical ? " transform=\"rotate(-90 " + f(x) + " " + f(y) + ")\"" : "") + ">"
                + CompareReport.esc(t) + "</text>\n";
    }

    private static double map(double v, double lo, double hi, double pLo, double pHi) {
        return pLo + (v - lo) / (hi - lo) * (pHi - pLo);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return Math.abs(v) < 1e-12 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }
}
