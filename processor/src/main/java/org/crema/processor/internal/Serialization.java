package org.crema.processor.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try {
            org.crema.processor.run.OutputFiles.write(target, writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param value a serializable object graph
     * @return its Java serialization
     */
    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new CanonicalStrings(bytes)) {
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
        return read(in, loader, null);
    }

    /**
     * @param in serialized bytes
     * @param loader class loader for the classes in the stream (processor classes live on the user's path)
     * @param filter which classes may be deserialized, or {@code null} for any
     * @return the object
     * @throws IOException if the stream is corrupt, a class is missing or the filter rejects a class
     *     (the message names it)
     */
    public static Object read(InputStream in, ClassLoader loader, ObjectInputFilter filter) throws IOException {
        RejectionRecorder recorder = filter == null ? null : new RejectionRecorder(filter);
        try (ObjectInputStream ois = new ObjectInputStream(in) {
            {
                if (recorder != null) {
                    setObjectInputFilter(recorder);
                }
            }

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
        } catch (java.io.InvalidClassException e) {
            if (recorder != null && recorder.rejected != null) {
                throw new IOException("holds a " + recorder.rejected.getName() + ", which is neither a crema class nor"
                        + " one of the processor's", e);
            }
            throw e;
        }
    }

    /** Remembers the first class a filter rejected, for the error message. */
    private static final class RejectionRecorder implements ObjectInputFilter {
        private final ObjectInputFilter delegate;
        private Class<?> rejected;

        RejectionRecorder(ObjectInputFilter delegate) {
            this.delegate = delegate;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            Status s = delegate.checkInput(info);
            if (s == Status.REJECTED && rejected == null && info.serialClass() != null) {
                rejected = info.serialClass();
            }
            return s;
        }
    }

    /**
     * A filter admitting only what crema's results are made of: primitives, arrays, the value and
     * collection classes of {@code java.lang}, {@code java.util}, {@code java.math} and
     * {@code java.time}, every {@code org.crema} class, and the classes loaded from the same place (jar
     * or class folder) as {@code owner} — the processor and its accumulators. Anything else, e.g. a
     * gadget class planted in a checkpoint, is rejected before it is instantiated.
     *
     * @param owner a class whose code source is trusted (the processor's class), or {@code null}
     * @return the filter
     */
    public static ObjectInputFilter cremaFilter(Class<?> owner) {
        java.security.CodeSource trusted = owner == null ? null : codeSource(owner);
        return info -> {
            if (info.depth() > 10_000 || info.references() > 100_000_000L) {
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive()) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            String n = c.getName();
            if (n.startsWith("org.crema.") || n.startsWith("java.lang.") && !n.startsWith("java.lang.invoke.")
                    && !n.startsWith("java.lang.reflect.") || n.startsWith("java.util.") || n.startsWith("java.math.")
                    || n.startsWith("java.time.")) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            if (trusted != null && trusted.equals(codeSource(c))) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            return ObjectInputFilter.Status.REJECTED;
        };
    }

    private static java.security.CodeSource codeSource(Class<?> c) {
        java.security.ProtectionDomain d = c.getProtectionDomain();
        return d == null ? null : d.getCodeSource();
    }

    private static final byte[] CHECKED_MAGIC = "crema-checked-v1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Frames a payload with its SHA-256 so that {@link #unframe} detects any change: a magic line, the
     * hex digest and a newline, then the payload.
     *
     * @param payload the content
     * @return the framed bytes
     */
    public static byte[] frame(byte[] payload) {
        byte[] digest = sha256(payload).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[CHECKED_MAGIC.length + digest.length + 1 + payload.length];
        System.arraycopy(CHECKED_MAGIC, 0, out, 0, CHECKED_MAGIC.length);
        System.arraycopy(digest, 0, out, CHECKED_MAGIC.length, digest.length);
        out[CHECKED_MAGIC.length + digest.length] = '\n';
        System.arraycopy(payload, 0, out, CHECKED_MAGIC.length + digest.length + 1, payload.length);
        return out;
    }

    /**
     * @param framed bytes written by {@link #frame}
     * @return the payload
     * @throws IOException saying what is wrong: not framed, or the content hash does not match
     */
    public static byte[] unframe(byte[] framed) throws IOException {
        int head = CHECKED_MAGIC.length + 64 + 1;
        if (framed.length < head || !java.util.Arrays.equals(framed, 0, CHECKED_MAGIC.length, CHECKED_MAGIC, 0,
                CHECKED_MAGIC.length) || framed[head - 1] != '\n') {
            throw new IOException("not a crema checked file (no 'crema-checked-v1' header; " + framed.length
                    + " bytes)");
        }
        String stored = new String(framed, CHECKED_MAGIC.length, 64, java.nio.charset.StandardCharsets.US_ASCII);
        byte[] payload = java.util.Arrays.copyOfRange(framed, head, framed.length);
        String actual = sha256(payload);
        if (!actual.equals(stored)) {
            throw new IOException("content hash mismatch (stored " + stored.substring(0, 12) + "…, content "
                    + actual.substring(0, 12) + "…): the file is damaged");
        }
        return payload;
    }

    /**
     * @param parts byte strings to hash (each followed by a 0 separator)
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

    /**
     * Writes each distinct string once and refers back to it afterwards. Java serialization shares by
     * identity, so without this the bytes would depend on which equal strings a run happened to hold
     * as one instance: a run resumed from a checkpoint (whose strings were read back as new instances)
     * would serialise the same values to other bytes than a run that was never interrupted.
     */
    private static final class CanonicalStrings extends ObjectOutputStream {
        private final java.util.Map<String, String> first = new java.util.HashMap<>();

        CanonicalStrings(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return obj instanceof String s ? first.computeIfAbsent(s, k -> k) : obj;
        }
    }
}
