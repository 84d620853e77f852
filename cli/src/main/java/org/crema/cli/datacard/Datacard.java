package org.crema.cli.datacard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crema.hist.Axis;
import org.crema.hist.Hist;
import org.crema.hist.StrCategoryAxis;
import org.crema.io.write.RootHistogram;
import org.crema.processor.run.RootHistograms;

/**
 * Builds a Combine datacard and its shapes from a run's histograms: one channel per category, one
 * column per (channel, process), data_obs from data datasets or as Asimov data (the sum of all
 * processes), lnN and shape nuisances, rateParams and autoMCStats.
 *
 * <p><b>Conventions</b> (those of PocketCoffea's datacard writer): signal processes get ids 0, −1, …
 * and backgrounds 1, 2, …; a rate is the in-range sum of the nominal shape; a dataset that lacks a
 * shape variation contributes its nominal shape to that variation; a shape nuisance is "1" for a
 * process that has the variation and "-" otherwise. <b>Negative bins</b> are kept as they are by
 * default, as PocketCoffea does (its rate is the plain sum, negative bins included); Combine itself
 * then protects the total expectation per bin. With {@code negativeBins: zero} every negative bin
 * content of every shape is set to 0 (Σw² kept) before the rates are computed.
 */
public final class Datacard {
    /** The shapes-file line, as Combine resolves it per channel and process. */
    public static final String SHAPES_PATTERN = "$CHANNEL/$PROCESS $CHANNEL/$PROCESS_$SYSTEMATIC";

    private final String text;
    private final Map<String, RootHistogram> shapes;

    private Datacard(String text, Map<String, RootHistogram> shapes) {
        this.text = text;
        this.shapes = shapes;
    }

    /** @return the datacard text */
    public String text() {
        return text;
    }

    /** @return shapes by path in the shapes file ({@code channel/process[_systUp]}), in write order */
    public Map<String, RootHistogram> shapes() {
        return shapes;
    }

    /**
     * @param histograms histograms by path as in {@code histograms.json} ({@code histograms/<dataset>/<name>})
     * @param spec the description
     * @param shapesFile file name written in the shapes line
     * @param source where the histograms came from, for the header comment
     * @return the datacard
     * @throws IllegalArgumentException naming the dataset, channel or variation that is missing
     */
    public static Datacard build(Map<String, Hist> histograms, DatacardSpec spec, String shapesFile, String source) {
        Map<String, Hist> byDataset = new LinkedHashMap<>();
        for (Map.Entry<String, Hist> e : histograms.entrySet()) {
            String k = e.getKey();
            if (k.endsWith("/" + spec.observable())) {
                String head = k.substring(0, k.length() - spec.observable().length() - 1);
                byDataset.put(head.substring(head.lastIndexOf('/') + 1), e.getValue());
            }
        }
        if (byDataset.isEmpty()) {
            throw new IllegalArgumentException("no histogram named '" + spec.observable() + "' in " + source
                    + "; histograms: " + histograms.keySet());
        }
        Hist any = byDataset.values().iterator().next();
        List<String> channels = spec.channels().isEmpty() ? categories(any, source) : spec.channels();
        List<String> signals = new ArrayList<>();
        List<String> backgrounds = new ArrayList<>();
        spec.processes().forEach((p, def) -> (def.signal() ? signals : backgrounds).add(p));
        List<String> order = new ArrayList<>(signals);
        order.addAll(backgrounds);

        Map<String, RootHistogram> shapes = new LinkedHashMap<>();
        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        Map<String, Double> observations = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> shapeSystsPresent = new LinkedHashMap<>();
        List<DatacardSpec.Systematic> shapeSysts = spec.systematics().stream().filter(s -> s.type().equals("shape"))
                .toList();
        for (String ch : channels) {
            Map<String, Double> chRates = new LinkedHashMap<>();
            Hist asimov = null;
            for (String p : order) {
                Hist nominal = sum(byDataset, spec.processes().get(p).datasets(), ch, "nominal", null, spec, source);
                asimov = asimov == null ? nominal.copy() : asimov.add(nominal);
                RootHistogram r = shape(nominal, p, spec.zeroNegativeBins());
                shapes.put(ch + "/" + p, r);
                chRates.put(p, inRange(r));
                for (DatacardSpec.Systematic s : shapeSysts) {
                    if (!s.perProcess().isEmpty() && !s.perProcess().containsKey(p)) {
                        continue;
                    }
                    List<String> datasets = spec.processes().get(p).datasets();
                    boolean hasUp = datasets.stream().anyMatch(d -> hasVariation(byDataset.get(d), s.up()));
                    boolean hasDown = datasets.stream().anyMatch(d -> hasVariation(byDataset.get(d), s.down()));
                    if (!hasUp && !hasDown) {
                        continue;
                    }
                    if (hasUp != hasDown && !s.symmetrize()) {
                        throw new IllegalArgumentException("shape systematic '" + s.name() + "': process '" + p
                                + "' has the variation '" + (hasUp ? s.up() : s.down()) + "' but not '"
                                + (hasUp ? s.down() : s.up()) + "' in " + source + "; Combine needs both shifts: vary"
                                + " both ways in the analysis, or set 'symmetrize: true' on the systematic to mirror"
                                + " the one there is around the nominal");
                    }
                    String upName = p + "_" + s.name() + "Up";
                    String downName = p + "_" + s.name() + "Down";
                    RootHistogram up = hasUp ? shape(sum(byDataset, datasets, ch, s.up(), nominal, spec, source),
                            upName, false) : null;
                    RootHistogram down = hasDown ? shape(sum(byDataset, datasets, ch, s.down(), nominal, spec, source),
                            downName, false) : null;
                    RootHistogram nominalRaw = shape(nominal, p, false);
                    up = up != null ? up : mirror(nominalRaw, down, upName);
                    down = down != null ? down : mirror(nominalRaw, up, downName);
                    shapes.put(ch + "/" + upName, spec.zeroNegativeBins() ? zeroNegative(up, upName) : up);
                    shapes.put(ch + "/" + downName, spec.zeroNegativeBins() ? zeroNegative(down, downName) : down);
                    shapeSystsPresent.computeIfAbsent(s.name(), k -> new java.util.HashSet<>()).add(ch + "/" + p);
                }
            }
            RootHistogram data;
            if (spec.dataDatasets().isEmpty()) {
                RootHistogram a = shape(asimov, "data_obs", false);
                // Asimov data: the expectation itself, with Poisson errors.
                data = RootHistogram.of1D(RootHistogram.Kind.TH1D, "data_obs", a.x(), a.contents(), null);
            } else {
                Hist obs = sum(byDataset, spec.dataDatasets(), ch, "nominal", null, spec, source);
                RootHistogram o = shape(obs, "data_obs", false);
                data = RootHistogram.of1D(RootHistogram.Kind.TH1D, "data_obs", o.x(), o.contents(), null);
            }
            shapes.put(ch + "/data_obs", data);
            observations.put(ch, inRange(data));
            rates.put(ch, chRates);
        }

        for (DatacardSpec.Systematic s : shapeSysts) {
            if (!shapeSystsPresent.containsKey(s.name())) {
                throw new IllegalArgumentException("shape systematic '" + s.name() + "' matches no histogram: no process"
                        + " in channels " + channels + " has the variation '" + s.up() + "' or '" + s.down() + "' in "
                        + source + "; variations there: " + variations(byDataset.values()));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Combine datacard written by crema datacard from ").append(source).append('\n');
        sb.append("# observable: ").append(spec.observable()).append("; negative bins: ")
                .append(spec.zeroNegativeBins() ? "set to zero" : "kept").append('\n');
        int kmax = spec.systematics().size();
        sb.append("imax ").append(channels.size()).append(" number of channels\n");
        sb.append("jmax ").append(order.size() - 1).append(" number of processes minus 1\n");
        sb.append("kmax ").append(kmax).append(" number of nuisance parameters\n");
        String sep = "-".repeat(80) + "\n";
        sb.append(sep);
        sb.append("shapes * * ").append(shapesFile).append(' ').append(SHAPES_PATTERN).append('\n');
        sb.append(sep);
        List<List<String>> rows = new ArrayList<>();
        List<String> bin = new ArrayList<>(List.of("bin"));
        List<String> obs = new ArrayList<>(List.of("observation"));
        for (String ch : channels) {
            bin.add(ch);
            obs.add(number(observations.get(ch)));
        }
        sb.append(table(List.of(bin, obs)));
        sb.append(sep);
        List<String> bin2 = new ArrayList<>(List.of("bin", ""));
        List<String> proc = new ArrayList<>(List.of("process", ""));
        List<String> ids = new ArrayList<>(List.of("process", ""));
        List<String> rate = new ArrayList<>(List.of("rate", ""));
        for (String ch : channels) {
            for (String p : order) {
                bin2.add(ch);
                proc.add(p);
                ids.add(Integer.toString(signals.contains(p) ? -signals.indexOf(p) : backgrounds.indexOf(p) + 1));
                rate.add(number(rates.get(ch).get(p)));
            }
        }
        rows.add(bin2);
        rows.add(proc);
        rows.add(ids);
        rows.add(rate);
        for (DatacardSpec.Systematic s : spec.systematics()) {
            List<String> row = new ArrayList<>(List.of(s.name(), s.type()));
            for (String ch : channels) {
                for (String p : order) {
                    if (s.type().equals("shape")) {
                        row.add(shapeSystsPresent.getOrDefault(s.name(), java.util.Set.of()).contains(ch + "/" + p)
                                ? "1" : "-");
                    } else {
                        String v = s.perProcess().isEmpty() ? s.value() : s.perProcess().get(p);
                        row.add(v == null ? "-" : v);
                    }
                }
            }
            rows.add(row);
        }
        String t = table(rows);
        String[] lines = t.split("\n");
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i]).append('\n');
            if (i == 3) {
                sb.append(sep);
            }
        }
        if (!spec.rateParams().isEmpty() || spec.autoMCStats() != null) {
            sb.append(sep);
        }
        for (DatacardSpec.RateParam rp : spec.rateParams()) {
            if (!rp.process().equals("*") && !spec.processes().containsKey(rp.process())) {
                throw new IllegalArgumentException("rateParam " + rp.name() + " names unknown process '"
                        + rp.process() + "'; processes: " + spec.processes().keySet());
            }
            sb.append(rp.name()).append(" rateParam ").append(rp.channel()).append(' ').append(rp.process()).append(' ')
                    .append(number(rp.value())).append(" [").append(number(rp.low())).append(',')
                    .append(number(rp.high())).append("]\n");
        }
        if (spec.autoMCStats() != null) {
            DatacardSpec.AutoMCStats a = spec.autoMCStats();
            sb.append("* autoMCStats ").append(number(a.threshold())).append(' ').append(a.includeSignal()).append(' ')
                    .append(a.histMode()).append('\n');
        }
        return new Datacard(sb.toString(), shapes);
    }

    private static List<String> categories(Hist h, String source) {
        for (Axis a : h.axes()) {
            if (a instanceof StrCategoryAxis c && a.name().equals("category")) {
                return c.categories();
            }
        }
        throw new IllegalArgumentException("histograms in " + source + " have no 'category' axis; list channels");
    }

    private static boolean hasVariation(Hist h, String variation) {
        if (h == null) {
            return false;
        }
        for (Axis a : h.axes()) {
            if (a.name().equals(Hist.VARIATION_AXIS) && a instanceof StrCategoryAxis c) {
                return c.categories().contains(variation);
            }
        }
        return false;
    }

    /** The sum over datasets of one channel and variation; a dataset without the variation adds its nominal. */
    private static Hist sum(Map<String, Hist> byDataset, List<String> datasets, String channel, String variation,
            Hist fallback, DatacardSpec spec, String source) {
        Hist total = null;
        for (String d : datasets) {
            Hist h = byDataset.get(d);
            if (h == null) {
                throw new IllegalArgumentException("no histogram '" + spec.observable() + "' for dataset '" + d
                        + "' in " + source + "; datasets: " + byDataset.keySet());
            }
            Hist c;
            try {
                c = h.at("category", channel);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dataset '" + d + "': " + e.getMessage(), e);
            }
            if (hasVariation(c, variation)) {
                c = c.at(Hist.VARIATION_AXIS, variation);
            } else if (hasVariation(c, "nominal")) {
                c = c.at(Hist.VARIATION_AXIS, "nominal");
            }
            total = total == null ? c.copy() : total.add(c);
        }
        return total;
    }

    private static RootHistogram shape(Hist h, String name, boolean zeroNegative) {
        RootHistogram r = RootHistograms.toRoot(h, name);
        return zeroNegative ? zeroNegative(r, name) : r;
    }

    /**
     * The other shift of a one-sided systematic: the present one mirrored around the nominal, bin by
     * bin including the flow bins ({@code 2·nominal − present}); its Σw² is the present shift's.
     */
    private static RootHistogram mirror(RootHistogram nominal, RootHistogram present, String name) {
        double[] n = nominal.contents();
        double[] p = present.contents();
        double[] c = new double[p.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = 2 * n[i] - p[i];
        }
        return RootHistogram.of1D(RootHistogram.Kind.TH1D, name, present.x(), c, present.sumw2());
    }

    private static java.util.SortedSet<String> variations(java.util.Collection<Hist> hists) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (Hist h : hists) {
            for (Axis a : h.axes()) {
                if (a.name().equals(Hist.VARIATION_AXIS) && a instanceof StrCategoryAxis c) {
                    names.addAll(c.categories());
                }
            }
        }
        return names;
    }

    private static RootHistogram zeroNegative(RootHistogram r, String name) {
        double[] c = r.contents().clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0) {
                c[i] = 0;
            }
        }
        return RootHistogram.of1D(RootHistogram.Kind.TH1D, name, r.x(), c, r.sumw2());
    }

    private static double inRange(RootHistogram r) {
        double s = 0;
        for (int i = 1; i <= r.x().bins(); i++) {
            s += r.contents()[i];
        }
        return s;
    }

    /** Full precision without exponent noise for ordinary values (Combine parses with Python's float). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private static String table(List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] w = new int[cols];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(String.format("%-" + (w[i] + 2) + "s", r.get(i)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
