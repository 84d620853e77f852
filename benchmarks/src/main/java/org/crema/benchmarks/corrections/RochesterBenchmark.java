package org.crema.benchmarks.corrections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crema.corrections.jme.EventIds;
import org.crema.corrections.muon.MuonScale;
import org.crema.corrections.muon.RochesterCorrection;
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
 * Rochester corrections (RoccoR 2018, in {@code ../shared/data} next to the repository) on one
 * chunk of 10^6 muons (500 000 events of 2 muons), on one core. The score is milliseconds per chunk.
 *
 * <ul>
 *   <li>{@code data}: {@code kScaleDT} per muon;</li>
 *   <li>{@code mcNominal}: {@code kSpreadMC} for the 80 % of muons with a generator match,
 *       {@code kSmearMC} with a keyed uniform number for the others;</li>
 *   <li>{@code mcError}: the total uncertainty of the simulation factor (105 members per muon).</li>
 *   <li>{@code read}: parsing the gzip text file (12 036 lines).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RochesterBenchmark {
    static final int EVENTS = 500_000;
    static final int N = 2 * EVENTS;

    Path file;
    MuonScale scale;
    int[] offsets;
    int[] charge;
    float[] pt;
    float[] eta;
    float[] phi;
    float[] genPt;
    int[] layers;
    EventIds ids;

    @Setup(Level.Trial)
    public void setup() {
        Path root = Path.of(System.getProperty("crema.root", "."));
        file = root.resolve("../shared/data/corrections/rochester/RoccoR2018.txt.gz").normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark input not found: " + file.toAbsolutePath()
                    + " (run from the repository root or pass -Dcrema.root=...)");
        }
        scale = new MuonScale(RochesterCorrection.read(file));
        SplittableRandom r = new SplittableRandom(42);
        offsets = new int[EVENTS + 1];
        int[] run = new int[EVENTS];
        int[] lumi = new int[EVENTS];
        long[] event = new long[EVENTS];
        for (int e = 0; e < EVENTS; e++) {
            offsets[e + 1] = offsets[e] + 2;
            run[e] = 1;
            lumi[e] = 1 + e / 1000;
            event[e] = e;
        }
        ids = new EventIds(run, lumi, event);
        charge = new int[N];
        pt = new float[N];
        eta = new float[N];
        phi = new float[N];
        genPt = new float[N];
        layers = new int[N];
        for (int i = 0; i < N; i++) {
            charge[i] = r.nextBoolean() ? 1 : -1;
            pt[i] = (float) (10 + 30 * -Math.log(1 - r.nextDouble()));
            eta[i] = (float) (4.8 * r.nextDouble() - 2.4);
            phi[i] = (float) (2 * Math.PI * r.nextDouble() - Math.PI);
            genPt[i] = r.nextDouble() < 0.8 ? (float) (pt[i] * (1 + 0.02 * r.nextGaussian())) : Float.NaN;
            layers[i] = 6 + r.nextInt(13);
        }
    }

    @Benchmark
    public double[] data() {
        return scale.data(charge, pt, eta, phi, 0, 0);
    }

    @Benchmark
    public double[] mcNominal() {
        return scale.mc(offsets, ids, charge, pt, eta, phi, genPt, layers, 0, 0);
    }

    @Benchmark
    public double[] mcError() {
        return scale.mcError(offsets, ids, charge, pt, eta, phi, genPt, layers);
    }

    @Benchmark
    public RochesterCorrection read() {
        return RochesterCorrection.read(file);
    }
}
