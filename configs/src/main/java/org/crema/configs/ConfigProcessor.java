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
import org.crema.configs.internal.calib.JetCalibration;
import org.crema.configs.internal.expr.Env;
import org.crema.configs.internal.expr.Ops;
import org.crema.configs.internal.model.Loader;
import org.crema.configs.internal.model.Model;
import org.crema.configs.internal.model.Schema;
import org.crema.configs.internal.yaml.Source;
import org.crema.hist.Hist;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.Categories;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.PackedSelection;
import org.crema.processor.Weights;

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
            return ctx.variable(name);
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

    private static boolean applies(DatasetInfo ds, Set<String> datasets, Set<String> samples) {
        return (datasets.isEmpty() || datasets.contains(ds.name())) && (samples.isEmpty() || samples.contains(ds.sample()));
    }

    // ------------------------------------------------------------------ hooks

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
        for (Map.Entry<String, List<String>> e : m.inputFields().entrySet()) {
            ListColumn<RecordColumn> c = ctx.collection(e.getKey(), e.getValue().toArray(String[]::new));
            JetCalibration cal = m.calibrations().get(e.getKey());
            if (cal != null) {
                String kind = "nominal";
                String source = null;
                boolean up = false;
                for (Model.Variation v : m.variations()) {
                    if (v.collection().equals(e.getKey()) && !v.type().equals("scale")) {
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
            for (Model.Variation v : m.variations()) {
                if (!v.collection().equals(e.getKey()) || !v.type().equals("scale")) {
                    continue;
                }
                if (variation.equals(v.name() + "Up")) {
                    c = Ops.scale(c, v.field(), 1f + (float) v.shift());
                } else if (variation.equals(v.name() + "Down")) {
                    c = Ops.scale(c, v.field(), 1f - (float) v.shift());
                }
            }
            ctx.setCollection(e.getKey(), c);
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
        ChunkEnv env = env(ctx);
        for (Model.Var v : model().variables()) {
            ctx.setVariable(v.name(), (Column) v.expr().eval(env));
        }
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

    @Override
    protected List<HistogramSpec> histograms() {
        List<HistogramSpec> out = new ArrayList<>();
        for (Model.HistDef h : model().histograms()) {
            out.add(new HistogramSpec(h.name(), h.axis(), ctx -> h.expr().eval(env(ctx))));
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
            restricted |= !h.categories().isEmpty() || h.variations() != null;
        }
        if (!restricted) {
            super.fillHistograms(ctx, specs, hists);
            return;
        }
        Weights w = ctx.weights();
        for (Map.Entry<String, HistogramSpec> e : specs.entrySet()) {
            Model.HistDef def = defs.get(e.getKey());
            if (!ctx.isNominal() && def.variations() != null && !def.variations().contains(ctx.variation())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<double[]> ws = new ArrayList<>();
            names.add(ctx.variation());
            ws.add(w.weight());
            if (ctx.isNominal() && ctx.dataset().isMC()) {
                for (String v : w.variations()) {
                    if (def.variations() == null || def.variations().contains(v)) {
                        names.add(v);
                        ws.add(w.weight(v));
                    }
                }
            }
            Object values = e.getValue().values().apply(ctx);
            Hist h = hists.get(e.getKey());
            for (Map.Entry<String, BoolColumn> cat : ctx.categoryMasks().entrySet()) {
                if (!def.categories().isEmpty() && !def.categories().contains(cat.getKey())) {
                    continue;
                }
                BoolColumn mask = (BoolColumn) Ops.logic("&&", ctx.preselectionMask(), cat.getValue());
                h.filler().values(cat.getKey(), values).mask(mask)
                        .fillVariations(Hist.VARIATION_AXIS, names.toArray(String[]::new), ws.toArray(double[][]::new));
            }
        }
    }
}
