package org.crema.configs.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.configs.ConfigException;
import org.crema.configs.Diagnostic;
import org.crema.configs.internal.calib.JetCalibration;
import org.crema.configs.internal.calib.MetCalibration;
import org.crema.configs.internal.calib.MuonCalibration;
import org.crema.configs.internal.expr.Ast;
import org.crema.configs.internal.expr.Compiled;
import org.crema.configs.internal.expr.Compiler;
import org.crema.configs.internal.expr.ExprException;
import org.crema.configs.internal.expr.Parser;
import org.crema.configs.internal.expr.Scope;
import org.crema.configs.internal.expr.Suggest;
import org.crema.configs.internal.expr.Type.Kind;
import org.crema.configs.internal.expr.Type.Shape;
import org.crema.configs.internal.expr.Type;
import org.crema.configs.internal.weights.StandardWeight;
import org.crema.configs.internal.yaml.Source;
import org.crema.configs.internal.yaml.YNode.YMap;
import org.crema.configs.internal.yaml.YNode.YScalar;
import org.crema.configs.internal.yaml.YNode.YSeq;
import org.crema.configs.internal.yaml.YNode;
import org.crema.configs.internal.yaml.YamlSyntaxException;
import org.crema.configs.internal.yaml.YamlTree;
import org.crema.correctionlib.CorrectionException;
import org.crema.correctionlib.CorrectionSet;
import org.crema.correctionlib.Corrector;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.btag.BTagShapeSf;
import org.crema.corrections.weights.ObjectScaleFactors;
import org.crema.corrections.weights.PileupWeights;
import org.crema.hist.Axis;
import org.crema.hist.IntegerAxis;
import org.crema.hist.RegularAxis;
import org.crema.hist.VariableAxis;
import org.crema.processor.analysis.Categories;
import org.crema.processor.run.Fileset;

/**
 * Turns configuration text into a {@link Model}: checks every key, resolves parameters, reads the
 * input schema, type-checks and compiles every expression, and lints the systematics. Errors are
 * collected, not thrown one at a time, so one run reports all of them.
 */
public final class Loader {
    private static final Pattern PARAM = Pattern.compile("\\$\\{([^}]*)}");
    private static final List<String> VARIATION_TYPES = List.of("scale", "jer", "jes", "rochester", "expression",
            MetCalibration.UNCLUSTERED);
    private static final List<String> CALIBRATION_TYPES = List.of("jets", MetCalibration.TYPE);
    private static final List<String> AXIS_TYPES = List.of("regular", "variable", "integer");
    /** Weight types → the keys each takes besides {@link #WEIGHT_COMMON_KEYS}. */
    private static final Map<String, List<String>> WEIGHT_TYPES = weightTypes();
    private static final List<String> WEIGHT_COMMON_KEYS = List.of("type", "datasets", "samples", "categories");

    private static Map<String, List<String>> weightTypes() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("expression", List.of("value", "up", "down", "sources"));
        m.put("pileup", List.of("file", "correction"));
        m.put("leptonSF", List.of("collection", "file", "correction", "year", "workingPoint", "ptRange"));
        m.put("btagShape", List.of("collection", "file", "correction", "discriminant", "systematics"));
        m.put("btagWP", List.of("collection", "file", "correction", "lightCorrection", "workingPoint", "discriminant",
                "threshold", "efficiency"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private final Source source;
    private final Path baseDir;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private Map<String, Object> parameters;
    private Schema schema;
    private YMap rootNode;

    // Names defined so far, in order, as the scopes see them.
    private final Map<String, Map<String, Kind>> derived = new LinkedHashMap<>();
    private final Map<String, String> roots = new LinkedHashMap<>();
    private final Map<String, Type> variables = new LinkedHashMap<>();
    private final Map<String, LinkedHashSet<String>> used = new LinkedHashMap<>();
    private final Set<String> flatUsed = new LinkedHashSet<>();
    private final Map<String, LinkedHashSet<String>> simulationUsed = new LinkedHashMap<>();

    private Loader(Source source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    /**
     * @param source the configuration text
     * @param baseDir folder relative paths resolve against
     * @param givenSchema the input schema, or null to read it from the first file of the datasets
     * @param readFileset true to read the datasets (false inside a processor, which is given chunks)
     * @return the compiled model
     * @throws ConfigException listing every error
     */
    public static Model load(Source source, Path baseDir, Schema givenSchema, boolean readFileset) {
        Loader l = new Loader(source, baseDir);
        YNode root;
        try {
            root = YamlTree.parse(source);
        } catch (YamlSyntaxException e) {
            throw new ConfigException(List.of(l.diag(Diagnostic.Severity.ERROR, e.line(), e.column(), e.getMessage())));
        }
        Model m = l.model(root, givenSchema, readFileset);
        if (!l.errors.isEmpty()) {
            throw new ConfigException(l.errors);
        }
        return m;
    }

    // ------------------------------------------------------------------ diagnostics

    private Diagnostic diag(Diagnostic.Severity s, int line, int column, String message) {
        return new Diagnostic(s, source.name(), line, column, message, source.line(line));
    }

    private void error(int line, int column, String message) {
        errors.add(diag(Diagnostic.Severity.ERROR, line, column, message));
    }

    private void error(YNode at, String message) {
        error(at.line(), at.column(), message);
    }

    private void warn(YNode at, String message) {
        warnings.add(diag(Diagnostic.Severity.WARNING, at.line(), at.column(), message));
    }

    private void keyError(YNode.Entry e, String message) {
        error(e.line(), e.column(), message);
    }

    // ------------------------------------------------------------------ structure

    /** Checks a map's keys against {@link Keys#SECTIONS}; returns null (with an error) for a non-map. */
    private YMap section(YNode n, String path, String display) {
        if (!(n instanceof YMap m)) {
            error(n, display + " must be a map, got " + n.describe());
            return null;
        }
        List<String> allowed = Keys.SECTIONS.get(path);
        if (allowed != null) {
            for (YNode.Entry e : m.map().values()) {
                if (!allowed.contains(e.key())) {
                    keyError(e, "unknown key '" + e.key() + "' in " + display + Suggest.didYouMean(e.key(), allowed)
                            + "; expected one of " + allowed);
                }
            }
        }
        return m;
    }

    private YMap namedMap(YNode n, String display) {
        if (n instanceof YScalar s && s.isNull()) {
            return new YMap(n.line(), n.column(), new LinkedHashMap<>());
        }
        if (!(n instanceof YMap m)) {
            error(n, display + " must be a map of name: definition, got " + n.describe());
            return null;
        }
        return m;
    }

    private String string(YNode n, String what) {
        if (n instanceof YScalar s && !s.isNull()) {
            return interpolate(s);
        }
        error(n, what + " must be a string, got " + n.describe());
        return null;
    }

    private String interpolate(YScalar s) {
        Matcher mt = PARAM.matcher(s.text());
        StringBuilder sb = new StringBuilder();
        while (mt.find()) {
            Object v = parameter(mt.group(1).trim());
            if (v == null) {
                error(s.line(), s.column() + mt.start() + 2, "undefined parameter '" + mt.group(1).trim() + "'"
                        + Suggest.didYouMean(mt.group(1).trim(), parameterPaths()));
                mt.appendReplacement(sb, "");
            } else {
                mt.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(v)));
            }
        }
        mt.appendTail(sb);
        return sb.toString();
    }

    private Double number(YNode n, String what) {
        String t = string(n, what);
        if (t == null) {
            return null;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            error(n, what + " must be a number, got '" + t + "'");
            return null;
        }
    }

    private Integer integer(YNode n, String what) {
        String t = string(n, what);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            error(n, what + " must be an integer, got '" + t + "'");
            return null;
        }
    }

    private Boolean bool(YNode n, String what) {
        String t = string(n, what);
        if (t == null) {
            return null;
        }
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        error(n, what + " must be true or false, got '" + t + "'");
        return null;
    }

    private List<String> strings(YNode n, String what) {
        List<String> out = new ArrayList<>();
        if (n instanceof YScalar s && !s.isNull()) {
            out.add(interpolate(s));
        } else if (n instanceof YSeq seq) {
            for (YNode i : seq.items()) {
                String v = string(i, what + " entry");
                if (v != null) {
                    out.add(v);
                }
            }
        } else if (!(n instanceof YScalar s2 && s2.isNull())) {
            error(n, what + " must be a string or a list of strings, got " + n.describe());
        }
        return out;
    }

    // ------------------------------------------------------------------ parameters

    private Object parameter(String path) {
        Object cur = parameters;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }

    private List<String> parameterPaths() {
        List<String> out = new ArrayList<>();
        collectPaths("", parameters, out);
        return out;
    }

    private static void collectPaths(String prefix, Object v, List<String> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> collectPaths(prefix.isEmpty() ? k.toString() : prefix + "." + k, x, out));
        } else {
            out.add(prefix);
        }
    }

    /** The bundled defaults. */
    public static Map<String, Object> defaultParameters() {
        try (InputStream in = Loader.class.getResourceAsStream("/org/crema/configs/parameters.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) plain(YamlTree.parse(Source.of("parameters.yaml", text)));
            return m;
        } catch (IOException e) {
            throw new ConfigException("cannot read the bundled parameters.yaml: " + e.getMessage(), e);
        }
    }

    /** A YAML node as plain Java values: maps, lists, strings, longs, doubles, booleans. */
    static Object plain(YNode n) {
        return switch (n) {
            case YMap m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.map().forEach((k, e) -> out.put(k, plain(e.value())));
                yield out;
            }
            case YSeq s -> {
                List<Object> out = new ArrayList<>();
                s.items().forEach(i -> out.add(plain(i)));
                yield out;
            }
            case YScalar s -> {
                if (s.isNull()) {
                    yield null;
                }
                if (s.quoted()) {
                    yield s.text();
                }
                String t = s.text();
                if (t.equals("true") || t.equals("false")) {
                    yield Boolean.valueOf(t);
                }
                try {
                    yield Long.valueOf(t);
                } catch (NumberFormatException e) {
                    try {
                        yield Double.valueOf(t);
                    } catch (NumberFormatException e2) {
                        yield t;
                    }
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> over) {
        over.forEach((k, v) -> {
            Object old = into.get(k);
            if (old instanceof Map<?, ?> om && v instanceof Map<?, ?> vm) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) om);
                merge(copy, (Map<String, Object>) vm);
                into.put(k, copy);
            } else {
                into.put(k, v);
            }
        });
    }

    // ------------------------------------------------------------------ the model

    private Model model(YNode rootYaml, Schema givenSchema, boolean readFileset) {
        YMap root = section(rootYaml, "", "the top level");
        if (root == null) {
            return null;
        }
        this.rootNode = root;
        parameters = defaultParameters();
        YNode pn = root.get("parameters");
        if (pn != null) {
            if (pn instanceof YMap pm) {
                @SuppressWarnings("unchecked")
                Map<String, Object> over = (Map<String, Object>) plain(pm);
                merge(parameters, over);
            } else {
                error(pn, "parameters must be a map, got " + pn.describe());
            }
        }
        Map<String, Double> lumi = luminosity();

        String name = root.get("name") == null ? source.name() : string(root.get("name"), "name");
        Fileset fileset = null;
        YNode ds = root.get("datasets");
        if (readFileset) {
            if (ds == null) {
                error(root, "missing key 'datasets'; expected datasets: {fileset: FILE.json} or datasets: {inline: ...}");
            } else {
                fileset = datasets(ds);
            }
        }
        if (fileset != null) {
            checkYears(fileset, ds, lumi);
        }
        schema = givenSchema;
        if (schema == null && fileset != null) {
            schema = schemaOf(fileset, ds);
        }
        if (schema == null) {
            if (errors.isEmpty()) {
                error(root, "no input file to read the branch list from; expected at least one dataset with files");
            }
            return null;
        }

        Map<String, Map<String, Compiled>> subsamples = subsamples(ds, fileset);
        List<Model.Cut> skim = cuts(root.get("skim"), "skim", Stage.SKIM);
        Map<String, JetCalibration> calibrations = calibrations(root.get("calibrations"));
        List<Model.Variation> variations = variations(root.get("variations"), calibrations);
        List<Model.ObjectDef> objects = objects(root.get("objects"));
        List<Model.Var> vars = variables(root.get("variables"));
        List<Model.Cut> presel = cuts(root.get("preselection"), "preselection", Stage.EVENT);
        List<Model.Cut> cuts = cuts(root.get("cuts"), "cuts", Stage.EVENT);
        Categories categories = categories(root.get("categories"), cuts, root);
        List<Model.WeightDef> weights = weights(root.get("weights"), categories, variations);
        List<Model.HistDef> hists = histograms(root.get("histograms"), categories, variations, weights);
        List<Model.ColumnsDef> columns = columns(root.get("columns"), categories);
        lint(root, variations, weights, hists);

        Map<String, List<String>> inputFields = new LinkedHashMap<>();
        used.forEach((coll, fields) -> {
            List<String> f = new ArrayList<>(fields);
            f.remove(null);
            if (f.isEmpty()) {
                // Counting needs one branch of the collection; its first field is as good as any.
                f.add(schema.collections().get(coll).keySet().iterator().next());
            }
            inputFields.put(coll, f);
        });
        Map<String, List<String>> simulationFields = new LinkedHashMap<>();
        simulationUsed.forEach((coll, fields) -> {
            List<String> extra = new ArrayList<>(fields);
            extra.removeAll(inputFields.getOrDefault(coll, List.of()));
            if (!extra.isEmpty()) {
                simulationFields.put(coll, List.copyOf(extra));
            }
        });
        return new Model(name, parameters, lumi, fileset, schema, inputFields, simulationFields, subsamples, skim,
                calibrations, variations, objects, vars, presel, cuts, categories, weights, hists, columns,
                List.copyOf(warnings), Map.copyOf(muonCalibrations), Map.copyOf(metCalibrations));
    }

    /** Simulation is normalised to the luminosity of its year: a year without one is an error here, not after the run. */
    private void checkYears(Fileset fileset, YNode at, Map<String, Double> lumi) {
        fileset.datasets().forEach((name, d) -> {
            String year = d.info().year();
            if (d.info().isMC() && !Double.isNaN(d.info().xsec()) && !lumi.containsKey(year)) {
                error(at, "dataset '" + name + "' has year '" + year + "', which has no luminosity in the parameters"
                        + Suggest.didYouMean(year, lumi.keySet()) + "; expected one of " + lumi.keySet()
                        + ", or add it under parameters: {lumi: {" + (year.isEmpty() ? "YEAR" : year) + ": PB}}");
            }
        });
    }

    private Map<String, Double> luminosity() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (parameters.get("lumi") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof Number n) {
                    out.put(k.toString(), n.doubleValue());
                }
            });
        }
        return out;
    }

    // ------------------------------------------------------------------ datasets

    private Fileset datasets(YNode n) {
        YMap m = section(n, "datasets", "datasets");
        if (m == null) {
            return null;
        }
        Map<String, Fileset.Dataset> all = new LinkedHashMap<>();
        YNode fs = m.get("fileset");
        if (fs != null) {
            String p = string(fs, "datasets.fileset");
            if (p != null) {
                Path path = baseDir.resolve(p);
                if (!Files.isRegularFile(path)) {
                    error(fs, "fileset " + path + " does not exist; expected a datasets JSON file (relative paths"
                            + " resolve against the configuration's folder)");
                } else {
                    try {
                        all.putAll(Fileset.read(path).datasets());
                    } catch (RuntimeException e) {
                        error(fs, e.getMessage());
                    }
                }
            }
        }
        YNode inline = m.get("inline");
        if (inline != null) {
            YMap im = namedMap(inline, "datasets.inline");
            if (im != null) {
                for (YNode.Entry e : im.map().values()) {
                    YMap d = section(e.value(), "datasets.inline.*", "dataset '" + e.key() + "'");
                    if (d == null) {
                        continue;
                    }
                    if (d.get("files") == null) {
                        error(d, "dataset '" + e.key() + "' needs 'files': a list of ROOT files or globs");
                        continue;
                    }
                    try {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> def = (Map<String, Object>) plain(d);
                        def.remove("subsamples"); // the loader's, not the fileset's
                        String json = new ObjectMapper().writeValueAsString(Map.of(e.key(), def));
                        Fileset f = Fileset.parse(json, baseDir);
                        all.putAll(f.datasets());
                    } catch (IOException | RuntimeException ex) {
                        error(d, "dataset '" + e.key() + "': " + ex.getMessage());
                    }
                }
            }
        }
        if (fs == null && inline == null) {
            error(m, "datasets needs 'fileset' (a datasets JSON file) or 'inline' datasets");
        }
        allDatasets.addAll(all.keySet());
        YNode sel = m.get("select");
        Fileset fileset = new Fileset(fs == null ? null : baseDir.resolve(fs instanceof YScalar s ? s.text() : ""), all);
        if (sel != null) {
            YMap sm = section(sel, "datasets.select", "datasets.select");
            if (sm != null) {
                fileset = select(fileset, strings(orNull(sm.get("datasets")), "datasets.select.datasets"),
                        strings(orNull(sm.get("samples")), "datasets.select.samples"),
                        strings(orNull(sm.get("years")), "datasets.select.years"));
            }
        }
        return fileset;
    }

    /** Every dataset name, before {@code datasets.select}: subsamples may name one that is not selected. */
    private final Set<String> allDatasets = new LinkedHashSet<>();

    /**
     * The subsamples of {@code datasets.inline.*.subsamples} and {@code datasets.subsamples}. Read also
     * inside a processor (which is given chunks, not the fileset); names are checked against the
     * datasets only when those were read.
     *
     * @return parent dataset → subsample name → per-event mask over input branches
     */
    private Map<String, Map<String, Compiled>> subsamples(YNode datasets, Fileset fileset) {
        Map<String, Map<String, Compiled>> out = new LinkedHashMap<>();
        if (!(datasets instanceof YMap m)) {
            return out;
        }
        Map<String, YNode.Entry> at = new LinkedHashMap<>();
        if (m.get("inline") instanceof YMap inline) {
            for (YNode.Entry e : inline.map().values()) {
                if (e.value() instanceof YMap d && d.get("subsamples") != null) {
                    subsampleSet(e.key(), d.get("subsamples"), out, at);
                }
            }
        }
        YNode fromFileset = m.get("subsamples");
        if (fromFileset != null) {
            YMap sm = namedMap(fromFileset, "datasets.subsamples");
            for (YNode.Entry e : sm == null ? List.<YNode.Entry>of() : sm.map().values()) {
                if (fileset != null && !allDatasets.contains(e.key())) {
                    keyError(e, "datasets.subsamples names an undefined dataset '" + e.key() + "'"
                            + Suggest.didYouMean(e.key(), allDatasets) + "; expected one of " + allDatasets);
                    continue;
                }
                if (out.containsKey(e.key())) {
                    keyError(e, "dataset '" + e.key() + "' has subsamples both inline and in datasets.subsamples;"
                            + " expected one place");
                    continue;
                }
                subsampleSet(e.key(), e.value(), out, at);
            }
        }
        if (fileset != null) {
            at.forEach((name, e) -> {
                if (allDatasets.contains(name)) {
                    keyError(e, "subsample '" + name + "' has the name of a dataset; expected a new dataset name");
                }
            });
        }
        return out;
    }

    private void subsampleSet(String parent, YNode n, Map<String, Map<String, Compiled>> out,
            Map<String, YNode.Entry> at) {
        String what = "subsamples of dataset '" + parent + "'";
        YMap m = namedMap(n, what);
        if (m == null) {
            return;
        }
        if (m.map().isEmpty()) {
            error(m, what + " must name at least one subsample: NAME: \"per-event boolean expression\"");
            return;
        }
        Map<String, Compiled> set = new LinkedHashMap<>();
        for (YNode.Entry e : m.map().values()) {
            YNode.Entry first = at.putIfAbsent(e.key(), e);
            if (first != null) {
                keyError(e, "subsample '" + e.key() + "' is defined twice (first at line " + first.line()
                        + "); every subsample is a dataset of its own and needs its own name");
                continue;
            }
            String cut = "subsample '" + e.key() + "'";
            Compiled c = expr(e.value(), cut, new ScopeImpl(Stage.SKIM, null));
            if (require(e.value(), c, cut, false, Kind.BOOL)) {
                set.put(e.key(), c);
            }
        }
        out.put(parent, set);
    }

    private static YNode orNull(YNode n) {
        return n == null ? new YScalar(0, 0, "", false, true) : n;
    }

    /**
     * @param fs a fileset
     * @param datasets dataset names to keep (empty = all)
     * @param samples samples to keep (empty = all)
     * @param years years to keep (empty = all)
     * @return the datasets that pass every filter
     */
    public static Fileset select(Fileset fs, Collection<String> datasets, Collection<String> samples,
            Collection<String> years) {
        Map<String, Fileset.Dataset> out = new LinkedHashMap<>();
        fs.datasets().forEach((k, d) -> {
            if ((datasets.isEmpty() || datasets.contains(k))
                    && (samples.isEmpty() || samples.contains(d.info().sample()))
                    && (years.isEmpty() || years.contains(d.info().year()))) {
                out.put(k, d);
            }
        });
        return new Fileset(fs.source(), out);
    }

    private Schema schemaOf(Fileset fs, YNode at) {
        for (Fileset.Dataset d : fs.datasets().values()) {
            if (!d.files().isEmpty()) {
                String file = d.files().get(0);
                try {
                    return Inputs.schema(Path.of(file), d.treeNames().get(0));
                } catch (RuntimeException e) {
                    error(at, "cannot read the branch list of " + file + ": " + e.getMessage());
                    return null;
                }
            }
        }
        error(at, "no dataset has files; expected at least one file to read the branch list from");
        return null;
    }

    // ------------------------------------------------------------------ expressions

    private enum Stage {
        /** raw events: branches and input collections */
        SKIM,
        /** after objects and variables */
        EVENT
    }

    private final class ScopeImpl implements Scope {
        private final Stage stage;
        private final String self;

        ScopeImpl(Stage stage, String self) {
            this.stage = stage;
            this.self = self;
        }

        @Override
        public Type variable(String name) {
            return stage == Stage.SKIM ? null : variables.get(name);
        }

        @Override
        public Map<String, Kind> collection(String name) {
            if (stage != Stage.SKIM && derived.containsKey(name)) {
                return derived.get(name);
            }
            return schema.collections().get(name);
        }

        @Override
        public Kind branch(String name) {
            Kind k = schema.flat().get(name);
            if (k != null) {
                flatUsed.add(name);
            }
            return k;
        }

        @Override
        public String self() {
            return self;
        }

        @Override
        public String[] reference(String collection, String name) {
            List<String> idx = switch (name) {
                case "matchedGen" -> List.of("genJetIdx", "genPartIdx");
                case "matchedJet" -> List.of("jetIdx");
                case "matchedMuon" -> List.of("muonIdx");
                case "matchedElectron" -> List.of("electronIdx");
                case "matchedPhoton" -> List.of("photonIdx");
                case "matchedTau" -> List.of("tauIdx");
                case "mother" -> List.of("genPartIdxMother");
                default -> List.of();
            };
            Map<String, Kind> fields = collection(collection);
            String root = roots.getOrDefault(collection, collection);
            for (String f : idx) {
                if (fields != null && fields.containsKey(f)) {
                    String target = org.crema.nano.NanoSchema.nanoAOD().target(root, f, schema.collections().keySet());
                    if (target != null) {
                        return new String[] {f, target};
                    }
                }
            }
            return null;
        }

        @Override
        public Collection<String> names() {
            List<String> out = new ArrayList<>();
            if (stage != Stage.SKIM) {
                out.addAll(variables.keySet());
                out.addAll(derived.keySet());
            }
            out.addAll(schema.collections().keySet());
            out.addAll(schema.flat().keySet());
            return out;
        }

        @Override
        public void use(String collection, String field) {
            String root = roots.getOrDefault(collection, collection);
            if (schema.collections().containsKey(root)) {
                used.computeIfAbsent(root, k -> new LinkedHashSet<>()).add(field);
            }
        }
    }

    /** Parses and compiles one expression, reporting errors at their column; null on error. */
    private Compiled expr(YNode n, String what, Scope scope) {
        if (!(n instanceof YScalar s) || s.isNull()) {
            error(n, what + " must be an expression string, got " + n.describe());
            return null;
        }
        try {
            Ast ast = Parser.parse(s.text(), this::parameter);
            return Compiler.compile(ast, scope);
        } catch (ExprException e) {
            int col = s.column() + (s.text().indexOf('\n') < 0 ? e.offset() : 0);
            error(s.line(), col, "in " + what + ": " + e.getMessage());
            return null;
        }
    }

    private boolean require(YNode at, Compiled c, String what, boolean perObject, Kind kind) {
        if (c == null) {
            return false;
        }
        Type t = c.type();
        boolean shapeOk = perObject ? t.shape() == Shape.JAGGED || t.shape() == Shape.CONST
                : t.shape() == Shape.EVENT || t.shape() == Shape.CONST;
        boolean kindOk = kind == null ? t.isValue() && t.kind() != Kind.BOOL : t.kind() == kind;
        if (!shapeOk || !kindOk) {
            String expected = (perObject ? "one " : "a per-event ") + (kind == null ? "number" : kind.name().toLowerCase())
                    + (perObject ? " per object" : "");
            error(at, what + " must be " + expected + ", got a " + t);
            return false;
        }
        return true;
    }

    private List<Model.Cut> cuts(YNode n, String section, Stage stage) {
        List<Model.Cut> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        YMap m = namedMap(n, section);
        if (m == null) {
            return out;
        }
        for (YNode.Entry e : m.map().values()) {
            String what = section + " cut '" + e.key() + "'";
            Compiled c = expr(e.value(), what, new ScopeImpl(stage, null));
            if (require(e.value(), c, what, false, Kind.BOOL)) {
                out.add(new Model.Cut(e.key(), c));
            }
        }
        return out;
    }

    /** A parameter reference standing for a whole value ({@code ${jec.2022.levels}}), or the node itself. */
    private Object value(YNode n) {
        if (n instanceof YScalar s && !s.quoted() && s.text().startsWith("${") && s.text().endsWith("}")
                && s.text().indexOf("${", 1) < 0) {
            String path = s.text().substring(2, s.text().length() - 1).trim();
            Object v = parameter(path);
            if (v == null) {
                error(s.line(), s.column() + 2, "undefined parameter '" + path + "'"
                        + Suggest.didYouMean(path, parameterPaths()));
            }
            return v;
        }
        if (n instanceof YSeq seq) {
            List<Object> out = new ArrayList<>();
            for (YNode i : seq.items()) {
                out.add(i instanceof YScalar sc ? interpolate(sc) : plain(i));
            }
            return out;
        }
        return n instanceof YScalar s ? interpolate(s) : plain(n);
    }

    private Path correctionFile(YNode at, Object v, String what) {
        if (!(v instanceof String s)) {
            error(at, what + " must be a file name, got " + (v == null ? "nothing" : v));
            return null;
        }
        Object dir = parameter("corrections.dir");
        Path base = dir == null ? baseDir : baseDir.resolve(dir.toString());
        return base.resolve(s).normalize();
    }

    private Map<String, JetCalibration> calibrations(YNode n) {
        Map<String, JetCalibration> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        YMap m = namedMap(n, "calibrations");
        if (m == null) {
            return out;
        }
        for (YNode.Entry e : m.map().values()) {
            String what = "calibration '" + e.key() + "'";
            YMap c = section(e.value(), "calibrations.*", what);
            if (c == null) {
                continue;
            }
            if (c.get("type") instanceof YScalar t && MetCalibration.TYPE.equals(value(t))) {
                met(c, e, what);
                continue;
            }
            Map<String, Kind> fields = schema.collections().get(e.key());
            if (fields == null) {
                keyError(e, what + ": no input collection '" + e.key() + "'"
                        + Suggest.didYouMean(e.key(), schema.collections().keySet()));
                continue;
            }
            if (c.get(MuonCalibration.KEY) != null) {
                rochester(c, e.key(), fields, what);
                continue;
            }
            String type = c.get("type") == null ? null : string(c.get("type"), what + " type");
            if (type == null || !CALIBRATION_TYPES.contains(type)) {
                error(c.get("type") == null ? c : c.get("type"), what + " needs 'type'; expected one of "
                        + CALIBRATION_TYPES);
                continue;
            }
            if (c.get("jets") != null) {
                keyError(c.map().get("jets"), what + ": 'jets' is a key of a met calibration; the MET follows these"
                        + " jets with a separate entry, e.g. MET: {type: met, jets: " + e.key() + "}");
            }
            for (String f : JetCalibration.FIELDS) {
                if (!fields.containsKey(f)) {
                    keyError(e, what + ": " + e.key() + " has no field '" + f + "', which JEC and JER need");
                }
            }
            if (!schema.flat().containsKey(JetCalibration.RHO)) {
                keyError(e, what + ": the input has no branch " + JetCalibration.RHO + ", which JEC needs");
            }
            List<Path> levels = new ArrayList<>();
            YNode jecNode = c.get("jec");
            if (jecNode == null) {
                error(c, what + " needs 'jec': the JEC level files in order");
                continue;
            }
            Object jec = value(jecNode);
            if (jec instanceof List<?> l) {
                for (Object o : l) {
                    Path p = correctionFile(jecNode, o, what + " jec level");
                    if (p != null) {
                        levels.add(p);
                    }
                }
            } else {
                error(jecNode, what + " jec must be a list of files, got " + jec);
            }
            Path res = c.get("jerResolution") == null ? null
                    : correctionFile(c.get("jerResolution"), value(c.get("jerResolution")), what + " jerResolution");
            Path sf = c.get("jerScaleFactor") == null ? null
                    : correctionFile(c.get("jerScaleFactor"), value(c.get("jerScaleFactor")), what + " jerScaleFactor");
            Path junc = c.get("jesSources") == null ? null
                    : correctionFile(c.get("jesSources"), value(c.get("jesSources")), what + " jesSources");
            if (res == null || sf == null) {
                error(c, what + " needs 'jerResolution' and 'jerScaleFactor' files");
                continue;
            }
            pendingCalibrations.put(e.key(), new JetCalibration.Files(levels, res, sf, junc, new ArrayList<>()));
            pendingNodes.put(e.key(), c);
            ScopeImpl s = new ScopeImpl(Stage.EVENT, null);
            for (String f : JetCalibration.FIELDS) {
                s.use(e.key(), f);
            }
        }
        return out;
    }

    private final Map<String, JetCalibration.Files> pendingCalibrations = new LinkedHashMap<>();
    private final Map<String, MuonCalibration> muonCalibrations = new LinkedHashMap<>();

    private void rochester(YMap c, String coll, Map<String, Kind> fields, String what) {
        YNode at = c.get(MuonCalibration.KEY);
        Path file = correctionFile(at, value(at), what + " " + MuonCalibration.KEY);
        if (file == null) {
            return;
        }
        MuonCalibration cal = new MuonCalibration(coll, file);
        String problem = cal.problem(fields);
        if (problem != null) {
            error(at, what + ": " + problem);
            return;
        }
        muonCalibrations.put(coll, cal);
        ScopeImpl s = new ScopeImpl(Stage.EVENT, null);
        for (String f : MuonCalibration.FIELDS) {
            s.use(coll, f);
        }
    }
    private final Map<String, YMap> pendingNodes = new LinkedHashMap<>();

    // ------------------------------------------------------------------ MET propagation

    private final Map<String, MetCalibration> metCalibrations = new LinkedHashMap<>();

    /** A {@code type: met} calibration: the key names the MET branches, {@code jets} the collection it follows. */
    private void met(YMap c, YNode.Entry e, String what) {
        for (String k : c.map().keySet()) {
            if (!k.equals("type") && !k.equals("jets")) {
                YNode.Entry bad = c.map().get(k);
                keyError(bad, what + ": '" + k + "' is not a key of a met calibration; expected 'type' and 'jets'");
            }
        }
        String jets = need(c, "jets", what);
        if (jets == null) {
            return;
        }
        Map<String, Kind> fields = schema.collections().get(jets);
        if (fields == null) {
            error(c.get("jets"), what + " jets: no input collection '" + jets + "'"
                    + Suggest.didYouMean(jets, schema.collections().keySet()) + "; expected the jet collection"
                    + " the MET follows, e.g. Jet");
            return;
        }
        MetCalibration cal = new MetCalibration(e.key(), jets);
        String problem = cal.branchProblem(schema.flat());
        if (problem != null) {
            keyError(e, what + ": " + problem);
            return;
        }
        problem = cal.jetProblem(fields);
        if (problem != null) {
            error(c.get("jets"), what + " jets: " + problem);
            return;
        }
        metCalibrations.put(e.key(), cal);
        ScopeImpl s = new ScopeImpl(Stage.EVENT, null);
        for (String f : MetCalibration.JET_FIELDS) {
            s.use(jets, f);
        }
    }

    /** The unclustered-energy variation needs its MET calibration and the shift's branches. */
    private void checkUnclustered(Model.Variation v, YNode.Entry at) {
        MetCalibration cal = metCalibrations.get(v.collection());
        if (cal == null) {
            return; // reported as a variation without its calibration
        }
        for (String b : cal.unclusteredBranches()) {
            if (!schema.flat().containsKey(b)) {
                keyError(at, "variation '" + v.name() + "': the input has no branch " + b + ", which the"
                        + " unclustered-energy variation needs" + Suggest.didYouMean(b, schema.flat().keySet()));
            }
        }
    }

    /**
     * @param collection a varied collection
     * @return whether every MET branch that expressions read follows that collection
     */
    private boolean metFollows(String collection) {
        boolean any = false;
        for (String b : flatUsed) {
            String prefix = b.startsWith("MET_") ? "MET" : b.startsWith("PuppiMET_") ? "PuppiMET" : null;
            if (prefix == null) {
                continue;
            }
            any = true;
            MetCalibration cal = metCalibrations.get(prefix);
            if (cal == null || !cal.jets().equals(collection)) {
                return false;
            }
        }
        return any;
    }

    private List<Model.Variation> variations(YNode n, Map<String, JetCalibration> calibrations) {
        List<Model.Variation> out = variations(n);
        // JES sources are known once the variations are read; then the calibrations are complete.
        pendingCalibrations.forEach((coll, files) -> {
            List<String> sources = new ArrayList<>();
            for (Model.Variation v : out) {
                if (v.type().equals("jes") && v.collection().equals(coll)) {
                    sources.addAll(v.sources());
                }
            }
            if (!sources.isEmpty() && files.jesSources() == null) {
                error(pendingNodes.get(coll), "calibration '" + coll + "' needs 'jesSources' for the jes variations");
            }
            JetCalibration.Files full = new JetCalibration.Files(files.jecLevels(), files.jerResolution(),
                    files.jerScaleFactor(), files.jesSources(), sources);
            Path missing = JetCalibration.missing(full);
            if (missing != null) {
                error(pendingNodes.get(coll), "calibration '" + coll + "': correction file " + missing
                        + " does not exist (relative names resolve against ${corrections.dir})");
            }
            calibrations.put(coll, new JetCalibration(full));
        });
        for (Model.Variation v : out) {
            boolean calibrated = v.type().equals("rochester") ? muonCalibrations.containsKey(v.collection())
                    : v.type().equals(MetCalibration.UNCLUSTERED) ? metCalibrations.containsKey(v.collection())
                    : pendingCalibrations.containsKey(v.collection());
            if (v.type().equals(MetCalibration.UNCLUSTERED) && n instanceof YMap vm) {
                checkUnclustered(v, vm.map().get(v.name()));
            }
            if (!v.type().equals("scale") && !v.type().equals("expression") && !calibrated) {
                error(n, "variation '" + v.name() + "' (" + v.type() + ") needs a calibration of " + v.collection()
                        + " under 'calibrations'");
            }
        }
        return out;
    }

    private List<Model.Variation> variations(YNode n) {
        List<Model.Variation> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        YMap m = namedMap(n, "variations");
        if (m == null) {
            return out;
        }
        for (YNode.Entry e : m.map().values()) {
            YMap v = section(e.value(), "variations.*", "variation '" + e.key() + "'");
            if (v == null) {
                continue;
            }
            String what = "variation '" + e.key() + "'";
            String type = v.get("type") == null ? null : string(v.get("type"), what + " type");
            if (type == null) {
                error(v, what + " needs 'type'; expected one of " + VARIATION_TYPES);
                continue;
            }
            if (!VARIATION_TYPES.contains(type)) {
                error(v.get("type"), "unknown variation type '" + type + "'" + Suggest.didYouMean(type, VARIATION_TYPES)
                        + "; expected one of " + VARIATION_TYPES);
                continue;
            }
            if (!keysFitType(v, type, what)) {
                continue;
            }
            if (type.equals("expression")) {
                Model.Variation x = expressionVariation(e.key(), v, what);
                if (x != null) {
                    out.add(x);
                }
                continue;
            }
            String coll = need(v, "collection", what);
            if (!type.equals("scale")) {
                if (coll == null) {
                    continue;
                }
                List<String> sources = new ArrayList<>();
                if (type.equals("jes")) {
                    if (v.get("sources") == null) {
                        error(v, what + " needs 'sources': the JES source names, e.g. [Absolute, FlavorQCD, Total]");
                        continue;
                    }
                    Object s = value(v.get("sources"));
                    if (s instanceof List<?> l) {
                        l.forEach(x -> sources.add(String.valueOf(x)));
                    } else {
                        sources.add(String.valueOf(s));
                    }
                }
                MuonCalibration.Part part = type.equals("rochester") ? rochesterPart(v, what) : MuonCalibration.Part.TOTAL;
                if (part == null) {
                    continue;
                }
                out.add(new Model.Variation(e.key(), type, coll, null, 0, Double.NaN, sources,
                        Set.copyOf(strings(orNull(v.get("datasets")), what + " datasets")),
                        Set.copyOf(strings(orNull(v.get("samples")), what + " samples")), null, null, part));
                continue;
            }
            String field = need(v, "field", what);
            Double shift = v.get("shift") == null ? null : number(v.get("shift"), what + " shift");
            Double factor = v.get("factor") == null ? null : number(v.get("factor"), what + " factor");
            if (v.get("shift") == null && v.get("factor") == null) {
                error(v, what + " needs 'shift' (a pair " + e.key() + "Up/Down, e.g. 0.01 for ±1 %) or 'factor' (one"
                        + " variation " + e.key() + ", e.g. 1.03)");
                continue;
            }
            if (v.get("shift") != null && v.get("factor") != null) {
                error(v.get("factor"), what + " has both 'shift' and 'factor'; expected 'shift' for an up/down pair"
                        + " or 'factor' for one variation");
                continue;
            }
            if (factor != null && !(factor > 0 && Double.isFinite(factor))) {
                error(v.get("factor"), what + " factor must be a finite number > 0, got " + factor);
                continue;
            }
            if (coll == null || field == null || (shift == null && factor == null)) {
                continue;
            }
            Map<String, Kind> fields = schema.collections().get(coll);
            if (fields == null) {
                error(v.get("collection"), what + ": no input collection '" + coll + "'"
                        + Suggest.didYouMean(coll, schema.collections().keySet()) + "; a scale variation applies to"
                        + " an input collection, before objects are selected");
                continue;
            }
            Kind fk = fields.get(field);
            if (fk != Kind.FLOAT) {
                error(v.get("field"), what + ": " + (fk == null ? coll + " has no field '" + field + "'"
                        + Suggest.didYouMean(field, fields.keySet()) : coll + "." + field + " is " + fk.name().toLowerCase()
                        + "; a scale variation needs a float field such as pt"));
                continue;
            }
            used.computeIfAbsent(coll, k -> new LinkedHashSet<>()).add(field);
            out.add(new Model.Variation(e.key(), type, coll, field, shift == null ? 0 : shift,
                    factor == null ? Double.NaN : factor, List.of(),
                    Set.copyOf(strings(orNull(v.get("datasets")), what + " datasets")),
                    Set.copyOf(strings(orNull(v.get("samples")), what + " samples"))));
        }
        return out;
    }

    /** Keys that only some variation types read: elsewhere they are an error rather than silently ignored. */
    private boolean keysFitType(YMap v, String type, String what) {
        Map<String, List<String>> only = new LinkedHashMap<>();
        only.put("shift", List.of("scale"));
        only.put("factor", List.of("scale"));
        only.put("field", List.of("scale", "expression"));
        only.put("sources", List.of("jes"));
        only.put("up", List.of("expression"));
        only.put("down", List.of("expression"));
        only.put("part", List.of("rochester"));
        boolean ok = true;
        for (Map.Entry<String, List<String>> k : only.entrySet()) {
            YNode at = v.get(k.getKey());
            if (at != null && !k.getValue().contains(type)) {
                error(at, what + ": '" + k.getKey() + "' does not apply to type " + type + "; it belongs to "
                        + String.join(" and ", k.getValue()) + " variations");
                ok = false;
            }
        }
        return ok;
    }

    private static final List<String> ROCHESTER_PARTS = java.util.Arrays.stream(MuonCalibration.Part.values())
            .map(MuonCalibration.Part::key).toList();

    /** The RoccoR sets a Rochester variation's δk sums ({@code part}, default total); null after an error. */
    private MuonCalibration.Part rochesterPart(YMap v, String what) {
        YNode at = v.get("part");
        if (at == null) {
            return MuonCalibration.Part.TOTAL;
        }
        String part = string(at, what + " part");
        for (MuonCalibration.Part p : MuonCalibration.Part.values()) {
            if (p.key().equals(part)) {
                return p;
            }
        }
        error(at, what + ": unknown part '" + part + "'" + Suggest.didYouMean(part, ROCHESTER_PARTS) + "; expected one of "
                + ROCHESTER_PARTS);
        return null;
    }

    /**
     * A variation that replaces one field of an input collection by an expression per object: {@code up}
     * and {@code down} give the pair NAMEUp/NAMEDown, one of them alone the single variation NAME.
     */
    private Model.Variation expressionVariation(String name, YMap v, String what) {
        String coll = need(v, "collection", what);
        String field = need(v, "field", what);
        if (v.get("up") == null && v.get("down") == null) {
            error(v, what + " needs 'up' and 'down' (or one of them for a single variation " + name + "): the field's"
                    + " new value per object, e.g. up: \"Jet.pt * 1.02\"");
            return null;
        }
        if (coll == null || field == null) {
            return null;
        }
        Map<String, Kind> fields = schema.collections().get(coll);
        if (fields == null) {
            error(v.get("collection"), what + ": no input collection '" + coll + "'"
                    + Suggest.didYouMean(coll, schema.collections().keySet()) + "; an expression variation applies to"
                    + " an input collection, before objects are selected");
            return null;
        }
        Kind fk = fields.get(field);
        if (fk != Kind.FLOAT && fk != Kind.DOUBLE) {
            error(v.get("field"), what + ": " + (fk == null ? coll + " has no field '" + field + "'"
                    + Suggest.didYouMean(field, fields.keySet()) : coll + "." + field + " is " + fk.name().toLowerCase())
                    + "; an expression variation replaces a float or double field such as pt");
            return null;
        }
        Compiled up = perObject(v.get("up"), what + " up", coll);
        Compiled down = perObject(v.get("down"), what + " down", coll);
        if (v.get("up") != null && up == null || v.get("down") != null && down == null) {
            return null;
        }
        if (up == null || down == null) {
            warn(v.get(up == null ? "down" : "up"), what + " has only " + (up == null ? "a down" : "an up")
                    + " expression and runs as the single variation '" + name + "'; a one-sided variation is usually"
                    + " symmetrised by hand: add '" + (up == null ? "up" : "down") + "'");
        }
        used.computeIfAbsent(coll, k -> new LinkedHashSet<>()).add(field);
        return new Model.Variation(name, "expression", coll, field, 0, Double.NaN, List.of(),
                Set.copyOf(strings(orNull(v.get("datasets")), what + " datasets")),
                Set.copyOf(strings(orNull(v.get("samples")), what + " samples")), up, down,
                MuonCalibration.Part.TOTAL);
    }

    /**
     * Compiles an expression that must give one number per object of an input collection. It sees what the
     * skim sees (branches, input collections, parameters), with the collection's fields also as bare names.
     */
    private Compiled perObject(YNode n, String what, String collection) {
        if (n == null) {
            return null;
        }
        boolean[] readsCollection = {false};
        ScopeImpl inner = new ScopeImpl(Stage.SKIM, collection);
        Scope scope = new Scope() {
            @Override
            public Type variable(String name) {
                return inner.variable(name);
            }

            @Override
            public Map<String, Kind> collection(String name) {
                return inner.collection(name);
            }

            @Override
            public Kind branch(String name) {
                return inner.branch(name);
            }

            @Override
            public String self() {
                return inner.self();
            }

            @Override
            public String[] reference(String c, String name) {
                return inner.reference(c, name);
            }

            @Override
            public Collection<String> names() {
                return inner.names();
            }

            @Override
            public void use(String c, String field) {
                readsCollection[0] |= c.equals(collection) && field != null;
                inner.use(c, field);
            }
        };
        Compiled c = expr(n, what, scope);
        if (c == null) {
            return null;
        }
        Type t = c.type();
        String expected = what + " must be one number per " + collection + " object";
        if (!t.isValue() || t.kind() == Kind.BOOL || t.shape() != Shape.JAGGED) {
            error(n, expected + ", got a " + t + (t.shape() == Shape.EVENT || t.shape() == Shape.CONST
                    ? "; combine it with a field, e.g. " + collection + ".pt * (1 + 0.01 * n" + collection + ")" : ""));
            return null;
        }
        if (!readsCollection[0]) {
            error(n, expected + ", but it reads no field of " + collection + "; per-object values of another"
                    + " collection cannot replace " + collection + "'s");
            return null;
        }
        return c;
    }

    private String need(YMap m, String key, String what) {
        YNode v = m.get(key);
        if (v == null) {
            error(m, what + " needs '" + key + "'");
            return null;
        }
        return string(v, what + " " + key);
    }

    private List<Model.ObjectDef> objects(YNode n) {
        List<Model.ObjectDef> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        YMap m = namedMap(n, "objects");
        if (m == null) {
            return out;
        }
        for (YNode.Entry e : m.map().values()) {
            String what = "object '" + e.key() + "'";
            YMap o = section(e.value(), "objects.*", what);
            if (o == null) {
                continue;
            }
            if (schema.collections().containsKey(e.key()) || derived.containsKey(e.key())) {
                keyError(e, what + " is already " + (derived.containsKey(e.key()) ? "defined" : "an input collection")
                        + "; expected a new name, e.g. Good" + e.key());
                continue;
            }
            String from = need(o, "from", what);
            if (from == null) {
                continue;
            }
            Map<String, Kind> fields = derived.containsKey(from) ? derived.get(from) : schema.collections().get(from);
            if (fields == null) {
                List<String> all = new ArrayList<>(derived.keySet());
                all.addAll(schema.collections().keySet());
                error(o.get("from"), what + ": no collection '" + from + "'" + Suggest.didYouMean(from, all)
                        + "; expected an input collection or an object defined above");
                continue;
            }
            roots.put(e.key(), roots.getOrDefault(from, from));
            new ScopeImpl(Stage.EVENT, null).use(from, null);
            Compiled where = null;
            if (o.get("where") != null) {
                where = expr(o.get("where"), what + " where", new ScopeImpl(Stage.EVENT, from));
                if (!require(o.get("where"), where, what + " where", true, Kind.BOOL)) {
                    where = null;
                }
            }
            Compiled sortBy = null;
            if (o.get("sortBy") != null) {
                sortBy = expr(o.get("sortBy"), what + " sortBy", new ScopeImpl(Stage.EVENT, from));
                if (!require(o.get("sortBy"), sortBy, what + " sortBy", true, null)) {
                    sortBy = null;
                }
            }
            boolean descending = true;
            if (o.get("descending") != null) {
                Boolean b = bool(o.get("descending"), what + " descending");
                descending = b == null || b;
            }
            Map<String, Double> clean = new LinkedHashMap<>();
            if (o.get("cleanAgainst") != null) {
                YMap cm = namedMap(o.get("cleanAgainst"), what + " cleanAgainst");
                if (cm != null) {
                    for (YNode.Entry c : cm.map().values()) {
                        Map<String, Kind> other = derived.containsKey(c.key()) ? derived.get(c.key())
                                : schema.collections().get(c.key());
                        if (other == null) {
                            keyError(c, what + " cleanAgainst: no collection '" + c.key() + "'"
                                    + Suggest.didYouMean(c.key(), derived.keySet()));
                            continue;
                        }
                        Double dr = number(c.value(), what + " cleanAgainst " + c.key());
                        if (dr != null) {
                            clean.put(c.key(), dr);
                            ScopeImpl s = new ScopeImpl(Stage.EVENT, null);
                            for (String f : List.of("eta", "phi")) {
                                s.use(c.key(), f);
                                s.use(from, f);
                            }
                        }
                    }
                }
            }
            derived.put(e.key(), fields);
            out.add(new Model.ObjectDef(e.key(), from, where, sortBy, descending, clean));
        }
        return out;
    }

    private List<Model.Var> variables(YNode n) {
        List<Model.Var> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        YMap m = namedMap(n, "variables");
        if (m == null) {
            return out;
        }
        for (YNode.Entry e : m.map().values()) {
            String what = "variable '" + e.key() + "'";
            if (variables.containsKey(e.key()) || derived.containsKey(e.key())) {
                keyError(e, what + " is already defined");
                continue;
            }
            Compiled c = expr(e.value(), what, new ScopeImpl(Stage.EVENT, null));
            if (c == null) {
                continue;
            }
            if (!c.type().isValue()) {
                error(e.value(), what + " must be numbers or booleans (per event or per object), got a " + c.type()
                        + (c.type().shape() == Shape.COLLECTION ? "; define collections under 'objects'" : ""));
                continue;
            }
            Type t = c.type().shape() == Shape.CONST ? Type.event(c.type().kind()) : c.type();
            variables.put(e.key(), t);
            out.add(new Model.Var(e.key(), c));
        }
        return out;
    }

    private Categories categories(YNode n, List<Model.Cut> cuts, YMap root) {
        if (n == null) {
            return Categories.single("baseline");
        }
        YMap m = section(n, "categories", "categories");
        if (m == null) {
            return Categories.single("baseline");
        }
        Set<String> cutNames = new LinkedHashSet<>();
        cuts.forEach(c -> cutNames.add(c.name()));
        YMap cutsNode = root.get("cuts") instanceof YMap cm ? cm : null;
        if (cutsNode != null) {
            cutNames.addAll(cutsNode.map().keySet());
        }
        Map<String, List<String>> standard = new LinkedHashMap<>();
        if (m.get("standard") != null) {
            YMap sm = namedMap(m.get("standard"), "categories.standard");
            if (sm != null) {
                for (YNode.Entry e : sm.map().values()) {
                    List<String> names = new ArrayList<>();
                    List<YNode> items = e.value() instanceof YSeq s ? s.items() : List.of(e.value());
                    for (YNode i : items) {
                        if (i instanceof YScalar sc && sc.isNull()) {
                            continue;
                        }
                        String c = string(i, "category '" + e.key() + "' cut");
                        if (c != null && checkCut(i, c, cutNames, "category '" + e.key() + "'")) {
                            names.add(c);
                        }
                    }
                    standard.put(e.key(), names);
                }
            }
        }
        List<Categories.MultiCut> multi = new ArrayList<>();
        if (m.get("cartesian") != null) {
            YMap cm = namedMap(m.get("cartesian"), "categories.cartesian");
            if (cm != null) {
                for (YNode.Entry axis : cm.map().values()) {
                    YMap bins = namedMap(axis.value(), "cartesian axis '" + axis.key() + "'");
                    if (bins == null) {
                        continue;
                    }
                    Map<String, String> b = new LinkedHashMap<>();
                    for (YNode.Entry bin : bins.map().values()) {
                        String c = string(bin.value(), "bin '" + bin.key() + "' cut");
                        if (c != null && checkCut(bin.value(), c, cutNames, "cartesian bin '" + bin.key() + "'")) {
                            b.put(bin.key(), c);
                        }
                    }
                    if (b.isEmpty()) {
                        error(axis.value(), "cartesian axis '" + axis.key() + "' needs at least one bin: label: cut");
                    } else {
                        multi.add(new Categories.MultiCut(axis.key(), b));
                    }
                }
            }
        }
        if (multi.isEmpty()) {
            if (standard.isEmpty()) {
                error(m, "categories needs 'standard' or 'cartesian' categories");
                return Categories.single("baseline");
            }
            return Categories.standard(standard);
        }
        try {
            return Categories.cartesian(multi, standard.isEmpty() ? null : Categories.standard(standard));
        } catch (IllegalArgumentException e) {
            error(m, e.getMessage());
            return Categories.single("baseline");
        }
    }

    private boolean checkCut(YNode at, String cut, Set<String> cutNames, String what) {
        if (!cutNames.contains(cut)) {
            error(at, what + " names an undefined cut '" + cut + "'" + Suggest.didYouMean(cut, cutNames)
                    + "; expected a name defined under 'cuts'" + (cutNames.isEmpty() ? " (none is defined)" : ": "
                    + cutNames));
            return false;
        }
        return true;
    }

    private List<Model.WeightDef> weights(YNode n, Categories categories, List<Model.Variation> variations) {
        List<Model.WeightDef> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        YMap m = namedMap(n, "weights");
        if (m == null) {
            return out;
        }
        for (YNode.Entry e : m.map().values()) {
            String what = "weight '" + e.key() + "'";
            if (e.key().equals("genWeight")) {
                keyError(e, "'genWeight' is applied to simulation automatically; remove it from weights");
                continue;
            }
            YMap w = section(e.value(), "weights.*", what);
            if (w == null) {
                continue;
            }
            String type = "expression";
            if (w.get("type") != null) {
                type = string(w.get("type"), what + " type");
                if (type == null) {
                    continue;
                }
                if (!WEIGHT_TYPES.containsKey(type)) {
                    error(w.get("type"), "unknown weight type '" + type + "'" + Suggest.didYouMean(type,
                            WEIGHT_TYPES.keySet()) + "; expected one of " + WEIGHT_TYPES.keySet());
                    continue;
                }
            }
            boolean keysOk = true;
            for (YNode.Entry k : w.map().values()) {
                if (!WEIGHT_TYPES.get(type).contains(k.key()) && !WEIGHT_COMMON_KEYS.contains(k.key())
                        && Keys.SECTIONS.get("weights.*").contains(k.key())) {
                    List<String> allowed = new ArrayList<>(WEIGHT_COMMON_KEYS);
                    allowed.addAll(WEIGHT_TYPES.get(type));
                    keyError(k, "a" + (type.equals("expression") ? "n " : " ") + type + " weight has no '" + k.key()
                            + "'; expected " + allowed);
                    keysOk = false;
                }
            }
            if (!keysOk) {
                continue;
            }
            Set<String> cats = weightCategories(w, what, categories);
            if (cats == null) {
                continue;
            }
            if (!type.equals("expression")) {
                StandardWeight sw = standardWeight(type, w, what, variations);
                if (sw != null) {
                    out.add(new Model.WeightDef(e.key(), null, null, null, Map.of(),
                            Set.copyOf(strings(orNull(w.get("datasets")), what + " datasets")),
                            Set.copyOf(strings(orNull(w.get("samples")), what + " samples")), sw, cats));
                }
                continue;
            }
            if (w.get("value") == null) {
                error(w, what + " needs 'value': an expression giving the nominal weight per event");
                continue;
            }
            Compiled value = expr(w.get("value"), what + " value", new ScopeImpl(Stage.EVENT, null));
            Compiled up = w.get("up") == null ? null : expr(w.get("up"), what + " up", new ScopeImpl(Stage.EVENT, null));
            Compiled down = w.get("down") == null ? null
                    : expr(w.get("down"), what + " down", new ScopeImpl(Stage.EVENT, null));
            boolean ok = require(w.get("value"), value, what + " value", false, null);
            ok &= up == null || require(w.get("up"), up, what + " up", false, null);
            ok &= down == null || require(w.get("down"), down, what + " down", false, null);
            if (value == null || w.get("up") != null && up == null || w.get("down") != null && down == null || !ok) {
                continue;
            }
            Map<String, Compiled[]> sources = new LinkedHashMap<>();
            if (w.get("sources") != null) {
                YMap sm = namedMap(w.get("sources"), what + " sources");
                if (sm != null) {
                    for (YNode.Entry s : sm.map().values()) {
                        String sw = what + " source '" + s.key() + "'";
                        YMap pair = section(s.value(), "weights.*.sources.*", sw);
                        if (pair == null) {
                            continue;
                        }
                        if (pair.get("up") == null || pair.get("down") == null) {
                            error(pair, sw + " needs 'up' and 'down'");
                            continue;
                        }
                        Compiled su = expr(pair.get("up"), sw + " up", new ScopeImpl(Stage.EVENT, null));
                        Compiled sd = expr(pair.get("down"), sw + " down", new ScopeImpl(Stage.EVENT, null));
                        if (require(pair.get("up"), su, sw + " up", false, null)
                                & require(pair.get("down"), sd, sw + " down", false, null)) {
                            sources.put(s.key(), new Compiled[] {su, sd});
                        } else {
                            ok = false;
                        }
                    }
                }
                if (up != null || down != null) {
                    error(w.get("sources"), what + " has both 'up'/'down' and 'sources'; expected one or the other");
                    continue;
                }
            }
            if (!ok) {
                continue;
            }
            if ((up == null) != (down == null)) {
                warn(w.get(up == null ? "down" : "up"), what + " has only " + (up == null ? "a down" : "an up")
                        + " variation; a one-sided variation is usually symmetrised by hand: add '"
                        + (up == null ? "up" : "down") + "'");
            }
            out.add(new Model.WeightDef(e.key(), value, up, down, sources,
                    Set.copyOf(strings(orNull(w.get("datasets")), what + " datasets")),
                    Set.copyOf(strings(orNull(w.get("samples")), what + " samples")), null, cats));
        }
        return out;
    }

    /** The categories a weight is restricted to (empty = all), or null after an error. */
    private Set<String> weightCategories(YMap w, String what, Categories categories) {
        Set<String> out = new LinkedHashSet<>();
        YNode cn = w.get("categories");
        if (cn == null) {
            return out;
        }
        boolean ok = true;
        for (YNode i : cn instanceof YSeq s ? s.items() : List.of(cn)) {
            String cat = string(i, what + " category");
            if (cat == null) {
                ok = false;
            } else if (!categories.names().contains(cat)) {
                error(i, what + " names an undefined category '" + cat + "'" + Suggest.didYouMean(cat, categories.names())
                        + "; expected one of " + categories.names());
                ok = false;
            } else {
                out.add(cat);
            }
        }
        return ok ? out : null;
    }

    private final Map<Path, CorrectionSet> correctionSets = new LinkedHashMap<>();

    /** A correction of a correctionlib file named by {@code file} and {@code correction} keys; null after an error. */
    private Corrector corrector(YMap w, String fileKey, String correctionKey, String what) {
        YNode fn = w.get(fileKey);
        YNode cn = w.get(correctionKey);
        if (fn == null || cn == null) {
            error(w, what + " needs '" + fileKey + "' (a correctionlib JSON file) and '" + correctionKey
                    + "' (a correction in it)");
            return null;
        }
        Path file = correctionFile(fn, value(fn), what + " " + fileKey);
        String name = string(cn, what + " " + correctionKey);
        if (file == null || name == null) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            error(fn, what + ": correction file " + file + " does not exist (relative names resolve against"
                    + " ${corrections.dir})");
            return null;
        }
        CorrectionSet set = correctionSets.get(file);
        if (set == null) {
            try {
                set = CorrectionSet.load(file);
            } catch (CorrectionException ex) {
                error(fn, what + ": " + ex.getMessage());
                return null;
            }
            correctionSets.put(file, set);
        }
        List<String> names = new ArrayList<>(set.names());
        names.addAll(set.compoundNames());
        if (!names.contains(name)) {
            error(cn, what + ": " + file.getFileName() + " has no correction '" + name + "'"
                    + Suggest.didYouMean(name, names) + "; expected one of " + names);
            return null;
        }
        return set.corrector(name);
    }

    /** The collection a standard weight reads, checked to have the fields it needs; null after an error. */
    private String weightCollection(YMap w, String what, List<String> fields) {
        String coll = need(w, "collection", what);
        if (coll == null) {
            return null;
        }
        Map<String, Kind> f = derived.containsKey(coll) ? derived.get(coll) : schema.collections().get(coll);
        if (f == null) {
            List<String> all = new ArrayList<>(derived.keySet());
            all.addAll(schema.collections().keySet());
            error(w.get("collection"), what + ": no collection '" + coll + "'" + Suggest.didYouMean(coll, all)
                    + "; expected an input collection or an object");
            return null;
        }
        for (String field : fields) {
            if (!f.containsKey(field)) {
                error(w.get("collection"), what + ": " + coll + " has no field '" + field + "', which this weight reads");
                return null;
            }
            // weights apply to simulation only: data need not have these branches (hadronFlavour)
            simulationUsed.computeIfAbsent(roots.getOrDefault(coll, coll), k -> new LinkedHashSet<>()).add(field);
        }
        return coll;
    }

    private StandardWeight standardWeight(String type, YMap w, String what, List<Model.Variation> variations) {
        what = what + " (" + type + ")";
        return switch (type) {
            case "pileup" -> {
                if (!schema.flat().containsKey(StandardWeight.Pileup.BRANCH)) {
                    error(w, what + ": the input has no branch " + StandardWeight.Pileup.BRANCH
                            + ", which pileup weights are a function of");
                    yield null;
                }
                Corrector c = corrector(w, "file", "correction", what);
                if (c == null) {
                    yield null;
                }
                flatUsed.add(StandardWeight.Pileup.BRANCH);
                try {
                    yield new StandardWeight.Pileup(PileupWeights.of(c));
                } catch (CorrectionException ex) {
                    error(w.get("correction"), what + ": " + ex.getMessage());
                    yield null;
                }
            }
            case "leptonSF" -> {
                String coll = weightCollection(w, what, List.of("pt", "eta"));
                Corrector c = corrector(w, "file", "correction", what);
                if (coll == null || c == null) {
                    yield null;
                }
                String year = w.get("year") == null ? "" : string(w.get("year"), what + " year");
                String wp = w.get("workingPoint") == null ? null : string(w.get("workingPoint"), what + " workingPoint");
                if (c.inputIndex("year") >= 0 && (year == null || year.isEmpty())) {
                    error(w, what + ": correction '" + c.name() + "' has a 'year' input; expected 'year', e.g. 2018_UL");
                    yield null;
                }
                if (c.inputIndex("WorkingPoint") >= 0 && wp == null) {
                    error(w, what + ": correction '" + c.name() + "' has a 'WorkingPoint' input; expected"
                            + " 'workingPoint', e.g. Tight");
                    yield null;
                }
                try {
                    ObjectScaleFactors sf = c.inputIndex("WorkingPoint") >= 0 ? ObjectScaleFactors.electron(c, year, wp)
                            : ObjectScaleFactors.muon(c, year);
                    if (w.get("ptRange") != null) {
                        double[] r = range(w.get("ptRange"), what + " ptRange");
                        if (r == null) {
                            yield null;
                        }
                        sf = sf.withPtRange(r[0], r[1]);
                    }
                    yield new StandardWeight.ObjectSf(coll, sf);
                } catch (CorrectionException ex) {
                    error(w.get("correction"), what + ": " + ex.getMessage());
                    yield null;
                }
            }
            case "btagShape" -> btagShape(w, what, variations);
            default -> btagWp(w, what);
        };
    }

    private double[] range(YNode n, String what) {
        if (!(n instanceof YSeq seq) || seq.items().size() != 2) {
            error(n, what + " must be [min, max], got " + n.describe());
            return null;
        }
        Double lo = number(seq.items().get(0), what + " min");
        Double hi = number(seq.items().get(1), what + " max");
        if (lo == null || hi == null) {
            return null;
        }
        if (!(hi > lo)) {
            error(seq.items().get(1), what + " max must be above min: " + hi + " <= " + lo);
            return null;
        }
        return new double[] {lo, hi};
    }

    /** Whether a BTV shape correction knows a systematic, probed at a point inside every measured range. */
    private static boolean hasSystematic(Corrector c, String systematic) {
        int flavour = systematic.contains("cferr") ? 4 : 5;
        Object[] args = new Object[c.inputs().size()];
        args[c.inputIndex("systematic")] = systematic;
        args[c.inputIndex("flavor")] = flavour;
        args[c.inputIndex("abseta")] = 1.0;
        args[c.inputIndex("pt")] = 50.0;
        args[c.inputIndex("discriminant")] = 0.5;
        try {
            c.evaluate(args);
            return true;
        } catch (CorrectionException ex) {
            return false;
        }
    }

    private StandardWeight btagShape(YMap w, String what, List<Model.Variation> variations) {
        String disc = need(w, "discriminant", what);
        if (disc == null) {
            return null;
        }
        String coll = weightCollection(w, what, List.of("pt", "eta", "hadronFlavour", disc));
        Corrector c = corrector(w, "file", "correction", what);
        if (coll == null || c == null) {
            return null;
        }
        for (String in : List.of("systematic", "flavor", "abseta", "pt", "discriminant")) {
            if (c.inputIndex(in) < 0) {
                error(w.get("correction"), what + ": correction '" + c.name() + "' has no input '" + in
                        + "'; expected a BTV shape correction such as deepJet_shape");
                return null;
            }
        }
        List<String> systematics = new ArrayList<>();
        if (w.get("systematics") == null) {
            for (String s : BTAG_SHAPE_SYSTEMATICS) {
                if (hasSystematic(c, "up_" + s)) {
                    systematics.add(s);
                }
            }
        } else {
            YNode sn = w.get("systematics");
            for (YNode i : sn instanceof YSeq seq ? seq.items() : List.of(sn)) {
                String s = string(i, what + " systematic");
                if (s == null) {
                    return null;
                }
                if (s.startsWith("jes")) {
                    error(i, what + ": '" + s + "' belongs to the jets of a JES variation and follows it"
                            + " automatically; remove it from systematics");
                    return null;
                }
                if (!hasSystematic(c, "up_" + s) || !hasSystematic(c, "down_" + s)) {
                    error(i, what + ": correction '" + c.name() + "' has no systematic 'up_" + s + "'/'down_" + s + "'"
                            + Suggest.didYouMean(s, BTAG_SHAPE_SYSTEMATICS) + "; expected some of "
                            + BTAG_SHAPE_SYSTEMATICS);
                    return null;
                }
                systematics.add(s);
            }
        }
        // JES-varied jets take the b-tag systematic of the same source; the lint warns where the file has none.
        String root = roots.getOrDefault(coll, coll);
        Map<String, String> jes = new LinkedHashMap<>();
        YMap vm = rootNode.get("variations") instanceof YMap v ? v : null;
        for (Model.Variation v : variations) {
            if (!v.type().equals("jes") || !v.collection().equals(root)) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String src : v.sources()) {
                String btv = src.equals("Total") ? "" : src;
                if (hasSystematic(c, "up_jes" + btv) && hasSystematic(c, "down_jes" + btv)) {
                    jes.put(v.name() + "_" + src + "Up", "up_jes" + btv);
                    jes.put(v.name() + "_" + src + "Down", "down_jes" + btv);
                } else {
                    missing.add(src);
                }
            }
            if (!missing.isEmpty()) {
                YNode at = vm != null && vm.map().containsKey(v.name()) ? vm.map().get(v.name()).value() : w;
                warn(at, "variation '" + v.name() + "' shifts " + root + " but b-tag shape weight correction '"
                        + c.name() + "' has no JES systematic for source" + (missing.size() == 1 ? " " : "s ")
                        + missing + " (up_jes<Source>); the b-tag weight does not follow those jet variations");
            }
        }
        return new StandardWeight.BTagShape(coll, BTagShapeSf.of(c), disc, List.copyOf(systematics), jes);
    }

    private static final List<String> BTAG_SHAPE_SYSTEMATICS = List.of("hf", "lf", "hfstats1", "hfstats2", "lfstats1",
            "lfstats2", "cferr1", "cferr2");

    private StandardWeight btagWp(YMap w, String what) {
        String disc = need(w, "discriminant", what);
        String wp = need(w, "workingPoint", what);
        Double threshold = w.get("threshold") == null ? null : number(w.get("threshold"), what + " threshold");
        if (w.get("threshold") == null) {
            error(w, what + " needs 'threshold': the working point's cut on the discriminant, e.g."
                    + " ${btag.deepJet.2018.medium}");
        }
        if (disc == null || wp == null || threshold == null) {
            return null;
        }
        String coll = weightCollection(w, what, List.of("pt", "eta", "hadronFlavour", disc));
        Corrector heavy = corrector(w, "file", "correction", what);
        Corrector light = w.get("lightCorrection") == null ? heavy : corrector(w, "file", "lightCorrection", what);
        if (coll == null || heavy == null || light == null) {
            return null;
        }
        for (Corrector c : List.of(heavy, light)) {
            for (String in : StandardWeight.BTagWp.INPUTS) {
                if (c.inputIndex(in) < 0) {
                    error(w.get(c == heavy ? "correction" : "lightCorrection"), what + ": correction '" + c.name()
                            + "' has no input '" + in + "'; expected a BTV fixed-working-point correction such as"
                            + " deepJet_comb with inputs " + StandardWeight.BTagWp.INPUTS);
                    return null;
                }
            }
        }
        Map<Integer, Double> eff = new LinkedHashMap<>();
        YMap em = w.get("efficiency") == null ? null : section(w.get("efficiency"), "weights.*.efficiency",
                what + " efficiency");
        if (w.get("efficiency") == null) {
            error(w, what + " needs 'efficiency': the MC tagging efficiencies {b: .., c: .., light: ..}");
            return null;
        }
        if (em == null) {
            return null;
        }
        Map<String, Integer> flavours = Map.of("b", 5, "c", 4, "light", 0);
        for (String f : List.of("b", "c", "light")) {
            if (em.get(f) == null) {
                error(em, what + " efficiency needs '" + f + "'; expected {b: .., c: .., light: ..}");
                return null;
            }
            Double d = number(em.get(f), what + " efficiency " + f);
            if (d == null) {
                return null;
            }
            if (!(d > 0 && d < 1)) {
                error(em.get(f), what + " efficiency " + f + " must be between 0 and 1 (exclusive), got " + d);
                return null;
            }
            eff.put(flavours.get(f), d);
        }
        return new StandardWeight.BTagWp(coll, heavy, light, wp, disc, threshold, eff);
    }

    private List<Model.HistDef> histograms(YNode n, Categories categories, List<Model.Variation> variations,
            List<Model.WeightDef> weights) {
        List<Model.HistDef> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        YMap m = namedMap(n, "histograms");
        if (m == null) {
            return out;
        }
        Set<String> allVariations = new LinkedHashSet<>();
        variations.forEach(v -> allVariations.addAll(v.names()));
        weights.forEach(w -> {
            if (w.up() != null) {
                allVariations.add(w.name() + "Up");
            }
            if (w.down() != null) {
                allVariations.add(w.name() + "Down");
            }
            w.sources().keySet().forEach(s -> {
                allVariations.add(w.name() + "_" + s + "Up");
                allVariations.add(w.name() + "_" + s + "Down");
            });
        });
        for (YNode.Entry e : m.map().values()) {
            String what = "histogram '" + e.key() + "'";
            YMap h = section(e.value(), "histograms.*", what);
            if (h == null) {
                continue;
            }
            if (h.get("expr") == null) {
                error(h, what + " needs 'expr': the observable to fill");
            }
            if (h.get("axis") == null) {
                error(h, what + " needs 'axis': {type: regular, name, bins, start, stop}");
            }
            if (h.get("expr") == null || h.get("axis") == null) {
                continue;
            }
            // a 2-D histogram: two axes and two expressions, e.g. axis: [{...}, {...}], expr: [x, y]
            boolean twoD = h.get("axis") instanceof YSeq || h.get("expr") instanceof YSeq;
            YNode axisNode = h.get("axis");
            YNode exprNode = h.get("expr");
            Axis axis2 = null;
            Compiled c2 = null;
            boolean ok2 = true;
            if (twoD) {
                if (!(axisNode instanceof YSeq as) || !(exprNode instanceof YSeq es) || as.items().size() != 2
                        || es.items().size() != 2) {
                    error(axisNode instanceof YSeq as2 && as2.items().size() == 2 ? exprNode : axisNode, what
                            + ": a 2-D histogram needs two axes and two expressions, axis: [{...}, {...}] and"
                            + " expr: [x, y]; at most two axes are supported");
                    continue;
                }
                axisNode = as.items().get(0);
                exprNode = es.items().get(0);
                c2 = expr(es.items().get(1), what + " expr", new ScopeImpl(Stage.EVENT, null));
                if (c2 != null && (!c2.type().isValue() || c2.type().shape() == Shape.CONST)) {
                    error(es.items().get(1), what + " expr must be per-event or per-object values, got a "
                            + c2.type());
                    c2 = null;
                }
                axis2 = axis(as.items().get(1), what);
                ok2 = c2 != null && axis2 != null;
            }
            Compiled c = expr(exprNode, what + " expr", new ScopeImpl(Stage.EVENT, null));
            if (c != null && (!c.type().isValue() || c.type().shape() == Shape.CONST)) {
                error(exprNode, what + " expr must be per-event or per-object values, got a " + c.type());
                c = null;
            }
            if (c != null && c2 != null && c.type().shape() != c2.type().shape()) {
                error(((YSeq) h.get("expr")).items().get(1), what + ": both expressions of a 2-D histogram must be"
                        + " per event or both per object (of one collection), got a " + c.type() + " and a "
                        + c2.type());
                ok2 = false;
            }
            Axis axis = axis(axisNode, what);
            if (axis != null && axis2 != null && axis.name().equals(axis2.name())) {
                error(((YSeq) h.get("axis")).items().get(1), what + ": the two axes need different names, both are '"
                        + axis.name() + "'");
                ok2 = false;
            }
            Set<String> cats = new LinkedHashSet<>();
            if (h.get("categories") != null) {
                YNode cn = h.get("categories");
                List<YNode> items = cn instanceof YSeq s ? s.items() : List.of(cn);
                for (YNode i : items) {
                    String cat = string(i, what + " category");
                    if (cat != null && !categories.names().contains(cat)) {
                        error(i, what + " names an undefined category '" + cat + "'"
                                + Suggest.didYouMean(cat, categories.names()) + "; expected one of " + categories.names());
                    } else if (cat != null) {
                        cats.add(cat);
                    }
                }
            }
            Set<String> vars = null;
            if (h.get("variations") != null) {
                vars = new LinkedHashSet<>();
                YNode vn = h.get("variations");
                List<YNode> items = vn instanceof YSeq s ? s.items() : List.of(vn);
                for (YNode i : items) {
                    String v = string(i, what + " variation");
                    if (v == null) {
                        continue;
                    }
                    Set<String> matched = new LinkedHashSet<>();
                    for (String a : allVariations) {
                        if (a.equals(v) || a.equals(v + "Up") || a.equals(v + "Down") || a.startsWith(v + "_")) {
                            matched.add(a);
                        }
                    }
                    if (matched.isEmpty()) {
                        List<String> bases = new ArrayList<>();
                        variations.forEach(x -> bases.add(x.name()));
                        weights.forEach(x -> bases.add(x.name()));
                        error(i, what + " names an undefined variation '" + v + "'" + Suggest.didYouMean(v, bases)
                                + "; expected a variation or weight name: " + bases);
                    }
                    vars.addAll(matched);
                }
            }
            if (c != null && axis != null && ok2) {
                out.add(new Model.HistDef(e.key(), axis, c, axis2, c2, cats, vars));
            }
        }
        return out;
    }

    private static final List<String> COLUMN_FORMATS = List.of("parquet", "arrow");

    private List<Model.ColumnsDef> columns(YNode n, Categories categories) {
        List<Model.ColumnsDef> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        YMap m = namedMap(n, "columns");
        if (m == null) {
            return out;
        }
        for (YNode.Entry e : m.map().values()) {
            String what = "columns '" + e.key() + "'";
            YMap c = section(e.value(), "columns.*", what);
            if (c == null) {
                continue;
            }
            if (!e.key().matches("[A-Za-z0-9_.-]+")) {
                keyError(e, what + ": the name becomes a folder name; expected letters, digits, '_', '.' or '-'");
                continue;
            }
            String category = null;
            if (c.get("category") != null) {
                category = string(c.get("category"), what + " category");
                if (category != null && !categories.names().contains(category)) {
                    error(c.get("category"), what + " names an undefined category '" + category + "'"
                            + Suggest.didYouMean(category, categories.names()) + "; expected one of " + categories.names());
                    continue;
                }
            }
            String format = c.get("format") == null ? "parquet" : string(c.get("format"), what + " format");
            if (format != null && !COLUMN_FORMATS.contains(format)) {
                error(c.get("format"), what + ": unknown format '" + format + "'" + Suggest.didYouMean(format,
                        COLUMN_FORMATS) + "; expected one of " + COLUMN_FORMATS);
                continue;
            }
            if (c.get("values") == null) {
                error(c, what + " needs 'values': column name → per-event expression");
                continue;
            }
            YMap vm = namedMap(c.get("values"), what + " values");
            if (vm == null || format == null) {
                continue;
            }
            java.util.LinkedHashMap<String, Compiled> values = new java.util.LinkedHashMap<>();
            boolean ok = true;
            for (YNode.Entry v : vm.map().values()) {
                String vw = what + " column '" + v.key() + "'";
                Compiled x = expr(v.value(), vw, new ScopeImpl(Stage.EVENT, null));
                if (x == null) {
                    ok = false;
                } else if (!x.type().isValue() || x.type().shape() != Shape.EVENT) {
                    error(v.value(), vw + " must be one number or boolean per event, got a " + x.type()
                            + (x.type().shape() == Shape.JAGGED ? "; pick one object, e.g. GoodJet[0].pt, or reduce,"
                                    + " e.g. sum(GoodJet.pt)" : ""));
                    ok = false;
                } else {
                    values.put(v.key(), x);
                }
            }
            if (values.isEmpty() && ok) {
                error(vm, what + " values is empty; expected column name → per-event expression");
                continue;
            }
            if (ok) {
                out.add(new Model.ColumnsDef(e.key(), category, format, values));
            }
        }
        return out;
    }

    private Axis axis(YNode n, String what) {
        YMap a = section(n, "histograms.*.axis", what + " axis");
        if (a == null) {
            return null;
        }
        String type = a.get("type") == null ? "regular" : string(a.get("type"), what + " axis type");
        if (type == null) {
            return null;
        }
        if (!AXIS_TYPES.contains(type)) {
            error(a.get("type"), "unknown axis type '" + type + "'" + Suggest.didYouMean(type, AXIS_TYPES)
                    + "; expected one of " + AXIS_TYPES);
            return null;
        }
        String name = a.get("name") == null ? "x" : string(a.get("name"), what + " axis name");
        String label = a.get("label") == null ? null : string(a.get("label"), what + " axis label");
        Set<String> allowed = switch (type) {
            case "variable" -> Set.of("type", "name", "label", "edges");
            default -> Set.of("type", "name", "label", "bins", "start", "stop");
        };
        for (YNode.Entry e : a.map().values()) {
            if (!allowed.contains(e.key()) && Keys.SECTIONS.get("histograms.*.axis").contains(e.key())) {
                keyError(e, "a " + type + " axis has no '" + e.key() + "'; expected " + new java.util.TreeSet<>(allowed));
            }
        }
        try {
            Axis axis;
            switch (type) {
                case "variable" -> {
                    if (!(a.get("edges") instanceof YSeq seq) || seq.items().size() < 2) {
                        error(a.get("edges") == null ? a : a.get("edges"), what
                                + " variable axis needs 'edges': a list of at least two increasing numbers");
                        return null;
                    }
                    double[] edges = new double[seq.items().size()];
                    for (int i = 0; i < edges.length; i++) {
                        Double d = number(seq.items().get(i), what + " edge");
                        if (d == null) {
                            return null;
                        }
                        if (i > 0 && d <= edges[i - 1]) {
                            error(seq.items().get(i), what + " edges must increase: " + d + " <= " + edges[i - 1]);
                            return null;
                        }
                        edges[i] = d;
                    }
                    VariableAxis v = VariableAxis.of(name, edges);
                    axis = label == null ? v : v.withLabel(label);
                }
                case "integer" -> {
                    Integer start = a.get("start") == null ? null : integer(a.get("start"), what + " axis start");
                    Integer stop = a.get("stop") == null ? null : integer(a.get("stop"), what + " axis stop");
                    if (start == null || stop == null) {
                        error(a, what + " integer axis needs integer 'start' and 'stop'");
                        return null;
                    }
                    if (stop <= start) {
                        error(a.get("stop"), what + " axis stop must be above start: " + stop + " <= " + start);
                        return null;
                    }
                    IntegerAxis ia = IntegerAxis.of(name, start, stop);
                    axis = label == null ? ia : ia.withLabel(label);
                }
                default -> {
                    Integer bins = a.get("bins") == null ? null : integer(a.get("bins"), what + " axis bins");
                    Double start = a.get("start") == null ? null : number(a.get("start"), what + " axis start");
                    Double stop = a.get("stop") == null ? null : number(a.get("stop"), what + " axis stop");
                    if (bins == null || start == null || stop == null) {
                        if (a.get("bins") == null || a.get("start") == null || a.get("stop") == null) {
                            error(a, what + " regular axis needs 'bins', 'start' and 'stop'");
                        }
                        return null;
                    }
                    if (bins < 1) {
                        error(a.get("bins"), what + " axis bins must be at least 1, got " + bins);
                        return null;
                    }
                    if (!(stop > start)) {
                        error(a.get("stop"), what + " axis stop must be above start: " + stop + " <= " + start);
                        return null;
                    }
                    RegularAxis r = RegularAxis.of(name, bins, start, stop);
                    axis = label == null ? r : r.withLabel(label);
                }
            }
            return axis;
        } catch (RuntimeException ex) {
            error(a, what + " axis: " + ex.getMessage());
            return null;
        }
    }

    // ------------------------------------------------------------------ systematics lint

    private void lint(YMap root, List<Model.Variation> variations, List<Model.WeightDef> weights,
            List<Model.HistDef> hists) {
        if (hists.isEmpty()) {
            return;
        }
        YMap vm = root.get("variations") instanceof YMap v ? v : null;
        YMap wm = root.get("weights") instanceof YMap w ? w : null;
        List<String> names = new ArrayList<>();
        variations.forEach(v -> names.add(v.name()));
        weights.forEach(w -> {
            if (w.up() != null || w.down() != null || !w.sources().isEmpty()) {
                names.add(w.name());
            }
        });
        for (String v : names) {
            boolean usedByAny = false;
            for (Model.HistDef h : hists) {
                if (h.variations() == null || h.variations().stream().anyMatch(x -> x.equals(v) || x.equals(v + "Up")
                        || x.equals(v + "Down") || x.startsWith(v + "_"))) {
                    usedByAny = true;
                }
            }
            if (!usedByAny) {
                YMap at = vm != null && vm.map().containsKey(v) ? vm : wm;
                YNode.Entry e = at.map().get(v);
                warnings.add(diag(Diagnostic.Severity.WARNING, e.line(), e.column(), "variation '" + v
                        + "' is filled into no histogram; list it under a histogram's 'variations' or remove it"));
            }
        }
        boolean metUsed = flatUsed.stream().anyMatch(b -> b.startsWith("MET_") || b.startsWith("PuppiMET_"));
        for (Model.Variation v : variations) {
            if (v.collection().equals("Jet") && !v.type().equals("jer") && metUsed && !metFollows(v.collection())) {
                YNode.Entry e = vm.map().get(v.name());
                warnings.add(diag(Diagnostic.Severity.WARNING, e.line(), e.column(), "variation '" + v.name()
                        + "' changes jets but MET is used and is not recomputed; the jet shift is not propagated"
                        + " to MET"));
            }
        }
    }
}
