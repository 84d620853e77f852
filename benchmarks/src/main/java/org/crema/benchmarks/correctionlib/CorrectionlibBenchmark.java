package org.crema.benchmarks.correctionlib;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crema.correctionlib.CompoundCorrection;
import org.crema.correctionlib.Correction;
import org.crema.correctionlib.CorrectionSet;
import org.crema.correctionlib.Inputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Vectorised correctionlib evaluation over one chunk of 10^6 objects, on the bundled files. The
 * score (ops/s) is evaluations per second on one core: one operation = one object.
 *
 * <ul>
 *   <li>{@code binning}: {@code ptweight} of mycorrections.json at its existing key
 *       {@code syst = "MuonEffUp"} (category on a constant string resolved once per chunk, then the
 *       7-bin binning with a constant overflow value on a float pt column);</li>
 *   <li>{@code binningDefault}: the same correction at {@code syst = "nominal"}, a key the category
 *       does not have, so every element takes its {@code default} (the 6-bin clamped binning) —
 *       kept separately because it is a different path, not representative of real use;</li>
 *   <li>{@code multiBinning}: the 10×6 electron SF of testSF2d.corr.json.gz (eta × pt); inputs:
 *       η uniform in ±2.4 with 1 in 20 doubled (so some fall outside the ±2.5 edges), pt from 15 GeV
 *       with a falling exponential spectrum;</li>
 *   <li>{@code formula}: the L2Relative JEC of jet_jerc_Summer22_V3 (82 eta bins, each a
 *       parametrisation in pt with log10, pow and clamps);</li>
 *   <li>{@code jecCompound}: the L1FastJet × L2Relative × L3Absolute × L2L3Residual compound of
 *       the same file, each stage evaluated at the pt corrected by the previous ones.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CorrectionlibBenchmark {
    static final int N = 1_000_000;

    float[] muonPt;
    double[] eta;
    double[] pt;
    double[] area;
    double[] rho;
    double[] out;

    Inputs binning;
    Inputs binningDefault;
    Inputs multiBinning;
    Inputs formula;
    Inputs compound;

    static Path data(String name) {
        Path root = Path.of(System.getProperty("crema.root", "."));
        Path p = root.resolve("data/corrections/correctionlib").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark input not found: " + p.toAbsolutePath()
                    + " (run from the repository root or pass -Dcrema.root=...)");
        }
        return p;
    }

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        muonPt = new float[N];
        eta = new double[N];
        pt = new double[N];
        area = new double[N];
        rho = new double[N];
        out = new double[N];
        for (int i = 0; i < N; i++) {
            // falling spectrum from 15 GeV, |eta| < 2.5 mostly, a few forward jets
            pt[i] = 15 + 40 * -Math.log(1 - r.nextDouble());
            muonPt[i] = (float) pt[i];
            eta[i] = r.nextDouble(-2.4, 2.4) * (r.nextInt(20) == 0 ? 2.0 : 1.0);
            area[i] = r.nextDouble(0.4, 0.6);
            rho[i] = r.nextDouble(5, 40);
        }
        CorrectionSet my = CorrectionSet.load(data("mycorrections.json"));
        binning = my.correction("ptweight").bind().column("pt", muonPt).constant("syst", "MuonEffUp");
        binningDefault = my.correction("ptweight").bind().column("pt", muonPt).constant("syst", "nominal");
        CorrectionSet sf2d = CorrectionSet.load(data("testSF2d.corr.json.gz"));
        multiBinning = sf2d.correction("scalefactors_Tight_Electron").bind().column("axis0", eta).column("axis1", pt);
        CorrectionSet jerc = CorrectionSet.load(data("jet_jerc_Summer22_V3.json.gz"));
        Correction l2 = jerc.correction("Summer22_22Sep2023_V3_MC_L2Relative_AK4PFPuppi");
        formula = l2.bind().column("JetEta", eta).column("JetPt", pt);
        CompoundCorrection jec = jerc.compound("Summer22_22Sep2023_V3_MC_L1L2L3Res_AK4PFPuppi");
        compound = jec.bind().column("JetA", area).column("JetEta", eta).column("JetPt", pt).column("Rho", rho);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] binning() {
        binning.evaluateInto(N, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] binningDefault() {
        binningDefault.evaluateInto(N, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] multiBinning() {
        multiBinning.evaluateInto(N, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] formula() {
        formula.evaluateInto(N, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] jecCompound() {
        compound.evaluateInto(N, out);
        return out;
    }
}
