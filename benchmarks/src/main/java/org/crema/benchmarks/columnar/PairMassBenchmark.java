package org.crema.benchmarks.columnar;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crema.columnar.Combinations;
import org.crema.columnar.Combinatorics;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.Kinematics;
import org.crema.columnar.ListColumn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every dijet mass of events with {@value #JETS} jets each ({@value #PAIRS_PER_EVENT} pairs per
 * event), from NanoAOD's float (pt, η, φ, m), through the public API. Scores are <b>pairs per
 * second</b>. The two routes give bit-identical masses:
 * <ul>
 *   <li>{@code perPair}: gather both slots' (pt, η, φ, m) and call {@code pairMass}, which converts
 *       both objects of every pair ({@code cos}, {@code sin}, {@code sinh} twice per pair);</li>
 *   <li>{@code convertOnce}: {@code Combinations.sum}, which converts each jet once and adds the
 *       pairs' Cartesian components straight from the index arrays, then the mass of the sums.</li>
 * </ul>
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar
 * 'org.crema.benchmarks.columnar.PairMassBenchmark' -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PairMassBenchmark {
    static final int EVENTS = 100_000;
    static final int JETS = 5;
    static final int PAIRS_PER_EVENT = JETS * (JETS - 1) / 2;
    static final int PAIRS = EVENTS * PAIRS_PER_EVENT;

    Kinematics jets;
    Combinations pairs;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(11);
        int total = EVENTS * JETS;
        int[] counts = new int[EVENTS];
        java.util.Arrays.fill(counts, JETS);
        float[] pt = new float[total], eta = new float[total], phi = new float[total], m = new float[total];
        for (int i = 0; i < total; i++) {
            pt[i] = (float) (15 + 30 * -Math.log(1 - r.nextDouble()));
            eta[i] = (float) ((r.nextDouble() * 2 - 1) * 4.7);
            phi[i] = (float) ((r.nextDouble() * 2 - 1) * Math.PI);
            m[i] = (float) (r.nextDouble() * 20);
        }
        jets = Kinematics.of(ListColumn.fromCounts(counts, FloatColumn.of(pt)), ListColumn.fromCounts(counts, FloatColumn.of(eta)),
                ListColumn.fromCounts(counts, FloatColumn.of(phi)), ListColumn.fromCounts(counts, FloatColumn.of(m)));
        pairs = Combinatorics.pairs(jets.pt());
        if (pairs.totalCount() != PAIRS) {
            throw new IllegalStateException("expected " + PAIRS + " pairs, got " + pairs.totalCount());
        }
    }

    /** Both objects of every pair converted: 2 × (cos, sin, sinh) per pair. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public ListColumn<DoubleColumn> perPair() {
        return pairs.select(0, jets).pairMass(pairs.select(1, jets));
    }

    /** Each jet converted once ({@value #JETS} conversions for {@value #PAIRS_PER_EVENT} pairs). */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public ListColumn<DoubleColumn> convertOnce() {
        return pairs.sum(jets).mass();
    }
}
