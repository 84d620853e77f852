package org.crema.cli.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crema.cli.compare.HistComparison.SliceResult;
import org.crema.cli.compare.HistComparison.Status;

/** Renders a comparison as a text summary and as a self-contained HTML page with inline SVG plots. */
public final class CompareReport {
    private CompareReport() {
    }

    /** Failing slices first, then those that moved the most, so the top of the report is what matters. */
    static List<SliceResult> byImportance(List<SliceResult> results) {
        List<SliceResult> out = new ArrayList<>(results);
        out.sort(Comparator.comparingInt((SliceResult r) -> rank(r.status()))
                .thenComparingDouble(r -> Double.isNaN(r.chi2P()) ? 0 : r.chi2P()));
        return out;
    }

    private static int rank(Status s) {
        return switch (s) {
            case FAILED, BINNING_DIFFERS, ONLY_IN_A, ONLY_IN_B -> 0;
            case COMPATIBLE -> 1;
            case WITHIN_TOLERANCE -> 2;
            case IDENTICAL -> 3;
        };
    }

    /**
     * @param results every slice
     * @param a name of the reference input
     * @param b name of the other input
     * @return counts per status, then one line per slice that is not identical, failing first
     */
    public static String text(List<SliceResult> results, String a, String b) {
        StringBuilder sb = new StringBuilder();
        Map<Status, Integer> counts = counts(results);
        long failed = results.stream().filter(r -> r.status().fails()).count();
        sb.append(String.format(Locale.ROOT, "compared %d histogram slices of %s (A) and %s (B): %s%n",
                results.size(), a, b, countsText(counts)));
        for (SliceResult r : byImportance(results)) {
            if (r.status() != Status.IDENTICAL) {
                sb.append(line(r)).append('\n');
            }
        }
        sb.append(failed == 0 ? "PASS" : "FAIL: " + failed + " slice" + (failed == 1 ? "" : "s") + " moved")
                .append('\n');
        return sb.toString();
    }

    static Map<Status, Integer> counts(List<SliceResult> results) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    static String countsText(Map<Status, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + s.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return parts.isEmpty() ? "nothing to compare" : String.join(", ", parts);
    }

    /** One slice in one line: status, name, what moved and the tests. */
    static String line(SliceResult r) {
        String head = String.format(Locale.ROOT, "%-16s %s", r.status().name(), r.name());
        return switch (r.status()) {
            case ONLY_IN_A -> head + ": missing in B (A sum " + num(r.sumA()) + ")";
            case ONLY_IN_B -> head + ": missing in A (B sum " + num(r.sumB()) + ")";
            case BINNING_DIFFERS -> head + ": binning differs: " + r.maxDiffBin();
            default -> head + ": " + stats(r);
        };
    }

    static String stats(SliceResult r) {
        return String.format(Locale.ROOT, "sum %s → %s (%s), largest change %s in bin %s, χ²/ndf = %s/%d (p = %s),"
                + " Kolmogorov p = %s", num(r.sumA()), num(r.sumB()), relative(r.sumB() - r.sumA(), r.sumA()),
                signed(r.maxDiff()), r.maxDiffBin(), num(r.chi2()), r.ndf(), num(r.chi2P()), num(r.ksP()));
    }

    private static String relative(double diff, double base) {
        if (diff == 0) {
            return "±0%";
        }
        return base == 0 ? "new" : String.format(Locale.ROOT, "%+.3g%%", 100 * diff / Math.abs(base));
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + num(v);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        // 0.01000 reads as more precision than the number has; keep the exponent of 1.000e-05
        return s.contains("e") ? s : s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /**
     * @param results every slice
     * @param a name of the reference input
     * @param b name of the other input
     * @param thresholds the thresholds used
     * @param maxPlots at most this many plots, the most important slices first
     * @return a complete HTML document: no scripts, no external resources
     */
    public static String html(List<SliceResult> results, String a, String b, HistComparison.Thresholds thresholds,
            int maxPlots) {
        StringBuilder h = new StringBuilder();
        long failed = results.stream().filter(r -> r.status().fails()).count();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>crema compare: ")
                .append(esc(failed == 0 ? "PASS" : "FAIL")).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:1.5em;color:#222}\n")
                .append("table{border-collapse:collapse;font-size:0.9em}td,th{border:1px solid #ccc;padding:2px 6px;"
                        + "text-align:left}\n")
                .append(".FAILED,.ONLY_IN_A,.ONLY_IN_B,.BINNING_DIFFERS{background:#fdd}.COMPATIBLE{background:#ffd}"
                        + ".WITHIN_TOLERANCE{background:#eef}.IDENTICAL{background:#dfd}\n")
                .append(".plots{display:flex;flex-wrap:wrap;gap:1em}.plot{border:1px solid #ccc;padding:0.5em}"
                        + ".plot h3{font-size:0.85em;margin:0 0 0.3em 0;max-width:480px;word-break:break-all}\n")
                .append("</style></head><body>\n");
        h.append("<h1>").append(failed == 0 ? "PASS" : "FAIL").append("</h1>\n<p>A: <code>").append(esc(a))
                .append("</code><br>B: <code>").append(esc(b)).append("</code></p>\n<p>")
                .append(results.size()).append(" histogram slices: ").append(esc(countsText(counts(results))))
                .append(". A slice fails when its χ² or Kolmogorov p-value is below ")
                .append(num(thresholds.minP())).append(thresholds.exact() ? ", or when any bin differs" : "")
                .append(thresholds.tolerance() > 0 ? "; bins within a relative " + num(thresholds.tolerance())
                        + " count as equal" : "").append(".</p>\n");
        h.append("<table><tr><th>status</th><th>histogram</th><th>sum A</th><th>sum B</th><th>largest change</th>"
                + "<th>χ²/ndf</th><th>χ² p</th><th>Kolmogorov p</th></tr>\n");
        List<SliceResult> ordered = byImportance(results);
        for (SliceResult r : ordered) {
            h.append("<tr class=\"").append(r.status().name()).append("\"><td>").append(r.status().name())
                    .append("</td><td>").append(esc(r.name())).append("</td><td>").append(num(r.sumA()))
                    .append("</td><td>").append(num(r.sumB())).append("</td><td>")
                    .append(r.status() == Status.BINNING_DIFFERS ? esc(r.maxDiffBin())
                            : r.maxDiffBin().isEmpty() ? "" : esc(signed(r.maxDiff()) + " in " + r.maxDiffBin()))
                    .append("</td><td>").append(Double.isNaN(r.chi2()) ? "" : num(r.chi2()) + "/" + r.ndf())
                    .append("</td><td>").append(num(r.chi2P())).append("</td><td>").append(num(r.ksP()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Plots</h2>\n");
        int plotted = 0;
        StringBuilder plots = new StringBuilder();
        for (SliceResult r : ordered) {
            if (plotted >= maxPlots || r.edges() == null || r.status() == Status.BINNING_DIFFERS) {
                continue;
            }
            plots.append("<div class=\"plot ").append(r.status().name()).append("\"><h3>")
                    .append(r.status().name()).append(": ").append(esc(r.name())).append("</h3>\n")
                    .append(SvgOverlay.svg(r.edges(), r.a(), r.b(), r.xLabel())).append("</div>\n");
            plotted++;
        }
        long plottable = ordered.stream().filter(r -> r.edges() != null && r.status() != Status.BINNING_DIFFERS)
                .count();
        if (plottable > plotted) {
            h.append("<p>").append(plotted).append(" of ").append(plottable)
                    .append(" slices plotted (the most important first; raise --max-plots for more).</p>\n");
        }
        h.append("<div class=\"plots\">\n").append(plots).append("</div>\n</body></html>\n");
        return h.toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
