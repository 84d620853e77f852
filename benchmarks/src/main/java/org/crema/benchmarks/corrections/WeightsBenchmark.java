package org.crema.benchmarks.corrections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crema.correctionlib.CorrectionSet;
import org.crema.corrections.btag.BTagShapeSf;
import org.crema.corrections.btag.BTagShapeWeights;
import org.crema.corrections.weights.EventWeights;
import org.crema.corrections.weights.ObjectScaleFactors;
import org.crema.corrections.weights.PileupWeights;
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

/**
 * Event weights from the 2018 UL POG correctionlib files (in {@code ../shared/data}, next to the
 * repository), on one core, in milliseconds per chunk:
 * <ul>
 *   <li>{@code muonSf}: {@code NUM_TightID_DEN_TrackerMuons} nominal/up/down and the event
 *       products, 10^6 muons in 500 000 events;</li>
 *   <li>{@code pileup}: {@code Collisions18_UltraLegacy_goldenJSON} nominal/up/down for 10^6
 *       events;</li>
 *   <li>{@code btagShapeJsonWithSystematics}: {@code deepJet_shape} event weights for central and
 *       the 8 up/down pairs of hf, lf, hfstats1/2, lfstats1/2, cferr1/2 on 10^6 jets.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g", "-Xmn2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WeightsBenchmark {
    static final int N = 1_000_000;

    int[] muonOffsets;
    float[] muonEta;
    float[] muonPt;
    float[] nTrueInt;
    int[] jetOffsets;
    int[] flavour;
    float[] jetEta;
    double[] jetPt;
    float[] disc;
    ObjectScaleFactors muon;
    PileupWeights pileup;
    BTagShapeSf shape;
    List<String> systematics;

    static Path shared(String relative) {
        Path root = Path.of(System.getProperty("crema.root", "."));
        Path p = root.resolve("../shared/data/corrections/correctionlib/jsonpog/2018_UL").resolve(relative).normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark input not found: " + p.toAbsolutePath()
                    + " (needs the shared data next to the repository; run from the repository root)");
        }
        return p;
    }

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(7);
        muonOffsets = new int[N / 2 + 1];
        for (int e = 0; e < N / 2; e++) {
            muonOffsets[e + 1] = muonOffsets[e] + 2;
        }
        muonEta = new float[N];
        muonPt = new float[N];
        nTrueInt = new float[N];
        jetOffsets = new int[N / 5 + 1];
        for (int e = 0; e < N / 5; e++) {
            jetOffsets[e + 1] = jetOffsets[e] + 5;
        }
        flavour = new int[N];
        jetEta = new float[N];
        jetPt = new double[N];
        disc = new float[N];
        for (int i = 0; i < N; i++) {
            muonEta[i] = (float) r.nextDouble(-2.39, 2.39);
            muonPt[i] = (float) (15.5 + 30 * -Math.log(1 - r.nextDouble()));
            nTrueInt[i] = (float) r.nextDouble(0, 80);
            flavour[i] = switch (r.nextInt(3)) {
                case 0 -> 5;
                case 1 -> 4;
                default -> 0;
            };
            jetEta[i] = (float) r.nextDouble(-2.49, 2.49);
            jetPt[i] = 20 + 40 * -Math.log(1 - r.nextDouble());
            disc[i] = (float) r.nextDouble(0, 1);
        }
        muon = ObjectScaleFactors.muon(CorrectionSet.load(shared("muon_Z.json.gz"))
                .correction("NUM_TightID_DEN_TrackerMuons"), "2018_UL");
        pileup = PileupWeights.of(CorrectionSet.load(shared("puWeights.json.gz"))
                .correction("Collisions18_UltraLegacy_goldenJSON"));
        shape = BTagShapeSf.of(CorrectionSet.load(shared("btagging.json.gz")).correction("deepJet_shape"));
        systematics = new java.util.ArrayList<>(List.of("central"));
        for (String s : List.of("hf", "lf", "hfstats1", "hfstats2", "lfstats1", "lfstats2", "cferr1", "cferr2")) {
            systematics.add("up_" + s);
            systematics.add("down_" + s);
        }
    }

    @Benchmark
    public EventWeights muonSf() {
        return muon.eventWeights(muonOffsets, muonEta, muonPt, null);
    }

    @Benchmark
    public EventWeights pileup() {
        return pileup.evaluate(nTrueInt);
    }

    @Benchmark
    public Map<String, double[]> btagShapeJsonWithSystematics() {
        return BTagShapeWeights.eventWeights(shape, systematics, jetOffsets, flavour, jetEta, jetPt, disc, null);
    }
}
