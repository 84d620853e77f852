package org.crema.cli.hist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Function;
import org.crema.cli.processors.ProcessorCatalog;
import org.crema.hist.Axis;
import org.crema.hist.Hist;
import org.crema.hist.StrCategoryAxis;

/**
 * Chooses histograms by name and dataset, and bins of their {@code category} and {@code variation}
 * axes, each by shell-style patterns; a pattern that matches nothing is an error with the closest
 * existing name.
 */
final class HistSelection {
    static final String CATEGORY_AXIS = "category";

    /**
     * One histogram cut to a single bin of each of its string category axes.
     *
     * @param entry where it comes from
     * @param at axis name → category, in axis order
     * @param hist what is left: the observable axes
     */
    record Slice(HistSource.Entry entry, SequencedMap<String, String> at, Hist hist) {
    }

    private HistSelection() {
    }

    /**
     * @param entries all histograms of the input
     * @param names patterns for histogram names (or whole keys); empty keeps all
     * @param datasets patterns for datasets; empty keeps all
     * @param categories patterns for the {@code category} axis; empty keeps all
     * @param variations patterns for the {@code variation} axis; empty keeps all
     * @return the chosen histograms, their category axes narrowed to the chosen bins
     * @throws HistQueryException when a pattern matches nothing
     */
    static List<HistSource.Entry> select(List<HistSource.Entry> entries, List<String> names, List<String> datasets,
            List<String> categories, List<String> variations) {
        List<HistSource.Entry> kept = keep(entries, names, e -> List.of(e.name(), e.key()), "histogram",
                e -> List.of(e.name()));
        kept = keep(kept, datasets, e -> List.of(e.dataset()), "dataset", e -> List.of(e.dataset()));
        kept = narrow(kept, CATEGORY_AXIS, categories);
        return narrow(kept, Hist.VARIATION_AXIS, variations);
    }

    private static List<HistSource.Entry> keep(List<HistSource.Entry> entries, List<String> patterns,
            Function<HistSource.Entry, List<String>> matchedOn, String what,
            Function<HistSource.Entry, List<String>> suggested) {
        if (patterns.isEmpty()) {
            return entries;
        }
        List<Glob> globs = patterns.stream().map(Glob::of).toList();
        for (Glob g : globs) {
            if (entries.stream().noneMatch(e -> matchedOn.apply(e).stream().anyMatch(g::matches))) {
                Set<String> known = new LinkedHashSet<>();
                entries.forEach(e -> known.addAll(suggested.apply(e)));
                known.remove("");
                throw unknown(what, g.text(), known);
            }
        }
        return entries.stream()
                .filter(e -> globs.stream().anyMatch(g -> matchedOn.apply(e).stream().anyMatch(g::matches)))
                .toList();
    }

    /** Keeps the matching categories of one axis; histograms left with none of them are dropped. */
    private static List<HistSource.Entry> narrow(List<HistSource.Entry> entries, String axis, List<String> patterns) {
        if (patterns.isEmpty()) {
            return entries;
        }
        Set<String> known = new LinkedHashSet<>();
        for (HistSource.Entry e : entries) {
            if (categoryAxis(e.hist(), axis) instanceof StrCategoryAxis a) {
                known.addAll(a.categories());
            }
        }
        if (known.isEmpty()) {
            throw new HistQueryException("--" + axis + " given, but none of the chosen histograms has a \"" + axis
                    + "\" axis");
        }
        List<Glob> globs = patterns.stream().map(Glob::of).toList();
        for (Glob g : globs) {
            if (known.stream().noneMatch(g::matches)) {
                throw unknown(axis, g.text(), known);
            }
        }
        List<HistSource.Entry> out = new ArrayList<>();
        for (HistSource.Entry e : entries) {
            if (categoryAxis(e.hist(), axis) instanceof StrCategoryAxis a) {
                String[] chosen = a.categories().stream().filter(c -> globs.stream().anyMatch(g -> g.matches(c)))
                        .toArray(String[]::new);
                if (chosen.length > 0) {
                    out.add(new HistSource.Entry(e.key(), e.dataset(), e.name(), e.hist().select(axis, chosen)));
                }
            }
        }
        return out;
    }

    private static Axis categoryAxis(Hist h, String name) {
        return h.axes().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    static HistQueryException unknown(String what, String given, Set<String> known) {
        String close = ProcessorCatalog.closest(given, List.copyOf(known));
        return new HistQueryException("no " + what + " \"" + given + "\""
                + (close != null ? "; did you mean " + close + "?" : "")
                + " (" + what + (what.endsWith("y") ? "" : "s") + ": " + preview(known) + ")");
    }

    private static String preview(Set<String> names) {
        List<String> l = List.copyOf(names);
        return l.size() <= 12 ? String.join(", ", l) : String.join(", ", l.subList(0, 12)) + ", … (" + l.size()
                + " in all)";
    }

    /**
     * Cuts a histogram into one slice per combination of bins of its string category axes (all but
     * one when every axis is a category axis, so that something is left to show).
     */
    static List<Slice> slices(HistSource.Entry e) {
        List<String> cut = new ArrayList<>();
        for (Axis a : e.hist().axes()) {
            if (a instanceof StrCategoryAxis) {
                cut.add(a.name());
            }
        }
        if (cut.size() == e.hist().rank()) {
            cut.removeLast();
        }
        List<Slice> out = new ArrayList<>();
        split(e, e.hist(), cut, 0, new LinkedHashMap<>(), out);
        return out;
    }

    private static void split(HistSource.Entry e, Hist h, List<String> cut, int k, SequencedMap<String, String> at,
            List<Slice> out) {
        if (k == cut.size()) {
            out.add(new Slice(e, new LinkedHashMap<>(at), h));
            return;
        }
        StrCategoryAxis a = (StrCategoryAxis) h.axis(cut.get(k));
        for (String c : a.categories()) {
            at.put(a.name(), c);
            split(e, h.at(a.name(), c), cut, k + 1, at, out);
            at.remove(a.name());
        }
    }

    /** @return the names of the slicing axes of the chosen histograms, first seen first */
    static List<String> slicingAxes(List<Slice> slices) {
        Set<String> names = new LinkedHashSet<>();
        slices.forEach(s -> names.addAll(s.at().keySet()));
        return List.copyOf(names);
    }
}
