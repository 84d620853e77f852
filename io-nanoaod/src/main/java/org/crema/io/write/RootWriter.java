package org.crema.io.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crema.io.internal.write.FileBuilder;
import org.crema.io.internal.write.HistogramStreamer;
import org.crema.io.internal.write.WriteBuffer;

/**
 * Writes a new ROOT file: histograms ({@link RootHistogram}) and NanoAOD-shaped trees ({@link
 * TreeWriter}) in nested directories, with the streamer descriptions, key lists and free list that
 * ROOT, uproot and JSROOT expect.
 *
 * <p><b>Atomic.</b> Everything goes to a temporary file beside the target; {@link #close()} completes
 * it and renames it over the target in one step. If anything fails, or {@link #abort()} is called,
 * the temporary file is removed and the target is untouched: a reader never sees half a file.
 *
 * <pre>{@code
 * try (RootWriter out = RootWriter.create(Path.of("shapes.root"), CompressionSetting.zlib(1))) {
 *     out.put("ee/DY", RootHistogram.of1D(Kind.TH1D, "DY", axis, values, sumw2));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use from one thread.
 */
public final class RootWriter implements AutoCloseable {
    /** Entries per cluster (one basket per branch) when a tree does not say otherwise. */
    public static final int DEFAULT_CLUSTER_SIZE = 100_000;

    private final Path target;
    private final Path temp;
    private final FileBuilder builder;
    private final List<TreeWriter> trees = new ArrayList<>();
    private boolean closed;

    /** Work that writes to the file and may fail with an I/O error. */
    @FunctionalInterface
    interface FileWork {
        void run() throws IOException;
    }

    private RootWriter(Path target, Path temp, FileBuilder builder) {
        this.target = target;
        this.temp = temp;
        this.builder = builder;
    }

    /**
     * Starts a zlib-1 compressed file (the setting of uproot and of re-skimmed NanoAOD).
     *
     * @param path the file to produce
     * @return the writer
     */
    public static RootWriter create(Path path) {
        return create(path, CompressionSetting.zlib(1));
    }

    /**
     * @param path the file to produce (replaced on {@link #close()} if it exists)
     * @param compression compression of every record
     * @return the writer
     * @throws RootWriteException if the temporary file cannot be created
     */
    public static RootWriter create(Path path, CompressionSetting compression) {
        return create(path, compression, false);
    }

    /**
     * @param path the file to produce
     * @param compression compression of every record
     * @param reproducible fixed timestamps and zero UUIDs: equal content gives byte-identical files
     * @return the writer
     */
    public static RootWriter create(Path path, CompressionSetting compression, boolean reproducible) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(compression, "compression");
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                // Temporary files are owner-only; the finished file gets the usual rw-r--r--.
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            FileBuilder b = new FileBuilder(temp, abs.getFileName().toString(), compression.code(), reproducible);
            return new RootWriter(abs, temp, b);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw new RootWriteException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return the file this writer produces */
    public Path path() {
        return target;
    }

    /**
     * Creates a directory (and its parents) if it does not exist yet.
     *
     * @param path names separated by '/'
     * @return this writer
     */
    public RootWriter mkdir(String path) {
        run(() -> builder.directory(path));
        return this;
    }

    /**
     * Writes a histogram. The last part of {@code path} is the key and object name; the parts before
     * it are directories, created as needed ({@code "ee/DY_jesUp"}). Writing a name twice adds a new
     * cycle, which readers take as the current one.
     *
     * @param path key path
     * @param histogram the histogram
     * @return this writer
     */
    public RootWriter put(String path, RootHistogram histogram) {
        Objects.requireNonNull(histogram, "histogram");
        String[] split = split(path);
        run(() -> {
            FileBuilder.Directory d = builder.directory(split[0]);
            String cls = HistogramStreamer.className(histogram.kind());
            WriteBuffer b = new WriteBuffer(builder.keyLengthHere(cls, split[1], histogram.title()));
            HistogramStreamer.write(b, split[1], histogram);
            builder.streamed(cls);
            builder.writeObject(d, cls, split[1], histogram.title(), b.array(), b.length());
        });
        return this;
    }

    /**
     * Starts a tree at {@code path} ({@code "Events"}, or {@code "skims/Events"}). Its baskets are
     * written as entries are appended; the tree record when the file closes.
     *
     * @param path key path
     * @param title tree title
     * @param branches the branches, each counter before the branches it counts
     * @return the tree writer
     */
    public TreeWriter tree(String path, String title, List<BranchSpec> branches) {
        return tree(path, title, branches, DEFAULT_CLUSTER_SIZE);
    }

    /**
     * @param path key path
     * @param title tree title
     * @param branches the branches
     * @param clusterSize entries per cluster (one basket per branch)
     * @return the tree writer
     */
    public TreeWriter tree(String path, String title, List<BranchSpec> branches, int clusterSize) {
        if (clusterSize < 1) {
            throw new IllegalArgumentException("clusterSize must be positive, got " + clusterSize);
        }
        String[] split = split(path);
        FileBuilder.Directory[] d = new FileBuilder.Directory[1];
        run(() -> d[0] = builder.directory(split[0]));
        TreeWriter t = new TreeWriter(this, d[0], split[1], Objects.requireNonNull(title, "title"), branches,
                clusterSize);
        trees.add(t);
        return t;
    }

    /**
     * Writes a NanoAOD {@code Runs} tree ({@code run/i}, {@code genEventCount/L},
     * {@code genEventSumw/D}, {@code genEventSumw2/D}), one entry per run.
     *
     * @param runs the sums per run
     * @return this writer
     */
    public RootWriter runs(java.util.List<RunSums> runs) {
        int n = runs.size();
        int[] run = new int[n];
        long[] count = new long[n];
        double[] sumw = new double[n];
        double[] sumw2 = new double[n];
        for (int i = 0; i < n; i++) {
            RunSums r = runs.get(i);
            run[i] = (int) r.run();
            count[i] = r.genEventCount();
            sumw[i] = r.genEventSumw();
            sumw2[i] = r.genEventSumw2();
        }
        TreeWriter t = tree("Runs", "Runs", List.of(BranchSpec.flat("run", LeafType.UINT),
                BranchSpec.flat("genEventCount", LeafType.LONG64).withTitle("event count"),
                BranchSpec.flat("genEventSumw", LeafType.DOUBLE).withTitle("sum of gen weights"),
                BranchSpec.flat("genEventSumw2", LeafType.DOUBLE).withTitle("sum of gen (weight^2)")));
        if (n > 0) {
            t.append(java.util.Map.of("run", org.crema.columnar.IntColumn.ofUnsigned(run),
                    "genEventCount", org.crema.columnar.LongColumn.of(count),
                    "genEventSumw", org.crema.columnar.DoubleColumn.of(sumw),
                    "genEventSumw2", org.crema.columnar.DoubleColumn.of(sumw2)));
        }
        return this;
    }

    private static String[] split(String path) {
        Objects.requireNonNull(path, "path");
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("key path '" + path + "' does not end in a name");
        }
        return new String[] {slash < 0 ? "" : path.substring(0, slash), name};
    }

    FileBuilder builder() {
        return builder;
    }

    /** Runs file work; any failure aborts the whole file. */
    void run(FileWork work) {
        if (closed) {
            throw new IllegalStateException("writer for " + target + " is closed");
        }
        try {
            work.run();
        } catch (IOException e) {
            abort();
            throw new RootWriteException("writing " + target + " failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            abort();
            throw new RootWriteException("writing " + target + " failed: " + e, e);
        }
    }

    /**
     * Gives up: removes the temporary file and leaves the target as it was. Idempotent.
     */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            builder.close();
        } catch (IOException ignored) {
            // the file is deleted next; a failed close changes nothing
        }
        deleteQuietly(temp);
    }

    /** @return whether {@link #close()} or {@link #abort()} has run */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Writes the tree records, streamer descriptions, key lists, free list and header, then renames
     * the finished file over the target.
     *
     * @throws RootWriteException if anything fails (the target is then untouched)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        run(() -> {
            for (TreeWriter t : trees) {
                t.finish();
            }
            builder.finish();
        });
        closed = true;
        try {
            builder.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new RootWriteException("cannot move the finished file into place as " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** Test hook: leaves a free gap of {@code bytes} at the current end, e.g. to cross 2 GB cheaply. */
    void gap(long bytes) {
        run(() -> builder.gap(bytes));
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more can be done; the name starts with '.' and ends in .tmp
        }
    }

    @Override
    public String toString() {
        return "RootWriter[" + target + (closed ? ", closed" : "") + "]";
    }
}
