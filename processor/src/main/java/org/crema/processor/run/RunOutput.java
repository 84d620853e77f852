package org.crema.processor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.processor.DatasetInfo;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.internal.Serialization;

/**
 * Everything a run produced, with its provenance. {@link #write} stores it in a folder as
 * {@code result.ser} (Java serialization, read back with {@link #read}), {@code result.json} (the
 * same content for other tools; histograms in UHI JSON form), when the result holds histograms
 * {@code histograms.json} (every histogram in UHI JSON keyed by its path in the result, e.g.
 * {@code histograms/DYJetsToLL_M50_2018/dimuonMass}, readable with {@code UhiJson.readAll} or Python's
 * {@code uhi}/{@code hist}), when written by a run {@code accumulators} (the unnormalised state for
 * merging runs over parts of a dataset, {@link RunAccumulators}), and last {@code manifest.json}.
 *
 * <p><b>One unit.</b> The manifest lists every result file with its size and SHA-256 and is written
 * last, atomically; writing a result first removes the previous manifest. A folder's results are
 * therefore complete exactly when its manifest exists and matches them: a run killed while writing,
 * or still running, leaves no manifest, and {@link #read} and {@link #verify} refuse such a folder
 * instead of returning a mix of two runs.
 *
 * @param result the post-processed merged accumulator, or {@code null} when no chunk succeeded
 * @param datasets metadata of every dataset of the fileset ({@code isMC} as resolved from the files)
 * @param config the run's options and the processor's class, as strings
 * @param cremaVersion crema version that produced the output
 * @param executor executor description, e.g. {@code threads(8)}
 * @param metrics throughput and chunk-time distribution
 * @param failures chunks and files that failed (only non-empty with {@code skipBadFiles})
 * @param warnings what the run noticed and worked around, e.g. a damaged checkpoint that was
 *     recomputed, or datasets left unnormalised
 * @param <A> accumulator type
 */
public record RunOutput<A extends Accumulator<A>>(A result, Map<String, DatasetInfo> datasets,
        Map<String, String> config, String cremaVersion, String executor, RunMetrics metrics,
        List<ChunkFailure> failures, List<String> warnings) implements Serializable {

    private static final long serialVersionUID = 2L;
    /** Name of the Java-serialized output file. */
    public static final String SERIALIZED = "result.ser";
    /** Name of the JSON output file. */
    public static final String JSON = "result.json";
    /** Name of the UHI JSON histogram file. */
    public static final String HISTOGRAMS = "histograms.json";
    /** Name of the manifest, written last: the result files with their sizes and SHA-256. */
    public static final String MANIFEST = "manifest.json";
    private static final String FORMAT = "crema-run-output/1";

    /** Copies the collections. */
    public RunOutput {
        datasets = Map.copyOf(datasets);
        config = Map.copyOf(config);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /**
     * An output without warnings.
     *
     * @param result the result
     * @param datasets dataset metadata
     * @param config options
     * @param cremaVersion crema version
     * @param executor executor description
     * @param metrics metrics
     * @param failures failures
     */
    public RunOutput(A result, Map<String, DatasetInfo> datasets, Map<String, String> config, String cremaVersion,
            String executor, RunMetrics metrics, List<ChunkFailure> failures) {
        this(result, datasets, config, cremaVersion, executor, metrics, failures, List.of());
    }

    /** A hook between the steps of {@link #write}, for tests that interrupt it. */
    interface WriteStep {
        void done(String file) throws IOException;
    }

    /**
     * Writes the result files and then the manifest into {@code dir} (created if needed). The
     * previous manifest is removed first, so the folder never shows a complete-looking mix of two runs.
     *
     * @param dir output folder
     */
    public void write(Path dir) {
        write(dir, new LinkedHashMap<>(), afterEachFile);
    }

    /**
     * As {@link #write(Path)}, listing in the manifest further files the run already wrote into the
     * folder (skims, saved columns), before the result files.
     *
     * @param dir output folder
     * @param written path relative to {@code dir} ('/'-separated) → the file
     */
    void write(Path dir, java.util.SequencedMap<String, Path> written) {
        write(dir, written, afterEachFile);
    }

    /**
     * As {@link #write(Path)}, storing also the run's unnormalised accumulators and coverage as
     * {@value RunAccumulators#FILE}, so that runs over parts of one dataset can be merged exactly.
     *
     * @param dir output folder
     * @param accumulators the state before post-processing, or {@code null} to store none
     */
    public void write(Path dir, RunAccumulators<A> accumulators) {
        write(dir, new LinkedHashMap<>(), accumulators);
    }

    /**
     * As {@link #write(Path, RunAccumulators)}, listing in the manifest further files already written
     * into the folder (e.g. a processor's own files, {@link org.crema.processor.Processor#writeFiles}).
     *
     * @param dir output folder
     * @param written path relative to {@code dir} ('/'-separated) → the file
     * @param accumulators the state before post-processing, or {@code null} to store none
     */
    public void write(Path dir, java.util.SequencedMap<String, Path> written, RunAccumulators<A> accumulators) {
        java.util.SequencedMap<String, Path> all = new LinkedHashMap<>(written);
        if (accumulators != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write run output to " + dir + ": " + e.getMessage(), e);
            }
            byte[] bytes = accumulators.toBytes();
            Path file = dir.resolve(RunAccumulators.FILE);
            Serialization.writeAtomically(file, out -> out.write(bytes));
            all.put(RunAccumulators.FILE, file);
        }
        write(dir, all, afterEachFile);
    }

    /** Called after each file {@link #write} publishes; tests use it to kill a run at the final write. */
    static volatile WriteStep afterEachFile = f -> { };

    void write(Path dir, WriteStep step) {
        write(dir, new LinkedHashMap<>(), step);
    }

    void write(Path dir, java.util.SequencedMap<String, Path> written, WriteStep step) {
        try {
            Files.createDirectories(dir);
            invalidate(dir, written.keySet());
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(SERIALIZED, Serialization.toBytes(this));
            files.put(JSON, OutputJson.toJson(this));
            Map<String, org.crema.hist.Hist> hists = histograms();
            if (!hists.isEmpty()) {
                Path tmp = Files.createTempFile(dir, ".histograms", ".tmp");
                try {
                    org.crema.hist.UhiJson.write(tmp, hists);
                    files.put(HISTOGRAMS, Files.readAllBytes(tmp));
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("cremaVersion", cremaVersion);
            Map<String, Object> listed = new LinkedHashMap<>();
            for (Map.Entry<String, Path> f : written.entrySet()) {
                byte[] bytes = Files.readAllBytes(f.getValue());
                listed.put(f.getKey(), Map.of("bytes", bytes.length, "sha256", Serialization.sha256(bytes)));
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                byte[] bytes = f.getValue();
                Serialization.writeAtomically(dir.resolve(f.getKey()), out -> out.write(bytes));
                listed.put(f.getKey(), Map.of("bytes", bytes.length, "sha256", Serialization.sha256(bytes)));
                step.done(f.getKey());
            }
            manifest.put("files", listed);
            byte[] m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
            Serialization.writeAtomically(dir.resolve(MANIFEST), out -> out.write(m));
            step.done(MANIFEST);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run output to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks a folder's results as incomplete: removes the manifest, then the result files it lists.
     * A run calls this before it reads any event, so an interrupted run never leaves an older run's
     * complete-looking results beside its new checkpoints.
     *
     * @param dir output folder
     * @throws IOException if a file cannot be removed
     */
    static void invalidate(Path dir) throws IOException {
        invalidate(dir, java.util.Set.of());
    }

    /** As {@link #invalidate(Path)}, keeping the named files (just written by this run). */
    private static void invalidate(Path dir, java.util.Set<String> keep) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        List<String> listed = new java.util.ArrayList<>();
        if (Files.isRegularFile(manifest)) {
            try {
                new ObjectMapper().readTree(Files.readAllBytes(manifest)).path("files").properties()
                        .forEach(f -> listed.add(f.getKey()));
            } catch (IOException e) {
                // an unreadable manifest lists nothing more to remove than the fixed names
            }
        }
        Files.deleteIfExists(manifest);
        for (String f : List.of(SERIALIZED, JSON, HISTOGRAMS, RunAccumulators.FILE)) {
            if (!keep.contains(f)) {
                Files.deleteIfExists(dir.resolve(f));
            }
        }
        Path root = dir.toAbsolutePath().normalize();
        for (String f : listed) {
            Path p = root.resolve(f).normalize();
            // only files inside the folder: a manifest is data, not a list of paths to trust
            if (p.startsWith(root) && !p.equals(root) && !keep.contains(f)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** @return every histogram in the result, keyed by its path, e.g. {@code histograms/DY/dimuonMass} */
    public Map<String, org.crema.hist.Hist> histograms() {
        return OutputJson.histograms(result);
    }

    /**
     * Checks that a folder holds one complete run output: the manifest exists and every file it lists
     * has the recorded size and SHA-256.
     *
     * @param dir the output folder
     * @return file name → content, for the files the manifest lists
     * @throws UncheckedIOException naming the folder and what is missing or different
     */
    public static Map<String, byte[]> verify(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        try {
            if (!Files.isRegularFile(manifest)) {
                throw new IOException("no complete run output in " + dir + ": " + MANIFEST + " is missing (the run that"
                        + " wrote this folder was interrupted or is still running; rerun, with --resume to reuse its"
                        + " checkpoints)");
            }
            JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(manifest));
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new IOException(manifest + " is not a crema run manifest (expected format " + FORMAT + ")");
            }
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : root.path("files").properties()) {
                Path p = dir.resolve(f.getKey());
                if (!Files.isRegularFile(p)) {
                    throw new IOException("incomplete run output in " + dir + ": " + f.getKey() + " is listed in "
                            + MANIFEST + " but missing");
                }
                byte[] bytes = Files.readAllBytes(p);
                String sha = Serialization.sha256(bytes);
                if (!sha.equals(f.getValue().path("sha256").asText())) {
                    throw new IOException("run output in " + dir + " is inconsistent: " + f.getKey() + " has SHA-256 "
                            + sha.substring(0, 12) + "…, " + MANIFEST + " expects "
                            + f.getValue().path("sha256").asText().substring(0, Math.min(12,
                                    f.getValue().path("sha256").asText().length())) + "… (written by another run, or"
                            + " changed since)");
                }
                out.put(f.getKey(), bytes);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Reads an output written by {@link #write}, after {@link #verify verifying} it; deserialization
     * admits only crema's classes and those from the same jar or folder as {@code type}.
     *
     * @param dir the output folder
     * @param type expected accumulator class
     * @param <A> accumulator type
     * @return the output
     * @throws UncheckedIOException if the folder holds no complete output or it cannot be read
     */
    public static <A extends Accumulator<A>> RunOutput<A> read(Path dir, Class<A> type) {
        Map<String, byte[]> files = verify(dir);
        Path file = dir.resolve(SERIALIZED);
        byte[] bytes = files.get(SERIALIZED);
        try {
            if (bytes == null) {
                throw new IOException(MANIFEST + " lists no " + SERIALIZED);
            }
            Object o = Serialization.read(new ByteArrayInputStream(bytes), type.getClassLoader(),
                    Serialization.cremaFilter(type));
            if (!(o instanceof RunOutput<?> r) || (r.result() != null && !type.isInstance(r.result()))) {
                throw new IOException("not a run output holding a " + type.getName() + ": "
                        + (o instanceof RunOutput<?> r2 && r2.result() != null ? r2.result().getClass().getName()
                                : String.valueOf(o)));
            }
            @SuppressWarnings("unchecked")
            RunOutput<A> out = (RunOutput<A>) r;
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run output " + file + ": " + e.getMessage(), e);
        }
    }
}
