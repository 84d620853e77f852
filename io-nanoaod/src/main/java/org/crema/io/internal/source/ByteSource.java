package org.crema.io.internal.source;

import org.crema.io.internal.buffer.ErrorContext;

/**
 * Where the reader's bytes come from: positional reads of byte ranges, so that parsers never hold a
 * file pointer and any number of threads may read through one source at once. Implementations: a
 * local file ({@link LocalFileSource}) and an array in memory ({@link MemorySource}); a remote
 * (HTTP range request) source fits the same contract, which is why reads name a whole range and
 * the source reports an {@link SourceIdentity} that says whether the bytes changed between reads.
 *
 * <p>Implementations must be thread-safe. Reading after {@link #close} fails.
 */
public interface ByteSource extends AutoCloseable {

    /** @return where the bytes are, their size and when they last changed (cheap: known at open) */
    SourceIdentity identity();

    /**
     * @return true when each read costs a round trip (a remote file): the reader then merges nearby
     *     basket ranges into one read and fetches ahead (see {@code ReadPlan})
     */
    default boolean remote() {
        return false;
    }

    /** @return the number of bytes */
    default long size() {
        return identity().size();
    }

    /**
     * Reads exactly {@code length} bytes at {@code offset} into {@code dst[dstOffset ...]}.
     *
     * @param offset first byte
     * @param length number of bytes
     * @param dst destination
     * @param dstOffset first destination index
     * @param where which record is being read, for an error
     * @throws org.crema.io.RootFormatException if the range lies outside the source
     * @throws org.crema.io.RootException if the underlying read fails
     */
    void readInto(long offset, int length, byte[] dst, int dstOffset, ErrorContext where);

    /**
     * Reads exactly {@code length} bytes at {@code offset} into a new array.
     *
     * @param offset first byte
     * @param length number of bytes
     * @param where which record is being read, for an error
     * @return the bytes
     */
    default byte[] read(long offset, int length, ErrorContext where) {
        checkRange(offset, length, where);
        byte[] out = new byte[length];
        readInto(offset, length, out, 0, where);
        return out;
    }

    /**
     * The one bounds check every implementation applies before reading.
     *
     * @param offset first byte
     * @param length number of bytes
     * @param where which record is being read
     * @throws org.crema.io.RootFormatException if {@code [offset, offset + length)} is not inside the source
     */
    default void checkRange(long offset, int length, ErrorContext where) {
        long size = size();
        if (offset < 0 || length < 0 || offset > size - length) {
            throw where.format("needs bytes [" + offset + ", " + (offset + (long) length) + ") but the file has "
                    + size + " bytes (truncated or corrupt offset)");
        }
    }

    /** Releases the source; further reads fail. */
    @Override
    void close();
}
