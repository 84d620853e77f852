package org.crema.processor.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.processor.Accumulator;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.Events;
import org.crema.processor.InputReadException;
import org.crema.processor.Processor;
import org.crema.processor.internal.Serialization;

/**
 * The standard {@link ChunkTask}: open the chunk, run the processor, checkpoint the result.
 * Checkpoints are Java-serialized {@link Checkpoint}s named by the SHA-256 of the processor's
 * serialized form, the input provider, the file (path, size, modification time) and the entry range,
 * so a resumed run only reuses results computed by the same configuration on the same input.
 *
 * @param <A> accumulator type
 */
final class ProcessingTask<A extends Accumulator<A>> implements ChunkTask<A> {
    private static final long serialVersionUID = 1L;
    private final Processor<A> processor;
    private final InputProvider input;
    private final String checkpointDir;
    private final boolean resume;
    private final String fingerprint;

    /** What a checkpoint file holds. */
    record Checkpoint(String key, Accumulator<?> result, long nanos, long bytesRead) implements Serializable {
    }

    ProcessingTask(Processor<A> processor, InputProvider input, Path checkpointDir, boolean resume) {
        this.processor = processor;
        this.input = input;
        this.checkpointDir = checkpointDir == null ? null : checkpointDir.toString();
        this.resume = resume;
        this.fingerprint = Serialization.sha256(Serialization.toBytes(processor),
                input.getClass().getName().getBytes(StandardCharsets.UTF_8));
    }

    /** @return hash of the processor configuration and input provider */
    String fingerprint() {
        return fingerprint;
    }

    String key(Chunk c) {
        String stat = "";
        try {
            Path p = Path.of(c.file());
            if (Files.exists(p)) {
                stat = Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            }
        } catch (RuntimeException | IOException e) {
            stat = "?";
        }
        String id = c.dataset().name() + "\n" + c.file() + "\n" + stat + "\n" + c.treeName() + "\n" + c.entryStart()
                + "\n" + c.entryStop();
        return Serialization.sha256(fingerprint.getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8));
    }

    Path checkpointPath(Chunk c) {
        return checkpointDir == null ? null : Path.of(checkpointDir).resolve(key(c) + ".chunk");
    }

    @Override
    public ChunkOutcome<A> run(Chunk chunk) {
        Path cp = checkpointPath(chunk);
        if (resume && cp != null && Files.isRegularFile(cp)) {
            ChunkOutcome<A> loaded = load(chunk, cp);
            if (loaded != null) {
                return loaded;
            }
        }
        long t0 = System.nanoTime();
        ColumnSource source;
        try {
            source = input.open(chunk);
        } catch (RuntimeException e) {
            return failed(chunk, true, e, t0);
        }
        A result;
        long bytes;
        try (source) {
            result = processor.process(Events.of(chunk, source));
            bytes = source.bytesRead();
        } catch (InputReadException e) {
            return failed(chunk, true, e, t0);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(chunk, false, e, t0);
        }
        long nanos = System.nanoTime() - t0;
        if (result == null) {
            return failed(chunk, false, new NullPointerException("process() returned null"), t0);
        }
        if (cp != null) {
            try {
                Checkpoint record = new Checkpoint(key(chunk), result, nanos, bytes);
                Serialization.writeAtomically(cp, out -> out.write(Serialization.toBytes(record)));
            } catch (UncheckedIOException e) {
                return failed(chunk, false, e, t0);
            }
        }
        return new ChunkOutcome<>(chunk, result, null, nanos, bytes, false, null);
    }

    @SuppressWarnings("unchecked")
    private ChunkOutcome<A> load(Chunk chunk, Path cp) {
        try (InputStream in = Files.newInputStream(cp)) {
            Object o = Serialization.read(new java.io.BufferedInputStream(in), processor.getClass().getClassLoader());
            if (o instanceof Checkpoint c && c.key().equals(key(chunk)) && c.result() != null) {
                return new ChunkOutcome<>(chunk, (A) c.result(), null, c.nanos(), c.bytesRead(), true, null);
            }
        } catch (IOException | RuntimeException e) {
            // A damaged checkpoint is recomputed, not fatal.
        }
        return null;
    }

    private ChunkOutcome<A> failed(Chunk chunk, boolean inputError, Throwable e, long t0) {
        return new ChunkOutcome<>(chunk, null, ChunkFailure.of(chunk, inputError, e), System.nanoTime() - t0, 0,
                false, e);
    }
}
