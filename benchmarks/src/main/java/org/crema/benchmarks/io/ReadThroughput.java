package org.crema.benchmarks.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crema.benchmarks.HeapPeak;
import org.crema.io.BranchInfo;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.internal.basket.ReadSettings;
import org.crema.io.internal.column.TreeReader;
import org.crema.io.internal.column.TreeReaders;
import org.crema.io.internal.compression.Codecs;

/**
 * Read throughput of the ROOT reader: reads a set of branches (default: every {@code Jet_*}, {@code
 * Muon_*} and their counters) of each file several times and prints events/s and uncompressed MB/s
 * for a full read (decompress + convert into columns) next to "decompress only the same baskets",
 * on one thread and on all cores, plus the peak heap. A second table gives what load on a shared
 * machine does not inflate: heap bytes allocated per event, collections and their time per pass, and
 * events per CPU-second.
 *
 * <p>With {@code --chunks N} (N &gt; 1) it also reads the file in N chunks one after another on one
 * open file, with the basket cache off and on (baskets decompressed per pass are printed beside),
 * and branch by branch (how the processor's lazy view reads) on one thread and with each branch's
 * baskets decompressed on the pool.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     org.crema.benchmarks.io.ReadThroughput [--iterations 5] [--threads 2] [--chunks 4] \
 *     [--branches Jet_,Muon_] [--tree Events] FILE...
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
        int chunks = 1;
        String treeName = "Events";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--branches" -> prefixes = Arrays.asList(args[++i].split(","));
                case "--chunks" -> chunks = Integer.parseInt(args[++i]);
                case "--tree" -> treeName = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ReadThroughput [--iterations N] [--threads N] [--chunks N] [--branches P1,P2] "
                    + "[--tree NAME] FILE...");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "codecs: %s; %d interleaved rounds (best shown, median beside), %d cores%n",
                Codecs.describe(), iterations, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-22s %-24s %7s %12s %10s %14s   %s%n", "file", "mode", "threads",
                "events/s", "MB/s", "median ev/s", "");
        for (Path file : files) {
            run(file, treeName, prefixes, iterations, threads, chunks);
        }
    }

    private static void run(Path file, String treeName, List<String> prefixes, int iterations, int threads, int chunks)
            throws Exception {
        HeapPeak.reset();
        // A second open of the same file with the basket cache off, for the chunked comparison.
        String cacheSetting = System.getProperty(ReadSettings.CACHE_PROPERTY);
        System.setProperty(ReadSettings.CACHE_PROPERTY, "0");
        RootFile uncached = RootFile.open(file);
        if (cacheSetting == null) {
            System.clearProperty(ReadSettings.CACHE_PROPERTY);
        } else {
            System.setProperty(ReadSettings.CACHE_PROPERTY, cacheSetting);
        }
        try (uncached; RootFile rf = RootFile.open(file)) {
            Tree tree = rf.tree(treeName);
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
            Tree plain = uncached.tree(treeName);
            long[] bounds = new long[chunks + 1];
            for (int k = 0; k <= chunks; k++) {
                bounds[k] = n * k / chunks;
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Runnable> modes = new ArrayList<>(List.of(
                        () -> reader.decompressOnly(branches, 0, n, Runnable::run),
                        () -> tree.read(branches, 0, n, Runnable::run),
                        () -> reader.decompressOnly(branches, 0, n, pool),
                        () -> tree.read(branches, 0, n, pool)));
                if (chunks > 1) {
                    modes.add(() -> chunked(plain, branches, bounds, Runnable::run));
                    modes.add(() -> chunked(tree, branches, bounds, Runnable::run));
                    modes.add(() -> chunked(tree, branches, bounds, pool));
                    modes.add(() -> branchByBranch(tree, branches, bounds, Runnable::run));
                    modes.add(() -> branchByBranch(tree, branches, bounds, pool));
                }
                // Rounds interleave the modes so that load from other processes on a shared machine
                // hits all of them alike; the best round is the least disturbed estimate.
                double[][] t = new double[modes.size()][iterations];
                PassCost[][] costs = new PassCost[modes.size()][iterations];
                for (Runnable m : modes) {
                    m.run(); // warm-up
                }
                for (int round = 0; round < iterations; round++) {
                    for (int m = 0; m < modes.size(); m++) {
                        costs[m][round] = PassCost.of(modes.get(m));
                        t[m][round] = costs[m][round].wallNanos() / 1e9;
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
                if (chunks > 1) {
                    TreeReader plainReader = TreeReaders.of(plain);
                    long before = plainReader.basketCache().loads();
                    chunked(plain, branches, bounds, Runnable::run);
                    long loadsOff = plainReader.basketCache().loads() - before;
                    before = reader.basketCache().loads();
                    chunked(tree, branches, bounds, Runnable::run);
                    long loadsOn = reader.basketCache().loads() - before;
                    String c = chunks + " chunks";
                    print(name, "read " + c + " no cache", 1, n, bytes, best(t[4]), t[4],
                            String.format(Locale.ROOT, "%d baskets decompressed per pass", loadsOff));
                    print(name, "read " + c + " cached", 1, n, bytes, best(t[5]), t[5],
                            String.format(Locale.ROOT, "%d baskets decompressed per pass; %.2fx no cache", loadsOn,
                                    best(t[4]) / best(t[5])));
                    print(name, "read " + c + " cached", threads, n, bytes, best(t[6]), t[6],
                            String.format(Locale.ROOT, "%.2fx one thread", best(t[5]) / best(t[6])));
                    print(name, "by branch " + c, 1, n, bytes, best(t[7]), t[7], "Tree.read(branch, from, to)");
                    print(name, "by branch " + c, threads, n, bytes, best(t[8]), t[8],
                            String.format(Locale.ROOT, "%.2fx one thread; Tree.read(branch, from, to, pool)",
                                    best(t[7]) / best(t[8])));
                }
                printCosts(name, n, threads, chunks, costs);
            } finally {
                pool.shutdown();
            }
            System.out.printf(Locale.ROOT, "%-22s %d branches, %d events, %.1f MB uncompressed, peak heap %.0f MB%n%n",
                    name, branches.size(), n, bytes / 1e6, HeapPeak.bytes() / 1e6);
        }
    }

    /** Reads the chunks one after another, all branches of a chunk at once. */
    private static void chunked(Tree tree, List<String> branches, long[] bounds, Executor executor) {
        for (int k = 0; k + 1 < bounds.length; k++) {
            tree.read(branches, bounds[k], bounds[k + 1], executor);
        }
    }

    /** Reads the chunks one after another, one branch at a time, as a lazy view does. */
    private static void branchByBranch(Tree tree, List<String> branches, long[] bounds, Executor executor) {
        for (int k = 0; k + 1 < bounds.length; k++) {
            for (String b : branches) {
                tree.read(b, bounds[k], bounds[k + 1], executor);
            }
        }
    }

    private static void print(String file, String mode, int threads, long events, long bytes, double best,
            double[] all, String note) {
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "%-22s %-24s %7d %12.0f %10.1f %14.0f   %s%n", file, mode, threads,
                events / best, bytes / best / 1e6, events / median, note);
    }

    /**
     * The load-independent side of each mode: heap bytes allocated per event, collections and their
     * time per pass (mean over the rounds: a large young generation is collected every few passes),
     * and events per CPU-second (the calling thread's CPU for one-thread modes, the whole process's
     * for pool modes; median over the rounds, best beside).
     */
    private static void printCosts(String file, long events, int threads, int chunks, PassCost[][] costs) {
        List<String> modes = new ArrayList<>(List.of("decompress-only", "read", "decompress-only", "read"));
        List<Integer> modeThreads = new ArrayList<>(List.of(1, 1, threads, threads));
        if (chunks > 1) {
            modes.addAll(List.of("read " + chunks + " chunks no cache", "read " + chunks + " chunks cached",
                    "read " + chunks + " chunks cached", "by branch " + chunks + " chunks",
                    "by branch " + chunks + " chunks"));
            modeThreads.addAll(List.of(1, 1, threads, 1, threads));
        }
        System.out.printf(Locale.ROOT, "%-22s %-24s %7s %12s %10s %10s %16s %16s%n", "file", "mode", "threads",
                "alloc B/ev", "GCs/pass", "GC ms/pass", "ev/CPU-s median", "ev/CPU-s best");
        for (int m = 0; m < costs.length; m++) {
            boolean one = modeThreads.get(m) == 1;
            double[] alloc = new double[costs[m].length];
            double[] gcs = new double[costs[m].length];
            double[] gcMs = new double[costs[m].length];
            double[] cpu = new double[costs[m].length];
            for (int r = 0; r < costs[m].length; r++) {
                PassCost c = costs[m][r];
                alloc[r] = (double) c.allocatedBytes() / events;
                gcs[r] = c.gcCount();
                gcMs[r] = c.gcMillis();
                cpu[r] = (one ? c.threadCpuNanos() : c.processCpuNanos()) / 1e9;
            }
            System.out.printf(Locale.ROOT, "%-22s %-24s %7d %12.0f %10.1f %10.0f %16.0f %16.0f   %s%n", file,
                    modes.get(m), modeThreads.get(m), median(alloc), mean(gcs), mean(gcMs),
                    events / median(cpu), events / best(cpu), one ? "thread CPU" : "process CPU");
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double best(double[] times) {
        return Arrays.stream(times).min().orElseThrow();
    }
}
