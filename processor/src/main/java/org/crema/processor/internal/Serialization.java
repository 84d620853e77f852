package org.crema.processor.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Java serialization helpers and atomic file writes. */
public final class Serialization {
    private Serialization() {
    }

    /** Writes bytes to a stream; may throw IOException. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param out destination
         * @throws IOException on failure
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically: into a temporary file in the same folder, then renamed over the
     * target, so a reader (or a resumed run) never sees a half-written file.
     *
     * @param target final path
     * @param writer writes the content
     */
    public static void writeAtomically(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: it makes owner-only files; outputs should follow the umask.
            tmp = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE))) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless
                }
            }
        }
    }

    /**
     * @param value a serializable object graph
     * @return its Java serialization
     */
    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param in serialized bytes
     * @param loader class loader for the classes in the stream (processor classes live on the user's path)
     * @return the object
     * @throws IOException if the stream is corrupt or a class is missing
     */
    public static Object read(InputStream in, ClassLoader loader) throws IOException {
        try (ObjectInputStream ois = new ObjectInputStream(in) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return ois.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("class not found while reading: " + e.getMessage(), e);
        }
    }

    /**
     * @param parts strings to hash (joined with a separator)
     * @return lowercase hex SHA-256
     */
    public static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
