package org.crema.arrow.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.crema.arrow.ColumnOutputException;

/**
 * A temporary file beside a target, renamed onto it on commit. The temporary file lives in the
 * target's directory because a rename is only atomic within one file system; its name starts with
 * a dot so that globbing readers ({@code pl.scan_parquet("out/*.parquet")}) do not pick it up.
 */
public final class AtomicFile implements AutoCloseable {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean committed;
    private boolean closed;

    private AtomicFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    /**
     * Creates the temporary file.
     *
     * @param target the final path
     * @return an open file
     */
    public static AtomicFile create(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: it makes the file readable by its owner only, and the rename
            // would carry that onto the result; a plain create honours the umask like any output.
            Path temp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            return new AtomicFile(abs, temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new ColumnOutputException(target + ": cannot create a temporary file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @return the channel writing the temporary file */
    public FileChannel channel() {
        return channel;
    }

    /** @return the temporary file */
    public Path temp() {
        return temp;
    }

    /** @return the final path */
    public Path target() {
        return target;
    }

    /** Forces the bytes to disk, closes the channel and renames the temporary file onto the target. */
    public void commit() {
        try {
            channel.force(true);
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new ColumnOutputException(target + ": cannot move " + temp.getFileName() + " onto the target: " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    /** Closes the channel and, unless committed, deletes the temporary file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // The file is deleted below or was already moved; a failing close changes neither.
        }
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: a leftover hidden .tmp file is harmless and names its target.
            }
        }
    }
}
