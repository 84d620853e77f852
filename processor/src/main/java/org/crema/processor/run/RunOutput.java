package org.crema.processor.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crema.processor.Accumulator;
import org.crema.processor.DatasetInfo;
import org.crema.processor.internal.Serialization;

/**
 * Everything a run produced, with its provenance. {@link #write} stores it atomically in a folder as
 * {@code result.ser} (Java serialization, read back with {@link #read}), {@code result.json} (the
 * same content for other tools; histograms in UHI JSON form) and, when the result holds histograms,
 * {@code histograms.json}: every histogram in UHI JSON keyed by its path in the result, e.g.
 * {@code histograms/DYJetsToLL_M50_2018/dimuonMass} (readable with {@code UhiJson.readAll} or
 * Python's {@code uhi}/{@code hist}).
 *
 * @param result the post-processed merged accumulator, or {@code null} when no chunk succeeded
 * @param datasets metadata of every dataset of the fileset
 * @param config the run's options and the processor's class, as strings
 * @param cremaVersion crema version that produced the output
 * @param executor executor description, e.g. {@code threads(8)}
 * @param metrics throughput and chunk-time distribution
 * @param failures chunks and files that failed (only non-empty with {@code skipBadFiles})
 * @param <A> accumulator type
 */
public record RunOutput<A extends Accumulator<A>>(A result, Map<String, DatasetInfo> datasets,
        Map<String, String> config, String cremaVersion, String executor, RunMetrics metrics,
        List<ChunkFailure> failures) implements Serializable {

    /** Name of the Java-serialized output file. */
    public static final String SERIALIZED = "result.ser";
    /** Name of the JSON output file. */
    public static final String JSON = "result.json";
    /** Name of the UHI JSON histogram file. */
    public static final String HISTOGRAMS = "histograms.json";

    /** Copies the collections. */
    public RunOutput {
        datasets = Map.copyOf(datasets);
        config = Map.copyOf(config);
        failures = List.copyOf(failures);
    }

    /**
     * Writes {@code result.ser} and {@code result.json} into {@code dir}, each atomically.
     *
     * @param dir output folder (created if needed)
     */
    public void write(Path dir) {
        Serialization.writeAtomically(dir.resolve(SERIALIZED), out -> out.write(Serialization.toBytes(this)));
        byte[] json = OutputJson.toJson(this);
        Serialization.writeAtomically(dir.resolve(JSON), out -> out.write(json));
        Map<String, org.crema.hist.Hist> hists = histograms();
        if (!hists.isEmpty()) {
            try {
                // UhiJson writes atomically itself (temporary file, then move).
                org.crema.hist.UhiJson.write(dir.resolve(HISTOGRAMS), hists);
                // The histogram writer's temporary file is owner-only; give it result.json's permissions.
                if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(dir.resolve(HISTOGRAMS), Files.getPosixFilePermissions(dir.resolve(JSON)));
                }
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("cannot write " + dir.resolve(HISTOGRAMS) + ": " + e.getMessage(), e);
            }
        }
    }

    /** @return every histogram in the result, keyed by its path, e.g. {@code histograms/DY/dimuonMass} */
    public Map<String, org.crema.hist.Hist> histograms() {
        return OutputJson.histograms(result);
    }

    /**
     * Reads an output written by {@link #write}.
     *
     * @param dir the output folder
     * @param type expected accumulator class
     * @param <A> accumulator type
     * @return the output
     */
    public static <A extends Accumulator<A>> RunOutput<A> read(Path dir, Class<A> type) {
        Path file = dir.resolve(SERIALIZED);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            Object o = Serialization.read(in, type.getClassLoader());
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
