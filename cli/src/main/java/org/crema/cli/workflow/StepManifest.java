package org.crema.cli.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crema.processor.run.OutputFiles;

/**
 * The record that a workflow step finished: {@code step.json} in the step's folder, listing the step's
 * key, the inputs the key was computed from, and every output file with its size and SHA-256. It is
 * written last and atomically, after every output file; a step is complete exactly when its manifest
 * exists, names the expected key and every listed file still has its size and hash. A step killed
 * at any point therefore never looks complete, unlike make-style tools that look only at whether a
 * file exists.
 */
final class StepManifest {
    /** File name of the manifest inside a step folder. */
    static final String FILE = "step.json";
    static final String FORMAT = "crema-workflow-step/1";

    private StepManifest() {}

    /**
     * Lists the step folder's files (not the manifest, lock files, temporary files or the run's
     * checkpoints, which are a means of resuming and not part of the result) and writes the manifest.
     *
     * @param dir the step folder
     * @param step step name
     * @param key the step's key
     * @param inputs what the key was computed from (for {@code --dry-run}'s "why")
     * @return the SHA-256 of the manifest's bytes, which downstream steps use as this step's identity
     * @throws IOException if the folder cannot be read or the manifest written
     */
    static String write(Path dir, String step, String key, Map<String, String> inputs) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("format", FORMAT);
        root.put("step", step);
        root.put("key", key);
        ObjectNode in = root.putObject("inputs");
        new TreeMap<>(inputs).forEach(in::put);
        ObjectNode files = root.putObject("files");
        for (Path f : outputs(dir)) {
            ObjectNode o = files.putObject(relative(dir, f));
            o.put("size", Files.size(f));
            o.put("sha256", sha256(f));
        }
        byte[] bytes = om.writeValueAsBytes(root);
        OutputFiles.write(dir.resolve(FILE), bytes);
        return sha256(bytes);
    }

    /** What {@link #verify} found. */
    record Check(boolean complete, String manifestSha256, String problem, Map<String, String> inputs) {
        static Check incomplete(String problem, Map<String, String> inputs) {
            return new Check(false, null, problem, inputs);
        }
    }

    /**
     * @param dir a step folder
     * @param key the key the step must have
     * @return complete with the manifest's hash, or incomplete with the reason
     */
    static Check verify(Path dir, String key) {
        Path m = dir.resolve(FILE);
        if (!Files.isRegularFile(m)) {
            return Check.incomplete(Files.isDirectory(dir) ? "no " + FILE + " in " + dir + " (interrupted)"
                    : "no output yet", Map.of());
        }
        try {
            byte[] bytes = Files.readAllBytes(m);
            JsonNode root = new ObjectMapper().readTree(bytes);
            Map<String, String> inputs = new TreeMap<>();
            root.path("inputs").properties().forEach(e -> inputs.put(e.getKey(), e.getValue().asText()));
            if (!FORMAT.equals(root.path("format").asText())) {
                return Check.incomplete(m + " is not a workflow step manifest (expected format " + FORMAT + ")", inputs);
            }
            if (key != null && !key.equals(root.path("key").asText())) {
                return Check.incomplete(m + " has key " + root.path("key").asText() + ", expected " + key, inputs);
            }
            for (Map.Entry<String, JsonNode> e : root.path("files").properties()) {
                Path f = dir.resolve(e.getKey());
                if (!Files.isRegularFile(f)) {
                    return Check.incomplete(f + " listed in " + m + " is missing", inputs);
                }
                long size = Files.size(f);
                if (size != e.getValue().path("size").asLong()) {
                    return Check.incomplete(f + " has " + size + " bytes, " + m + " records "
                            + e.getValue().path("size").asLong(), inputs);
                }
                String sha = sha256(f);
                if (!sha.equals(e.getValue().path("sha256").asText())) {
                    return Check.incomplete(f + " has sha256 " + sha + ", " + m + " records "
                            + e.getValue().path("sha256").asText() + " (changed after the step finished)", inputs);
                }
            }
            return new Check(true, sha256(bytes), null, inputs);
        } catch (IOException e) {
            return Check.incomplete("cannot read " + m + ": " + e.getMessage(), Map.of());
        }
    }

    /** @return the inputs recorded in a folder's manifest, or empty when it has none */
    static Map<String, String> inputsOf(Path dir) {
        return verify(dir, null).inputs();
    }

    private static List<Path> outputs(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(f -> {
                String rel = relative(dir, f);
                String name = f.getFileName().toString();
                return !rel.equals(FILE) && !rel.startsWith("checkpoints/") && !name.startsWith(".");
            }).sorted().forEach(out::add);
        }
        return out;
    }

    private static String relative(Path dir, Path f) {
        return dir.relativize(f).toString().replace('\\', '/');
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = digest();
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * @param inputs named inputs
     * @return the SHA-256 of their canonical text ({@code name=value} lines sorted by name)
     */
    static String key(Map<String, String> inputs) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(inputs).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
