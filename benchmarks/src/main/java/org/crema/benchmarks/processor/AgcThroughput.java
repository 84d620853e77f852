package org.crema.benchmarks.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.crema.benchmarks.HeapPeak;
import org.crema.examples.TtbarAgcProcessor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;

/**
 * End-to-end throughput of the AGC tt̄ example with jet corrections ({@link TtbarAgcProcessor}: JEC,
 * JER smearing, 8 jet shape variations and 8 b-tag weight variations) on one worker and on every
 * core: open, read, decompress, calibrate, select, fill and merge. A whole run is the unit, so it
 * prints the median of a few runs after one warm-up run, and the peak heap (sum of the heap pools'
 * peak usage, reset before each configuration).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar org.crema.benchmarks.processor.AgcThroughput \
 *     [FILE] [--copies N] [--chunk-size K] [--runs R] [--corrections DIR]
 *     [--jes Absolute,FlavorQCD,Total]
 * </pre>
 *
 * FILE defaults to {@code ../shared/data/bench/ttbar_agc_lzma9.root} (50 000 events); without it the
 * command prints a message and exits. Run it from the repository root (corrections default to
 * {@code data/corrections}).
 */
public final class AgcThroughput {
    private AgcThroughput() {
    }

    /**
     * @param args optional file, {@code --copies N}, {@code --chunk-size K}, {@code --runs R},
     *     {@code --corrections DIR},
     *     {@code --jes} comma-separated regrouped JES sources to vary (default Absolute,FlavorQCD,Total)
     */
    public static void main(String[] args) {
        Path file = Path.of("../shared/data/bench/ttbar_agc_lzma9.root");
        Path corrections = Path.of("data/corrections");
        int copies = 1;
        long chunkSize = 12_500;
        int runs = 3;
        List<String> jes = TtbarAgcProcessor.DEFAULT_JES_SOURCES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--copies" -> copies = Integer.parseInt(args[++i]);
                case "--chunk-size" -> chunkSize = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--corrections" -> corrections = Path.of(args[++i]);
                case "--jes" -> jes = List.of(args[++i].split(","));
                default -> file = Path.of(args[i]);
            }
        }
        if (!Files.isRegularFile(file)) {
            System.out.println("skipped: no input file " + file.toAbsolutePath()
                    + " (the 50k-event AGC benchmark file); pass FILE to use another one");
            return;
        }
        if (!Files.isDirectory(corrections)) {
            System.err.println("no corrections folder " + corrections.toAbsolutePath()
                    + "; run from the repository root or pass --corrections DIR");
            System.exit(2);
        }
        Fileset fileset = RepeatedFileset.of("ttbar", "2022", 923.6, file, copies);
        int cores = Runtime.getRuntime().availableProcessors();

        System.out.printf(Locale.ROOT, "input %s x %d, chunk size %d, %d cores, %d runs after 1 warm-up; "
                + "1 nominal + %d shape passes (JER, JES %s), 8 b-tag weight variations%n", file, copies, chunkSize,
                cores, runs, 2 + 2 * jes.size(), jes);
        measure(fileset, corrections, jes, RunConfig.defaults().withChunkSize(chunkSize).withWorkers(1).withProgress(false),
                1, "cold");
        for (int workers : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            measure(fileset, corrections, jes, RunConfig.defaults().withChunkSize(chunkSize).withWorkers(workers)
                    .withProgress(false), runs, "measured");
        }
    }

    private static void measure(Fileset fileset, Path corrections, List<String> jes, RunConfig cfg, int runs, String label) {
        double[] rate = new double[runs];
        double[] perCore = new double[runs];
        long events = 0;
        HeapPeak.reset();
        for (int r = 0; r < runs; r++) {
            // A fresh processor per run: loading the correction files is part of every run.
            TtbarAgcProcessor p = new TtbarAgcProcessor(corrections, jes);
            RunOutput<AccumulatorMap> out = new Runner(cfg).run(p, fileset);
            rate[r] = out.metrics().eventsPerSecond();
            perCore[r] = out.metrics().eventsPerSecondPerCore();
            events = out.metrics().events();
            if (Boolean.getBoolean("crema.bench.eachRun")) {
                System.out.printf(Locale.ROOT, "  run %d: %.0f events/s%n", r + 1, rate[r]);
            }
        }
        Arrays.sort(rate);
        Arrays.sort(perCore);
        System.out.printf(Locale.ROOT, "%-8s workers=%d: %d events, %.0f events/s (median; min %.0f, max %.0f), "
                + "%.0f events/s per core, peak heap %.0f MiB%n", label, cfg.workers(), events, rate[runs / 2],
                rate[0], rate[runs - 1], perCore[runs / 2], HeapPeak.bytes() / (1024.0 * 1024.0));
    }
}
