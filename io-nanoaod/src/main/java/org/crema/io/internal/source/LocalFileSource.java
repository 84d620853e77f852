package org.crema.io.internal.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;

/**
 * Positional reads from a local file. {@link FileChannel#read(ByteBuffer, long)} does not move a
 * shared file pointer, so many threads may read through one instance at once.
 */
public final class LocalFileSource implements ByteSource {
    private final FileChannel channel;
    private final SourceIdentity identity;
    private final ErrorContext context;

    /**
     * @param path the file
     * @param context error context naming the file
     * @throws RootException naming the file and the reason ("no such file", "permission denied", …)
     */
    public LocalFileSource(Path path, ErrorContext context) {
        this.context = context;
        if (Files.isDirectory(path)) {
            throw new RootException(context.describe() + ": is a directory, not a file");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new RootException(context.describe() + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new RootException(context.describe() + ": permission denied", e);
        } catch (IOException e) {
            throw new RootException(context.describe() + ": cannot open: " + e.getMessage(), e);
        }
        try {
            Instant modified = Files.getLastModifiedTime(path).toInstant();
            this.identity = new SourceIdentity(path.toString(), ch.size(), modified);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new RootException(context.describe() + ": cannot read the file's size and time: " + e.getMessage(), e);
        }
        this.channel = ch;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // the open already failed; that error is the one to report
        }
    }

    @Override
    public SourceIdentity identity() {
        return identity;
    }

    @Override
    public void readInto(long offset, int length, byte[] dst, int dstOffset, ErrorContext where) {
        checkRange(offset, length, where);
        ByteBuffer buffer = ByteBuffer.wrap(dst, dstOffset, length);
        long at = offset;
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    // The file shrank after it was opened (size() is the size at open).
                    throw where.format("unexpected end of file at byte offset " + at + ": the file had "
                            + identity.size() + " bytes when opened and is shorter now");
                }
                at += n;
            }
        } catch (ClosedChannelException e) {
            throw new RootException(where.describe() + ": read after the file was closed", e);
        } catch (IOException e) {
            throw new RootException(where.describe() + ": I/O error reading " + length + " bytes at byte offset "
                    + offset + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new RootException(context.describe() + ": cannot close: " + e.getMessage(), e);
        }
    }
}
