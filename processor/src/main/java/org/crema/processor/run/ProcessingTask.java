package org.crema.processor.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.Events;
import org.crema.processor.InputReadException;
import org.crema.processor.NoSuchColumnException;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.internal.Serialization;

/**
 * The standard {@link ChunkTask}: open the chunk, run the processor, checkpoint the result.
 *
 * <p><b>Checkpoints.</b> Each is a Java-serialized {@link Checkpoint} framed with the SHA-256 of its
 * content ({@link Serialization#frame}) and named by its key: the SHA-256 of the run's
 * {@linkplain #fingerprint fingerprint} and of the chunk (dataset, file path, size and modification
 * time, tree, entry range). The fingerprint covers the crema version, the bytes of the processor's
 * class and its superclasses, the processor's serialized configuration, the run's configuration text
 * (when there is one) and the input provider, so a resumed run reuses only results computed by the
 * same code and configuration on the same input. On load the content hash is verified, the key is
 * compared, and deserialization admits only crema's and the processor's classes
 * ({@link Serialization#cremaFilter}); a checkpoint failing any of these is recomputed and reported.
 *
 * @param <A> accumulator type
 */
final class ProcessingTask<A extends Accumulator<A>> implements ChunkTask<A> {
    private static final long serialVersionUID = 2L;
    private final Processor<A> processor;
    private final InputProvider input;
    private final String checkpointDir;
    private final boolean resume;
    private final String fingerprint;
    /** Dataset name → its files and trees in plan order, to tell a damaged file from a processor bug. */
    private final Map<String, List<String[]>> siblings;

    /** What a checkpoint file holds. */
    record Checkpoint(String key, Accumulator<?> result, long nanos, long bytesRead) implements Serializable {
    }

    ProcessingTask(Processor<A> processor, InputProvider input, Path checkpointDir, boolean resume) {
        this(processor, input, checkpointDir, resume, null, Map.of());
    }

    ProcessingTask(Processor<A> processor, InputProvider input, Path checkpointDir, boolean resume,
            String configurationText, Map<String, List<String[]>> siblings) {
        this.processor = processor;
        this.input = input;
        this.checkpointDir = checkpointDir == null ? null : checkpointDir.toString();
        this.resume = resume;
        this.siblings = siblings;
        this.fingerprint = Serialization.sha256(Runner.cremaVersion().getBytes(StandardCharsets.UTF_8),
                classBytes(processor.getClass()), Serialization.toBytes(processor),
                (configurationText == null ? "" : configurationText).getBytes(StandardCharsets.UTF_8),
                input.getClass().getName().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The class files of {@code c} and its superclasses outside the JDK, so that recompiling the
     * processor with different code (but the same fields) invalidates its checkpoints.
     */
    static byte[] classBytes(Class<?> c) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Class<?> k = c; k != null && !k.getName().startsWith("java."); k = k.getSuperclass()) {
            String resource = "/" + k.getName().replace('.', '/') + ".class";
            out.writeBytes(k.getName().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = k.getResourceAsStream(resource)) {
                if (in != null) {
                    out.writeBytes(Serialization.sha256(in.readAllBytes()).getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // the class name alone then identifies it; a stale checkpoint is still caught by the
                // serialized configuration and the crema version
            }
        }
        return out.toByteArray();
    }

    /** @return hash of crema's version, the processor's code and configuration, and the input provider */
    String fingerprint() {
        return fingerprint;
    }

    @Override
    public void release() {
        input.release();
    }

    @Override
    public Class<?> resultOwner() {
        return processor.getClass();
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
        String checkpointProblem = null;
        if (resume && cp != null && Files.isRegularFile(cp)) {
            Object loaded = load(chunk, cp);
            if (loaded instanceof ChunkOutcome<?> o) {
                @SuppressWarnings("unchecked")
                ChunkOutcome<A> ok = (ChunkOutcome<A>) o;
                return ok;
            }
            checkpointProblem = "checkpoint " + cp.getFileName() + " of " + chunk.describe() + " " + loaded
                    + "; recomputed";
        }
        ChunkOutcome<A> o = compute(chunk, cp);
        return checkpointProblem == null ? o : o.withCheckpointProblem(checkpointProblem);
    }

    private ChunkOutcome<A> compute(Chunk chunk, Path cp) {
        long t0 = System.nanoTime();
        ColumnSource source;
        try {
            source = input.open(chunk);
        } catch (RuntimeException e) {
            return failed(chunk, true, e, t0);
        } catch (OutOfMemoryError e) {
            return failed(chunk, false, e, t0);
        }
        A result;
        long bytes;
        long retained;
        try (source) {
            Events events = Events.of(chunk, source);
            result = processor.process(events);
            bytes = source.bytesRead();
            retained = events.retainedSizeInBytes();
        } catch (InputReadException e) {
            return failed(chunk, true, e, t0);
        } catch (NoSuchColumnException e) {
            String sibling = siblingWithMissingColumn(chunk, e);
            if (sibling != null) {
                return failed(chunk, true, new InputReadException(ChunkFailure.messageOf(chunk, e) + ", although "
                        + sibling + " of the same dataset has it (damaged file or another NanoAOD version?)", e), t0);
            }
            return failed(chunk, false, e, t0);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(chunk, fromReader(e), e, t0);
        }
        long nanos = System.nanoTime() - t0;
        if (result == null) {
            return failed(chunk, false, new NullPointerException("process() returned null"), t0);
        }
        if (cp != null) {
            try {
                byte[] framed = Serialization.frame(Serialization.toBytes(new Checkpoint(key(chunk), result, nanos,
                        bytes)));
                Serialization.writeAtomically(cp, out -> out.write(framed));
            } catch (UncheckedIOException e) {
                return failed(chunk, false, e, t0);
            }
        }
        return new ChunkOutcome<>(chunk, result, null, nanos, bytes, false, null, null, retained);
    }

    /** An exception raised by crema's reader below the processor is an input failure, not a bug. */
    private static boolean fromReader(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.crema.io.RootException) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return "file G" for the first other file of the chunk's dataset that has a column this file lacks
     *     and that the exception names, or {@code null} when no sibling has it (then it is the processor's
     *     mistake)
     */
    private String siblingWithMissingColumn(Chunk chunk, NoSuchColumnException e) {
        List<String[]> files = siblings == null ? null : siblings.get(chunk.dataset().name());
        if (files == null || files.size() < 2) {
            return null;
        }
        Set<String> mine = input.columnNames(chunk.file(), chunk.treeName());
        if (mine == null) {
            return null;
        }
        String message = String.valueOf(e.getMessage());
        int checked = 0;
        for (String[] f : files) {
            if (f[0].equals(chunk.file())) {
                continue;
            }
            if (++checked > 3) {
                break; // a few siblings tell enough; do not open a whole dataset to word a message
            }
            Set<String> theirs = input.columnNames(f[0], f[1]);
            if (theirs == null) {
                continue;
            }
            Set<String> missing = new HashSet<>(theirs);
            missing.removeAll(mine);
            for (String m : missing) {
                int us = m.indexOf('_');
                if (message.contains("'" + m + "'") || us > 0 && message.contains("'" + m.substring(0, us + 1) + "*'")
                        || us > 0 && message.contains("'" + m.substring(0, us) + "'")) {
                    return "file " + f[0];
                }
            }
        }
        return null;
    }

    /** @return the outcome, or a string saying why the checkpoint cannot be used */
    private Object load(Chunk chunk, Path cp) {
        byte[] payload;
        try {
            payload = Serialization.unframe(Files.readAllBytes(cp));
        } catch (IOException | RuntimeException e) {
            return "is damaged: " + ChunkFailure.messageOf(e);
        }
        Object o;
        try {
            o = Serialization.read(new ByteArrayInputStream(payload), processor.getClass().getClassLoader(),
                    Serialization.cremaFilter(processor.getClass()));
        } catch (IOException | RuntimeException e) {
            return "cannot be read: " + ChunkFailure.messageOf(e);
        }
        if (!(o instanceof Checkpoint c)) {
            return "is foreign: it holds a " + (o == null ? "null" : o.getClass().getName()) + ", not a checkpoint";
        }
        if (!c.key().equals(key(chunk))) {
            return "is foreign: it was written for another chunk, input or configuration";
        }
        if (c.result() == null) {
            return "is foreign: it holds no result";
        }
        @SuppressWarnings("unchecked")
        A result = (A) c.result();
        return new ChunkOutcome<>(chunk, result, null, c.nanos(), c.bytesRead(), true, null);
    }

    private ChunkOutcome<A> failed(Chunk chunk, boolean inputError, Throwable e, long t0) {
        return new ChunkOutcome<>(chunk, null, ChunkFailure.of(chunk, inputError, e), System.nanoTime() - t0, 0,
                false, e);
    }

    /** @return the checkpoint files of a folder (for tests and clean-up) */
    static List<Path> checkpoints(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var ds = Files.newDirectoryStream(dir, "*.chunk")) {
                ds.forEach(out::add);
            }
        }
        return out;
    }
}
