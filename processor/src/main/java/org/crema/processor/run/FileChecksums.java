package org.crema.processor.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crema.processor.InputReadException;

/**
 * Verifies the SHA-256 a fileset records for a file before the file is analysed. ROOT's ZSTD frames
 * carry no content checksum and raw baskets none at all, so a damaged copy can otherwise read as
 * plausible numbers. Hashing a file costs one pass over its bytes, so results are cached by the
 * file's identity (path, size, modification time): a file is hashed once per process however many
 * runs or chunks use it, and again only when it changes.
 */
public final class FileChecksums {
    private record Identity(String path, long size, long modified) {}

    private static final Map<Identity, String> VERIFIED = new ConcurrentHashMap<>();

    private FileChecksums() {}

    /**
     * @param file a local file path (remote files are hashed by their server's tools, not here)
     * @param expectedSha256 hexadecimal SHA-256, optionally prefixed with {@code sha256:}
     * @throws InputReadException if the file's bytes do not have that hash, naming both hashes
     */
    static void verify(String file, String expectedSha256) {
        String expected = expectedSha256.toLowerCase(Locale.ROOT);
        if (expected.startsWith("sha256:")) {
            expected = expected.substring("sha256:".length());
        }
        if (file.contains("://")) {
            throw new InputReadException("file " + file + ": a sha256 is given in the fileset, but only local files"
                    + " are hashed by crema; remove it or check the copy with the storage's own tools", null);
        }
        Path p = Path.of(file);
        Identity id;
        try {
            id = new Identity(p.toAbsolutePath().normalize().toString(), Files.size(p),
                    Files.getLastModifiedTime(p).toMillis());
        } catch (IOException e) {
            throw new InputReadException("file " + file + ": cannot read it to check its sha256: " + e.getMessage(), e);
        }
        String actual = VERIFIED.get(id);
        if (actual == null) {
            actual = sha256(p, file);
            VERIFIED.put(id, actual);
        }
        if (!actual.equals(expected)) {
            throw new InputReadException("file " + file + ": its sha256 is " + actual + " but the fileset records "
                    + expected + " (a damaged or different copy)", null);
        }
    }

    /**
     * The SHA-256 a fileset records for a file ({@code "sha256"} beside its path).
     *
     * @param p a local file
     * @return its SHA-256 in lower-case hexadecimal
     * @throws InputReadException naming the file when it cannot be read
     */
    public static String sha256(Path p) {
        return sha256(p, p.toString());
    }

    /**
     * @param p a file
     * @param name how to name it in an error
     * @return its SHA-256 in lower-case hexadecimal
     */
    static String sha256(Path p, String name) {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputReadException("file " + name + ": cannot read it to check its sha256: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
