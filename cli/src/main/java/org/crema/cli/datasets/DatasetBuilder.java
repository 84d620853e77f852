package org.crema.cli.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crema.io.BranchStatistics;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.nano.RunsSummary;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.OutputFiles;

/**
 * Builds a fileset from a {@link DatasetDefinition}: lists the files, then opens each once to record
 * its entry count, its Σ genWeight (from the {@code Runs} tree's {@code genEventSumw} when present,
 * else the sum of the events' {@code genWeight}) and, for local files, the SHA-256 of its bytes, which
 * {@code crema run} verifies before analysing the file. What a file yields is cached in a JSON file
 * keyed by the file's identity (path, size, modification time, tree; a URL for remote files, whose
 * grid copies do not change under the same name), so a rebuild opens and hashes only new or changed
 * files.
 */
public final class DatasetBuilder {
    static final String CACHE_FORMAT = "crema-file-info/1";

    /**
     * What one file yields.
     *
     * @param sha256 SHA-256 of a local file's bytes, or {@code null} for a remote file
     * @param entries entries of the tree
     * @param sumGenWeight Σ genWeight, or {@code null} when the file has none (collision data)
     * @param sumGenWeightFrom {@code Runs} or {@code Events}, or {@code null}
     */
    public record FileStats(String sha256, long entries, Double sumGenWeight, String sumGenWeightFrom) {}

    /**
     * A file that could not be listed or read.
     *
     * @param dataset dataset name
     * @param file path or URL
     * @param message why
     */
    public record Problem(String dataset, String file, String message) {
        /** @return one line naming the dataset, the file and the reason */
        public String render() {
            return "dataset '" + dataset + "', file " + file + ": " + message;
        }
    }

    /**
     * @param json the fileset JSON ({@code crema run --fileset} reads it)
     * @param fileset the datasets with their checksums
     * @param stats file → what it yielded (files that failed are absent)
     * @param problems files that could not be read
     * @param fromCache how many files were taken from the cache instead of being opened
     */
    public record Result(ObjectNode json, Fileset fileset, Map<String, FileStats> stats, List<Problem> problems,
            int fromCache) {}

    private final Path cacheFile;

    /**
     * @param cacheFile the JSON cache of per-file results (created if missing), or {@code null} for none
     */
    public DatasetBuilder(Path cacheFile) {
        this.cacheFile = cacheFile;
    }

    /** @return {@code $XDG_CACHE_HOME/crema/file-info.json}, else {@code ~/.cache/crema/file-info.json} */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("crema").resolve("file-info.json");
    }

    /**
     * @param definition the datasets
     * @param check open every file even when the cache knows it, so a file that went bad since is found
     * @param inspect open the files at all; without, only list them (no entries, Σ genWeight or checksums)
     * @return the fileset and what each file yielded; the caller decides what to do with problems
     * @throws DatasetsException when the definition cannot be expanded
     */
    public Result build(DatasetDefinition definition, boolean check, boolean inspect) {
        Fileset listed = definition.expand();
        Map<String, JsonNode> cache = readCache();
        Map<String, FileStats> stats = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        int fromCache = 0;
        Map<String, Fileset.Dataset> datasets = new LinkedHashMap<>();
        for (Map.Entry<String, Fileset.Dataset> e : listed.datasets().entrySet()) {
            Fileset.Dataset ds = e.getValue();
            Map<String, String> sha = new LinkedHashMap<>();
            for (int i = 0; i < ds.files().size() && inspect; i++) {
                String file = ds.files().get(i);
                String tree = ds.treeNames().get(i);
                String key;
                try {
                    key = identity(file, tree);
                } catch (IOException ex) {
                    problems.add(new Problem(e.getKey(), file, "cannot read it: " + ex.getMessage()));
                    continue;
                }
                FileStats s = check ? null : fromJson(cache.get(key));
                if (s != null) {
                    fromCache++;
                } else {
                    try {
                        s = inspect(file, tree);
                    } catch (RuntimeException ex) {
                        problems.add(new Problem(e.getKey(), file, ex.getMessage() == null ? ex.toString()
                                : ex.getMessage()));
                        continue;
                    }
                    cache.put(key, toJson(s));
                }
                stats.put(file, s);
                if (s.sha256() != null) {
                    sha.put(file, s.sha256());
                }
            }
            datasets.put(e.getKey(), new Fileset.Dataset(ds.info(), ds.files(), ds.treeNames(), ds.isMCGiven(), sha));
        }
        if (inspect) {
            writeCache(cache);
        }
        Fileset fs = new Fileset(listed.source(), datasets);
        Map<String, Map<String, Object>> extra = new LinkedHashMap<>();
        stats.forEach((f, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entries", s.entries());
            if (s.sumGenWeight() != null) {
                m.put("sumGenWeight", s.sumGenWeight());
            }
            extra.put(f, m);
        });
        ObjectNode json = FilesetJson.toJson(fs, extra);
        if (inspect) {
            for (Map.Entry<String, Fileset.Dataset> e : datasets.entrySet()) {
                long entries = 0;
                double sumw = 0;
                boolean anyGen = false;
                for (String f : e.getValue().files()) {
                    FileStats s = stats.get(f);
                    if (s != null) {
                        entries += s.entries();
                        if (s.sumGenWeight() != null) {
                            sumw += s.sumGenWeight();
                            anyGen = true;
                        }
                    }
                }
                ObjectNode md = (ObjectNode) json.get(e.getKey()).get("metadata");
                md.put("entries", entries);
                if (anyGen) {
                    md.put("sumGenWeight", sumw);
                }
            }
        }
        return new Result(json, fs, stats, problems, fromCache);
    }

    private static String identity(String file, String tree) throws IOException {
        if (file.contains("://")) {
            return file + "|" + tree;
        }
        Path p = Path.of(file);
        return p.toAbsolutePath().normalize() + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis()
                + "|" + tree;
    }

    /** Opens the file once: entries, Σ genWeight, and the bytes' SHA-256 for a local file. */
    static FileStats inspect(String file, String treeName) {
        long entries;
        Double sumw = null;
        String from = null;
        try (RootFile rf = RootFile.open(file)) {
            Tree tree = rf.tree(treeName);
            entries = tree.entries();
            RunsSummary runs = RunsSummary.of(rf);
            if (runs.present()) {
                sumw = runs.sumGenWeights();
                from = "Runs";
            } else if (tree.has("genWeight")) {
                sumw = BranchStatistics.of(tree, "genWeight").sum();
                from = "Events";
            }
        }
        return new FileStats(file.contains("://") ? null : sha256(Path.of(file)), entries, sumw, from);
    }

    static String sha256(Path p) {
        try {
            return org.crema.processor.run.FileChecksums.sha256(p);
        } catch (org.crema.processor.InputReadException e) {
            throw new DatasetsException("cannot hash " + p + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode toJson(FileStats s) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        if (s.sha256() != null) {
            o.put("sha256", s.sha256());
        }
        o.put("entries", s.entries());
        if (s.sumGenWeight() != null) {
            o.put("sumGenWeight", s.sumGenWeight());
            o.put("sumGenWeightFrom", s.sumGenWeightFrom());
        }
        return o;
    }

    private static FileStats fromJson(JsonNode o) {
        if (o == null || !o.has("entries")) {
            return null;
        }
        return new FileStats(o.has("sha256") ? o.get("sha256").asText() : null, o.get("entries").asLong(),
                o.has("sumGenWeight") ? o.get("sumGenWeight").asDouble() : null,
                o.has("sumGenWeightFrom") ? o.get("sumGenWeightFrom").asText() : null);
    }

    private Map<String, JsonNode> readCache() {
        Map<String, JsonNode> out = new TreeMap<>();
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            return out;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(cacheFile.toFile());
            if (CACHE_FORMAT.equals(root.path("format").asText())) {
                root.path("files").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
            }
        } catch (IOException e) {
            // A damaged cache only costs re-reading the files; it is rewritten below.
        }
        return out;
    }

    private void writeCache(Map<String, JsonNode> cache) {
        if (cacheFile == null) {
            return;
        }
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("format", CACHE_FORMAT);
        ObjectNode files = root.putObject("files");
        new TreeMap<>(cache).forEach(files::set);
        try {
            OutputFiles.write(cacheFile, om.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new DatasetsException("cannot write the file-info cache " + cacheFile + ": " + e.getMessage(), e);
        }
    }
}
