package org.crema.benchmarks.columnar;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crema.columnar.CartesianKinematics;
import org.crema.columnar.Combinations;
import org.crema.columnar.Combinatorics;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.Kinematics;
import org.crema.columnar.ListColumn;
import org.crema.columnar.Reductions;
import org.crema.columnar.Selection;
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
 * The AGC trijet through the public API: the mass of the highest-pt three-jet combination per
 * event, 20 000 events with Poisson(5) jets (on average λ³/6 ≈ 21 triplets per event, about
 * 4 × 10^5 in all). Scores are events per second. {@code gatherAndAdd} gathers the three slots' fields and chains {@code add}; {@code
 * sumFromIndices} converts every jet once and sums straight from the index arrays.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar
 * 'org.crema.benchmarks.columnar.TrijetBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrijetBenchmark {
    static final int EVENTS = 20_000;

    Kinematics jets;
    Combinations triplets;
    int tuples;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(7);
        int[] counts = new int[EVENTS];
        double limit = Math.exp(-5);
        int total = 0;
        for (int e = 0; e < EVENTS; e++) {
            int c = 0;
            double p = r.nextDouble();
            while (p > limit) {
                p *= r.nextDouble();
                c++;
            }
            counts[e] = c;
            total += c;
        }
        float[] pt = new float[total], eta = new float[total], phi = new float[total], m = new float[total];
        for (int i = 0; i < total; i++) {
            pt[i] = (float) (15 + 30 * -Math.log(1 - r.nextDouble()));
            eta[i] = (float) ((r.nextDouble() * 2 - 1) * 2.4);
            phi[i] = (float) ((r.nextDouble() * 2 - 1) * Math.PI);
            m[i] = (float) (r.nextDouble() * 20);
        }
        jets = Kinematics.of(ListColumn.fromCounts(counts, FloatColumn.of(pt)), ListColumn.fromCounts(counts, FloatColumn.of(eta)),
                ListColumn.fromCounts(counts, FloatColumn.of(phi)), ListColumn.fromCounts(counts, FloatColumn.of(m)));
        triplets = Combinatorics.triplets(jets.pt());
        tuples = triplets.totalCount();
    }

    private static DoubleColumn best(CartesianKinematics trijets) {
        return Selection.pick(trijets.mass(), Reductions.argmax(trijets.pt()), Double.NaN);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public DoubleColumn gatherAndAdd() {
        return best(triplets.select(0, jets).add(triplets.select(1, jets)).add(triplets.select(2, jets)));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public DoubleColumn sumFromIndices() {
        return best(triplets.sum(jets));
    }
}
