package org.crema.processor;

/**
 * Processing a chunk failed. The message names the dataset, the file, the entry range and the cause,
 * e.g. {@code dataset DY, file /data/a.root, entries [0, 100000): basket 3 of Muon_pt: bad checksum}.
 */
public class ChunkFailedException extends ProcessorException {
    private static final long serialVersionUID = 1L;
    private final transient Chunk chunk;

    /**
     * @param chunk the chunk that failed (may be {@code null} when the file failed before it was split)
     * @param message full message including the chunk description
     * @param cause the underlying failure
     */
    public ChunkFailedException(Chunk chunk, String message, Throwable cause) {
        super(message, cause);
        this.chunk = chunk;
    }

    /** @return the failed chunk, or {@code null} when the file failed during planning */
    public Chunk chunk() {
        return chunk;
    }
}
