package org.crema.cli.hist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crema.hist.Axis;
import org.crema.hist.ContinuousAxis;
import org.crema.hist.Hist;
import org.crema.hist.Storage;
import org.crema.hist.StrCategoryAxis;

/**
 * The table of contents of a run's histograms: per histogram name its axes with their binning, then
 * one line per dataset and category with the entries and Σw of the nominal variation.
 */
final class HistListing {
    private static final String NOMINAL = "nominal";

    private HistListing() {
    }

    static String text(List<HistSource.Entry> entries) {
        Map<String, List<HistSource.Entry>> byName = entries.stream()
                .collect(Collectors.groupingBy(HistSource.Entry::name, LinkedHashMap::new, Collectors.toList()));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<HistSource.Entry>> g : byName.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            HistSource.Entry first = g.getValue().getFirst();
            sb.append(g.getKey()).append(" (").append(first.hist().storage()).append(")");
            if (!first.hist().label().isEmpty()) {
                sb.append(": ").append(first.hist().label());
            }
            sb.append('\n');
            String axes = axes(first.hist());
            sb.append("  axes: ").append(axes).append('\n');
            List<String[]> lines = new ArrayList<>();
            boolean categories = g.getValue().stream().anyMatch(e -> category(e.hist()) != null);
            String variation = g.getValue().stream().map(e -> variationShown(e.hist())).filter(v -> v != null)
                    .findFirst().orElse(null);
            lines.add(categories ? new String[] {"dataset", "category", "entries", "Σw"}
                    : new String[] {"dataset", "entries", "Σw"});
            for (HistSource.Entry e : g.getValue()) {
                String own = axes(e.hist());
                if (!own.equals(axes)) {
                    sb.append("  axes of ").append(e.dataset()).append(": ").append(own).append('\n');
                }
                Hist h = e.hist();
                String v = variationShown(h);
                if (v != null) {
                    h = h.at(Hist.VARIATION_AXIS, v);
                }
                StrCategoryAxis c = category(h);
                if (c == null) {
                    lines.add(row(categories, e.dataset(), "", h));
                } else {
                    for (String cat : c.categories()) {
                        lines.add(row(categories, e.dataset(), cat, h.at(c.name(), cat)));
                    }
                }
            }
            if (variation != null) {
                sb.append("  entries and Σw (flow bins included) of variation ").append(variation).append('\n');
            }
            sb.append(BinTable.align(lines, categories ? 2 : 1));
        }
        return sb.toString();
    }

    private static String[] row(boolean categories, String dataset, String category, Hist h) {
        String ds = dataset.isEmpty() ? "-" : dataset;
        String entries = BinTable.readable(entries(h));
        String sumw = BinTable.readable(h.sum(true));
        return categories ? new String[] {ds, category, entries, sumw} : new String[] {ds, entries, sumw};
    }

    /**
     * Filled entries: the counts of a counting histogram; for weighted ones the effective number
     * (Σw)²/Σw² of the whole histogram, which is the count when every weight is 1.
     */
    static double entries(Hist h) {
        if (h.storage() == Storage.WEIGHT) {
            double sumw = h.sum(true);
            double sumw2 = 0;
            for (double v : h.variances(true)) {
                sumw2 += v;
            }
            return sumw2 == 0 ? 0 : sumw * sumw / sumw2;
        }
        double n = 0;
        for (double c : h.counts(true)) {
            n += c;
        }
        return n;
    }

    private static StrCategoryAxis category(Hist h) {
        return h.axes().stream().filter(a -> a.name().equals(HistSelection.CATEGORY_AXIS))
                .map(a -> a instanceof StrCategoryAxis s ? s : null).findFirst().orElse(null);
    }

    /** The variation whose numbers are listed: nominal when present, else the first. */
    private static String variationShown(Hist h) {
        for (Axis a : h.axes()) {
            if (a.name().equals(Hist.VARIATION_AXIS) && a instanceof StrCategoryAxis s && s.size() > 0) {
                return s.categories().contains(NOMINAL) ? NOMINAL : s.categories().getFirst();
            }
        }
        return null;
    }

    /** Each axis: categories listed (at most 8), continuous ones with bins, range and unit. */
    static String axes(Hist h) {
        List<String> out = new ArrayList<>();
        for (Axis a : h.axes()) {
            out.add(switch (a) {
                case StrCategoryAxis s -> s.name() + " {" + (s.size() <= 8 ? String.join(", ", s.categories())
                        : String.join(", ", s.categories().subList(0, 8)) + ", … " + s.size() + " in all") + "}";
                case ContinuousAxis c -> BinTable.title(c) + " " + c.size() + " bins [" + BinTable.readable(c.lower())
                        + ", " + BinTable.readable(c.upper()) + ")" + (variable(c) ? " variable width" : "");
                default -> a.describe();
            });
        }
        return String.join(" × ", out);
    }

    private static boolean variable(ContinuousAxis c) {
        double[] w = c.widths();
        for (double x : w) {
            if (Math.abs(x - w[0]) > 1e-9 * Math.abs(w[0])) {
                return true;
            }
        }
        return false;
    }
}
