package org.crema.processor.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.Combinations;
import org.crema.columnar.Combinatorics;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.Masks;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.Reductions;
import org.crema.columnar.Selection;
import org.crema.corrections.jme.EventIds;
import org.crema.corrections.jme.GenJets;
import org.crema.corrections.jme.JesVariations;
import org.crema.corrections.jme.JetEnergyCorrection;
import org.crema.corrections.jme.JetFunction;
import org.crema.corrections.jme.JetSmearing;
import org.crema.corrections.jme.Variation;
import org.crema.corrections.text.JetCorrectorParameters;
import org.crema.corrections.text.OutOfRangePolicy;
import org.crema.corrections.text.TextCorrection;
import org.crema.corrections.text.TextJerScaleFactor;
import org.crema.corrections.text.TextUncertainty;
import org.crema.hist.RegularAxis;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.Categories;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.PackedSelection;
import org.crema.processor.ProcessorException;
import org.crema.processor.Weights;

/**
 * The Analysis Grand Challenge tt̄ analysis (task version 2) on Run 3 NanoAOD, with the jets
 * recalibrated from the JetMET text files of Summer22 (2022, pre-EE).
 *
 * <ul>
 *   <li>skim: at least four jets and at least one electron or muon (raw collections);</li>
 *   <li>jets (simulation): JEC re-applied from the raw pt ({@code Jet_rawFactor}, {@code Jet_area},
 *       {@code Rho_fixedGridRhoFastjetAll}; L1FastJet, L2Relative, L3Absolute of
 *       {@code Summer22_22Sep2023_V3_MC}), then hybrid JER smearing ({@code Summer22_22Sep2023_JRV1_MC})
 *       matched to {@code GenJet} through {@code Jet_genJetIdx}, with random numbers keyed on
 *       (run, lumi, event, jet index) so results do not depend on chunking. Data jets are used as
 *       stored;</li>
 *   <li>shape variations (simulation): {@code JERUp}/{@code JERDown} and {@code JES_<source>Up}/{@code Down}
 *       for the regrouped sources {@link #DEFAULT_JES_SOURCES} (Absolute, FlavorQCD, Total);</li>
 *   <li>objects (AGC cuts): electrons pt &gt; 30 GeV, |η| &lt; 2.1, {@code cutBased == 4} (tight),
 *       {@code sip3d < 4}; muons pt &gt; 30 GeV, |η| &lt; 2.1, {@code tightId}, {@code sip3d < 4},
 *       {@code pfRelIso04_all < 0.15}; jets pt &gt; 30 GeV, |η| &lt; 2.4, tight ID with lepton veto
 *       ({@code jetId} bits 1 and 2); a jet is b-tagged when {@code btagDeepFlavB} &gt;
 *       {@link #DEEPJET_MEDIUM_2022} (the AGC's Run 2 open data uses {@code btagCSVV2 > 0.5}, which
 *       Run 3 NanoAOD no longer has);</li>
 *   <li>preselection: exactly one lepton, at least four jets, at least one b-tag;</li>
 *   <li>categories: {@code 4j1b} (exactly one b-tag) and {@code 4j2b} (at least two);</li>
 *   <li>histogram {@code observable} (25 bins, 50–550 GeV, as the AGC): in 4j1b H<sub>T</sub> = Σ jet
 *       pt, in 4j2b the mass of the trijet with the largest pt among the trijets with at least one
 *       b-tagged jet;</li>
 *   <li>weights (simulation): {@code genWeight} and the AGC's b-tag toy variations
 *       {@code btag_var_<i>Up/Down} = 1 ± 0.075 · pt<sub>i</sub>/50 for the i-th jet, i = 0…3.</li>
 * </ul>
 *
 * <p>Correction files are read from a folder (default {@code data/corrections}, or the system
 * property {@code crema.corrections}) once per processor instance, on first use, by whichever worker
 * thread gets there first.
 */
public final class TtbarAgcProcessor extends AnalysisProcessor {
    private static final long serialVersionUID = 1L;

    /**
     * DeepJet medium working point for 2022 (pre-EE, Summer22) from the BTV Run 3 recommendations
     * ({@code btagging.json.gz} of the 2022_Summer22 POG folder, {@code deepJet_wp_values} "M").
     */
    public static final float DEEPJET_MEDIUM_2022 = 0.3086f;

    /** Regrouped JES sources varied by default (section names of the RegroupedV2 file). */
    public static final List<String> DEFAULT_JES_SOURCES = List.of("Absolute", "FlavorQCD", "Total");

    /**
     * Integrated luminosity of 2022 eras C–D (pre-EE) in pb⁻¹, from the CMS LUMI POG Run 3 table
     * (7.9804 fb⁻¹).
     */
    public static final Map<String, Double> LUMINOSITY_2022 = Map.of("2022", 7980.4);

    static final String JEC_TAG = "jec/Summer22_22Sep2023_V3_MC_";
    static final String JER_TAG = "jer/Summer22_22Sep2023_JRV1_MC_";
    static final String JUNC_FILE = "junc/RegroupedV2_Summer22_22Sep2023_V3_MC_UncertaintySources_AK4PFPuppi.junc.txt.gz";

    private static final String[] JET_FIELDS = {"pt", "eta", "phi", "mass", "rawFactor", "area", "jetId",
        "btagDeepFlavB", "genJetIdx"};

    private final String correctionsDir;
    private final ArrayList<String> jesSources;

    /** Lazily loaded correction files, shared by every thread using this instance. */
    private transient volatile JetCorrections corrections;
    /**
     * The calibrated jets of the chunk a thread is processing. Every shape variation of a chunk runs
     * on one thread over the same skimmed {@link Events}, so JEC and JER (the expensive part) are
     * computed once per chunk and each variation only rescales; the entry is keyed on the Events
     * instance, so a new chunk recomputes.
     */
    private transient ThreadLocal<CalibratedJets> calibrated;

    /** Reads corrections from the {@code crema.corrections} system property, else {@code data/corrections}. */
    public TtbarAgcProcessor() {
        this(Path.of(System.getProperty("crema.corrections", "data/corrections")), DEFAULT_JES_SOURCES);
    }

    /**
     * @param correctionsDir folder holding {@code jec/}, {@code jer/} and {@code junc/}
     * @param jesSources regrouped JES source names to vary (sections of the RegroupedV2 file)
     */
    public TtbarAgcProcessor(Path correctionsDir, List<String> jesSources) {
        super(LUMINOSITY_2022);
        this.correctionsDir = correctionsDir.toAbsolutePath().toString();
        this.jesSources = new ArrayList<>(jesSources);
    }

    // ------------------------------------------------------------------ hooks

    @Override
    protected void skim(Events events, PackedSelection skim) {
        skim.add("skimFourJets", Masks.ge(intColumn(events.column("nJet")), 4));
        IntColumn nMu = intColumn(events.column("nMuon"));
        IntColumn nEl = intColumn(events.column("nElectron"));
        boolean[] lepton = new boolean[events.size()];
        for (int i = 0; i < lepton.length; i++) {
            lepton[i] = nMu.get(i) + nEl.get(i) >= 1;
        }
        skim.add("skimOneLepton", BoolColumn.of(lepton));
    }

    @Override
    protected List<String> shapeVariations(DatasetInfo dataset) {
        List<String> v = new ArrayList<>(List.of("JERUp", "JERDown"));
        for (String s : jesSources) {
            v.add("JES_" + s + "Up");
            v.add("JES_" + s + "Down");
        }
        return v;
    }

    @Override
    protected void calibrate(AnalysisContext ctx) {
        CalibratedJets c = calibratedJets(ctx.events());
        double[] pt;
        double[] mass;
        String v = ctx.variation();
        if (v.equals(NOMINAL)) {
            pt = c.pt;
            mass = c.mass;
        } else if (v.startsWith("JER")) {
            Variation dir = v.endsWith("Up") ? Variation.UP : Variation.DOWN;
            pt = c.smearing.apply(c.jecPt, dir);
            mass = c.smearing.apply(c.jecMass, dir);
        } else if (v.startsWith("JES_")) {
            boolean up = v.endsWith("Up");
            String source = v.substring(4, v.length() - (up ? 2 : 4));
            Variation dir = up ? Variation.UP : Variation.DOWN;
            pt = c.jes.apply(source, c.pt, dir);
            mass = c.jes.apply(source, c.mass, dir);
        } else {
            throw new IllegalArgumentException("unknown shape variation '" + v + "'");
        }
        RecordColumn jets = c.base.withField("pt", FloatColumn.of(toFloats(pt, c.offsets)))
                .withField("mass", FloatColumn.of(toFloats(mass, c.offsets)));
        ctx.setCollection("Jet", ListColumn.of(c.offsets, jets));
    }

    @Override
    protected void selectObjects(AnalysisContext ctx) {
        ListColumn<RecordColumn> el = ctx.collection("Electron", "pt", "eta", "cutBased", "sip3d");
        ctx.setCollection("Electron", el);
        ListColumn<BoolColumn> goodEl = Masks.and(
                Masks.and(Masks.gt(ctx.field("Electron", "pt", FloatColumn.class), 30f),
                        Masks.lt(abs(ctx.field("Electron", "eta", FloatColumn.class)), 2.1f)),
                Masks.and(Masks.eq(intList(el, "cutBased"), 4),
                        Masks.lt(ctx.field("Electron", "sip3d", FloatColumn.class), 4f)));
        ctx.setCollection("GoodElectron", Selection.filter(el, goodEl));

        ListColumn<RecordColumn> mu = ctx.collection("Muon", "pt", "eta", "tightId", "sip3d", "pfRelIso04_all");
        ctx.setCollection("Muon", mu);
        ListColumn<BoolColumn> goodMu = Masks.and(
                Masks.and(Masks.gt(ctx.field("Muon", "pt", FloatColumn.class), 30f),
                        Masks.lt(abs(ctx.field("Muon", "eta", FloatColumn.class)), 2.1f)),
                Masks.and(ctx.field("Muon", "tightId", BoolColumn.class),
                        Masks.and(Masks.lt(ctx.field("Muon", "sip3d", FloatColumn.class), 4f),
                                Masks.lt(ctx.field("Muon", "pfRelIso04_all", FloatColumn.class), 0.15f))));
        ctx.setCollection("GoodMuon", Selection.filter(mu, goodMu));

        // jetId bit 1 = tight, bit 2 = tight with lepton veto: the AGC's jetId == 6.
        ListColumn<BoolColumn> goodJet = Masks.and(
                Masks.and(Masks.gt(ctx.field("Jet", "pt", FloatColumn.class), 30f),
                        Masks.lt(abs(ctx.field("Jet", "eta", FloatColumn.class)), 2.4f)),
                Masks.hasBits(ctx.field("Jet", "jetId", IntColumn.class), 0b110));
        ctx.setCollection("GoodJet", Selection.filter(ctx.collection("Jet"), goodJet));
    }

    @Override
    protected void countObjects(AnalysisContext ctx) {
        IntColumn nEl = Selection.counts(ctx.collection("GoodElectron"));
        IntColumn nMu = Selection.counts(ctx.collection("GoodMuon"));
        int[] nLep = new int[ctx.size()];
        for (int i = 0; i < nLep.length; i++) {
            nLep[i] = nEl.get(i) + nMu.get(i);
        }
        ctx.setVariable("nLepton", IntColumn.of(nLep));
        ctx.setVariable("nJet", Selection.counts(ctx.collection("GoodJet")));
        ctx.setVariable("nBJet", Reductions.count(
                Masks.gt(ctx.field("GoodJet", "btagDeepFlavB", FloatColumn.class), DEEPJET_MEDIUM_2022)));
    }

    @Override
    protected void defineVariables(AnalysisContext ctx) {
        ListColumn<FloatColumn> pt = ctx.field("GoodJet", "pt", FloatColumn.class);
        FloatColumn ht = Reductions.sum(pt);
        FloatColumn mbjj = trijetMass(ctx.collection("GoodJet"), pt);

        IntColumn nb = ctx.variable("nBJet", IntColumn.class);
        float[] observable = new float[ctx.size()];
        for (int i = 0; i < observable.length; i++) {
            observable[i] = nb.get(i) == 1 ? ht.get(i) : mbjj.get(i);
        }
        ctx.setVariable("HT", ht);
        ctx.setVariable("mbjj", mbjj);
        ctx.setVariable("observable", FloatColumn.of(observable));
    }

    @Override
    protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
        cuts.add("oneTightLepton", Masks.eq(ctx.variable("nLepton", IntColumn.class), 1));
        cuts.add("fourJets", Masks.ge(ctx.variable("nJet", IntColumn.class), 4));
        cuts.add("oneBTag", Masks.ge(ctx.variable("nBJet", IntColumn.class), 1));
    }

    @Override
    protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
        IntColumn nb = ctx.variable("nBJet", IntColumn.class);
        cuts.add("exactlyOneB", Masks.eq(nb, 1));
        cuts.add("atLeastTwoB", Masks.ge(nb, 2));
    }

    @Override
    protected Categories categories() {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        categories.put("4j1b", List.of("exactlyOneB"));
        categories.put("4j2b", List.of("atLeastTwoB"));
        return Categories.standard(categories);
    }

    @Override
    protected void weights(AnalysisContext ctx, Weights weights) {
        super.weights(ctx, weights);
        if (!ctx.dataset().isMC()) {
            return;
        }
        // AGC toy b-tag uncertainty: 7.5 % per 50 GeV of the i-th selected jet's pt, i = 0..3.
        int n = ctx.size();
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1.0);
        ListColumn<FloatColumn> pt = ctx.field("GoodJet", "pt", FloatColumn.class);
        List<String> sources = new ArrayList<>();
        List<double[]> ups = new ArrayList<>();
        List<double[]> downs = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            FloatColumn ptK = Selection.kth(pt, k, 0f);
            double[] up = new double[n];
            double[] down = new double[n];
            for (int i = 0; i < n; i++) {
                double shift = 0.075 * ptK.get(i) / 50.0;
                up[i] = 1.0 + shift;
                down[i] = 1.0 - shift;
            }
            sources.add(Integer.toString(k));
            ups.add(up);
            downs.add(down);
        }
        weights.addMultiVariation("btag_var", one, sources, ups, downs);
    }

    @Override
    protected List<HistogramSpec> histograms() {
        return List.of(new HistogramSpec("observable",
                RegularAxis.of("observable", 25, 50, 550).withLabel("4j1b: H_T, 4j2b: m_bjj [GeV]"),
                ctx -> ctx.variable("observable")));
    }

    // ------------------------------------------------------------------ calibration

    /** The correction files, loaded once per processor instance. */
    record JetCorrections(JetFunction jec, JetSmearing.Jer jer, Map<String, JetFunction> jes) {
    }

    /**
     * Jets of one chunk after JEC and JER; flat arrays with zero-based offsets.
     *
     * @param events the skimmed events these jets belong to (cache key)
     * @param offsets per-event jet offsets
     * @param base eta, phi, jetId, btagDeepFlavB (pt and mass are set per variation)
     * @param jecPt JEC-corrected pt
     * @param jecMass JEC-corrected mass
     * @param smearing JER factors
     * @param pt nominal pt (JEC and JER)
     * @param mass nominal mass
     * @param jes JES deltas at the nominal jets
     */
    record CalibratedJets(Events events, int[] offsets, RecordColumn base, double[] jecPt, double[] jecMass,
            JetSmearing.Result smearing, double[] pt, double[] mass, JesVariations.Result jes) {
    }

    JetCorrections corrections() {
        JetCorrections c = corrections;
        if (c == null) {
            synchronized (this) {
                c = corrections;
                if (c == null) {
                    c = load(Path.of(correctionsDir), jesSources);
                    corrections = c;
                }
            }
        }
        return c;
    }

    /**
     * Loads the Summer22 JEC levels, JER resolution and scale factors and the chosen regrouped JES
     * sources.
     *
     * @param dir folder with {@code jec/}, {@code jer/}, {@code junc/}
     * @param sources JES section names to keep
     * @return the loaded corrections
     */
    static JetCorrections load(Path dir, List<String> sources) {
        Path junc = dir.resolve(JUNC_FILE);
        if (!Files.isRegularFile(junc)) {
            throw new ProcessorException("the jet correction files are not in " + dir + " (expected " + junc
                    + "); set -Dcrema.corrections=DIR or pass the folder to the constructor");
        }
        JetFunction jec = JetFunction.chain(List.of(
                level(dir, JEC_TAG + "L1FastJet_AK4PFPuppi.jec.txt.gz"),
                level(dir, JEC_TAG + "L2Relative_AK4PFPuppi.jec.txt.gz"),
                level(dir, JEC_TAG + "L3Absolute_AK4PFPuppi.jec.txt.gz")));
        TextJerScaleFactor sf = TextJerScaleFactor.of(
                JetCorrectorParameters.read(dir.resolve(JER_TAG + "SF_AK4PFPuppi.jersf.txt.gz")));
        JetSmearing.Jer jer = new JetSmearing.Jer(level(dir, JER_TAG + "PtResolution_AK4PFPuppi.jr.txt.gz"),
                JetFunction.of(sf, Variation.NOMINAL), JetFunction.of(sf, Variation.UP),
                JetFunction.of(sf, Variation.DOWN));
        Map<String, TextUncertainty> all = TextUncertainty.readSources(junc, OutOfRangePolicy.CMSSW);
        Map<String, JetFunction> jes = new LinkedHashMap<>();
        for (String s : sources) {
            TextUncertainty u = all.get(s);
            if (u == null) {
                throw new IllegalArgumentException("JES source '" + s + "' is not in " + junc + "; it has "
                        + all.keySet());
            }
            jes.put(s, JetFunction.of(u));
        }
        return new JetCorrections(jec, jer, jes);
    }

    private static JetFunction level(Path dir, String file) {
        return JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(dir.resolve(file))));
    }

    private CalibratedJets calibratedJets(Events events) {
        ThreadLocal<CalibratedJets> cache;
        synchronized (this) {
            if (calibrated == null) {
                calibrated = new ThreadLocal<>();
            }
            cache = calibrated;
        }
        CalibratedJets c = cache.get();
        if (c == null || c.events() != events) {
            c = calibrate(events);
            cache.set(c);
        }
        return c;
    }

    private CalibratedJets calibrate(Events events) {
        ListColumn<RecordColumn> jets = events.collection("Jet", JET_FIELDS);
        int[] offsets = jets.zeroBasedOffsets();
        RecordColumn content = (RecordColumn) jets.flatContent();
        float[] pt = floats(content.field("pt"));
        float[] eta = floats(content.field("eta"));
        float[] phi = floats(content.field("phi"));
        float[] mass = floats(content.field("mass"));
        int total = pt.length;
        RecordColumn base = RecordColumn.of(Map.of(
                "eta", FloatColumn.of(eta),
                "phi", FloatColumn.of(phi),
                "jetId", IntColumn.of(ints(content.field("jetId"))),
                "btagDeepFlavB", FloatColumn.of(floats(content.field("btagDeepFlavB")))), total);
        if (!events.isMC()) {
            // Data would need the residual level; this example keeps the jets as stored.
            double[] p = toDoubles(FloatColumn.of(pt));
            double[] m = toDoubles(FloatColumn.of(mass));
            return new CalibratedJets(events, offsets, base, p, m, null, p, m, null);
        }
        JetCorrections corr = corrections();
        float[] rho = floats(events.column("Rho_fixedGridRhoFastjetAll"));
        JetEnergyCorrection.Result jec = JetEnergyCorrection.reapply(corr.jec(), offsets, pt, eta, mass,
                floats(content.field("rawFactor")), floats(content.field("area")), rho);

        GenJets gen = null;
        if (events.has("GenJet_pt")) {
            ListColumn<RecordColumn> g = events.collection("GenJet", "pt", "eta", "phi");
            RecordColumn gc = (RecordColumn) g.flatContent();
            gen = new GenJets(g.zeroBasedOffsets(), floats(gc.field("pt")), floats(gc.field("eta")),
                    floats(gc.field("phi")));
        }
        EventIds ids = new EventIds(ints(events.column("run")), ints(events.column("luminosityBlock")),
                longs(events.column("event")));
        JetSmearing.Result smearing = JetSmearing.smear(corr.jer(), JetSmearing.Settings.ak4(), offsets, jec.pt(),
                jec.mass(), eta, phi, rho, ints(content.field("genJetIdx")), gen, ids, null);
        double[] nominalPt = smearing.apply(jec.pt(), Variation.NOMINAL);
        double[] nominalMass = smearing.apply(jec.mass(), Variation.NOMINAL);
        JesVariations.Result jes = JesVariations.evaluate(corr.jes(), offsets, nominalPt, eta);
        return new CalibratedJets(events, offsets, base, jec.pt(), jec.mass(), smearing, nominalPt, nominalMass, jes);
    }

    /**
     * Mass of the trijet with the largest pt among the trijets that contain at least one b-tagged
     * jet, NaN when there is none. Each jet's Cartesian components are computed once (sinh and cosh
     * are the expensive part) and then summed for every combination of three, in double.
     */
    private static FloatColumn trijetMass(ListColumn<RecordColumn> jets, ListColumn<FloatColumn> pt) {
        int[] off = jets.zeroBasedOffsets();
        RecordColumn flat = (RecordColumn) jets.flatContent();
        float[] p = floats(flat.field("pt"));
        float[] eta = floats(flat.field("eta"));
        float[] phi = floats(flat.field("phi"));
        float[] m = floats(flat.field("mass"));
        float[] b = floats(flat.field("btagDeepFlavB"));
        int nj = p.length;
        double[] px = new double[nj];
        double[] py = new double[nj];
        double[] pz = new double[nj];
        double[] en = new double[nj];
        for (int j = 0; j < nj; j++) {
            px[j] = p[j] * StrictMath.cos(phi[j]);
            py[j] = p[j] * StrictMath.sin(phi[j]);
            pz[j] = p[j] * StrictMath.sinh(eta[j]);
            double pl = p[j] * StrictMath.cosh(eta[j]);
            en[j] = Math.sqrt(pl * pl + (double) m[j] * m[j]);
        }
        Combinations trijets = Combinatorics.triplets(pt);
        ListColumn<IntColumn> i0 = trijets.index(0);
        ListColumn<IntColumn> i1 = trijets.index(1);
        ListColumn<IntColumn> i2 = trijets.index(2);
        int[] toff = i0.zeroBasedOffsets();
        int[] a = ((IntColumn) i0.flatContent()).toArray();
        int[] c1 = ((IntColumn) i1.flatContent()).toArray();
        int[] c2 = ((IntColumn) i2.flatContent()).toArray();
        float[] tpt = new float[a.length];
        float[] tmass = new float[a.length];
        boolean[] hasB = new boolean[a.length];
        for (int e = 0; e < off.length - 1; e++) {
            int base = off[e];
            for (int t = toff[e]; t < toff[e + 1]; t++) {
                int ja = base + a[t];
                int jb = base + c1[t];
                int jc = base + c2[t];
                double sx = px[ja] + px[jb] + px[jc];
                double sy = py[ja] + py[jb] + py[jc];
                double sz = pz[ja] + pz[jb] + pz[jc];
                double se = en[ja] + en[jb] + en[jc];
                tpt[t] = (float) Math.sqrt(sx * sx + sy * sy);
                tmass[t] = (float) Math.sqrt(Math.max(se * se - sx * sx - sy * sy - sz * sz, 0));
                hasB[t] = b[ja] > DEEPJET_MEDIUM_2022 || b[jb] > DEEPJET_MEDIUM_2022 || b[jc] > DEEPJET_MEDIUM_2022;
            }
        }
        ListColumn<BoolColumn> keep = ListColumn.of(toff, BoolColumn.of(hasB));
        ListColumn<FloatColumn> candidatePt = Selection.filter(ListColumn.of(toff, FloatColumn.of(tpt)), keep);
        ListColumn<FloatColumn> candidateMass = Selection.filter(ListColumn.of(toff, FloatColumn.of(tmass)), keep);
        return Selection.pick(candidateMass, Reductions.argmax(candidatePt), Float.NaN);
    }

    // ------------------------------------------------------------------ small helpers

    private static ListColumn<FloatColumn> abs(ListColumn<FloatColumn> x) {
        return x.withContent(org.crema.columnar.Arith.abs(x.content()));
    }

    private static ListColumn<IntColumn> intList(ListColumn<RecordColumn> c, String field) {
        return c.withContent(IntColumn.of(ints(c.content().field(field))));
    }

    private static IntColumn intColumn(Column c) {
        return c instanceof IntColumn i ? i : IntColumn.of(ints(c));
    }

    private static float[] toFloats(double[] values, int[] offsets) {
        float[] out = new float[offsets[offsets.length - 1]];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    static float[] floats(Column c) {
        if (c instanceof FloatColumn f) {
            return f.toArray();
        }
        PrimitiveColumn p = primitive(c);
        float[] out = new float[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) p.getDouble(i);
        }
        return out;
    }

    static int[] ints(Column c) {
        PrimitiveColumn p = primitive(c);
        int[] out = new int[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) p.getLong(i);
        }
        return out;
    }

    static long[] longs(Column c) {
        PrimitiveColumn p = primitive(c);
        long[] out = new long[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.getLong(i);
        }
        return out;
    }

    private static PrimitiveColumn primitive(Column c) {
        if (!(c instanceof PrimitiveColumn p)) {
            throw new IllegalArgumentException("expected a flat numeric column, got " + c.getClass().getSimpleName());
        }
        return p;
    }
}
