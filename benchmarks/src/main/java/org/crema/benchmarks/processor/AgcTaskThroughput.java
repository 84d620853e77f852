package org.crema.benchmarks.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.crema.benchmarks.HeapPeak;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.examples.AgcTaskProcessor;
import org.crema.examples.TtbarAgcProcessor;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RootInputProvider;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;

/**
 * The AGC tt̄ task written as the user guide teaches it ({@link AgcTaskProcessor}: nominal, a jet-pt
 * scale shape variation, eight b-tag weight variations) beside the hand-tuned full example with jet
 * corrections ({@link TtbarAgcProcessor}), on the 50 000-event LZMA-9 benchmark file:
 *
 * <ul>
 *   <li>{@code processing}: the chunks' columns are read once into memory, then only
 *       {@code Processor.process} is timed (per chunk, on 1 and on all cores) — the number that
 *       compares with coffea's processing of loaded arrays;
 *   <li>{@code end-to-end}: the Runner opening, reading, decompressing and processing the file, on 1
 *       worker and on all cores.
 * </ul>
 *
 * Each mode runs {@code --warmup} passes before {@code --runs} measured ones (the JIT needs about
 * two 50 000-event passes to reach its steady rate; earlier numbers were taken too early); the median
 * and the range are printed, with the peak heap. The time of a fresh {@code crema run} (start-up
 * included) is measured by {@code benchmarks/scripts/cold-start.sh}.
 *
 * <pre>
 * java -XX:+UseParallelGC -Xmn128m --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar org.crema.benchmarks.processor.AgcTaskThroughput \
 *     [FILE] [--chunk-size K] [--runs R] [--warmup W] [--processor task|full] [--only processing|end-to-end]
 * </pre>
 */
public final class AgcTaskThroughput {
    private AgcTaskThroughput() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        Path file = Path.of("../shared/data/bench/ttbar_agc_lzma9.root");
        long chunkSize = 12_500;
        int runs = 5;
        int warmup = 3;
        String which = "task";
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--chunk-size" -> chunkSize = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--processor" -> which = args[++i];
                case "--only" -> only = args[++i];
                default -> file = Path.of(args[i]);
            }
        }
        if (!Files.isRegularFile(file)) {
            System.out.println("skipped: no input file " + file.toAbsolutePath()
                    + " (the 50k-event AGC benchmark file); pass FILE to use another one");
            return;
        }
        Supplier<AnalysisProcessor> processor = switch (which) {
            case "task" -> AgcTaskProcessor::new;
            case "full" -> () -> new TtbarAgcProcessor(Path.of("data/corrections"), TtbarAgcProcessor.DEFAULT_JES_SOURCES);
            default -> throw new IllegalArgumentException("--processor is task or full, not " + which);
        };
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "processor %s, input %s, chunk size %d, %d cores, %d warm-up + %d measured runs%n",
                processor.get().getClass().getSimpleName(), file, chunkSize, cores, warmup, runs);

        DatasetInfo dataset = new DatasetInfo("ttbar", "TTbar", "2022", true, 923.6, null, Map.of());
        List<Chunk> chunks = chunks(dataset, file, chunkSize);
        List<InMemorySource> loaded = load(chunks, processor.get());
        if (!only.equals("end-to-end")) {
            for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                processingOnly(processor, chunks, loaded, threads, warmup, runs);
            }
        }
        if (only.equals("processing")) {
            return;
        }
        Fileset fileset = RepeatedFileset.of("ttbar", "2022", 923.6, file, 1);
        for (int workers : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            endToEnd(processor, fileset, RunConfig.defaults().withChunkSize(chunkSize).withWorkers(workers)
                    .withProgress(false), warmup, runs);
        }
    }

    private static List<Chunk> chunks(DatasetInfo dataset, Path file, long chunkSize) {
        RootInputProvider input = new RootInputProvider();
        long entries = input.inspect(file.toString(), "Events").entries();
        input.release();
        List<Chunk> chunks = new ArrayList<>();
        for (long start = 0; start < entries; start += chunkSize) {
            chunks.add(new Chunk(chunks.size(), dataset, file.toString(), "Events", start,
                    Math.min(entries, start + chunkSize), entries));
        }
        return chunks;
    }

    /** Reads every column the processor touches once, through a recording pass. */
    private static List<InMemorySource> load(List<Chunk> chunks, AnalysisProcessor p) throws Exception {
        RootInputProvider input = new RootInputProvider();
        List<InMemorySource> loaded = new ArrayList<>();
        for (Chunk c : chunks) {
            try (ColumnSource source = input.open(c)) {
                InMemorySource memory = new InMemorySource(source);
                p.process(Events.of(c, memory));
                loaded.add(memory.frozen());
            }
        }
        input.release();
        return loaded;
    }

    private static void processingOnly(Supplier<AnalysisProcessor> processor, List<Chunk> chunks,
            List<InMemorySource> loaded, int threads, int warmup, int runs) throws Exception {
        long events = chunks.stream().mapToLong(Chunk::entries).sum();
        double[] rate = new double[runs];
        HeapPeak.reset();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int r = -warmup; r < runs; r++) {
                AnalysisProcessor p = processor.get();
                long t0 = System.nanoTime();
                List<Future<AccumulatorMap>> parts = new ArrayList<>();
                for (int i = 0; i < chunks.size(); i++) {
                    Chunk c = chunks.get(i);
                    InMemorySource s = loaded.get(i);
                    parts.add(pool.submit(() -> p.process(Events.of(c, s))));
                }
                for (Future<AccumulatorMap> f : parts) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) * 1e-9;
                if (r >= 0) {
                    rate[r] = events / seconds;
                }
                if (Boolean.getBoolean("crema.bench.eachRun")) {
                    System.out.printf(Locale.ROOT, "  %s run %d: %.0f events/s%n", r < 0 ? "warm-up" : "measured",
                            r < 0 ? r + warmup + 1 : r + 1, events / seconds);
                }
            }
        } finally {
            pool.shutdown();
        }
        print("processing", "threads=" + threads, events, rate);
    }

    private static void endToEnd(Supplier<AnalysisProcessor> processor, Fileset fileset, RunConfig cfg, int warmup,
            int runs) {
        double[] rate = new double[runs];
        long events = 0;
        HeapPeak.reset();
        for (int r = -warmup; r < runs; r++) {
            RunOutput<AccumulatorMap> out = new Runner(cfg).run(processor.get(), fileset);
            events = out.metrics().events();
            if (r >= 0) {
                rate[r] = out.metrics().eventsPerSecond();
            }
        }
        print("end-to-end", "workers=" + cfg.workers(), events, rate);
    }

    private static void print(String mode, String parallelism, long events, double[] rate) {
        double[] sorted = rate.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-10s %-9s %d events: %.0f events/s (median; min %.0f, max %.0f), peak heap %.0f MiB%n",
                mode, parallelism, events, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1],
                HeapPeak.bytes() / (1024.0 * 1024.0));
    }

    /**
     * A chunk's columns held in memory: the first pass reads through to the file and keeps what it
     * read; {@link #frozen()} then serves only those.
     */
    private static final class InMemorySource implements ColumnSource {
        private final ColumnSource file;
        private final int length;
        private final Set<String> names;
        private final Map<String, Column> columns = new HashMap<>();
        private final Map<String, ListColumn<RecordColumn>> collections = new HashMap<>();
        private final java.util.OptionalDouble sumGenWeights;

        InMemorySource(ColumnSource file) {
            this.file = file;
            this.length = file.length();
            this.names = file.columnNames();
            this.sumGenWeights = file.fileSumGenWeights();
        }

        private InMemorySource(InMemorySource recorded) {
            this.file = null;
            this.length = recorded.length;
            this.names = recorded.names;
            this.columns.putAll(recorded.columns);
            this.collections.putAll(recorded.collections);
            this.sumGenWeights = recorded.sumGenWeights;
        }

        InMemorySource frozen() {
            return new InMemorySource(this);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public Set<String> columnNames() {
            return names;
        }

        @Override
        public synchronized Column column(String name) {
            Column c = columns.get(name);
            if (c == null) {
                if (file == null) {
                    throw new IllegalStateException("column " + name + " was not read by the recording pass");
                }
                c = file.column(name);
                columns.put(name, c);
            }
            return c;
        }

        @Override
        public synchronized ListColumn<RecordColumn> collection(String name, List<String> fields) {
            String key = name + fields;
            if (collections.containsKey(key)) {
                return collections.get(key);
            }
            if (file == null) {
                throw new IllegalStateException("collection " + key + " was not read by the recording pass");
            }
            ListColumn<RecordColumn> c = file.collection(name, fields);
            collections.put(key, c);
            return c;
        }

        @Override
        public java.util.OptionalDouble fileSumGenWeights() {
            return sumGenWeights;
        }
    }
}
