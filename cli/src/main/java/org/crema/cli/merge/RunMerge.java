package org.crema.cli.merge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crema.processor.DatasetInfo;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.accumulate.AccumulatorMergeException;
import org.crema.processor.run.ChunkFailure;
import org.crema.processor.run.RunMetrics;
import org.crema.processor.run.RunOutput;

/**
 * Combines run outputs ({@link RunOutput}, as {@code crema run --output} writes them) into the output
 * one run over all their datasets gives.
 *
 * <p><b>Why only disjoint datasets.</b> A run's result is post-processed: simulated histograms are
 * already scaled by {@code luminosity × xsec / Σ genWeight} of the whole dataset. Two outputs holding
 * parts of one dataset were scaled by partial Σ genWeight each, so adding them cannot equal a single
 * run; outputs of different datasets touch different keys of the result (every accumulator of an
 * analysis is keyed by dataset), so their merge is exact: bit for bit the single run's histograms,
 * whatever the order of the inputs. A dataset present in two inputs is therefore refused as an
 * overlap, which also catches the same chunks merged twice.
 *
 * <p>Inputs must come from the same processor class with the same fingerprint (crema version, the
 * processor's code and serialized configuration, the YAML configuration text): results of different
 * analyses would merge silently into nonsense.
 */
public final class RunMerge {
    private RunMerge() {
    }

    /** A run output that cannot be merged with the others; the message names the folders and the reason. */
    public static final class IncompatibleOutputsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IncompatibleOutputsException(String message) {
            super(message);
        }
    }

    /**
     * Reads and verifies every input (manifest and SHA-256 of each file), checks they are compatible
     * and merges them in the given order.
     *
     * @param inputs run output folders, at least one
     * @param output the folder the merged output will be written to (recorded in its configuration)
     * @return the merged output; nothing is written
     * @throws IncompatibleOutputsException if two inputs come from different processors or
     *     configurations, or share a dataset
     * @throws java.io.UncheckedIOException if an input is not a complete run output
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static RunOutput<?> merge(List<Path> inputs, Path output) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no run outputs to merge");
        }
        List<RunOutput<?>> outs = new ArrayList<>();
        for (Path in : inputs) {
            outs.add(RunOutput.read(in, (Class) Accumulator.class));
        }
        RunOutput<?> first = outs.get(0);
        Path firstDir = inputs.get(0);
        for (int i = 1; i < outs.size(); i++) {
            RunOutput<?> o = outs.get(i);
            Path dir = inputs.get(i);
            same(firstDir, first, dir, o, "processor", "processor class");
            same(firstDir, first, dir, o, "processorFingerprint",
                    "processor fingerprint (crema version, processor code and configuration)");
            same(firstDir, first, dir, o, "configurationSha256", "SHA-256 of the YAML configuration");
            if (!Objects.equals(first.cremaVersion(), o.cremaVersion())) {
                throw new IncompatibleOutputsException("cannot merge " + dir + " with " + firstDir + ": written by crema "
                        + o.cremaVersion() + " and " + first.cremaVersion() + "; rerun both with one version");
            }
        }
        Map<String, DatasetInfo> datasets = new LinkedHashMap<>();
        Map<String, Path> owner = new LinkedHashMap<>();
        for (int i = 0; i < outs.size(); i++) {
            for (Map.Entry<String, DatasetInfo> d : outs.get(i).datasets().entrySet()) {
                Path prev = owner.putIfAbsent(d.getKey(), inputs.get(i));
                if (prev != null) {
                    throw new IncompatibleOutputsException("cannot merge " + inputs.get(i) + " with " + prev
                            + ": both hold dataset '" + d.getKey() + "' (overlapping chunks would count twice, and"
                            + " simulation is already scaled by each part's own Σ genWeight); merge outputs of"
                            + " different datasets, e.g. one job per dataset");
                }
                datasets.put(d.getKey(), d.getValue());
            }
        }
        Accumulator merged = null;
        for (int i = 0; i < outs.size(); i++) {
            Accumulator r = outs.get(i).result();
            if (r == null) {
                continue;
            }
            if (merged != null && merged.getClass() != r.getClass()) {
                throw new IncompatibleOutputsException("cannot merge " + inputs.get(i) + ": its result is a "
                        + r.getClass().getName() + ", the others' a " + merged.getClass().getName());
            }
            try {
                merged = merged == null ? r : merged.merge(r);
            } catch (AccumulatorMergeException e) {
                throw new IncompatibleOutputsException("cannot merge " + inputs.get(i) + " into the outputs before"
                        + " it: " + e.getMessage());
            }
        }
        List<ChunkFailure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LinkedHashSet<String> filesets = new LinkedHashSet<>();
        List<String> executors = new ArrayList<>();
        for (RunOutput<?> o : outs) {
            failures.addAll(o.failures());
            warnings.addAll(o.warnings());
            filesets.add(o.config().getOrDefault("fileset", "null"));
            executors.add(o.executor());
        }
        Map<String, String> config = new LinkedHashMap<>(first.config());
        config.put("fileset", String.join(",", filesets));
        config.put("output", String.valueOf(output));
        config.put("mergedFrom", String.join(",", inputs.stream().map(p -> p.toAbsolutePath().normalize()
                .toString()).toList()));
        return new RunOutput(merged, datasets, config, first.cremaVersion(),
                "merge(" + String.join(", ", executors) + ")", metrics(outs), failures, warnings);
    }

    private static void same(Path aDir, RunOutput<?> a, Path bDir, RunOutput<?> b, String key, String what) {
        String x = a.config().get(key);
        String y = b.config().get(key);
        if (!Objects.equals(x, y)) {
            throw new IncompatibleOutputsException("cannot merge " + bDir + " with " + aDir + ": different " + what
                    + ": " + show(y) + " and " + show(x) + " (rerun both with the same processor, configuration and"
                    + " crema version)");
        }
    }

    private static String show(String v) {
        if (v == null) {
            return "none";
        }
        return v.length() == 64 && v.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? v.substring(0, 12) + "…"
                : v;
    }

    /**
     * Counts add up; wall, planning and processing times add up as if the runs had been one after the
     * other; chunk-time percentiles are the largest of the inputs' (an upper bound: the inputs' time
     * distributions are not kept in mergeable form here).
     */
    private static RunMetrics metrics(List<RunOutput<?>> outs) {
        long events = 0;
        long bytes = 0;
        int chunks = 0;
        int processed = 0;
        int fromCheckpoint = 0;
        int failed = 0;
        int workers = 0;
        double wall = 0;
        double plan = 0;
        double process = 0;
        double p50 = 0;
        double p90 = 0;
        double p99 = 0;
        double max = 0;
        long processedEvents = 0;
        for (RunOutput<?> o : outs) {
            RunMetrics m = o.metrics();
            events += m.events();
            bytes += m.bytesRead();
            chunks += m.chunks();
            processed += m.chunksProcessed();
            fromCheckpoint += m.chunksFromCheckpoint();
            failed += m.chunksFailed();
            workers = Math.max(workers, m.workers());
            wall += m.wallSeconds();
            plan += m.planSeconds();
            process += m.processSeconds();
            processedEvents += Math.round(m.eventsPerSecond() * m.wallSeconds());
            p50 = Math.max(p50, m.chunkMillisP50());
            p90 = Math.max(p90, m.chunkMillisP90());
            p99 = Math.max(p99, m.chunkMillisP99());
            max = Math.max(max, m.chunkMillisMax());
        }
        return new RunMetrics(events, bytes, chunks, processed, fromCheckpoint, failed, workers, wall, plan, process,
                wall > 0 ? processedEvents / wall : 0, process > 0 ? processedEvents / process : 0, p50, p90, p99, max,
                "");
    }
}
