package org.crema.io.internal.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;

/**
 * Positional reads from a local file. {@link FileChannel#read(ByteBuffer, long)} does not move a
 * shared file pointer, so many threads may read through one instance at once.
 */
public final class FileSource implements AutoCloseable {
    private final FileChannel channel;
    private final long size;
    private final ErrorContext context;

    /**
     * @param path the file
     * @param context error context naming the file
     */
    public FileSource(Path path, ErrorContext context) {
        this.context = context;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.size = channel.size();
        } catch (IOException e) {
            throw new RootException(context.describe() + ": cannot open: " + e.getMessage(), e);
        }
    }

    /** @return the file size in bytes */
    public long size() {
        return size;
    }

    /**
     * Reads exactly {@code length} bytes at {@code offset}.
     *
     * @param offset first byte
     * @param length number of bytes
     * @param where context for an error (which record was being read)
     * @return a new array of {@code length} bytes
     * @throws org.crema.io.RootFormatException if the range lies outside the file
     */
    public byte[] read(long offset, int length, ErrorContext where) {
        byte[] out = new byte[Math.max(0, length)];
        readInto(offset, length, out, where);
        return out;
    }

    /**
     * Reads exactly {@code length} bytes at {@code offset} into the start of {@code dst}.
     *
     * @param offset first byte
     * @param length number of bytes, at most {@code dst.length}
     * @param dst destination
     * @param where context for an error
     * @throws org.crema.io.RootFormatException if the range lies outside the file
     */
    public void readInto(long offset, int length, byte[] dst, ErrorContext where) {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw where.format("needs bytes [" + offset + ", " + (offset + (long) length)
                    + ") but the file has " + size + " bytes (truncated or corrupt offset)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(dst, 0, length);
        long at = offset;
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw where.format("unexpected end of file at byte offset " + at);
                }
                at += n;
            }
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
