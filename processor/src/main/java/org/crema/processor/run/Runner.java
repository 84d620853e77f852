package org.crema.processor.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.Chunk;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.internal.Progress;

/**
 * Runs a {@link Processor} over a {@link Fileset}:
 * <ol>
 *   <li><b>plan</b>: each file (at most {@code maxFiles} per dataset) is inspected for its entry
 *       count and cluster boundaries and split into chunks ({@link ChunkPlanner}); at most
 *       {@code maxChunks} per dataset are kept;</li>
 *   <li><b>execute</b>: the chunks run on a {@link ChunkExecutor} (iterative for one worker,
 *       {@link MultiThreadedExecutor} otherwise); results merge in chunk order, so the output does not
 *       depend on the number of workers; each result is checkpointed atomically under
 *       {@code output/checkpoints/} and {@code resume} reuses them;</li>
 *   <li><b>finish</b>: {@link Processor#postprocess} runs once on the merged result, and the
 *       {@link RunOutput} (result, datasets, options, version, metrics, failures) is written
 *       atomically to the output folder.</li>
 * </ol>
 *
 * <p><b>Before any event is read</b> each dataset's {@code isMC} is resolved from its files
 * ({@code genWeight} present: simulation) and, for an {@link AnalysisProcessor}, every simulated dataset
 * must be normalisable (cross-section and luminosity known) unless the run allows unnormalised output.
 *
 * <p><b>Failures.</b> A file that cannot be opened or a chunk whose input cannot be read stops the run
 * with a {@link ChunkFailedException} naming the dataset, file, entry range and cause — unless
 * {@code skipBadFiles} is set, in which case it is recorded in {@link RunOutput#failures()} and the
 * run continues (a later {@code resume} retries it). An exception from the processor's own code always
 * stops the run; so does a worker running out of memory, with a message naming the chunk, the heap and
 * what to change.
 *
 * <p><b>Output folder.</b> A run locks it (a second run into it is refused), removes its previous
 * results before reading events, and publishes the new ones as one unit ({@link RunOutput#write}).
 *
 * <pre>{@code
 * RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withOutput(Path.of("out")))
 *         .run(new ZMuMuProcessor(), Fileset.read(Path.of("data/filesets/zmumu.json")));
 * }</pre>
 */
public final class Runner {
    private final RunConfig config;
    private final InputProvider input;
    private final ChunkExecutor executor;

    /**
     * A runner reading ROOT files with the executor chosen by {@code config.workers()}.
     *
     * @param config options
     */
    public Runner(RunConfig config) {
        this(config, new RootInputProvider(), null);
    }

    /**
     * @param config options
     * @param input how files are opened
     * @param executor the executor, or {@code null} to choose by {@code config.workers()}
     */
    public Runner(RunConfig config, InputProvider input, ChunkExecutor executor) {
        this.config = Objects.requireNonNull(config, "config");
        this.input = Objects.requireNonNull(input, "input");
        this.executor = executor != null ? executor
                : config.workers() == 1 ? new IterativeExecutor() : new MultiThreadedExecutor(config.workers());
    }

    /** @return the crema version recorded in outputs */
    public static String cremaVersion() {
        String v = Runner.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /**
     * The plan: chunks in order, the files that could not be inspected, and every dataset's metadata
     * with {@code isMC} resolved from its files.
     */
    record Plan(List<Chunk> chunks, List<ChunkFailure> failures, Map<String, DatasetInfo> datasets) {
    }

    /**
     * Runs the planning pre-pass only.
     *
     * @param fileset the datasets
     * @return chunks in order
     */
    public List<Chunk> plan(Fileset fileset) {
        return planWithFailures(fileset).chunks();
    }

    private record Inspected(Fileset.Dataset dataset, String file, String tree, FileInfo info, Throwable error) {
    }

    Plan planWithFailures(Fileset fileset) {
        List<Inspected> todo = new ArrayList<>();
        for (Fileset.Dataset ds : fileset.datasets().values()) {
            int n = config.maxFiles() < 0 ? ds.files().size() : Math.min(config.maxFiles(), ds.files().size());
            for (int i = 0; i < n; i++) {
                todo.add(new Inspected(ds, ds.files().get(i), ds.treeNames().get(i), null, null));
            }
        }
        List<Inspected> done = inspectAll(todo);
        Map<String, DatasetInfo> resolved = resolveDatasets(fileset, done);
        List<Chunk> chunks = new ArrayList<>();
        List<ChunkFailure> failures = new ArrayList<>();
        Map<String, Integer> perDataset = new LinkedHashMap<>();
        for (Inspected in : done) {
            DatasetInfo info = resolved.get(in.dataset.info().name());
            if (in.error != null) {
                ChunkFailure f = new ChunkFailure(info.name(), in.file, -1, -1, true,
                        ChunkFailure.stripContext(ChunkFailure.messageOf(in.error), null, in.file),
                        in.error.getClass().getName());
                if (!config.skipBadFiles()) {
                    throw new ChunkFailedException(null, "cannot read " + "dataset " + info.name() + ", file "
                            + in.file + ": " + f.message() + planningAdvice(in.file, f.message(), input instanceof RootInputProvider), in.error);
                }
                failures.add(f);
                continue;
            }
            List<long[]> ranges = ChunkPlanner.split(in.info.entries(), in.info.clusterStarts(), config.chunkSize());
            if (ranges.isEmpty()) {
                // A file without entries still becomes one empty chunk, so its dataset appears in the
                // result (histograms, cutflow, Σw) with zero counts instead of vanishing.
                ranges = List.<long[]>of(new long[] {0, 0});
            }
            for (long[] r : ranges) {
                int count = perDataset.getOrDefault(info.name(), 0);
                if (config.maxChunks() >= 0 && count >= config.maxChunks()) {
                    break;
                }
                perDataset.put(info.name(), count + 1);
                chunks.add(new Chunk(chunks.size(), info, in.file, in.tree, r[0], r[1], in.info.entries()));
            }
        }
        return new Plan(chunks, failures, resolved);
    }

    /**
     * What to do about a file that cannot be opened. Skipping helps with a damaged file among good ones,
     * not with a mistake that skipping would only hide: a path that does not exist, a folder, or a tree
     * name that no file has.
     *
     * @param localFiles whether the input provider reads file names as paths (an in-memory provider
     *     does not, so the file system says nothing about its names)
     */
    static String planningAdvice(String file, String message, boolean localFiles) {
        if (localFiles && !file.contains("://")) {
            try {
                Path p = Path.of(file);
                if (!Files.exists(p)) {
                    return " (no such file: check the path; relative paths in a fileset are resolved against the"
                            + " fileset's folder)";
                }
                if (Files.isDirectory(p)) {
                    return " (a folder, not a ROOT file: list the files in it)";
                }
            } catch (java.nio.file.InvalidPathException e) {
                return " (not a valid path)";
            }
        }
        if (message.contains("no tree named")) {
            return " (check the tree name)";
        }
        return " (use skipBadFiles / --skip-bad-files to skip it)";
    }

    /**
     * Resolves each dataset's {@code isMC} against its inspected files: a file with a {@code genWeight}
     * branch is simulation, one without is data. Missing {@code isMC} is inferred; a stated one that
     * contradicts a file, or files that disagree, stop the run before any event is read.
     */
    private static Map<String, DatasetInfo> resolveDatasets(Fileset fileset, List<Inspected> done) {
        Map<String, DatasetInfo> out = new LinkedHashMap<>();
        for (Fileset.Dataset ds : fileset.datasets().values()) {
            DatasetInfo info = ds.info();
            String withGen = null;
            String withoutGen = null;
            for (Inspected in : done) {
                if (in.dataset != ds || in.info == null) {
                    continue;
                }
                if (in.info.genWeight() == FileInfo.GenWeight.PRESENT && withGen == null) {
                    withGen = in.file;
                } else if (in.info.genWeight() == FileInfo.GenWeight.ABSENT && withoutGen == null) {
                    withoutGen = in.file;
                }
            }
            String where = "dataset '" + info.name() + "'" + (fileset.source() == null ? "" : " of " + fileset.source());
            if (withGen != null && withoutGen != null) {
                throw new FilesetException(where + " mixes simulation and data: file " + withGen + " has a genWeight"
                        + " branch, file " + withoutGen + " has none; split the dataset");
            }
            if (ds.isMCGiven()) {
                if (info.isMC() && withoutGen != null) {
                    throw new FilesetException(where + " says isMC=true, but file " + withoutGen + " has no genWeight"
                            + " branch (collision data?); correct isMC, or remove it to infer it from the files");
                }
                if (!info.isMC() && withGen != null) {
                    throw new FilesetException(where + " says isMC=false, but file " + withGen + " has a genWeight"
                            + " branch (simulation); correct isMC, or remove it to infer it from the files");
                }
            } else if (withGen != null || withoutGen != null) {
                info = new DatasetInfo(info.name(), info.sample(), info.year(), withGen != null, info.xsec(),
                        info.era(), info.extra());
            } else if (done.stream().anyMatch(in -> in.dataset == ds && in.info != null)) {
                throw new FilesetException(where + " has no isMC in its metadata and its files cannot tell (the input"
                        + " provider does not report a genWeight branch); add \"isMC\": true or false");
            }
            out.put(info.name(), info);
        }
        return out;
    }

    private List<Inspected> inspectAll(List<Inspected> todo) {
        // maxChunks lets a quick test stop early, but a file must be opened to know its chunks; with a
        // limit, inspect files one at a time so a dataset of thousands of files costs only a few opens.
        if (config.maxChunks() >= 0 || todo.size() <= 1 || config.workers() == 1) {
            List<Inspected> out = new ArrayList<>();
            Map<String, Long> chunksSoFar = new LinkedHashMap<>();
            for (Inspected t : todo) {
                String ds = t.dataset.info().name();
                if (config.maxChunks() >= 0 && chunksSoFar.getOrDefault(ds, 0L) >= config.maxChunks()) {
                    continue;
                }
                Inspected r = inspect(t);
                if (r.info != null) {
                    long n = ChunkPlanner.split(r.info.entries(), r.info.clusterStarts(), config.chunkSize()).size();
                    chunksSoFar.merge(ds, n, Long::sum);
                }
                out.add(r);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.workers(), todo.size()), r -> {
            Thread t = new Thread(r, "crema-plan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Inspected>> fs = new ArrayList<>();
            for (Inspected t : todo) {
                fs.add(pool.submit(() -> inspect(t)));
            }
            List<Inspected> out = new ArrayList<>();
            for (Future<Inspected> f : fs) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.crema.processor.ProcessorException("interrupted while planning", e);
        } catch (ExecutionException e) {
            throw new org.crema.processor.ProcessorException("planning failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Inspected inspect(Inspected t) {
        try {
            String sha256 = t.dataset.sha256().get(t.file);
            if (sha256 != null) {
                FileChecksums.verify(t.file, sha256);
            }
            return new Inspected(t.dataset, t.file, t.tree, input.inspect(t.file, t.tree), null);
        } catch (RuntimeException e) {
            return new Inspected(t.dataset, t.file, t.tree, null, e);
        }
    }

    /**
     * Plans, executes and post-processes; writes the output when an output folder is configured.
     * With an output folder the run holds its lock throughout (a second run into it is refused), removes
     * the folder's previous results before reading any event, and publishes the new ones as one unit
     * ({@link RunOutput#write}).
     *
     * @param processor the analysis
     * @param fileset the datasets
     * @param <A> accumulator type
     * @return the run's output
     * @throws ChunkFailedException when a chunk or file fails and may not be skipped, or a worker runs out
     *     of memory (the message names the chunk, the heap and what to change)
     * @throws FilesetException when a dataset's isMC contradicts its files
     * @throws org.crema.processor.NormalisationException when a simulated dataset cannot be normalised
     *     and the run does not allow unnormalised output
     * @throws org.crema.processor.ProcessorException when the output folder is in use by another run
     */
    public <A extends Accumulator<A>> RunOutput<A> run(Processor<A> processor, Fileset fileset) {
        OutputLock lock = config.output() == null ? null : OutputLock.acquire(config.output());
        try {
            return runLocked(processor, fileset);
        } finally {
            input.release();
            if (lock != null) {
                lock.close();
            }
        }
    }

    private <A extends Accumulator<A>> RunOutput<A> runLocked(Processor<A> processor, Fileset fileset) {
        long t0 = System.nanoTime();
        Plan plan = planWithFailures(fileset);
        double planSeconds = (System.nanoTime() - t0) / 1e9;
        List<String> warnings = new ArrayList<>();
        if (processor instanceof AnalysisProcessor ap) {
            if (config.unnormalised()) {
                warnings.add("unnormalised output requested: simulated datasets without xsec or luminosity are left"
                        + " unscaled (see normalisation in result.json)");
            } else {
                ap.checkNormalisation(plan.datasets().values());
            }
            checkHistogramsFit(ap.histogramFootprint(plan.datasets().values()));
        }
        Path checkpoints = config.output() == null ? null : config.output().resolve("checkpoints");
        if (config.output() != null) {
            try {
                RunOutput.invalidate(config.output());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the previous results in " + config.output() + ": "
                        + e.getMessage(), e);
            }
        }
        if (checkpoints != null && !config.resume()) {
            clearCheckpoints(checkpoints);
        }
        Map<String, List<String[]>> siblings = new LinkedHashMap<>();
        fileset.datasets().forEach((name, ds) -> {
            List<String[]> files = new ArrayList<>();
            for (int i = 0; i < ds.files().size(); i++) {
                files.add(new String[] {ds.files().get(i), ds.treeNames().get(i)});
            }
            siblings.put(name, files);
        });
        ProcessingTask<A> task = new ProcessingTask<>(processor, input, checkpoints, config.resume(),
                config.configurationText(), siblings);

        List<ChunkFailure> failures = new ArrayList<>(plan.failures());
        Histogram times = new Histogram(3);
        long[] counters = new long[5]; // events, bytes, processed, fromCheckpoint, processNanos
        long[] processedEvents = new long[1];
        List<Chunk> succeeded = new ArrayList<>();
        long totalEvents = plan.chunks().stream().mapToLong(Chunk::entries).sum();
        Progress progress = Progress.start(config.progress(), plan.chunks().size(), totalEvents);
        long e0 = System.nanoTime();
        A merged;
        try {
            merged = executor.execute(plan.chunks(), task, o -> {
                progress.chunkDone(o.chunk().entries());
                if (o.checkpointProblem() != null) {
                    warnings.add(o.checkpointProblem());
                }
                if (o.failure() != null) {
                    if (o.cause() instanceof OutOfMemoryError) {
                        throw outOfMemory(o.chunk(), o.cause(), counters[2], checkpoints);
                    }
                    if (!(config.skipBadFiles() && o.failure().inputError())) {
                        String hint = o.failure().inputError() ? " (use skipBadFiles / --skip-bad-files to skip it)" : "";
                        throw new ChunkFailedException(o.chunk(), "chunk failed: " + o.chunk().describe() + ": "
                                + o.failure().message() + hint, o.cause());
                    }
                    failures.add(o.failure());
                    return;
                }
                counters[0] += o.chunk().entries();
                succeeded.add(o.chunk());
                if (o.fromCheckpoint()) {
                    counters[3]++;
                } else {
                    counters[1] += o.bytesRead();
                    counters[2]++;
                    counters[4] += o.nanos();
                    processedEvents[0] += o.chunk().entries();
                    times.recordValue(Math.max(1, o.nanos() / 1000));
                }
            });
        } catch (ChunkExecutor.WorkerError e) {
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw outOfMemory(e.chunk(), oom, counters[2], checkpoints);
            }
            throw new ChunkFailedException(e.chunk(), "chunk failed: " + e.chunk().describe() + ": "
                    + ChunkFailure.messageOf(e.chunk(), e.getCause()) + " (" + e.getCause().getClass().getName() + ")",
                    e.getCause());
        } finally {
            progress.finish();
        }
        double wall = (System.nanoTime() - e0) / 1e9;
        if (merged == null) {
            merged = processor.empty();
        }
        A result = merged == null ? null : processor.postprocess(merged);
        java.util.SequencedMap<String, Path> eventFiles = new LinkedHashMap<>();
        RunAccumulators<A> accumulators = null;
        if (config.output() != null) {
            A postprocessed = result;
            if (result instanceof org.crema.processor.accumulate.AccumulatorMap am) {
                eventFiles = new LinkedHashMap<>(EventOutputs.write(config.output(), am, plan.datasets()));
                @SuppressWarnings("unchecked")
                A stripped = (A) EventOutputs.withoutRows(am);
                result = stripped;
            }
            @SuppressWarnings("unchecked")
            A unnormalised = merged instanceof org.crema.processor.accumulate.AccumulatorMap m
                    ? (A) EventOutputs.withoutRows(m) : merged;
            accumulators = RunAccumulators.of(processor, unnormalised, succeeded, !eventFiles.isEmpty());
            if (postprocessed != null) {
                eventFiles.putAll(processor.writeFiles(postprocessed, config.output()));
            }
        }

        double processSeconds = counters[4] / 1e9;
        ByteBuffer buf = ByteBuffer.allocate(times.getNeededByteBufferCapacity());
        int len = times.encodeIntoCompressedByteBuffer(buf);
        RunMetrics metrics = new RunMetrics(counters[0], counters[1], plan.chunks().size(), (int) counters[2],
                (int) counters[3], failures.size(), executor.parallelism(), wall, planSeconds, processSeconds,
                wall > 0 ? processedEvents[0] / wall : 0, processSeconds > 0 ? processedEvents[0] / processSeconds : 0,
                ms(times, 50), ms(times, 90), ms(times, 99), times.getTotalCount() == 0 ? 0 : times.getMaxValue() / 1e3,
                Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), len)));

        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("processor", processor.getClass().getName());
        cfg.put("processorFingerprint", task.fingerprint());
        cfg.put("fileset", String.valueOf(fileset.source()));
        cfg.put("chunkSize", Long.toString(config.chunkSize()));
        cfg.put("workers", Integer.toString(config.workers()));
        cfg.put("maxFiles", Integer.toString(config.maxFiles()));
        cfg.put("maxChunks", Integer.toString(config.maxChunks()));
        cfg.put("skipBadFiles", Boolean.toString(config.skipBadFiles()));
        cfg.put("resume", Boolean.toString(config.resume()));
        cfg.put("unnormalised", Boolean.toString(config.unnormalised()));
        cfg.put("output", String.valueOf(config.output()));
        cfg.put("input", input.getClass().getName());
        if (config.configurationText() != null) {
            cfg.put("configurationSha256", org.crema.processor.internal.Serialization.sha256(
                    config.configurationText().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        RunOutput<A> out = new RunOutput<>(result, plan.datasets(), cfg, cremaVersion(), executor.name(), metrics,
                failures, warnings);
        if (config.output() != null) {
            out.write(config.output(), eventFiles, accumulators);
        }
        return out;
    }

    /**
     * Refuses, before any event is read, a run whose histograms cannot fit in the heap: the merged
     * result holds one copy, and each chunk result waiting to be merged (up to four per worker) holds
     * at most one dataset's share. Three quarters of the heap may go to them; the rest is for columns.
     */
    private void checkHistogramsFit(AnalysisProcessor.HistogramFootprint f) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long perDataset = f.datasets() == 0 ? 0 : f.bytes() / f.datasets();
        long copies = 4L * executor.parallelism() + 1;
        long needed = f.bytes() + copies * perDataset;
        if (needed > maxHeap / 4 * 3) {
            throw new org.crema.processor.ProcessorException("the declared histograms need an estimated "
                    + AnalysisProcessor.HistogramFootprint.mibOf(needed) + " MiB (" + f.describe() + " for the result, plus "
                    + copies + " chunk results of up to " + AnalysisProcessor.HistogramFootprint.mibOf(perDataset)
                    + " MiB in flight), more than three quarters of the maximum heap (" + (maxHeap >> 20)
                    + " MiB); give more heap (-Xmx), use fewer workers, bins, categories or variations, or split the"
                    + " datasets into several runs");
        }
    }

    /**
     * The message for a worker that ran out of memory: which chunk, how much heap, what to change, and
     * where the finished chunks are (their checkpoints are already written, so {@code --resume} goes on).
     */
    private ChunkFailedException outOfMemory(Chunk chunk, Throwable oom, long finished, Path checkpoints) {
        long maxHeapMiB = Runtime.getRuntime().maxMemory() >> 20;
        String saved = checkpoints == null
                ? "finished chunks were not kept: run with --output DIR to checkpoint them"
                : finished + " chunk" + (finished == 1 ? "" : "s") + " finished in this run "
                        + (finished == 1 ? "is" : "are") + " checkpointed in " + checkpoints
                        + "; rerun with --resume to continue from them";
        return new ChunkFailedException(chunk, "out of memory while processing " + chunk.describe() + " ("
                + chunk.entries() + " entries) with a heap of " + maxHeapMiB + " MiB and " + executor.parallelism()
                + " worker" + (executor.parallelism() == 1 ? "" : "s") + ": use fewer workers (--workers), smaller"
                + " chunks (--chunk-size, now " + config.chunkSize() + ") or more heap (-Xmx, e.g. JAVA_OPTS=-Xmx"
                + Math.max(1, 2 * maxHeapMiB / 1024) + "g); " + saved, oom);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
    }

    private static void clearCheckpoints(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.chunk")) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear old checkpoints in " + dir + ": " + e.getMessage(), e);
        }
    }
}
