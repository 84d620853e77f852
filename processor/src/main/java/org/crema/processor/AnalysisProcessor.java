package org.crema.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.PrimitiveColumn;
import org.crema.hist.ExactSum;
import org.crema.hist.Hist;
import org.crema.hist.Storage;
import org.crema.hist.StrCategoryAxis;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.EventRows;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.accumulate.Normalisation;
import org.crema.processor.accumulate.Sum;
import org.crema.processor.analysis.Categories;
import org.crema.processor.analysis.PackedSelection;
import org.crema.processor.analysis.Weights;

/**
 * A ready-made processor in PocketCoffea's order, for analysts who want structure. Override only the
 * hooks you need; each has a do-nothing (or standard) default. Per chunk:
 *
 * <ol>
 *   <li>{@link #skim}: loose cuts before any calibration; failing events are removed;</li>
 *   <li>for the nominal pass and then each {@linkplain #shapeVariations shape variation} (MC only),
 *       with a fresh {@link AnalysisContext}:
 *     <ol>
 *       <li>{@link #calibrate} objects for this variation (e.g. scale muon pt up);</li>
 *       <li>{@link #selectObjects} (object preselection), {@link #countObjects},
 *           {@link #defineVariables};</li>
 *       <li>{@link #preselection}: event cuts; kept as a mask, not applied by removal;</li>
 *       <li>{@link #categoryCuts} and {@link #categories}: named masks (standard or cartesian);</li>
 *       <li>{@link #weights}: the nominal weight and the weight-only variations;</li>
 *       <li>{@link #fillHistograms}: every {@link #histograms() histogram} for every category — in
 *           the nominal pass once per weight variation as well, reusing the nominal objects;</li>
 *       <li>the cutflow (events and Σw after each step, per category and variation) and
 *           {@link #processExtra} for anything else.</li>
 *     </ol></li>
 * </ol>
 * Weight-only variations therefore see nominal objects, and shape variations see objects calibrated
 * for them with nominal weights.
 *
 * <p><b>Output</b> ({@link AccumulatorMap}): {@code histograms} (dataset → {@link HistAccumulator},
 * each histogram with axes {@code category}, {@code variation}, observable), {@code cutflow}
 * ({@link Cutflow}), {@code sumGenWeights} (dataset → {@link Sum}: the {@code Runs} tree's
 * genEventSumw when the file has one, else Σ genWeight of all events before any cut), {@code datasets}
 * ({@link DatasetMetadata}). {@link #postprocess} scales each MC dataset's histograms by
 * {@code luminosity(year) × xsec / Σ genWeight} and records it under {@code normalisation}
 * ({@link Normalisation}); cutflows stay unscaled. Every cutflow step's Σw has one definition:
 * {@value #CUTFLOW_SUMW} — the generator weight for simulation and 1 per event for data, before
 * normalisation and without the analysis weights (which differ between steps), so the steps of one
 * table are comparable.
 *
 * <p>Subclasses must be serializable like every {@link Processor}: keep configuration in fields and
 * build histograms, corrections and caches in the hooks.
 */
public abstract class AnalysisProcessor implements Processor<AccumulatorMap> {
    private static final long serialVersionUID = 1L;

    /** Name of the nominal variation. */
    public static final String NOMINAL = "nominal";
    /** What the cutflow's Σw column sums: the same at every step, for every dataset. */
    public static final String CUTFLOW_SUMW = "Σ genWeight (1 per data event)";
    /** Name of the histograms' category axis. */
    public static final String CATEGORY_AXIS = "category";

    /**
     * Integrated luminosity of the CMS Run 2 "golden" datasets in pb⁻¹ by year label. Legacy years
     * (CMS-LUM-17-003, CMS-PAS-LUM-17-004, CMS-PAS-LUM-18-002): 2016 36 310, 2017 41 480, 2018 59 830.
     * Ultra-legacy 2016 split at the APV (VFP) change, from the LUMI POG Run 2 recommendations
     * (twiki.cern.ch/twiki/bin/view/CMS/LumiRecommendationsRun2): 2016preVFP 19 520, 2016postVFP 16 810.
     */
    public static final Map<String, Double> RUN2_LUMINOSITY = Map.of("2016", 36_310.0, "2016preVFP", 19_520.0,
            "2016postVFP", 16_810.0, "2017", 41_480.0, "2018", 59_830.0);

    /**
     * Integrated luminosity of the CMS Run 3 golden datasets in pb⁻¹ by NanoAOD campaign label, with the
     * LUMI POG normtag, from the CMS luminosity public results and the Run 3 recommendations
     * (twiki.cern.ch/twiki/bin/view/CMSPublic/LumiPublicResults,
     * twiki.cern.ch/twiki/bin/view/CMS/LumiRecommendationsRun3; CMS-PAS-LUM-22-001 for 2022):
     * 2022 (eras C–D, pre-EE) 7 980.4; 2022EE (eras E–G) 26 671.7; 2023 (era C, pre-BPix) 17 794;
     * 2023BPix (era D) 9 451; 2024 (eras C–I) 109 080, preliminary: the recommendations' recorded and
     * certified value, which no public CMS document states yet (the public offline measurement,
     * CMS-DP-2026-003, gives 124.0 fb⁻¹ delivered, ± 1.6 % preliminary). The labels follow the simulation campaigns
     * (Summer22, Summer22EE, Summer23, Summer23BPix, Summer24) that a dataset's {@code year} names.
     */
    public static final Map<String, Double> RUN3_LUMINOSITY = Map.of("2022", 7_980.4, "2022EE", 26_671.7,
            "2023", 17_794.0, "2023BPix", 9_451.0, "2024", 109_080.0);

    /** {@link #RUN2_LUMINOSITY} and {@link #RUN3_LUMINOSITY} together: the default table. */
    public static final Map<String, Double> LUMINOSITY;

    static {
        Map<String, Double> all = new TreeMap<>(RUN2_LUMINOSITY);
        all.putAll(RUN3_LUMINOSITY);
        LUMINOSITY = java.util.Collections.unmodifiableMap(all);
    }

    /** Key of the chunk's generator weights in {@link Events#memo}. */
    private static final Object GEN_WEIGHT = new Object();

    private final TreeMap<String, Double> luminosity;

    /** Uses {@link #LUMINOSITY} (Run 2 and Run 3). */
    protected AnalysisProcessor() {
        this(LUMINOSITY);
    }

    /**
     * @param luminosityPerYear integrated luminosity in pb⁻¹ by the fileset's {@code year}; each value
     *     finite and positive
     */
    protected AnalysisProcessor(Map<String, Double> luminosityPerYear) {
        this.luminosity = new TreeMap<>(luminosityPerYear);
        luminosity.forEach((year, lumi) -> {
            if (lumi == null || !(lumi > 0) || !Double.isFinite(lumi)) {
                throw new IllegalArgumentException("luminosity of year '" + year + "' must be finite and > 0 pb⁻¹, got "
                        + lumi);
            }
        });
    }

    /** @return integrated luminosity in pb⁻¹ by year label, sorted */
    public final java.util.SortedMap<String, Double> luminosity() {
        return java.util.Collections.unmodifiableSortedMap(luminosity);
    }

    /**
     * Checks, before any event is read, that every simulated dataset can be normalised: it has a
     * cross-section and its year has a luminosity. The runner calls this unless the run asks for
     * unnormalised output.
     *
     * @param datasets the datasets of the run, with {@code isMC} resolved
     * @throws NormalisationException listing every dataset that cannot be normalised and how to fix it
     */
    public final void checkNormalisation(java.util.Collection<DatasetInfo> datasets) {
        List<String> problems = new ArrayList<>();
        for (DatasetInfo d : datasets) {
            String p = normalisationProblem(d);
            if (p != null) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new NormalisationException("cannot normalise " + problems.size() + " simulated dataset"
                    + (problems.size() == 1 ? "" : "s") + " to luminosity × xsec / Σ genWeight:\n  "
                    + String.join("\n  ", problems) + "\nadd the missing metadata to the fileset, or run with"
                    + " --unnormalised (RunConfig.withUnnormalised) to keep the histograms unscaled");
        }
    }

    /** @return why {@code d} cannot be normalised, or {@code null} when it can (or is data) */
    private String normalisationProblem(DatasetInfo d) {
        if (!d.isMC()) {
            return null;
        }
        if (!d.hasXsec()) {
            return "dataset '" + d.name() + "': no \"xsec\" (cross-section in pb) in its metadata";
        }
        if (!luminosity.containsKey(d.year())) {
            return "dataset '" + d.name() + "': no luminosity for year '" + d.year() + "'; known years: "
                    + String.join(", ", luminosity.keySet());
        }
        return null;
    }

    /**
     * The memory the declared histograms take, estimated before any event is read: for each
     * {@link #histograms() histogram}, its stored bins (flow bins included) × categories × variations
     * (nominal plus the dataset's shape variations) × 16 bytes (weighted storage: Σw and Σw²), summed
     * over the datasets, since the result keeps one set per dataset. Weight variations are added by
     * {@link #weights} while events are processed and are not counted, so this is a lower bound when
     * there are some.
     *
     * @param datasets the run's datasets, {@code isMC} resolved
     * @return the estimate and how it was computed
     */
    public final HistogramFootprint histogramFootprint(java.util.Collection<DatasetInfo> datasets) {
        long bins = 0;
        int count = 0;
        for (HistogramSpec h : histograms()) {
            bins += h.axis().extent();
            count++;
        }
        int categories = categories().names().size();
        long bytes = 0;
        int maxVariations = 1;
        int outputs = 0;
        for (DatasetInfo d : datasets) {
            int variations = 1 + (d.isMC() ? shapeVariations(d).size() : 0);
            maxVariations = Math.max(maxVariations, variations);
            // a split dataset has histograms for each of its subsamples instead of its own
            int histogramSets = Math.max(1, subsampleCount(d));
            outputs += histogramSets;
            bytes += histogramSets * bins * categories * variations * HistogramFootprint.BYTES_PER_BIN;
        }
        return new HistogramFootprint(bytes, count, bins, categories, maxVariations, outputs);
    }

    /**
     * An estimate of the memory of a processor's histograms ({@link #histogramFootprint}).
     *
     * @param bytes estimated bytes of one result (every dataset's histograms)
     * @param histograms number of declared histograms
     * @param bins stored bins of one category and variation, summed over the histograms
     * @param categories number of categories
     * @param variations the largest number of variations of a dataset (nominal + shape)
     * @param datasets number of output datasets (each subsample counts as one)
     */
    public record HistogramFootprint(long bytes, int histograms, long bins, int categories, int variations,
            int datasets) {
        /** Weighted storage: Σw and Σw² as doubles. */
        public static final int BYTES_PER_BIN = 16;

        /** @return how the estimate was made, for messages */
        public String describe() {
            return histograms + " histogram" + (histograms == 1 ? "" : "s") + " with " + bins + " bins in all × "
                    + categories + " categor" + (categories == 1 ? "y" : "ies") + " × up to " + variations
                    + " variation" + (variations == 1 ? "" : "s") + " × " + BYTES_PER_BIN + " bytes, over " + datasets
                    + " dataset" + (datasets == 1 ? "" : "s") + " = " + mibOf(bytes) + " MiB";
        }

        /** @param bytes a size @return it in MiB with one decimal */
        public static String mibOf(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
        }
    }

    // ------------------------------------------------------------------ hooks

    /**
     * Adds loose event cuts applied before any calibration; events failing any are removed. Must be
     * looser than every variation's selection. Default: none.
     *
     * @param events the chunk's events
     * @param skim add named cuts here
     */
    protected void skim(Events events, PackedSelection skim) {
    }

    /**
     * @param dataset the dataset
     * @return shape variations to run after the nominal pass, e.g. {@code muonScaleUp}; only asked
     *     for simulation. Default: none.
     */
    protected List<String> shapeVariations(DatasetInfo dataset) {
        return List.of();
    }

    /**
     * Calibrates objects for {@code ctx.variation()} and stores them with
     * {@link AnalysisContext#setCollection}. Default: none (input objects are used).
     *
     * @param ctx this variation's state
     */
    protected void calibrate(AnalysisContext ctx) {
    }

    /** @param ctx this variation's state; store selected objects as new collections. Default: none. */
    protected void selectObjects(AnalysisContext ctx) {
    }

    /** @param ctx this variation's state; store object counts as variables. Default: none. */
    protected void countObjects(AnalysisContext ctx) {
    }

    /** @param ctx this variation's state; store per-event variables. Default: none. */
    protected void defineVariables(AnalysisContext ctx) {
    }

    /**
     * @param ctx this variation's state
     * @param cuts add named event cuts; all must pass (cutflow order = order added). Default: none.
     */
    protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
    }

    /**
     * @param ctx this variation's state
     * @param cuts add the cuts that {@link #categories()} refers to. Default: none.
     */
    protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
    }

    /** @return the categories; default one category {@code baseline} with every preselected event */
    protected Categories categories() {
        return Categories.single("baseline");
    }

    /**
     * Adds the event weights. Default: {@code genWeight} for simulation when the input has it.
     *
     * @param ctx this variation's state
     * @param weights add factors and weight variations here
     */
    protected void weights(AnalysisContext ctx, Weights weights) {
        if (ctx.dataset().isMC() && ctx.events().has("genWeight")) {
            // the same array for every shape variation of the chunk (Weights only reads it)
            weights.add("genWeight", ctx.events().memo(GEN_WEIGHT, () -> toDoubles(ctx.events().column("genWeight"))));
        }
    }

    /** @return histograms to fill; default none */
    protected List<HistogramSpec> histograms() {
        return List.of();
    }

    /**
     * Fills every histogram for every category. Observables are computed only for the events that
     * fill them: an observable shared by several categories on the events passing the preselection
     * ({@link AnalysisContext#select}), an observable of one category ({@link HistogramSpec#perCategory})
     * on that category's events only. Override to fill differently.
     *
     * @param ctx this variation's state (masks and weights set)
     * @param specs the {@link #histograms()} by name
     * @param hists name → histogram with axes (category, variation, observable), filled in place
     */
    protected void fillHistograms(AnalysisContext ctx, Map<String, HistogramSpec> specs, Map<String, Hist> hists) {
        Weights w = ctx.weights();
        List<String> names = new ArrayList<>();
        List<double[]> ws = new ArrayList<>();
        names.add(ctx.variation());
        ws.add(w.weight());
        if (ctx.isNominal() && ctx.dataset().isMC()) {
            for (String v : w.variations()) {
                names.add(v);
                ws.add(w.weight(v));
            }
        }
        String[] nameArray = names.toArray(String[]::new);
        double[][] weightArray = ws.toArray(double[][]::new);
        Map<String, Selected> byCategory = new LinkedHashMap<>();
        Selected preselected = null;
        for (Map.Entry<String, HistogramSpec> e : specs.entrySet()) {
            HistogramSpec spec = e.getValue();
            Hist h = hists.get(e.getKey());
            // each distinct observable is computed once per variation, even when categories share it
            Map<java.util.function.Function<AnalysisContext, Object>, Object> shared = new java.util.IdentityHashMap<>();
            for (String category : ctx.categoryMasks().keySet()) {
                java.util.function.Function<AnalysisContext, Object> f = spec.valuesFor(category);
                if (f == null) {
                    continue;
                }
                if (usedOnce(spec, f, ctx.categoryMasks().keySet())) {
                    Selected only = byCategory.computeIfAbsent(category, c -> Selected.of(ctx,
                            and(ctx.preselectionMask(), ctx.categoryMasks().get(c)), weightArray));
                    h.filler().values(category, f.apply(only.ctx))
                            .fillVariations(Hist.VARIATION_AXIS, nameArray, only.weights);
                } else {
                    if (preselected == null) {
                        preselected = Selected.of(ctx, ctx.preselectionMask(), weightArray);
                    }
                    Selected pre = preselected;
                    h.filler().values(category, shared.computeIfAbsent(f, g -> g.apply(pre.ctx)))
                            .mask(pre.ctx.categoryMasks().get(category))
                            .fillVariations(Hist.VARIATION_AXIS, nameArray, pre.weights);
                }
            }
        }
    }

    private static boolean usedOnce(HistogramSpec spec, java.util.function.Function<AnalysisContext, Object> f,
            java.util.Collection<String> categories) {
        int uses = 0;
        for (String c : categories) {
            uses += spec.valuesFor(c) == f ? 1 : 0;
        }
        return uses == 1;
    }

    /** A context restricted to some events, with every variation's weights for those events. */
    private record Selected(AnalysisContext ctx, double[][] weights) {
        static Selected of(AnalysisContext ctx, BoolColumn mask, double[][] weights) {
            int[] rows = org.crema.columnar.Selection.trueIndices(mask);
            double[][] selected = new double[weights.length][];
            for (int v = 0; v < weights.length; v++) {
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = weights[v][rows[i]];
                }
                selected[v] = out;
            }
            return new Selected(ctx.select(mask), selected);
        }
    }

    /**
     * The skim to write, if any: the events passing a selection, with chosen branches, written per
     * dataset as a NanoAOD-shaped ROOT file at the end of the run ({@link Skim}). Rows are taken in
     * the nominal pass. Default: none.
     *
     * @return the skim, or {@code null}
     */
    protected Skim skimOutput() {
        return null;
    }

    /**
     * Per-event columns to save per category, written per dataset as Arrow IPC files at the end of
     * the run ({@link SavedColumns}). Computed in the nominal pass. Default: none.
     *
     * @return the declarations, at most one per category
     */
    protected List<SavedColumns> savedColumns() {
        return List.of();
    }

    /**
     * Anything else to accumulate for this variation (column lists, extra counters).
     *
     * @param ctx this variation's state
     * @param out the chunk's output so far
     * @return the output to keep; default {@code out}
     */
    protected AccumulatorMap processExtra(AnalysisContext ctx, AccumulatorMap out) {
        return out;
    }

    // ------------------------------------------------------------------ the fixed order

    /**
     * Splits the chunk's dataset into subsamples, each processed as a dataset of its own name
     * (histograms, cutflows, saved rows) from the events its mask selects, before the skim. Σ genWeight
     * of every subsample is the whole dataset's, so that {@code xsec} (the parent's) normalises each
     * subsample to its share of the cross-section. Masks may overlap or leave events out; an event then
     * counts in as many subsamples as select it.
     *
     * @param events all events of the chunk
     * @return subsample → its dataset metadata and per-event mask, in output order; empty (the default)
     *     processes the dataset whole
     */
    protected Map<DatasetInfo, BoolColumn> subsamples(Events events) {
        return Map.of();
    }

    /**
     * The number of subsamples {@link #subsamples} splits a dataset into, known before any event is
     * read, for the memory estimate of {@link #histogramFootprint}. Override it together with
     * {@link #subsamples}.
     *
     * @param dataset a dataset of the run
     * @return how many subsamples its chunks are split into; 0 (the default) when it is processed whole
     */
    protected int subsampleCount(DatasetInfo dataset) {
        return 0;
    }

    /**
     * @param parent the dataset split
     * @param name the subsample's name
     * @return the subsample's metadata: the parent's, named {@code name} (as dataset and sample), with
     *     {@code subsampleOf} and {@code parentSample} naming the parent in its extra metadata
     */
    public static DatasetInfo subsampleInfo(DatasetInfo parent, String name) {
        Map<String, String> extra = new LinkedHashMap<>(parent.extra());
        extra.put("subsampleOf", parent.name());
        extra.put("parentSample", parent.sample());
        return new DatasetInfo(name, name, parent.year(), parent.isMC(), parent.xsec(), parent.era(), extra);
    }

    @Override
    public final AccumulatorMap process(Events events) {
        Map<DatasetInfo, BoolColumn> subsamples = subsamples(events);
        if (subsamples.isEmpty()) {
            return process(events, null);
        }
        DatasetInfo parent = events.dataset();
        Sum parentSum = parent.isMC() ? sumGenWeights(events, genWeights(events)) : null;
        AccumulatorMap out = null;
        for (Map.Entry<DatasetInfo, BoolColumn> e : subsamples.entrySet()) {
            AccumulatorMap one = process(events.filter(e.getValue(), e.getKey()), parentSum);
            out = out == null ? one : out.merge(one);
        }
        return out;
    }

    private static double[] genWeights(Events events) {
        return events.dataset().isMC() && events.has("genWeight") ? toDoubles(events.column("genWeight"))
                : ones(events.size());
    }

    /** @param sumGenWeights Σ genWeight to record for the dataset, or null to sum these events' */
    private AccumulatorMap process(Events events, Sum sumGenWeights) {
        DatasetInfo ds = events.dataset();
        int n = events.size();
        double[] genW = genWeights(events);

        AccumulatorMap out = AccumulatorMap.empty().with("datasets", DatasetMetadata.of(ds));
        if (ds.isMC()) {
            out = out.with("sumGenWeights", AccumulatorMap.empty().with(ds.name(),
                    sumGenWeights != null ? sumGenWeights : sumGenWeights(events, genW)));
        }

        // Skim: remove events before anything is calibrated.
        PackedSelection skimCuts = new PackedSelection(n);
        skim(events, skimCuts);
        List<Cutflow.Step> prefix = new ArrayList<>();
        prefix.add(Cutflow.Step.of("initial", n, ExactSum.of(genW)));
        List<BoolColumn> skimSteps = skimCuts.cumulative();
        for (int i = 0; i < skimSteps.size(); i++) {
            BoolColumn m = skimSteps.get(i);
            prefix.add(Cutflow.Step.of(skimCuts.names().get(i), count(m), ExactSum.of(genW, m)));
        }
        Events skimmed = skimSteps.isEmpty() ? events : events.filter(skimSteps.get(skimSteps.size() - 1));
        double[] skimmedGenW = skimSteps.isEmpty() ? genW : select(genW, skimSteps.get(skimSteps.size() - 1));

        Categories categories = categories();
        Map<String, HistogramSpec> specs = new LinkedHashMap<>();
        for (HistogramSpec s : histograms()) {
            if (specs.put(s.name(), s) != null) {
                throw new IllegalArgumentException("two histograms are named '" + s.name() + "'");
            }
        }
        List<String> variations = new ArrayList<>();
        variations.add(NOMINAL);
        if (ds.isMC()) {
            for (String v : shapeVariations(ds)) {
                if (v.equals(NOMINAL) || variations.contains(v)) {
                    throw new IllegalArgumentException("shape variation names must be unique and not '" + NOMINAL
                            + "', got " + shapeVariations(ds));
                }
                variations.add(v);
            }
        }
        Map<String, Hist> hists = new LinkedHashMap<>();
        for (HistogramSpec s : specs.values()) {
            hists.put(s.name(), Hist.builder().name(s.name())
                    .axis(StrCategoryAxis.of(CATEGORY_AXIS, categories.names().toArray(String[]::new)))
                    .axis(StrCategoryAxis.growing(Hist.VARIATION_AXIS, variations.toArray(String[]::new)))
                    .axis(s.axis()).storage(Storage.WEIGHT).build());
        }

        Cutflow cutflow = Cutflow.empty();
        for (String variation : variations) {
            AnalysisContext ctx = new AnalysisContext(skimmed, variation);
            calibrate(ctx);
            selectObjects(ctx);
            countObjects(ctx);
            defineVariables(ctx);
            PackedSelection presel = new PackedSelection(ctx.size());
            preselection(ctx, presel);
            ctx.preselectionMask(presel.all());
            PackedSelection catCuts = new PackedSelection(ctx.size());
            categoryCuts(ctx, catCuts);
            ctx.categoryMasks(categories.masks(catCuts));
            Weights w = new Weights(ctx.size());
            weights(ctx, w);
            ctx.weights(w);
            fillHistograms(ctx, specs, hists);

            List<Cutflow.Step> steps = new ArrayList<>(prefix);
            List<BoolColumn> preSteps = presel.cumulative();
            for (int i = 0; i < preSteps.size(); i++) {
                steps.add(Cutflow.Step.of(presel.names().get(i), count(preSteps.get(i)),
                        ExactSum.of(skimmedGenW, preSteps.get(i))));
            }
            for (Map.Entry<String, BoolColumn> cat : ctx.categoryMasks().entrySet()) {
                BoolColumn m = and(ctx.preselectionMask(), cat.getValue());
                List<Cutflow.Step> s = new ArrayList<>(steps);
                s.add(Cutflow.Step.of(cat.getKey(), count(m), ExactSum.of(skimmedGenW, m)));
                cutflow = cutflow.with(new Cutflow.Key(ds.name(), cat.getKey(), variation), s);
            }
            if (ctx.isNominal()) {
                out = saveRows(ctx, categories, out);
            }
            out = processExtra(ctx, out);
        }
        return out.with("cutflow", cutflow)
                .with("histograms", AccumulatorMap.empty().with(ds.name(), HistAccumulator.of(hists)));
    }

    /** Key of the skim's rows in the output ({@link EventRows}). */
    public static final String SKIM = "skim";
    /** Key of the saved columns in the output: category → {@link EventRows}. */
    public static final String COLUMNS = "columns";

    private AccumulatorMap saveRows(AnalysisContext ctx, Categories categories, AccumulatorMap out) {
        Skim skim = skimOutput();
        Chunk chunk = ctx.events().chunk();
        if (skim != null) {
            BoolColumn m = selectionMask(ctx, categories, skim.selection(), "skim");
            Events kept = ctx.events().filter(m);
            java.util.SequencedMap<String, Column> cols = new LinkedHashMap<>();
            Map<String, String> counters = new LinkedHashMap<>();
            List<String> names = skim.resolve(ctx.events().columnNames());
            for (String b : names) {
                Column c = kept.column(b);
                if (c instanceof org.crema.columnar.ListColumn<?>) {
                    int us = b.indexOf('_');
                    String counter = SCHEMA.counter(us > 0 ? b.substring(0, us) : b);
                    if (!ctx.events().has(counter)) {
                        throw new NoSuchColumnException("skim of '" + skim.selection() + "': jagged branch '" + b
                                + "' has no counter '" + counter + "' in " + chunk.describe());
                    }
                    counters.put(b, counter);
                }
                cols.put(b, c);
            }
            // A counter is written from its lists' lengths; listed on its own (nMuon) it would be written twice.
            cols.keySet().removeIf(b -> counters.containsValue(b));
            out = out.with(SKIM, EventRows.of(chunk.key(), cols, counters));
        }
        AccumulatorMap saved = AccumulatorMap.empty();
        for (SavedColumns sc : savedColumns()) {
            if (saved.containsKey(sc.category())) {
                throw new IllegalArgumentException("columns of category '" + sc.category() + "' are declared twice");
            }
            BoolColumn m = selectionMask(ctx, categories, sc.category(), "saved columns");
            java.util.SequencedMap<String, Column> cols = new LinkedHashMap<>();
            for (var e : sc.columns().entrySet()) {
                Column c = e.getValue().apply(ctx);
                if (c == null || c.length() != ctx.size()) {
                    throw new IllegalArgumentException("saved column '" + e.getKey() + "' of category '" + sc.category()
                            + "' must have one entry per event (" + ctx.size() + "), got "
                            + (c == null ? "null" : c.length()) + " in " + chunk.describe());
                }
                cols.put(e.getKey(), org.crema.columnar.Selection.filterEvents(c, m));
            }
            saved = saved.with(sc.category(), EventRows.of(chunk.key(), cols, Map.of()));
        }
        return saved.entries().isEmpty() ? out : out.with(COLUMNS, saved);
    }

    private static BoolColumn selectionMask(AnalysisContext ctx, Categories categories, String selection, String what) {
        if (selection.equals(Skim.PRESELECTION)) {
            return ctx.preselectionMask();
        }
        BoolColumn cat = ctx.categoryMasks().get(selection);
        if (cat == null) {
            throw new IllegalArgumentException(what + ": no category '" + selection + "'; categories: "
                    + categories.names() + " (or '" + Skim.PRESELECTION + "')");
        }
        return and(ctx.preselectionMask(), cat);
    }

    private static final org.crema.nano.NanoSchema SCHEMA = org.crema.nano.NanoSchema.nanoAOD();

    private static Sum sumGenWeights(Events events, double[] genW) {
        OptionalDouble runs = events.fileSumGenWeights();
        if (runs.isPresent()) {
            // The Runs tree covers the whole file: count it once, with the chunk that starts the file.
            return events.chunk().isFirstOfFile() ? Sum.ofTotal(events.chunk().fileEntries(), runs.getAsDouble())
                    : Sum.ZERO;
        }
        return Sum.of(genW);
    }

    /**
     * Scales each simulated dataset's histograms to the luminosity of its year:
     * {@code factor = luminosity × xsec / Σ genWeight}. A simulated dataset that cannot be scaled (no
     * cross-section, no luminosity for its year — which the runner refuses before reading events unless
     * asked for unnormalised output — or Σ genWeight = 0, e.g. no events) is left unscaled and listed
     * with the reason under {@code normalisation} ({@link Normalisation#unscaled()}), never silently.
     */
    @Override
    public AccumulatorMap postprocess(AccumulatorMap merged) {
        if (!merged.containsKey("histograms")) {
            return merged;
        }
        DatasetMetadata md = merged.get("datasets", DatasetMetadata.class);
        AccumulatorMap sums = merged.containsKey("sumGenWeights") ? merged.get("sumGenWeights", AccumulatorMap.class)
                : AccumulatorMap.empty();
        AccumulatorMap hists = merged.get("histograms", AccumulatorMap.class);
        AccumulatorMap scaled = AccumulatorMap.empty();
        Normalisation norm = Normalisation.empty();
        for (var e : hists.entries().entrySet()) {
            HistAccumulator h = (HistAccumulator) e.getValue();
            DatasetInfo info = md.datasets().get(e.getKey());
            if (info == null || !info.isMC()) {
                scaled = scaled.with(e.getKey(), h);
                continue;
            }
            String problem = normalisationProblem(info);
            Sum s = sums.containsKey(e.getKey()) ? (Sum) sums.get(e.getKey()) : Sum.ZERO;
            if (problem == null && !(s.sumw() != 0 && Double.isFinite(s.sumw()))) {
                problem = "dataset '" + info.name() + "': Σ genWeight = " + s.sumw() + " over " + s.entries()
                        + " events";
            }
            if (problem == null) {
                double lumi = luminosity.get(info.year());
                double factor = lumi * info.xsec() / s.sumw();
                h = h.scale(factor);
                norm = norm.with(e.getKey(), new Normalisation.Entry(lumi, info.xsec(), s.sumw(), factor));
            } else {
                norm = norm.withUnscaled(e.getKey(), problem);
            }
            scaled = scaled.with(e.getKey(), h);
        }
        return merged.with("histograms", scaled).with("normalisation", norm);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * @param c a flat numeric column
     * @return its values as doubles (a new array)
     */
    protected static double[] toDoubles(Column c) {
        if (!(c instanceof PrimitiveColumn p)) {
            throw new IllegalArgumentException("expected a flat numeric column, got " + c.getClass().getSimpleName());
        }
        double[] out = new double[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.getDouble(i);
        }
        return out;
    }

    private static double[] select(double[] values, BoolColumn mask) {
        double[] out = new double[(int) count(mask)];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (mask.get(i)) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1.0);
        return d;
    }

    private static BoolColumn and(BoolColumn a, BoolColumn b) {
        boolean[] out = new boolean[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i) && b.get(i);
        }
        return BoolColumn.of(out);
    }

    private static long count(BoolColumn m) {
        long c = 0;
        for (int i = 0; i < m.length(); i++) {
            if (m.get(i)) {
                c++;
            }
        }
        return c;
    }
}
