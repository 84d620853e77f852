package org.crema.benchmarks.io;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crema.benchmarks.HeapPeak;
import org.crema.io.BranchInfo;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.rntuple.FieldInfo;
import org.crema.io.rntuple.RNTuple;
import org.crema.io.rntuple.RNTupleReader;

/**
 * Read throughput of the RNTuple reader next to the TTree reader on the same events: reads every
 * leaf field of the {@code Jet} and {@code Muon} collections (and both collections' offsets) of an
 * RNTuple file, and the same members as TTree branches ({@code Jet._0.pt} → {@code Jet_pt}, plus
 * {@code nJet} and {@code nMuon}) of the TTree file, into columns; prints events/s on one thread and
 * on a pool of threads (fields in parallel), best of interleaved rounds with the median beside, and
 * for one thread also events per second of the thread's CPU time.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     org.crema.benchmarks.io.RNTupleThroughput [--iterations 5] [--threads 2] \
 *     ../shared/data/rntuple/bench_big_zstd5.root ../shared/data/bench/big_zstd5.root
 * </pre>
 */
public final class RNTupleThroughput {
    private RNTupleThroughput() {
    }

    /**
     * @param args options, then the RNTuple file and the TTree file
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int iterations = 5;
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.size() != 2) {
            System.err.println("usage: RNTupleThroughput [--iterations N] [--threads N] RNTUPLE_FILE TTREE_FILE");
            System.exit(2);
        }
        HeapPeak.reset();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (RNTupleReader reader = RNTupleReader.open(files.get(0)); RootFile rf = RootFile.open(files.get(1))) {
            RNTuple nt = reader.ntuple("Events");
            Tree tree = rf.tree("Events");
            List<String> fields = new ArrayList<>();
            List<String> branches = new ArrayList<>(List.of("nJet", "nMuon"));
            List<String> treeBranches = tree.branches().stream().filter(BranchInfo::readable).map(BranchInfo::name)
                    .toList();
            for (FieldInfo f : nt.leafFields()) {
                if (f.readable() && (f.name().startsWith("Jet._0.") || f.name().startsWith("Muon._0."))) {
                    fields.add(f.name());
                    String branch = f.name().replace("._0.", "_");
                    if (!treeBranches.contains(branch)) {
                        throw new IllegalStateException("the TTree has no branch " + branch + " for field " + f.name());
                    }
                    branches.add(branch);
                }
            }
            long n = nt.entries();
            if (tree.entries() != n) {
                throw new IllegalStateException("entries differ: RNTuple " + n + ", TTree " + tree.entries());
            }
            List<Runnable> modes = List.of(
                    () -> readAll(nt, fields, n),
                    () -> tree.read(branches, 0, n, Runnable::run),
                    () -> readAllParallel(nt, fields, n, pool),
                    () -> tree.read(branches, 0, n, pool));
            String[] names = {"rntuple read", "ttree read", "rntuple read", "ttree read"};
            int[] threadCounts = {1, 1, threads, threads};
            double[][] t = new double[modes.size()][iterations];
            double[][] cpu = new double[modes.size()][iterations];
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (Runnable m : modes) {
                m.run(); // warm-up
            }
            // Rounds interleave the modes so that load from other processes hits all of them alike.
            for (int round = 0; round < iterations; round++) {
                for (int m = 0; m < modes.size(); m++) {
                    long start = System.nanoTime();
                    long cpuStart = mx.getCurrentThreadCpuTime();
                    modes.get(m).run();
                    t[m][round] = (System.nanoTime() - start) / 1e9;
                    cpu[m][round] = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                }
            }
            System.out.printf(Locale.ROOT, "%d RNTuple fields + 2 offset columns (%s) vs %d TTree branches (%s),"
                    + " %d events, %d interleaved rounds, %d cores%n", fields.size(), files.get(0).getFileName(),
                    branches.size(), files.get(1).getFileName(), n, iterations,
                    Runtime.getRuntime().availableProcessors());
            // On one thread all work runs on the calling thread, so its CPU time is a measure that
            // other processes on a shared machine disturb far less than the wall clock.
            System.out.printf(Locale.ROOT, "%-14s %7s %12s %14s %16s%n", "mode", "threads", "events/s", "median ev/s",
                    "ev/s of CPU time");
            for (int m = 0; m < modes.size(); m++) {
                double[] sorted = t[m].clone();
                Arrays.sort(sorted);
                String perCpu = threadCounts[m] == 1
                        ? String.format(Locale.ROOT, "%16.0f", n / Arrays.stream(cpu[m]).min().orElseThrow()) : "";
                System.out.printf(Locale.ROOT, "%-14s %7d %12.0f %14.0f %s%n", names[m], threadCounts[m], n / sorted[0],
                        n / sorted[sorted.length / 2], perCpu);
            }
            System.out.printf(Locale.ROOT, "peak heap %.0f MB%n", HeapPeak.bytes() / 1e6);
        } finally {
            pool.shutdown();
        }
    }

    private static void readAll(RNTuple nt, List<String> fields, long n) {
        nt.readOffsets("Jet", 0, n);
        nt.readOffsets("Muon", 0, n);
        for (String f : fields) {
            nt.read(f, 0, n);
        }
    }

    private static void readAllParallel(RNTuple nt, List<String> fields, long n, ExecutorService pool) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        all.add(CompletableFuture.runAsync(() -> nt.readOffsets("Jet", 0, n), pool));
        all.add(CompletableFuture.runAsync(() -> nt.readOffsets("Muon", 0, n), pool));
        for (String f : fields) {
            all.add(CompletableFuture.runAsync(() -> nt.read(f, 0, n), pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
}
