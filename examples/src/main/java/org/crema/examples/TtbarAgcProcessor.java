package org.crema.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Arith;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
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
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.ProcessorException;
import org.crema.processor.analysis.Categories;
import org.crema.processor.analysis.PackedSelection;
import org.crema.processor.analysis.Weights;
import org.crema.processor.nano.Electrons;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.Muons;

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
 *   <li>histogram {@code observable} (25 bins, 50–550 GeV, as the AGC), a per-category observable:
 *       in 4j1b H<sub>T</sub> = Σ jet pt, in 4j2b the mass of the trijet with the largest pt among
 *       the trijets with at least one b-tagged jet;</li>
 *   <li>weights (simulation): {@code genWeight} and the AGC's b-tag toy variations
 *       {@code btag_var_<i>Up/Down} = 1 ± 0.075 · pt<sub>i</sub>/50 for the i-th jet, i = 0…3.</li>
 * </ul>
 *
 * <p>Correction files are read from a folder (default {@code data/corrections}, or the system
 * property {@code crema.corrections}) once per processor instance, on first use, by whichever worker
 * thread gets there first. JEC and JER are computed once per chunk ({@link Events#memo}) and shared
 * by every shape variation of that chunk.
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

    private final String correctionsDir;
    private final ArrayList<String> jesSources;

    /** Lazily loaded correction files, shared by every thread using this instance. */
    private transient volatile JetCorrections corrections;

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
        skim.add("skimFourJets", events.counts("Jet").ge(4));
        skim.add("skimOneLepton", Arith.add(events.counts("Muon"), events.counts("Electron")).ge(1));
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
        // every shape variation of a chunk starts from the same JEC + JER jets, computed once per chunk
        CalibratedJets c = ctx.events().memo(CalibratedJets.class, () -> calibrate(ctx.events()));
        String v = ctx.variation();
        double[] pt = c.pt;
        double[] mass = c.mass;
        if (v.startsWith("JER")) {
            Variation dir = v.endsWith("Up") ? Variation.UP : Variation.DOWN;
            pt = c.smearing.apply(c.jecPt, dir);
            mass = c.smearing.apply(c.jecMass, dir);
        } else if (v.startsWith("JES_")) {
            boolean up = v.endsWith("Up");
            Variation dir = up ? Variation.UP : Variation.DOWN;
            String source = v.substring(4, v.length() - (up ? 2 : 4));
            pt = c.jes.apply(source, c.pt, dir);
            mass = c.jes.apply(source, c.mass, dir);
        } else if (!v.equals(NOMINAL)) {
            throw new IllegalArgumentException("unknown shape variation '" + v + "'");
        }
        Jets jets = ctx.jets();
        ctx.set("Jet", jets.withField("pt", perJet(jets, pt)).withField("mass", perJet(jets, mass)));
    }

    @Override
    protected void selectObjects(AnalysisContext ctx) {
        AgcSelection.selectObjects(ctx);
    }

    @Override
    protected void defineVariables(AnalysisContext ctx) {
        Jets jets = ctx.get("GoodJet", Jets.class);
        ctx.setVariable("nLepton", Arith.add(ctx.get("GoodElectron", Electrons.class).counts(),
                ctx.get("GoodMuon", Muons.class).counts()));
        ctx.setVariable("nJet", jets.counts());
        ctx.setVariable("nBJet", jets.btagDeepFlavB().gt(DEEPJET_MEDIUM_2022).count());
    }

    @Override
    protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
        cuts.add("oneTightLepton", ctx.variable("nLepton", IntColumn.class).eq(1));
        cuts.add("fourJets", ctx.variable("nJet", IntColumn.class).ge(4));
        cuts.add("oneBTag", ctx.variable("nBJet", IntColumn.class).ge(1));
    }

    @Override
    protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
        AgcSelection.categoryCuts(ctx, cuts);
    }

    @Override
    protected Categories categories() {
        return AgcSelection.categories();
    }

    @Override
    protected void weights(AnalysisContext ctx, Weights weights) {
        super.weights(ctx, weights);
        if (ctx.dataset().isMC()) {
            AgcSelection.btagWeights(ctx, weights);
        }
    }

    @Override
    protected List<HistogramSpec> histograms() {
        return List.of(HistogramSpec.perCategory("observable",
                RegularAxis.of("observable", 25, 50, 550).withLabel("4j1b: H_T, 4j2b: m_bjj [GeV]"),
                // computed in the histogram, so only for the events of each region (the trijets: 4j2b only)
                Map.of("4j1b", AgcTaskProcessor::ht, "4j2b", AgcTaskProcessor::trijetMass)));
    }

    // ------------------------------------------------------------------ calibration

    /** The correction files, loaded once per processor instance. */
    record JetCorrections(JetFunction jec, JetSmearing.Jer jer, Map<String, JetFunction> jes) {
    }

    /**
     * Jets of one chunk after JEC and JER, as flat arrays in the order of the input jets.
     *
     * @param jecPt JEC-corrected pt
     * @param jecMass JEC-corrected mass
     * @param smearing JER factors (null for data)
     * @param pt nominal pt (JEC and JER)
     * @param mass nominal mass
     * @param jes JES deltas at the nominal jets (null for data)
     */
    record CalibratedJets(double[] jecPt, double[] jecMass, JetSmearing.Result smearing, double[] pt, double[] mass,
            JesVariations.Result jes) {
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

    private CalibratedJets calibrate(Events events) {
        Jets jets = events.jets().prefetch("pt", "eta", "phi", "mass", "rawFactor", "area", "jetId", "btagDeepFlavB",
                "genJetIdx");
        int[] offsets = jets.pt().zeroBasedOffsets();
        float[] pt = floats(jets.pt());
        float[] mass = floats(jets.mass());
        if (!events.isMC()) {
            // Data would need the residual level; this example keeps the jets as stored.
            double[] p = ((DoubleColumn) jets.pt().toDouble().flatContent()).toArray();
            double[] m = ((DoubleColumn) jets.mass().toDouble().flatContent()).toArray();
            return new CalibratedJets(p, m, null, p, m, null);
        }
        float[] eta = floats(jets.eta());
        JetCorrections corr = corrections();
        float[] rho = ((PrimitiveColumn) events.column("Rho_fixedGridRhoFastjetAll")).toFloat().toArray();
        JetEnergyCorrection.Result jec = JetEnergyCorrection.reapply(corr.jec(), offsets, pt, eta, mass,
                floats(jets.floats("rawFactor")), floats(jets.floats("area")), rho);
        GenJets gen = null;
        if (events.has("GenJet_pt")) {
            org.crema.processor.nano.GenJets g = events.genJets();
            gen = new GenJets(g.pt().zeroBasedOffsets(), floats(g.pt()), floats(g.eta()), floats(g.phi()));
        }
        EventIds ids = new EventIds(ints(events.column("run")), ints(events.column("luminosityBlock")),
                longs(events.column("event")));
        // the stored genJetIdx, out-of-range values included: the smearing checks them against the GenJets
        int[] genJetIdx = ((IntColumn) jets.ints("genJetIdx").flatContent()).toArray();
        JetSmearing.Result smearing = JetSmearing.smear(corr.jer(), JetSmearing.Settings.ak4(), offsets, jec.pt(),
                jec.mass(), eta, floats(jets.phi()), rho, genJetIdx, gen, ids, null);
        double[] nominalPt = smearing.apply(jec.pt(), Variation.NOMINAL);
        double[] nominalMass = smearing.apply(jec.mass(), Variation.NOMINAL);
        JesVariations.Result jes = JesVariations.evaluate(corr.jes(), offsets, nominalPt, eta);
        return new CalibratedJets(jec.pt(), jec.mass(), smearing, nominalPt, nominalMass, jes);
    }

    // ------------------------------------------------------------------ small helpers

    /** Per-jet doubles as float lists shaped like {@code jets}. */
    private static ListColumn<FloatColumn> perJet(Jets jets, double[] values) {
        return jets.pt().withContent(DoubleColumn.of(values).toFloat());
    }

    private static float[] floats(ListColumn<FloatColumn> c) {
        return ((FloatColumn) c.flatContent()).toArray();
    }

    static int[] ints(Column c) {
        return ((PrimitiveColumn) c).toInt().toArray();
    }

    static long[] longs(Column c) {
        return ((PrimitiveColumn) c).toLong().toArray();
    }
}
