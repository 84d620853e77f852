package org.crema.io.internal.source;

import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;

/**
 * A source over a byte array: for tests (damaged copies of real files without temporary files) and
 * for files already fetched whole. The array is owned by the source from then on and never changed.
 */
public final class MemorySource implements ByteSource {
    private final byte[] bytes;
    private final SourceIdentity identity;
    private volatile boolean closed;

    /**
     * @param name what to call the bytes in messages (e.g. the file they came from)
     * @param bytes the content, owned by the source from now on
     */
    public MemorySource(String name, byte[] bytes) {
        this.bytes = bytes;
        this.identity = new SourceIdentity(name, bytes.length, null);
    }

    @Override
    public SourceIdentity identity() {
        return identity;
    }

    @Override
    public void readInto(long offset, int length, byte[] dst, int dstOffset, ErrorContext where) {
        if (closed) {
            throw new RootException(where.describe() + ": read after the file was closed");
        }
        checkRange(offset, length, where);
        System.arraycopy(bytes, (int) offset, dst, dstOffset, length);
    }

    @Override
    public void close() {
        closed = true;
    }
}
