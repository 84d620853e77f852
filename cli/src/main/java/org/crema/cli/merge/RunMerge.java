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
import org.crema.processor.run.RunAccumulators;
import org.crema.processor.run.RunOutput;

/**
 * Combines run outputs ({@link RunOutput}, as {@code crema run --output} writes them) into the output
 * one run over all their inputs gives, bit for bit.
 *
 * <p><b>Parts of one dataset.</b> A run's result is post-processed: simulated histograms are scaled
 * by {@code luminosity × xsec / Σ genWeight} of the whole dataset, so two results over halves of one
 * dataset cannot simply be added. A run output therefore also stores its unnormalised accumulators
 * and the entry ranges it covered ({@link RunAccumulators}); the merge adds those (every accumulator's
 * merge is exact, so the order and the split do not matter) and post-processes once, with the total
 * Σ genWeight. Parts must be disjoint: a file's entries in two inputs would count twice and are
 * refused, naming both inputs and the file.
 *
 * <p><b>Outputs without accumulators</b> (written by an earlier crema) can still be merged when no
 * dataset is in two of them: outputs of different datasets touch different keys of the result (every
 * accumulator of an analysis is keyed by dataset), so adding their results is exact.
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
     * A merged output, not yet written.
     *
     * @param output the merged run output
     * @param accumulators its unnormalised state, or {@code null} when an input had none
     */
    public record Merged(RunOutput<?> output, RunAccumulators<?> accumulators) {
        /**
         * Writes the output as a run would: the processor's own files (a YAML analysis's
         * {@code parameters.json} and saved columns) when the accumulators are known, result files,
         * {@value RunAccumulators#FILE}, manifest last.
         *
         * @param dir output folder
         */
        @SuppressWarnings({"rawtypes", "unchecked"})
        public void write(Path dir) {
            java.util.SequencedMap<String, Path> own = accumulators == null ? new java.util.LinkedHashMap<>()
                    : ((org.crema.processor.Processor) accumulators.processor()).writeFiles(output.result(), dir);
            ((RunOutput) output).write(dir, own, (RunAccumulators) accumulators);
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
     *     configurations, cover the same entries of a file, describe a dataset differently, or share a
     *     dataset without stored accumulators
     * @throws java.io.UncheckedIOException if an input is not a complete run output
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Merged merge(List<Path> inputs, Path output) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no run outputs to merge");
        }
        List<RunOutput<?>> outs = new ArrayList<>();
        List<RunAccumulators<?>> states = new ArrayList<>();
        for (Path in : inputs) {
            Map<String, byte[]> files = RunOutput.verify(in);
            RunOutput<?> o = RunOutput.read(in, (Class) Accumulator.class);
            outs.add(o);
            states.add(RunAccumulators.read(in, files, o.config().get("processor")));
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
        boolean shared = false;
        for (int i = 0; i < outs.size(); i++) {
            for (Map.Entry<String, DatasetInfo> d : outs.get(i).datasets().entrySet()) {
                Path prev = owner.putIfAbsent(d.getKey(), inputs.get(i));
                if (prev != null) {
                    shared = true;
                    if (!datasets.get(d.getKey()).equals(d.getValue())) {
                        throw new IncompatibleOutputsException("cannot merge " + inputs.get(i) + " with " + prev
                                + ": they describe dataset '" + d.getKey() + "' differently (" + d.getValue() + " and "
                                + datasets.get(d.getKey()) + "); use one fileset metadata for all parts");
                    }
                }
                datasets.putIfAbsent(d.getKey(), d.getValue());
            }
        }
        RunAccumulators<?> state = states.contains(null) ? null : mergeStates(inputs, states);
        Accumulator merged;
        if (state != null) {
            merged = state.postprocessed();
        } else if (shared) {
            Path without = inputs.get(states.indexOf(null));
            throw new IncompatibleOutputsException("cannot merge " + without + " with outputs of the same datasets: it"
                    + " stores no " + RunAccumulators.FILE + " (written by an earlier crema), and its simulation is"
                    + " already scaled by its own part's Σ genWeight; rerun it with this crema");
        } else {
            merged = mergeResults(inputs, outs);
        }
        List<ChunkFailure> failures = new ArrayList<>();
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
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
        RunOutput<?> out = new RunOutput(merged, datasets, config, first.cremaVersion(),
                "merge(" + String.join(", ", executors) + ")", metrics(outs), failures, List.copyOf(warnings));
        return new Merged(out, state);
    }

    /**
     * Adds the inputs' unnormalised accumulators after checking that no two cover the same entries of
     * a file, and that none wrote skims or saved columns for a dataset another input also holds (those
     * files are per run and are not merged).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static RunAccumulators<?> mergeStates(List<Path> inputs, List<RunAccumulators<?>> states) {
        for (int i = 0; i < states.size(); i++) {
            for (int j = 0; j < i; j++) {
                RunAccumulators.Coverage[] both = overlap(states.get(j), states.get(i));
                if (both != null) {
                    RunAccumulators.Coverage x = both[0];
                    RunAccumulators.Coverage y = both[1];
                    throw new IncompatibleOutputsException("cannot merge " + inputs.get(i) + " with " + inputs.get(j)
                            + ": both cover file " + y.file() + " (dataset '" + y.dataset() + "', tree " + y.tree()
                            + ": entries " + y.entryStart() + "-" + y.entryStop() + " in " + inputs.get(i) + ", "
                            + x.entryStart() + "-" + x.entryStop() + " in " + inputs.get(j) + "); each entry would"
                            + " count twice: merge runs over disjoint parts (other files or chunks)");
                }
            }
        }
        RunAccumulators merged = null;
        for (int i = 0; i < states.size(); i++) {
            RunAccumulators s = states.get(i);
            if (s.eventFiles() && states.size() > 1 && sharesDataset(s, states)) {
                throw new IncompatibleOutputsException("cannot merge " + inputs.get(i) + " with outputs of the same"
                        + " datasets: it wrote skims or saved columns, which are files per run and are not merged;"
                        + " run the parts without them, or over different datasets");
            }
            try {
                merged = merged == null ? s : merged.merge(s);
            } catch (AccumulatorMergeException | ClassCastException e) {
                throw new IncompatibleOutputsException("cannot merge " + inputs.get(i) + " into the outputs before"
                        + " it: " + e.getMessage());
            }
        }
        return merged;
    }

    private static RunAccumulators.Coverage[] overlap(RunAccumulators<?> a, RunAccumulators<?> b) {
        for (RunAccumulators.Coverage x : a.covered()) {
            for (RunAccumulators.Coverage y : b.covered()) {
                if (x.overlaps(y)) {
                    return new RunAccumulators.Coverage[] {x, y};
                }
            }
        }
        return null;
    }

    private static boolean sharesDataset(RunAccumulators<?> s, List<RunAccumulators<?>> all) {
        LinkedHashSet<String> mine = new LinkedHashSet<>();
        s.covered().forEach(c -> mine.add(c.dataset()));
        return all.stream().filter(o -> o != s).flatMap(o -> o.covered().stream())
                .anyMatch(c -> mine.contains(c.dataset()));
    }

    /** Adds post-processed results of different datasets (outputs without stored accumulators). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Accumulator mergeResults(List<Path> inputs, List<RunOutput<?>> outs) {
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
        return merged;
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
