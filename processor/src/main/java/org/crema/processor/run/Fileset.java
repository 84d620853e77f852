package org.crema.processor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.crema.processor.DatasetInfo;

/**
 * The datasets of a run, in PocketCoffea's dataset JSON shape:
 *
 * <pre>{@code
 * {
 *   "DYJetsToLL_2018": {
 *     "files": ["../samples/nanoaod/nano_dy.root", "/data/dy/*.root"],
 *     "metadata": {"sample": "DYJetsToLL", "year": "2018", "isMC": true, "xsec": 6077.22}
 *   }
 * }
 * }</pre>
 *
 * {@code files} is a list of paths (an entry may be {@code {"path": ..., "sha256": ...}}: the file's
 * bytes must then have that SHA-256, checked once per file identity before it is analysed), or coffea's
 * object {@code {path: treeName}}. Relative paths are
 * resolved against the folder of the fileset file; {@code *}, {@code ?}, {@code [..]} and
 * {@code {a,b}} are expanded as globs (sorted, so the plan is reproducible). URLs ({@code scheme://})
 * are kept as written. Metadata values may be JSON strings or numbers/booleans ({@code "isMC": "True"}
 * is accepted); keys other than {@code sample}, {@code year}, {@code isMC}, {@code xsec}, {@code era}
 * are kept as extra metadata. Without {@code isMC} the runner infers it from the files: simulation
 * when they have a {@code genWeight} branch, data when they do not (and an error when they disagree,
 * or when a stated {@code isMC} contradicts them). Datasets keep the order of the file.
 *
 * @param source where the fileset was read from (for messages), or {@code null}
 * @param datasets dataset name → files and metadata, in order
 */
public record Fileset(Path source, Map<String, Dataset> datasets) {

    /**
     * One dataset of a fileset.
     *
     * @param info name and metadata
     * @param files expanded file paths, in order
     * @param treeNames tree name per file (usually {@code Events})
     * @param isMCGiven true when the metadata states {@code isMC}; when false, {@code info.isMC()} is a
     *     placeholder and the runner infers it from the files (a {@code genWeight} branch means simulation)
     * @param sha256 file path → the SHA-256 recorded for it, checked before the file is analysed (files
     *     without an entry are not checked)
     */
    public record Dataset(DatasetInfo info, List<String> files, List<String> treeNames, boolean isMCGiven,
            Map<String, String> sha256) implements Serializable {

        /**
         * A dataset without recorded checksums.
         *
         * @param info name and metadata
         * @param files file paths
         * @param treeNames tree name per file
         * @param isMCGiven whether the metadata states {@code isMC}
         */
        public Dataset(DatasetInfo info, List<String> files, List<String> treeNames, boolean isMCGiven) {
            this(info, files, treeNames, isMCGiven, Map.of());
        }

        /**
         * A dataset whose metadata states {@code isMC}.
         *
         * @param info name and metadata
         * @param files file paths
         * @param treeNames tree name per file
         */
        public Dataset(DatasetInfo info, List<String> files, List<String> treeNames) {
            this(info, files, treeNames, true);
        }

        /** Copies the lists. */
        public Dataset {
            Objects.requireNonNull(info, "info");
            files = List.copyOf(files);
            treeNames = List.copyOf(treeNames);
            sha256 = Map.copyOf(sha256);
            if (files.size() != treeNames.size()) {
                throw new IllegalArgumentException("one tree name per file is needed: " + files.size() + " files, "
                        + treeNames.size() + " tree names");
            }
        }
    }

    /** Copies the map, keeping its order. */
    public Fileset {
        datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    }

    /**
     * Reads a fileset JSON file.
     *
     * @param path the JSON file
     * @return the fileset, globs expanded
     * @throws FilesetException naming the file and key when malformed, or when a glob matches nothing
     */
    public static Fileset read(Path path) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new FilesetException("cannot read fileset " + path + ": " + e.getMessage(), e);
        }
        Path base = path.toAbsolutePath().getParent();
        return parse(root, base, path);
    }

    /**
     * Parses a fileset from JSON text.
     *
     * @param json the JSON
     * @param baseDir folder relative paths are resolved against
     * @return the fileset
     */
    public static Fileset parse(String json, Path baseDir) {
        try {
            return parse(new ObjectMapper().readTree(json), baseDir, null);
        } catch (IOException e) {
            throw new FilesetException("cannot parse fileset JSON: " + e.getMessage(), e);
        }
    }

    private static Fileset parse(JsonNode root, Path base, Path source) {
        String where = source == null ? "fileset" : "fileset " + source;
        if (root == null || !root.isObject()) {
            throw new FilesetException(where + ": top level must be an object {dataset: {files, metadata}}");
        }
        Map<String, Dataset> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String name = e.getKey();
            JsonNode ds = e.getValue();
            if (!ds.isObject() || !ds.has("files")) {
                throw new FilesetException(where + ": dataset '" + name + "' must be an object with a 'files' key");
            }
            List<String> files = new ArrayList<>();
            List<String> trees = new ArrayList<>();
            Map<String, String> sha256 = new LinkedHashMap<>();
            String defaultTree = ds.has("treename") ? ds.get("treename").asText() : "Events";
            JsonNode fn = ds.get("files");
            if (fn.isArray()) {
                for (JsonNode f : fn) {
                    if (f.isObject() && f.has("path") && f.get("path").isTextual()) {
                        // {"path": ..., "sha256": ...}: one file with the checksum of its bytes
                        List<String> one = expand(f.get("path").asText(), base, where, name);
                        if (one.size() != 1) {
                            throw new FilesetException(where + ": dataset '" + name + "': a file entry with a sha256"
                                    + " must name one file, not a pattern: " + f.get("path").asText());
                        }
                        files.add(one.getFirst());
                        trees.add(f.has("treename") ? f.get("treename").asText() : defaultTree);
                        if (f.has("sha256")) {
                            String h = f.get("sha256").asText();
                            if (!h.toLowerCase(java.util.Locale.ROOT).matches("(sha256:)?[0-9a-f]{64}")) {
                                throw new FilesetException(where + ": dataset '" + name + "': sha256 of "
                                        + f.get("path").asText() + " must be 64 hexadecimal digits, got " + h);
                            }
                            sha256.put(one.getFirst(), h);
                        }
                        continue;
                    }
                    if (!f.isTextual()) {
                        throw new FilesetException(where + ": dataset '" + name + "': files must be strings or"
                                + " {path, sha256} objects, got " + f);
                    }
                    for (String p : expand(f.asText(), base, where, name)) {
                        files.add(p);
                        trees.add(defaultTree);
                    }
                }
            } else if (fn.isObject()) {
                for (Map.Entry<String, JsonNode> f : fn.properties()) {
                    for (String p : expand(f.getKey(), base, where, name)) {
                        files.add(p);
                        trees.add(f.getValue().isTextual() ? f.getValue().asText() : defaultTree);
                    }
                }
            } else {
                throw new FilesetException(where + ": dataset '" + name + "': 'files' must be a list or an object");
            }
            JsonNode md = ds.get("metadata");
            boolean isMCGiven = md != null && md.isObject() && md.has("isMC");
            out.put(name, new Dataset(metadata(name, md, where), files, trees, isMCGiven, sha256));
        }
        return new Fileset(source, out);
    }

    private static DatasetInfo metadata(String name, JsonNode md, String where) {
        if (md == null || md.isNull()) {
            return DatasetInfo.of(name, false);
        }
        if (!md.isObject()) {
            throw new FilesetException(where + ": dataset '" + name + "': 'metadata' must be an object");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        String sample = null;
        String year = null;
        String era = null;
        boolean isMC = false;
        double xsec = Double.NaN;
        for (Map.Entry<String, JsonNode> e : md.properties()) {
            JsonNode v = e.getValue();
            String text = v.isValueNode() ? v.asText() : v.toString();
            switch (e.getKey()) {
                case "sample" -> sample = text;
                case "year" -> year = text;
                case "era" -> era = text;
                case "isMC" -> {
                    if (v.isBoolean()) {
                        isMC = v.asBoolean();
                    } else if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        isMC = Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
                    } else {
                        throw new FilesetException(where + ": dataset '" + name + "': isMC must be true or false, got "
                                + text);
                    }
                }
                case "xsec" -> {
                    try {
                        xsec = v.isNumber() ? v.asDouble() : Double.parseDouble(text);
                    } catch (NumberFormatException ex) {
                        throw new FilesetException(where + ": dataset '" + name + "': xsec must be a number, got "
                                + text);
                    }
                }
                default -> extra.put(e.getKey(), text);
            }
        }
        try {
            return new DatasetInfo(name, sample, year, isMC, xsec, era, extra);
        } catch (IllegalArgumentException ex) {
            throw new FilesetException(where + ": " + ex.getMessage());
        }
    }

    private static boolean isGlob(String p) {
        return p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.indexOf('[') >= 0 || p.indexOf('{') >= 0;
    }

    private static List<String> expand(String file, Path base, String where, String dataset) {
        if (file.contains("://")) {
            return List.of(file);
        }
        Path p = Path.of(file);
        if (!p.isAbsolute() && base != null) {
            p = base.resolve(p);
        }
        p = p.normalize();
        if (!isGlob(file)) {
            return List.of(p.toString());
        }
        // Walk from the deepest folder without glob characters.
        Path dir = p.getRoot() == null ? Path.of("") : p.getRoot();
        for (Path part : p) {
            if (isGlob(part.toString())) {
                break;
            }
            dir = dir.resolve(part);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
        List<String> matches;
        try (Stream<Path> walk = Files.isDirectory(dir) ? Files.walk(dir) : Stream.empty()) {
            matches = walk.filter(Files::isRegularFile).filter(matcher::matches).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new FilesetException(where + ": dataset '" + dataset + "': cannot expand " + file + ": " + e.getMessage(), e);
        }
        if (matches.isEmpty()) {
            throw new FilesetException(where + ": dataset '" + dataset + "': pattern " + file + " (" + p
                    + ") matches no file");
        }
        return matches;
    }
}
