package org.crema.benchmarks.corrections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crema.correctionlib.CorrectionSet;
import org.crema.corrections.btag.BTagCalibration;
import org.crema.corrections.btag.BTagShapeSf;
import org.crema.corrections.btag.BTagShapeWeights;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CMS jet pipeline on one chunk of 10^6 jets (200 000 events of 5 jets), from the bundled
 * legacy text files (Summer22 22Sep2023 AK4PFPuppi JEC, JRV1 JER, RegroupedV2 JES), on one core.
 * The score is milliseconds per chunk.
 *
 * <ul>
 *   <li>{@code jec}: raw pt from rawFactor, L1FastJet × L2Relative × L3Absolute × L2L3Residual;</li>
 *   <li>{@code jer}: resolution, nominal/up/down scale factors, gen matching and hybrid smearing;</li>
 *   <li>{@code jes11SourcesUpDown}: δ of the 11 regrouped sources and the varied pt and mass (up and
 *       down) of each;</li>
 *   <li>{@code jecJerJes}: the three in sequence, the per-core goal being ≤ 500 ms;</li>
 *   <li>{@code btagShapeWithSystematics}: DeepCSV 2016 legacy shape SFs, event weights for central
 *       and the 16 non-jes systematics on 10^6 jets with |η| &lt; 2.5;</li>
 *   <li>{@code jecJson}, {@code jecJerJesJson}: the same pipeline from the bundled correctionlib
 *       file {@code jet_jerc_Summer22_V3.json.gz} (L1L2L3Res compound, JRV1 resolution and scale
 *       factor, the 11 {@code Regrouped_} sources).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g", "-Xmn2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JetCorrectionsBenchmark {
    static final int EVENTS = 200_000;
    static final int JETS_PER_EVENT = 5;
    static final int N = EVENTS * JETS_PER_EVENT;

    int[] offsets;
    float[] pt;
    float[] eta;
    float[] phi;
    float[] mass;
    float[] rawFactor;
    float[] area;
    float[] rho;
    int[] genJetIdx;
    GenJets genJets;
    EventIds ids;
    int[] hadronFlavour;
    float[] btagEta;
    float[] discriminant;
    double[] btagPt;

    JetFunction jec;
    JetSmearing.Jer jer;
    Map<String, JetFunction> jes;
    JetFunction jecJson;
    JetSmearing.Jer jerJson;
    Map<String, JetFunction> jesJson;
    BTagShapeSf shape;
    List<String> btagSystematics;

    static Path data(String relative) {
        Path root = Path.of(System.getProperty("crema.root", "."));
        Path p = root.resolve("data/corrections").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark input not found: " + p.toAbsolutePath()
                    + " (run from the repository root or pass -Dcrema.root=...)");
        }
        return p;
    }

    static JetFunction level(String file) {
        return JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(data("jec/" + file))));
    }

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        offsets = new int[EVENTS + 1];
        for (int e = 0; e < EVENTS; e++) {
            offsets[e + 1] = offsets[e] + JETS_PER_EVENT;
        }
        pt = new float[N];
        eta = new float[N];
        phi = new float[N];
        mass = new float[N];
        rawFactor = new float[N];
        area = new float[N];
        genJetIdx = new int[N];
        float[] genPt = new float[N];
        float[] genEta = new float[N];
        float[] genPhi = new float[N];
        hadronFlavour = new int[N];
        btagEta = new float[N];
        discriminant = new float[N];
        btagPt = new double[N];
        for (int i = 0; i < N; i++) {
            // Falling spectrum from 15 GeV; |eta| < 2.5 mostly, a few forward jets.
            pt[i] = (float) (15 + 40 * -Math.log(1 - r.nextDouble()));
            eta[i] = (float) (r.nextDouble(-2.4, 2.4) * (r.nextInt(10) == 0 ? 2.0 : 1.0));
            phi[i] = (float) r.nextDouble(-Math.PI, Math.PI);
            mass[i] = (float) r.nextDouble(2, 20);
            rawFactor[i] = (float) r.nextDouble(0.0, 0.3);
            area[i] = (float) r.nextDouble(0.4, 0.6);
            // Two thirds of the jets have a gen jet nearby with a compatible pt.
            boolean matched = r.nextInt(3) != 0;
            genJetIdx[i] = matched ? i % JETS_PER_EVENT : -1;
            genPt[i] = (float) (pt[i] * r.nextDouble(0.85, 1.15));
            genEta[i] = eta[i] + (float) r.nextDouble(-0.05, 0.05);
            genPhi[i] = phi[i] + (float) r.nextDouble(-0.05, 0.05);
            hadronFlavour[i] = switch (r.nextInt(3)) {
                case 0 -> 5;
                case 1 -> 4;
                default -> 0;
            };
            btagEta[i] = (float) r.nextDouble(-2.49, 2.49);
            discriminant[i] = (float) r.nextDouble(-0.1, 1.0);
            btagPt[i] = pt[i];
        }
        rho = new float[EVENTS];
        int[] run = new int[EVENTS];
        int[] lumi = new int[EVENTS];
        long[] event = new long[EVENTS];
        for (int e = 0; e < EVENTS; e++) {
            rho[e] = (float) r.nextDouble(5, 40);
            run[e] = 360000;
            lumi[e] = e / 1000;
            event[e] = e;
        }
        genJets = new GenJets(offsets, genPt, genEta, genPhi);
        ids = new EventIds(run, lumi, event);

        String tag = "Summer22_22Sep2023_V3_MC_";
        jec = JetFunction.chain(List.of(level(tag + "L1FastJet_AK4PFPuppi.jec.txt.gz"),
                level(tag + "L2Relative_AK4PFPuppi.jec.txt.gz"), level(tag + "L3Absolute_AK4PFPuppi.jec.txt.gz"),
                level(tag + "L2L3Residual_AK4PFPuppi.jec.txt.gz")));
        JetFunction resolution = JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(
                data("jer/Summer22_22Sep2023_JRV1_MC_PtResolution_AK4PFPuppi.jr.txt.gz"))));
        TextJerScaleFactor sf = TextJerScaleFactor.of(JetCorrectorParameters.read(
                data("jer/Summer22_22Sep2023_JRV1_MC_SF_AK4PFPuppi.jersf.txt.gz")));
        jer = new JetSmearing.Jer(resolution, JetFunction.of(sf, Variation.NOMINAL), JetFunction.of(sf, Variation.UP),
                JetFunction.of(sf, Variation.DOWN));
        jes = new LinkedHashMap<>();
        TextUncertainty.readSources(data("junc/RegroupedV2_Summer22_22Sep2023_V3_MC_UncertaintySources_AK4PFPuppi.junc.txt.gz"),
                OutOfRangePolicy.CMSSW).forEach((name, u) -> {
                    if (!name.equals("Total")) {
                        jes.put(name, JetFunction.of(u));
                    }
                });
        if (jes.size() != 11) {
            throw new IllegalStateException("expected 11 regrouped sources, got " + jes.keySet());
        }
        CorrectionSet json = CorrectionSet.load(data("correctionlib/jet_jerc_Summer22_V3.json.gz"));
        jecJson = JetFunction.of(json.compound(tag + "L1L2L3Res_AK4PFPuppi"), Map.of());
        String sfName = "Summer22_22Sep2023_JRV1_MC_ScaleFactor_AK4PFPuppi";
        jerJson = new JetSmearing.Jer(JetFunction.of(json.correction("Summer22_22Sep2023_JRV1_MC_PtResolution_AK4PFPuppi"),
                Map.of()), JetFunction.of(json.correction(sfName), Map.of("systematic", "nom")),
                JetFunction.of(json.correction(sfName), Map.of("systematic", "up")),
                JetFunction.of(json.correction(sfName), Map.of("systematic", "down")));
        jesJson = new LinkedHashMap<>();
        for (String source : jes.keySet()) {
            jesJson.put(source, JetFunction.of(json.correction(tag + "Regrouped_" + source + "_AK4PFPuppi"), Map.of()));
        }
        shape = BTagShapeSf.of(BTagCalibration.read(data("btag/DeepCSV_2016LegacySF_V1_TuneCP5.btag.csv.gz"))
                .reader(BTagCalibration.SHAPE, "iterativefit"));
        btagSystematics = shape.systematics().stream().filter(s -> !s.contains("jes")).sorted().toList();
        precompute();
    }

    JetEnergyCorrection.Result runJec() {
        return runJec(jec);
    }

    JetEnergyCorrection.Result runJec(JetFunction function) {
        return JetEnergyCorrection.reapply(function, offsets, pt, eta, mass, rawFactor, area, rho);
    }

    JetSmearing.Result runJer(JetEnergyCorrection.Result corrected) {
        return runJer(jer, corrected);
    }

    JetSmearing.Result runJer(JetSmearing.Jer functions, JetEnergyCorrection.Result corrected) {
        return JetSmearing.smear(functions, JetSmearing.Settings.ak4(), offsets, corrected.pt(), corrected.mass(), eta,
                phi, rho, genJetIdx, genJets, ids, null);
    }

    void runJes(double[] nominalPt, double[] nominalMass, Blackhole bh) {
        runJes(jes, nominalPt, nominalMass, bh);
    }

    void runJes(Map<String, JetFunction> sources, double[] nominalPt, double[] nominalMass, Blackhole bh) {
        JesVariations.Result result = JesVariations.evaluate(sources, offsets, nominalPt, eta);
        for (String source : sources.keySet()) {
            bh.consume(result.apply(source, nominalPt, Variation.UP));
            bh.consume(result.apply(source, nominalPt, Variation.DOWN));
            bh.consume(result.apply(source, nominalMass, Variation.UP));
            bh.consume(result.apply(source, nominalMass, Variation.DOWN));
        }
    }

    @Benchmark
    public JetEnergyCorrection.Result jec() {
        return runJec();
    }

    JetEnergyCorrection.Result corrected;
    double[] smearedPt;
    double[] smearedMass;

    void precompute() {
        corrected = runJec();
        JetSmearing.Result smeared = runJer(corrected);
        smearedPt = smeared.apply(corrected.pt(), Variation.NOMINAL);
        smearedMass = smeared.apply(corrected.mass(), Variation.NOMINAL);
    }

    @Benchmark
    public JetSmearing.Result jer() {
        return runJer(corrected);
    }

    @Benchmark
    public void jes11SourcesUpDown(Blackhole bh) {
        runJes(smearedPt, smearedMass, bh);
    }

    @Benchmark
    public void jecJerJes(Blackhole bh) {
        JetEnergyCorrection.Result c = runJec();
        JetSmearing.Result s = runJer(c);
        double[] ptNominal = s.apply(c.pt(), Variation.NOMINAL);
        double[] massNominal = s.apply(c.mass(), Variation.NOMINAL);
        bh.consume(s.apply(c.pt(), Variation.UP));
        bh.consume(s.apply(c.pt(), Variation.DOWN));
        runJes(ptNominal, massNominal, bh);
    }

    /**
     * The pipeline as an analysis runs it, one variation at a time: the varied pt and mass of each
     * JES source and direction are written into two reused buffers and consumed before the next.
     */
    @Benchmark
    public void jecJerJesOneVariationAtATime(Blackhole bh) {
        JetEnergyCorrection.Result c = runJec();
        JetSmearing.Result s = runJer(c);
        double[] ptNominal = s.apply(c.pt(), Variation.NOMINAL);
        double[] massNominal = s.apply(c.mass(), Variation.NOMINAL);
        bh.consume(s.apply(c.pt(), Variation.UP));
        bh.consume(s.apply(c.pt(), Variation.DOWN));
        JesVariations.Result result = JesVariations.evaluate(jes, offsets, ptNominal, eta);
        double[] ptBuffer = new double[N];
        double[] massBuffer = new double[N];
        for (String source : jes.keySet()) {
            for (Variation v : new Variation[] {Variation.UP, Variation.DOWN}) {
                result.applyInto(source, ptNominal, v, ptBuffer);
                result.applyInto(source, massNominal, v, massBuffer);
                bh.consume(ptBuffer[N - 1] + massBuffer[N - 1]);
            }
        }
    }

    @Benchmark
    public JetEnergyCorrection.Result jecJson() {
        return runJec(jecJson);
    }

    @Benchmark
    public void jecJerJesJson(Blackhole bh) {
        JetEnergyCorrection.Result c = runJec(jecJson);
        JetSmearing.Result s = runJer(jerJson, c);
        double[] ptNominal = s.apply(c.pt(), Variation.NOMINAL);
        double[] massNominal = s.apply(c.mass(), Variation.NOMINAL);
        bh.consume(s.apply(c.pt(), Variation.UP));
        bh.consume(s.apply(c.pt(), Variation.DOWN));
        runJes(jesJson, ptNominal, massNominal, bh);
    }

    @Benchmark
    public Map<String, double[]> btagShapeWithSystematics() {
        return BTagShapeWeights.eventWeights(shape, btagSystematics, offsets, hadronFlavour, btagEta, btagPt,
                discriminant, null);
    }
}
