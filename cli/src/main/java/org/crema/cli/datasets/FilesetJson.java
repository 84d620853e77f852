package org.crema.cli.datasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crema.processor.DatasetInfo;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.OutputFiles;

/**
 * Writes a {@link Fileset} in the JSON format {@code crema run --fileset} reads, so a fileset
 * built or resolved by crema reads back as the same datasets, files, tree names, checksums and
 * metadata.
 */
public final class FilesetJson {
    private FilesetJson() {}

    /**
     * @param fileset the datasets
     * @param extraPerFile optional file path → extra keys (e.g. {@code entries}, {@code sumGenWeight})
     *     written beside {@code path}; {@code crema run} ignores them
     * @return the JSON tree
     */
    public static ObjectNode toJson(Fileset fileset, Map<String, Map<String, Object>> extraPerFile) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        for (Map.Entry<String, Fileset.Dataset> e : fileset.datasets().entrySet()) {
            Fileset.Dataset ds = e.getValue();
            ObjectNode d = root.putObject(e.getKey());
            ArrayNode files = d.putArray("files");
            for (int i = 0; i < ds.files().size(); i++) {
                String f = ds.files().get(i);
                Map<String, Object> extra = extraPerFile.getOrDefault(f, Map.of());
                String sha = ds.sha256().get(f);
                if (sha == null && extra.isEmpty() && ds.treeNames().get(i).equals("Events")) {
                    files.add(f);
                    continue;
                }
                ObjectNode o = files.addObject();
                o.put("path", f);
                if (!ds.treeNames().get(i).equals("Events")) {
                    o.put("treename", ds.treeNames().get(i));
                }
                if (sha != null) {
                    o.put("sha256", sha);
                }
                extra.forEach((k, v) -> o.set(k, om.valueToTree(v)));
            }
            d.set("metadata", metadata(om, ds));
        }
        return root;
    }

    private static ObjectNode metadata(ObjectMapper om, Fileset.Dataset ds) {
        DatasetInfo info = ds.info();
        ObjectNode m = om.createObjectNode();
        m.put("sample", info.sample());
        if (!info.year().isEmpty()) {
            m.put("year", info.year());
        }
        if (ds.isMCGiven()) {
            m.put("isMC", info.isMC());
        }
        if (info.hasXsec()) {
            m.put("xsec", info.xsec());
        }
        if (!info.era().isEmpty()) {
            m.put("era", info.era());
        }
        info.extra().forEach(m::put);
        return m;
    }

    /**
     * @param json the fileset JSON tree
     * @return its bytes: indented, keys in the fileset's order, ending with a newline
     */
    public static byte[] bytes(ObjectNode json) {
        try {
            byte[] b = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json);
            byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
            out[b.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a fileset", e);
        }
    }

    /**
     * Writes the JSON atomically (a temporary file moved into place), so a reader never sees half a fileset.
     *
     * @param json the fileset JSON tree
     * @param target the file
     * @throws IOException if it cannot be written
     */
    public static void write(ObjectNode json, Path target) throws IOException {
        OutputFiles.write(target, bytes(json));
    }
}
