package org.crema.processor.run;

import java.io.Serializable;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;

/**
 * Opens input files for the runner: the planning pre-pass calls {@link #inspect}, each chunk calls
 * {@link #open}. The default implementation reads ROOT files ({@link RootInputProvider}); tests and
 * other formats provide their own. Serializable so that a distributed executor can open files on its
 * workers; implementations must be thread-safe. A provider may keep files open between calls (one open
 * per file rather than per chunk) until {@link #release}.
 */
public interface InputProvider extends Serializable {

    /**
     * @param file path of the file
     * @param treeName event tree name
     * @return entry count and cluster boundaries
     * @throws RuntimeException (any) if the file cannot be read: the runner reports it with the
     *     dataset and file and, with {@code skipBadFiles}, skips the file
     */
    FileInfo inspect(String file, String treeName);

    /**
     * @param chunk file, tree and entry range to read
     * @return a lazy source of that range's columns; the caller closes it
     */
    ColumnSource open(Chunk chunk);

    /**
     * The columns a file offers, to tell an input problem (one file lacks a column its siblings have)
     * from a processor bug (no file has it).
     *
     * @param file path of the file
     * @param treeName event tree name
     * @return the column names, or {@code null} when this provider cannot tell or the file cannot be read
     */
    default java.util.Set<String> columnNames(String file, String treeName) {
        return null;
    }

    /**
     * Releases what the provider keeps open between chunks (open files, parsed tree metadata). The
     * runner calls it at the end of every run; the provider stays usable and reopens on demand. The
     * default does nothing.
     */
    default void release() {
    }
}
