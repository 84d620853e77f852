package org.crema.benchmarks.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crema.benchmarks.HeapPeak;
import org.crema.io.BranchInfo;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.internal.column.TreeReader;
import org.crema.io.internal.column.TreeReaders;
import org.crema.io.internal.compression.Codecs;

/**
 * Read throughput of the ROOT reader: reads a set of branches (default: every {@code Jet_*}, {@code
 * Muon_*} and their counters) of each file several times and prints events/s and uncompressed MB/s
 * for a full read (decompress + convert into columns) next to "decompress only the same baskets",
 * on one thread and on all cores, plus the peak heap.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     org.crema.benchmarks.io.ReadThroughput [--iterations 5] [--threads 2] [--branches Jet_,Muon_] FILE...
 * </pre>
 *
 * Add {@code -Dcrema.io.nativeCodecs=false} to measure the pure-Java decoders instead of the
 * native libraries reached through FFM.
 */
public final class ReadThroughput {
    private ReadThroughput() {
    }

    /**
     * @param args options and files
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int iterations = 5;
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> prefixes = List.of("Jet_", "Muon_", "nJet", "nMuon");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--branches" -> prefixes = Arrays.asList(args[++i].split(","));
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ReadThroughput [--iterations N] [--threads N] [--branches P1,P2] FILE...");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "codecs: %s; %d interleaved rounds (best shown, median beside), %d cores%n",
                Codecs.describe(), iterations, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-22s %-16s %7s %12s %10s %14s   %s%n", "file", "mode", "threads",
                "events/s", "MB/s", "median ev/s", "");
        for (Path file : files) {
            run(file, prefixes, iterations, threads);
        }
    }

    private static void run(Path file, List<String> prefixes, int iterations, int threads) throws Exception {
        HeapPeak.reset();
        try (RootFile rf = RootFile.open(file)) {
            Tree tree = rf.tree("Events");
            List<String> branches = new ArrayList<>();
            for (BranchInfo b : tree.branches()) {
                if (b.readable() && prefixes.stream().anyMatch(p -> b.name().equals(p) || b.name().startsWith(p))) {
                    branches.add(b.name());
                }
            }
            long n = tree.entries();
            // Decompression alone is an internal path of the reader, not part of Tree's API.
            TreeReader reader = TreeReaders.of(tree);
            long bytes = reader.decompressOnly(branches, 0, n, Runnable::run);
            String name = file.getFileName().toString();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Runnable> modes = List.of(
                        () -> reader.decompressOnly(branches, 0, n, Runnable::run),
                        () -> tree.read(branches, 0, n, Runnable::run),
                        () -> reader.decompressOnly(branches, 0, n, pool),
                        () -> tree.read(branches, 0, n, pool));
                // Rounds interleave the modes so that load from other processes on a shared machine
                // hits all of them alike; the best round is the least disturbed estimate.
                double[][] t = new double[modes.size()][iterations];
                for (Runnable m : modes) {
                    m.run(); // warm-up
                }
                for (int round = 0; round < iterations; round++) {
                    for (int m = 0; m < modes.size(); m++) {
                        long start = System.nanoTime();
                        modes.get(m).run();
                        t[m][round] = (System.nanoTime() - start) / 1e9;
                    }
                }
                double d1 = best(t[0]);
                double r1 = best(t[1]);
                double dN = best(t[2]);
                double rN = best(t[3]);
                print(name, "decompress-only", 1, n, bytes, d1, t[0], "");
                print(name, "read", 1, n, bytes, r1, t[1], String.format(Locale.ROOT, "%.2f of decompress-only", d1 / r1));
                print(name, "decompress-only", threads, n, bytes, dN, t[2], "");
                print(name, "read", threads, n, bytes, rN, t[3], String.format(Locale.ROOT, "%.2fx one thread", r1 / rN));
            } finally {
                pool.shutdown();
            }
            System.out.printf(Locale.ROOT, "%-22s %d branches, %d events, %.1f MB uncompressed, peak heap %.0f MB%n%n",
                    name, branches.size(), n, bytes / 1e6, HeapPeak.bytes() / 1e6);
        }
    }

    private static void print(String file, String mode, int threads, long events, long bytes, double best,
            double[] all, String note) {
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "%-22s %-16s %7d %12.0f %10.1f %14.0f   %s%n", file, mode, threads,
                events / best, bytes / best / 1e6, events / median, note);
    }

    private static double best(double[] times) {
        return Arrays.stream(times).min().orElseThrow();
    }
}
