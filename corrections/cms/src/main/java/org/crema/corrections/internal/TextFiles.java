package org.crema.corrections.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.crema.corrections.CorrectionFileException;

/** Reads small correction files, plain or gzip-compressed (recognised by content, not by name). */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * @param path a text file, optionally gzip-compressed
     * @return its content as UTF-8 text
     * @throws CorrectionFileException naming the file when it cannot be read
     */
    public static String read(Path path) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            return new String(decompressIfGzip(raw).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CorrectionFileException(path.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps a stream in a gzip decoder when it starts with the gzip magic bytes {@code 1f 8b}.
     *
     * @param in a buffered stream (must support mark/reset)
     * @return a stream of the decompressed content
     * @throws IOException on read errors
     */
    public static InputStream decompressIfGzip(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(buffered, 1 << 16);
        }
        return buffered;
    }
}
