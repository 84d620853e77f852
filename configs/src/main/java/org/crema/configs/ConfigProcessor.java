package org.crema.configs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.Selection;
import org.crema.configs.internal.calib.FieldReplacement;
import org.crema.configs.internal.calib.JetCalibration;
import org.crema.configs.internal.calib.MetCalibration;
import org.crema.configs.internal.calib.MuonCalibration;
import org.crema.configs.internal.expr.Env;
import org.crema.configs.internal.expr.Ops;
import org.crema.configs.internal.model.Loader;
import org.crema.configs.internal.model.Model;
import org.crema.configs.internal.model.Schema;
import org.crema.configs.internal.weights.StandardWeight;
import org.crema.configs.internal.yaml.Source;
import org.crema.hist.Hist;
import org.crema.hist.Storage;
import org.crema.hist.StrCategoryAxis;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.ColumnListAccumulator;
import org.crema.processor.analysis.Categories;
import org.crema.processor.analysis.PackedSelection;
import org.crema.processor.analysis.Weights;

/**
 * The {@link AnalysisProcessor} a YAML configuration compiles to. It keeps only the configuration
 * text and the input schema (so it serializes small and identical on every worker) and compiles the
 * expressions once per instance, on first use; each hook then evaluates compiled column kernels.
 * Create it with {@link AnalysisConfig#processor()}.
 */
public final class ConfigProcessor extends AnalysisProcessor {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final String fileName;
    private final String baseDir;
    private final Schema schema;
    private transient volatile Model model;

    ConfigProcessor(String text, String fileName, Path baseDir, Schema schema, Map<String, Double> luminosity) {
        super(luminosity);
        this.text = text;
        this.fileName = fileName;
        this.baseDir = baseDir.toAbsolutePath().toString();
        this.schema = schema;
    }

    private Model model() {
        Model m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = Loader.load(Source.of(fileName, text), Path.of(baseDir), schema, false);
                    model = m;
                }
            }
        }
        return m;
    }

    /**
     * Writes the resolved parameters ({@code parameters.json}) and the declared {@code columns:} into a
     * run's output folder, before the runner writes its manifest.
     */
    @Override
    public java.util.SequencedMap<String, Path> writeFiles(AccumulatorMap result, Path dir) {
        AnalysisConfig config = new AnalysisConfig(Source.of(fileName, text), Path.of(baseDir), model());
        java.util.SequencedMap<String, Path> written = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        files.add(config.writeParameters(dir));
        files.addAll(config.writeColumns(result, dir));
        for (Path f : files) {
            written.put(dir.relativize(f).toString().replace(java.io.File.separatorChar, '/'), f);
        }
        return written;
    }

    /** Reads branches, collections and variables of one chunk for the compiled expressions. */
    private final class ChunkEnv implements Env {
        private final Events events;
        private final AnalysisContext ctx;
        private ListColumn<RecordColumn> self;

        ChunkEnv(Events events, AnalysisContext ctx) {
            this.events = events;
            this.ctx = ctx;
        }

        @Override
        public int size() {
            return events.size();
        }

        @Override
        public Column branch(String name) {
            // a MET that follows the jets is kept in the context, so contexts of selected events filter it
            if (ctx != null && ctx.hasVariable(MetCalibration.VARIABLE_PREFIX + name)) {
                return ctx.variable(MetCalibration.VARIABLE_PREFIX + name);
            }
            return events.column(name);
        }

        @Override
        public ListColumn<RecordColumn> collection(String name) {
            if (ctx != null) {
                return ctx.collection(name);
            }
            List<String> fields = model().inputFields().get(name);
            return fields == null ? events.collection(name) : events.collection(name, fields.toArray(String[]::new));
        }

        @Override
        public Column variable(String name) {
            if (ctx.hasVariable(name)) {
                return ctx.variable(name);
            }
            // computed on first use, in the context asking: a variable only a histogram uses is then
            // computed for the events that histogram fills (see AnalysisProcessor.fillHistograms)
            Model.Var v = variablesByName().get(name);
            if (v == null) {
                return ctx.variable(name); // names the defined variables
            }
            Column c = (Column) v.expr().eval(this);
            ctx.setVariable(name, c);
            return c;
        }

        @Override
        public ListColumn<RecordColumn> self() {
            return self;
        }

        private final Map<String, Object[]> memo = new java.util.HashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> T memo(String key, Object input, java.util.function.Supplier<T> compute) {
            Object[] hit = memo.get(key);
            if (hit != null && hit[0] == input) {
                return (T) hit[1];
            }
            T v = compute.get();
            memo.put(key, new Object[] {input, v});
            return v;
        }
    }

    /** The environment of a context, kept per thread so memoised values live for one variation of one chunk. */
    private transient ThreadLocal<ChunkEnv> envs;

    private ChunkEnv env(AnalysisContext ctx) {
        ThreadLocal<ChunkEnv> tl;
        synchronized (this) {
            if (envs == null) {
                envs = new ThreadLocal<>();
            }
            tl = envs;
        }
        ChunkEnv e = tl.get();
        if (e == null || e.ctx != ctx) {
            e = new ChunkEnv(ctx.events(), ctx);
            tl.set(e);
        }
        return e;
    }

    /** A subsample matches its own name and its parent's (dataset and sample). */
    private static boolean applies(DatasetInfo ds, Set<String> datasets, Set<String> samples) {
        String parent = ds.extra().get("subsampleOf");
        String parentSample = ds.extra().get("parentSample");
        return (datasets.isEmpty() || datasets.contains(ds.name()) || parent != null && datasets.contains(parent))
                && (samples.isEmpty() || samples.contains(ds.sample())
                        || parentSample != null && samples.contains(parentSample));
    }

    // ------------------------------------------------------------------ hooks

    @Override
    protected int subsampleCount(DatasetInfo dataset) {
        Map<String, org.crema.configs.internal.expr.Compiled> defs = model().subsamples().get(dataset.name());
        return defs == null ? 0 : defs.size();
    }

    @Override
    protected Map<DatasetInfo, BoolColumn> subsamples(Events events) {
        Map<String, org.crema.configs.internal.expr.Compiled> defs = model().subsamples().get(events.dataset().name());
        if (defs == null) {
            return Map.of();
        }
        ChunkEnv env = new ChunkEnv(events, null);
        Map<DatasetInfo, BoolColumn> out = new LinkedHashMap<>();
        defs.forEach((name, mask) -> out.put(subsampleInfo(events.dataset(), name), (BoolColumn) mask.eval(env)));
        return out;
    }

    @Override
    protected void skim(Events events, PackedSelection skim) {
        ChunkEnv env = new ChunkEnv(events, null);
        for (Model.Cut c : model().skim()) {
            skim.add(c.name(), (BoolColumn) c.expr().eval(env));
        }
    }

    @Override
    protected List<String> shapeVariations(DatasetInfo dataset) {
        List<String> out = new ArrayList<>();
        for (Model.Variation v : model().variations()) {
            if (applies(dataset, v.datasets(), v.samples())) {
                out.addAll(v.names());
            }
        }
        return out;
    }

    @Override
    protected void calibrate(AnalysisContext ctx) {
        Model m = model();
        String variation = ctx.variation();
        for (Map.Entry<String, List<String>> e : m.fields(ctx.dataset().isMC()).entrySet()) {
            ListColumn<RecordColumn> c = ctx.collection(e.getKey(), e.getValue().toArray(String[]::new));
            JetCalibration cal = m.calibrations().get(e.getKey());
            if (cal != null) {
                String kind = "nominal";
                String source = null;
                boolean up = false;
                for (Model.Variation v : m.variations()) {
                    if (v.collection().equals(e.getKey()) && (v.type().equals("jer") || v.type().equals("jes"))) {
                        List<String> names = v.names();
                        int i = names.indexOf(variation);
                        if (i >= 0) {
                            kind = v.type().equals("jer") ? "JER" : "JES";
                            source = v.type().equals("jes") ? v.sources().get(i / 2) : null;
                            up = i % 2 == 0;
                        }
                    }
                }
                c = cal.apply(ctx.events(), c, kind, source, up);
            }
            MuonCalibration muonCal = m.muonCalibrations().get(e.getKey());
            if (muonCal != null) {
                Model.Variation rochester = rochesterVariation(m, e.getKey(), variation);
                c = rochester == null ? muonCal.apply(ctx.events(), c, 0)
                        : muonCal.apply(ctx.events(), c, rochester.names().indexOf(variation) == 0 ? 1 : -1,
                                rochester.part());
            }
            for (Model.Variation v : m.variations()) {
                if (!v.collection().equals(e.getKey()) || !v.type().equals("scale")) {
                    continue;
                }
                if (v.oneSided()) {
                    if (variation.equals(v.name())) {
                        c = Ops.scale(c, v.field(), (float) v.factor());
                    }
                } else if (variation.equals(v.name() + "Up")) {
                    c = Ops.scale(c, v.field(), 1f + (float) v.shift());
                } else if (variation.equals(v.name() + "Down")) {
                    c = Ops.scale(c, v.field(), 1f - (float) v.shift());
                }
            }
            ctx.setCollection(e.getKey(), c);
        }
        applyExpressionVariation(ctx);
        propagateMet(ctx, m);
    }

    /**
     * The MET of this variation from the jets of this variation, for simulation; collision data jets are
     * used as stored, so their MET is too.
     */
    private static void propagateMet(AnalysisContext ctx, Model m) {
        if (!ctx.dataset().isMC()) {
            return;
        }
        m.metCalibrations().forEach((prefix, met) -> {
            int unclustered = 0;
            for (Model.Variation v : m.variations()) {
                if (v.type().equals(MetCalibration.UNCLUSTERED) && v.collection().equals(prefix)) {
                    int i = v.names().indexOf(ctx.variation());
                    if (i >= 0) {
                        unclustered = i == 0 ? 1 : -1;
                    }
                }
            }
            met.apply(ctx.events(), ctx.collection(met.jets(), "pt"), unclustered)
                    .forEach((branch, values) -> ctx.setVariable(MetCalibration.VARIABLE_PREFIX + branch, values));
        });
    }

    /** The Rochester variation of a collection that {@code variation} names, or null. */
    private static Model.Variation rochesterVariation(Model m, String collection, String variation) {
        for (Model.Variation v : m.variations()) {
            if (v.type().equals("rochester") && v.collection().equals(collection) && v.names().contains(variation)) {
                return v;
            }
        }
        return null;
    }

    /**
     * In an expression variation's pass, replaces its field by the expression's values. It runs after
     * every collection is calibrated, so the expression reads the calibrated nominal objects.
     */
    private void applyExpressionVariation(AnalysisContext ctx) {
        for (Model.Variation v : model().variations()) {
            org.crema.configs.internal.expr.Compiled expr = v.expressionFor(ctx.variation());
            if (expr == null) {
                continue;
            }
            ChunkEnv env = env(ctx);
            ListColumn<RecordColumn> objects = ctx.collection(v.collection());
            env.self = objects;
            Column values = (Column) expr.eval(env);
            env.self = null;
            ctx.setCollection(v.collection(), FieldReplacement.replace(v.name(), objects, v.field(), values));
        }
    }

    @Override
    protected void selectObjects(AnalysisContext ctx) {
        ChunkEnv env = env(ctx);
        for (Model.ObjectDef o : model().objects()) {
            ListColumn<RecordColumn> c = ctx.collection(o.from());
            env.self = c;
            if (o.where() != null) {
                c = Ops.filter(c, (Column) o.where().eval(env));
                env.self = c;
            }
            for (Map.Entry<String, Double> clean : o.cleanAgainst().entrySet()) {
                c = Ops.clean(c, ctx.collection(clean.getKey()), clean.getValue());
                env.self = c;
            }
            if (o.sortBy() != null) {
                c = Ops.sort(c, (Column) o.sortBy().eval(env), o.descending());
            }
            env.self = null;
            ctx.setCollection(o.name(), c);
        }
    }

    @Override
    protected void defineVariables(AnalysisContext ctx) {
        // Nothing eagerly: each variable is computed when a cut, weight, column or histogram first asks
        // for it (ChunkEnv.variable), on the events of the context that asks.
    }

    private transient volatile Map<String, Model.Var> variablesByName;

    private Map<String, Model.Var> variablesByName() {
        Map<String, Model.Var> m = variablesByName;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (Model.Var v : model().variables()) {
                m.put(v.name(), v);
            }
            variablesByName = m;
        }
        return m;
    }

    @Override
    protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
        ChunkEnv env = env(ctx);
        for (Model.Cut c : model().preselection()) {
            cuts.add(c.name(), (BoolColumn) c.expr().eval(env));
        }
    }

    @Override
    protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
        ChunkEnv env = env(ctx);
        for (Model.Cut c : model().cuts()) {
            cuts.add(c.name(), (BoolColumn) c.expr().eval(env));
        }
    }

    @Override
    protected Categories categories() {
        return model().categories();
    }

    @Override
    protected void weights(AnalysisContext ctx, Weights weights) {
        super.weights(ctx, weights);
        DatasetInfo ds = ctx.dataset();
        if (!ds.isMC()) {
            return;
        }
        ChunkEnv env = env(ctx);
        for (Model.WeightDef w : model().weights()) {
            if (!applies(ds, w.datasets(), w.samples())) {
                continue;
            }
            if (w.standard() != null) {
                StandardWeight.Evaluated ev = w.standard().evaluate(env, ctx.variation());
                if (ev.sources().equals(List.of(""))) {
                    weights.add(w.name(), ev.nominal(), ev.ups().get(0), ev.downs().get(0));
                } else if (ev.sources().isEmpty()) {
                    weights.add(w.name(), ev.nominal());
                } else {
                    weights.addMultiVariation(w.name(), ev.nominal(), ev.sources(), ev.ups(), ev.downs());
                }
                continue;
            }
            double[] value = Ops.doubles((Column) w.value().eval(env));
            if (!w.sources().isEmpty()) {
                List<String> names = new ArrayList<>();
                List<double[]> ups = new ArrayList<>();
                List<double[]> downs = new ArrayList<>();
                w.sources().forEach((s, pair) -> {
                    names.add(s);
                    ups.add(Ops.doubles((Column) pair[0].eval(env)));
                    downs.add(Ops.doubles((Column) pair[1].eval(env)));
                });
                weights.addMultiVariation(w.name(), value, names, ups, downs);
            } else if (w.up() == null && w.down() == null) {
                weights.add(w.name(), value);
            } else {
                double[] up = w.up() == null ? value : Ops.doubles((Column) w.up().eval(env));
                double[] down = w.down() == null ? value : Ops.doubles((Column) w.down().eval(env));
                weights.add(w.name(), value, up, down);
            }
        }
    }

    private Hist twoD(Model.HistDef def, AnalysisContext ctx) {
        List<String> variations = new ArrayList<>();
        variations.add(NOMINAL);
        if (ctx.dataset().isMC()) {
            variations.addAll(shapeVariations(ctx.dataset()));
        }
        return Hist.builder().name(def.name())
                .axis(StrCategoryAxis.of(CATEGORY_AXIS, model().categories().names().toArray(String[]::new)))
                .axis(StrCategoryAxis.growing(Hist.VARIATION_AXIS, variations.toArray(String[]::new)))
                .axis(def.axis()).axis(def.axis2()).storage(Storage.WEIGHT).build();
    }

    /** Saves the declared columns of the nominal pass, one part per chunk, in input order after the merge. */
    @Override
    protected AccumulatorMap processExtra(AnalysisContext ctx, AccumulatorMap out) {
        if (!ctx.isNominal() || model().columns().isEmpty()) {
            return out;
        }
        ChunkEnv env = env(ctx);
        for (Model.ColumnsDef c : model().columns()) {
            BoolColumn mask = ctx.preselectionMask();
            if (c.category() != null) {
                mask = (BoolColumn) Ops.logic("&&", mask, ctx.categoryMasks().get(c.category()));
            }
            Map<String, Column> cols = new LinkedHashMap<>();
            for (Map.Entry<String, org.crema.configs.internal.expr.Compiled> v : c.values().entrySet()) {
                cols.put(v.getKey(), Selection.filterEvents((Column) v.getValue().eval(env), mask));
            }
            out = out.with(c.key(), ColumnListAccumulator.of(ctx.events().chunk().key(), cols));
        }
        return out;
    }

    @Override
    protected List<HistogramSpec> histograms() {
        List<HistogramSpec> out = new ArrayList<>();
        for (Model.HistDef h : model().histograms()) {
            if (h.axis2() == null) {
                out.add(new HistogramSpec(h.name(), h.axis(), ctx -> h.expr().eval(env(ctx))));
            }
        }
        return out;
    }

    /** Fills as the base class does, but only the categories and variations each histogram names. */
    @Override
    protected void fillHistograms(AnalysisContext ctx, Map<String, HistogramSpec> specs, Map<String, Hist> hists) {
        Map<String, Model.HistDef> defs = new LinkedHashMap<>();
        boolean restricted = false;
        for (Model.HistDef h : model().histograms()) {
            defs.put(h.name(), h);
            restricted |= !h.categories().isEmpty() || h.variations() != null || h.axis2() != null;
        }
        Weights w = ctx.weights();
        // factors this chunk carries that apply to some categories only
        Map<String, Set<String>> partial = new LinkedHashMap<>();
        for (Model.WeightDef wd : model().weights()) {
            if (!wd.categories().isEmpty() && w.names().contains(wd.name())) {
                partial.put(wd.name(), wd.categories());
            }
        }
        if (!restricted && partial.isEmpty()) {
            super.fillHistograms(ctx, specs, hists);
            return;
        }
        // weights per set of left-out factors, shared by the categories and histograms that need it
        Map<List<String>, Map<String, double[]>> byExclusion = new java.util.HashMap<>();
        for (Model.HistDef def : defs.values()) {
            if (!ctx.isNominal() && def.variations() != null && !def.variations().contains(ctx.variation())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            names.add(ctx.variation());
            if (ctx.isNominal() && ctx.dataset().isMC()) {
                for (String v : w.variations()) {
                    if (def.variations() == null || def.variations().contains(v)) {
                        names.add(v);
                    }
                }
            }
            Object values = def.expr().eval(env(ctx));
            Object values2 = def.axis2() == null ? null : def.expr2().eval(env(ctx));
            // the processor builds 1-D histograms from histograms(); 2-D ones are built here, with the same
            // category and variation axes, so they merge, scale and export like the others
            Hist h = def.axis2() == null ? hists.get(def.name()) : hists.computeIfAbsent(def.name(), k -> twoD(def, ctx));
            for (Map.Entry<String, BoolColumn> cat : ctx.categoryMasks().entrySet()) {
                if (!def.categories().isEmpty() && !def.categories().contains(cat.getKey())) {
                    continue;
                }
                List<String> exclude = new ArrayList<>();
                partial.forEach((factor, cats) -> {
                    if (!cats.contains(cat.getKey())) {
                        exclude.add(factor);
                    }
                });
                Map<String, double[]> cache = byExclusion.computeIfAbsent(exclude, k -> new java.util.HashMap<>());
                double[][] ws = new double[names.size()][];
                for (int i = 0; i < ws.length; i++) {
                    String v = i == 0 ? null : names.get(i);
                    ws[i] = cache.computeIfAbsent(i == 0 ? "" : v,
                            k -> exclude.isEmpty() ? (v == null ? w.weight() : w.weight(v)) : w.weight(v, exclude));
                }
                BoolColumn mask = (BoolColumn) Ops.logic("&&", ctx.preselectionMask(), cat.getValue());
                (values2 == null ? h.filler().values(cat.getKey(), values) : h.filler().values(cat.getKey(), values,
                        values2)).mask(mask).fillVariations(Hist.VARIATION_AXIS, names.toArray(String[]::new), ws);
            }
        }
    }
}
