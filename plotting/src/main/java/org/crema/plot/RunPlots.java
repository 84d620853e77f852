package org.crema.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.crema.hist.Axis;
import org.crema.hist.ContinuousAxis;
import org.crema.hist.Hist;
import org.crema.hist.StrCategoryAxis;
import org.crema.hist.UhiJson;

/**
 * All plots of a run's output folder: from {@code histograms.json} (keys
 * {@code histograms/DATASET/NAME}, axes {@code category}, {@code variation}, observable) and
 * {@code result.json} (dataset metadata and cutflow), it writes into {@code plots/}:
 *
 * <ul>
 *   <li>{@code CATEGORY/NAME.*} (and {@code NAME_log.*}): data/MC with MC stacked by process, the band
 *       from all variations ({@link SystematicBand}) ⊕ MC statistics, and the data/MC ratio;</li>
 *   <li>{@code CATEGORY/shapes/NAME_PROCESS.*}: each process's nominal vs its variations;</li>
 *   <li>{@code CATEGORY/cutflow.*}: events after each step per dataset (nominal).</li>
 * </ul>
 *
 * A dataset's process is {@link PlotOptions#processes()}' entry, else its {@code sample} metadata,
 * else its name; datasets with {@code isMC: false} are data. MC histograms are used as the run
 * normalised them (luminosity × σ / Σ genWeight).
 *
 * <pre>{@code
 * List<Path> files = RunPlots.read(Path.of("out")).write(PlotOptions.defaults().withLogY(true));
 * }</pre>
 */
public final class RunPlots {
    /** Name of the run output's histogram file. */
    public static final String HISTOGRAMS = "histograms.json";
    /** Name of the run output's JSON summary. */
    public static final String RESULT = "result.json";
    private static final String NOMINAL = "nominal";

    /** A dataset's role in the plots. */
    public record DatasetRole(String sample, boolean isMC) {}

    /** One step of a cutflow. */
    public record Step(String name, long events, double sumw) {}

    /**
     * The inputs of one data/MC plot.
     *
     * @param edges observable bin edges
     * @param processes process → nominal values, in stacking order (bottom first)
     * @param processVariations process → variation → values
     * @param totalVariances Σw² of the total nominal prediction per bin
     * @param data observed counts per bin, or {@code null} without data datasets
     * @param variations variation → total prediction per bin (the nominal excluded)
     */
    public record Stack(double[] edges, Map<String, double[]> processes, Map<String, Map<String, double[]>> processVariations,
            double[] totalVariances, double[] data, Map<String, double[]> variations) {
        /** @return the total nominal prediction per bin */
        public double[] total() {
            double[] t = new double[edges.length - 1];
            processes.values().forEach(v -> {
                for (int i = 0; i < t.length; i++) {
                    t[i] += v[i];
                }
            });
            return t;
        }

        /**
         * @param factor scale of every prediction (e.g. to the data's total)
         * @return a copy with all predictions and variances scaled (variances by factor²)
         */
        public Stack scaled(double factor) {
            Map<String, double[]> p = new LinkedHashMap<>();
            processes.forEach((k, v) -> p.put(k, times(v, factor)));
            Map<String, Map<String, double[]>> pv = new LinkedHashMap<>();
            processVariations.forEach((k, m) -> {
                Map<String, double[]> inner = new LinkedHashMap<>();
                m.forEach((n, v) -> inner.put(n, times(v, factor)));
                pv.put(k, inner);
            });
            Map<String, double[]> var = new LinkedHashMap<>();
            variations.forEach((k, v) -> var.put(k, times(v, factor)));
            return new Stack(edges, p, pv, times(totalVariances, factor * factor), data, var);
        }

        /** @return the band: variations per {@link SystematicBand#of}, then MC statistics in quadrature */
        public SystematicBand band() {
            return SystematicBand.of(total(), variations).withStatistical(totalVariances);
        }
    }

    private final Path dir;
    private final Map<String, Map<String, Hist>> histograms; // name → dataset → hist
    private final Map<String, DatasetRole> datasets;
    private final Map<String, Map<String, List<Step>>> cutflows; // category → dataset → steps (nominal)

    private RunPlots(Path dir, Map<String, Map<String, Hist>> histograms, Map<String, DatasetRole> datasets,
            Map<String, Map<String, List<Step>>> cutflows) {
        this.dir = dir;
        this.histograms = histograms;
        this.datasets = datasets;
        this.cutflows = cutflows;
    }

    /**
     * Reads a run's output folder.
     *
     * @param runDir the folder holding {@code histograms.json} and {@code result.json}
     * @return the plots' inputs
     */
    public static RunPlots read(Path runDir) {
        Path hfile = runDir.resolve(HISTOGRAMS);
        Path rfile = runDir.resolve(RESULT);
        if (!Files.isRegularFile(hfile)) {
            throw new PlotException("no " + HISTOGRAMS + " in " + runDir + ": expected the output folder of 'crema run'");
        }
        Map<String, Map<String, Hist>> hists = new TreeMap<>();
        try {
            for (Map.Entry<String, Hist> e : UhiJson.readAll(hfile).entrySet()) {
                String[] parts = e.getKey().split("/");
                if (parts.length != 3 || !parts[0].equals("histograms")) {
                    continue; // not a per-dataset analysis histogram
                }
                hists.computeIfAbsent(parts[2], k -> new TreeMap<>()).put(parts[1], e.getValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new PlotException("cannot read histograms " + hfile + ": " + e.getMessage(), e);
        }
        Map<String, DatasetRole> roles = new TreeMap<>();
        Map<String, Map<String, List<Step>>> flows = new TreeMap<>();
        if (Files.isRegularFile(rfile)) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(rfile.toFile());
            } catch (IOException e) {
                throw new PlotException("cannot read " + rfile + ": " + e.getMessage(), e);
            }
            root.path("datasets").properties().forEach(e -> roles.put(e.getKey(), new DatasetRole(
                    e.getValue().path("sample").asText(e.getKey()), e.getValue().path("isMC").asBoolean(true))));
            for (JsonNode f : root.path("result").path("cutflow")) {
                if (!NOMINAL.equals(f.path("variation").asText())) {
                    continue;
                }
                List<Step> steps = new ArrayList<>();
                for (JsonNode s : f.path("steps")) {
                    steps.add(new Step(s.path("name").asText(), s.path("events").asLong(), s.path("sumw").asDouble()));
                }
                flows.computeIfAbsent(f.path("category").asText(), k -> new TreeMap<>())
                        .put(f.path("dataset").asText(), steps);
            }
        }
        // Datasets missing from result.json (e.g. histograms.json alone) count as MC named by their dataset.
        hists.values().forEach(m -> m.keySet().forEach(ds -> roles.putIfAbsent(ds, new DatasetRole(ds, true))));
        return new RunPlots(runDir, hists, roles, flows);
    }

    /** @return the histogram names */
    public Set<String> histogramNames() {
        return histograms.keySet();
    }

    /** @return the categories of a histogram over all its datasets, in axis order */
    public List<String> categories(String histogram) {
        any(histogram);
        Set<String> out = new LinkedHashSet<>();
        for (Hist h : histograms.get(histogram).values()) {
            if (h.axes().stream().anyMatch(a -> a.name().equals("category"))
                    && h.axis("category") instanceof StrCategoryAxis c) {
                out.addAll(c.categories());
            }
        }
        return List.copyOf(out);
    }

    /** @return the cutflows: category → dataset → steps of the nominal variation */
    public Map<String, Map<String, List<Step>>> cutflows() {
        return cutflows;
    }

    /** @return the process of a dataset (mapping, else its sample metadata, else its name) */
    public String process(String dataset, PlotOptions options) {
        String p = options.processes().get(dataset);
        return p != null ? p : datasets.get(dataset).sample();
    }

    /**
     * Sums a histogram's datasets into processes and data, for one category.
     *
     * @param histogram histogram name
     * @param category category ({@code null} for histograms without a category axis)
     * @param options for the dataset → process mapping
     * @return the stack inputs
     */
    public Stack stack(String histogram, String category, PlotOptions options) {
        Map<String, Hist> perDataset = histograms.get(histogram);
        if (perDataset == null) {
            throw new PlotException("no histogram '" + histogram + "' in " + dir.resolve(HISTOGRAMS) + "; histograms are "
                    + histograms.keySet());
        }
        double[] edges = null;
        Map<String, double[]> processes = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> processVariations = new LinkedHashMap<>();
        double[] variances = null;
        double[] data = null;
        Map<String, double[]> variations = new LinkedHashMap<>();
        for (Map.Entry<String, Hist> e : perDataset.entrySet()) {
            Hist h = e.getValue();
            if (category != null) {
                if (!(h.axis("category") instanceof StrCategoryAxis c) || c.index(category) == c.size()) {
                    continue; // this dataset never filled the category: it contributes nothing
                }
                h = h.at("category", category);
            }
            boolean hasVariation = h.axes().stream().anyMatch(a -> a.name().equals(Hist.VARIATION_AXIS));
            ContinuousAxis obs = observable(h, histogram);
            if (edges == null) {
                edges = obs.edges();
                variances = new double[edges.length - 1];
            }
            if (hasVariation && !((StrCategoryAxis) h.axis(Hist.VARIATION_AXIS)).categories().contains(NOMINAL)) {
                throw new PlotException("histogram '" + histogram + "' of dataset " + e.getKey() + " has no '" + NOMINAL
                        + "' variation; variations are " + ((StrCategoryAxis) h.axis(Hist.VARIATION_AXIS)).categories());
            }
            Hist nominal = hasVariation ? h.at(Hist.VARIATION_AXIS, NOMINAL) : h;
            double[] v = nominal.values(false);
            DatasetRole role = datasets.get(e.getKey());
            if (!role.isMC()) {
                data = add(data, v);
                continue;
            }
            String process = process(e.getKey(), options);
            processes.merge(process, v, RunPlots::sum);
            double[] var = nominal.variances(false);
            for (int i = 0; i < var.length; i++) {
                variances[i] += var[i];
            }
            if (hasVariation) {
                for (String name : ((StrCategoryAxis) h.axis(Hist.VARIATION_AXIS)).categories()) {
                    if (!name.equals(NOMINAL)) {
                        double[] vv = h.at(Hist.VARIATION_AXIS, name).values(false);
                        variations.merge(name, vv, RunPlots::sum);
                        processVariations.computeIfAbsent(process, k -> new LinkedHashMap<>()).merge(name, vv, RunPlots::sum);
                    }
                }
            }
        }
        // A variation one process lacks is nominal for it: fill the totals so every variation covers all processes.
        for (Map.Entry<String, double[]> p : processes.entrySet()) {
            Map<String, double[]> own = processVariations.getOrDefault(p.getKey(), Map.of());
            for (Map.Entry<String, double[]> var : variations.entrySet()) {
                if (!own.containsKey(var.getKey())) {
                    var.setValue(sum(var.getValue(), p.getValue()));
                }
            }
        }
        return new Stack(edges, processes, processVariations, variances, data, variations);
    }

    /**
     * Writes every plot into {@code plots/} of the run folder.
     *
     * @return the files written
     */
    public List<Path> write(PlotOptions options) {
        Path out = dir.resolve("plots");
        List<Path> files = new ArrayList<>();
        CmsLabel label = new CmsLabel(options.status(), options.lumiInverseFb(), options.sqrtsTeV());
        CmsLabel sim = CmsLabel.simulation(options.sqrtsTeV());
        for (String name : histogramNames()) {
            List<String> cats = categories(name);
            for (String cat : cats.isEmpty() ? java.util.Collections.<String>singletonList(null) : cats) {
                Stack s = stack(name, cat, options);
                Path base = out.resolve(cat == null ? "all" : safe(cat));
                String xLabel = xLabel(name, options);
                for (boolean log : options.logY() ? List.of(false, true) : List.of(false)) {
                    DataMcPlot p = dataMc(s, xLabel, log, cat, name, options, s.data() == null ? sim : label);
                    files.addAll(PlotWriter.write(p, base.resolve(safe(name) + (log ? "_log" : "")), options.formats()));
                }
                for (Map.Entry<String, Map<String, double[]>> pv : s.processVariations().entrySet()) {
                    ShapePlot sp = new ShapePlot(s.edges(), s.processes().get(pv.getKey()), pv.getValue(), xLabel,
                            TexLabel.escape(pv.getKey() + (cat == null ? "" : ", " + cat)), false, sim);
                    files.addAll(PlotWriter.write(sp, base.resolve("shapes").resolve(safe(name) + "_" + safe(pv.getKey())),
                            options.formats()));
                }
            }
        }
        for (Map.Entry<String, Map<String, List<Step>>> c : cutflows.entrySet()) {
            Map<String, double[]> series = new LinkedHashMap<>();
            List<String> steps = null;
            for (Map.Entry<String, List<Step>> d : c.getValue().entrySet()) {
                List<String> names = d.getValue().stream().map(Step::name).toList();
                if (steps == null) {
                    steps = names;
                } else if (!steps.equals(names)) {
                    continue; // a dataset with other steps cannot share the axis
                }
                series.put(d.getKey(), d.getValue().stream().mapToDouble(st -> st.events()).toArray());
            }
            if (steps != null && !steps.isEmpty()) {
                Set<String> data = new java.util.HashSet<>();
                series.keySet().forEach(d -> {
                    if (!datasets.get(d).isMC()) {
                        data.add(d);
                    }
                });
                CutflowPlot cp = new CutflowPlot(steps, series, data, "Events", label);
                files.addAll(PlotWriter.write(cp, out.resolve(safe(c.getKey())).resolve("cutflow"), options.formats()));
            }
        }
        return files;
    }

    /** @return the data/MC plot of one stack, blinded as the options say */
    public static DataMcPlot dataMc(Stack s, String xLabel, boolean log, String category, String histogram,
            PlotOptions options, CmsLabel label) {
        if (options.normaliseToData() && s.data() != null) {
            double mc = java.util.Arrays.stream(s.total()).sum();
            double obs = java.util.Arrays.stream(s.data()).sum();
            if (mc > 0 && obs > 0) {
                s = s.scaled(obs / mc);
            }
        }
        DataMcPlot.Builder b = DataMcPlot.builder().edges(s.edges()).xLabel(xLabel).logY(log).label(label)
                .yLabel(yLabel(s.edges(), xLabel));
        s.processes().forEach((name, v) -> b.mc(TexLabel.escape(name), v));
        if (s.data() != null) {
            b.data(s.data());
        }
        b.band(s.band());
        if (options.normaliseToData() && s.data() != null) {
            b.note("MC normalised to data");
        }
        if (category != null && options.blindCategories().contains(category)) {
            b.blindAll();
        }
        for (double[] r : options.blindRanges().getOrDefault(histogram, List.of())) {
            b.blind(r[0], r[1]);
        }
        return b.build();
    }

    /** "Events / 2.5 GeV" for uniform bins with a unit in the label, else "Events / bin". */
    private static String yLabel(double[] edges, String xLabel) {
        double w = edges[1] - edges[0];
        for (int i = 2; i < edges.length; i++) {
            if (Math.abs(edges[i] - edges[i - 1] - w) > 1e-9 * Math.abs(w)) {
                return "Events / bin";
            }
        }
        String s = w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(Math.round(w * 1000) / 1000.0);
        // The unit is what the x title has in brackets, e.g. "m_{\mu\mu} [GeV]" → "Events / 2.5 GeV".
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\]]+)\\]\\s*$").matcher(xLabel);
        return "Events / " + s + (m.find() ? " " + m.group(1) : "");
    }

    private String xLabel(String histogram, PlotOptions options) {
        String l = options.xLabels().get(histogram);
        if (l != null) {
            return l;
        }
        ContinuousAxis a = observable(any(histogram), histogram);
        String s = a.label() == null || a.label().isEmpty() ? a.name() : a.label();
        return a.unit() == null || a.unit().isEmpty() || s.contains("[") ? s : s + " [" + a.unit() + "]";
    }

    private Hist any(String histogram) {
        Map<String, Hist> m = histograms.get(histogram);
        if (m == null || m.isEmpty()) {
            throw new PlotException("no histogram '" + histogram + "'; histograms are " + histograms.keySet());
        }
        return m.values().iterator().next();
    }

    private static ContinuousAxis observable(Hist h, String histogram) {
        Set<String> names = new LinkedHashSet<>();
        ContinuousAxis found = null;
        for (Axis a : h.axes()) {
            names.add(a.name() + ":" + a.getClass().getSimpleName());
            if (a instanceof ContinuousAxis c && !a.name().equals("category") && !a.name().equals(Hist.VARIATION_AXIS)) {
                if (found != null) {
                    throw new PlotException("histogram '" + histogram + "' has more than one observable axis " + names
                            + "; plots need one continuous axis beside category and variation");
                }
                found = c;
            }
        }
        if (found == null) {
            throw new PlotException("histogram '" + histogram + "' has no continuous observable axis: " + names);
        }
        return found;
    }

    private static double[] times(double[] v, double f) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return out;
    }

    private static double[] add(double[] acc, double[] v) {
        return acc == null ? v.clone() : sum(acc, v);
    }

    private static double[] sum(double[] a, double[] b) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    /** File-name-safe form of a category or histogram name. */
    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
