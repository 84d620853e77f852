package org.crema.cli.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.FilesetException;

/**
 * A dataset definition for {@code crema datasets}: where each dataset's files are and its metadata.
 * Relative paths resolve against the definition's folder.
 *
 * <pre>
 * redirector: root://cmsxrootd.fnal.gov/       # prefix of logical file names (/store/...)
 * datasets:
 *   DYJetsToLL_M50_2018:
 *     files: [../samples/nanoaod/nano_dy*.root] # local paths or globs, or URLs
 *     list: dy-files.txt                        # a file list, one path or URL per line, '#' comments
 *     http: https://server/store/dy/            # HTTP(S) directory listings: every link to a .root file
 *     pattern: "nano_*.root"                    # keep only listed names matching this glob (default *.root)
 *     lfns: [/store/mc/.../file.root]           # logical file names, prefixed with the redirector
 *     redirector: root://eoscms.cern.ch/        # this dataset's own redirector
 *     treename: Events
 *     metadata: {sample: DYJetsToLL, year: "2018", isMC: true, xsec: 6077.22}
 * </pre>
 *
 * @param source the definition file
 * @param text its text
 * @param root its parsed tree
 */
public record DatasetDefinition(Path source, String text, JsonNode root) {
    static final List<String> DATASET_KEYS = List.of("files", "list", "http", "pattern", "lfns", "redirector",
            "treename", "metadata");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']([^\"'#?]+)[\"']", Pattern.CASE_INSENSITIVE);

    /**
     * @param file a definition YAML file
     * @return the definition
     * @throws DatasetsException naming the file and key when malformed
     */
    public static DatasetDefinition load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetsException("cannot read dataset definition " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new DatasetsException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.path("datasets").isObject()) {
            throw new DatasetsException(file + ": expected a 'datasets:' mapping of dataset name to {files, list, http,"
                    + " lfns, metadata}");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!List.of("datasets", "redirector").contains(e.getKey())) {
                throw new DatasetsException(file + ": unknown key '" + e.getKey() + "'; allowed: datasets, redirector");
            }
        }
        for (Map.Entry<String, JsonNode> d : root.get("datasets").properties()) {
            if (!d.getValue().isObject()) {
                throw new DatasetsException(file + ": dataset '" + d.getKey() + "' must be a mapping with keys "
                        + String.join(", ", DATASET_KEYS));
            }
            for (Map.Entry<String, JsonNode> k : d.getValue().properties()) {
                if (!DATASET_KEYS.contains(k.getKey())) {
                    throw new DatasetsException(file + ": dataset '" + d.getKey() + "': unknown key '" + k.getKey()
                            + "'; allowed: " + String.join(", ", DATASET_KEYS));
                }
            }
        }
        return new DatasetDefinition(file, text, root);
    }

    private Path base() {
        return source.toAbsolutePath().getParent();
    }

    /**
     * Lists every dataset's files: globs expanded, lists read, HTTP listings fetched, logical names
     * prefixed. Files are not opened.
     *
     * @return the fileset, in the definition's order
     * @throws DatasetsException naming the dataset and the source that yields nothing or fails
     */
    public Fileset expand() {
        ObjectMapper om = new ObjectMapper();
        ObjectNode json = om.createObjectNode();
        String globalRedirector = root.path("redirector").asText("");
        for (Map.Entry<String, JsonNode> d : root.get("datasets").properties()) {
            String name = d.getKey();
            JsonNode ds = d.getValue();
            String where = source + ": dataset '" + name + "'";
            String redirector = ds.path("redirector").asText(globalRedirector);
            List<String> files = new ArrayList<>();
            for (String f : strings(ds.get("files"), where, "files")) {
                files.add(f.startsWith("/store/") && !redirector.isEmpty() ? redirector + f : f);
            }
            if (ds.has("list")) {
                Path list = base().resolve(ds.get("list").asText());
                try {
                    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                        String l = line.replaceAll("#.*", "").trim();
                        if (!l.isEmpty()) {
                            files.add(l.startsWith("/store/") && !redirector.isEmpty() ? redirector + l
                                    : l.contains("://") || Path.of(l).isAbsolute() ? l
                                    : list.toAbsolutePath().getParent().resolve(l).normalize().toString());
                        }
                    }
                } catch (IOException e) {
                    throw new DatasetsException(where + ": cannot read file list " + list + ": " + e.getMessage(), e);
                }
            }
            String pattern = ds.path("pattern").asText("*.root");
            for (String url : strings(ds.get("http"), where, "http")) {
                files.addAll(listing(url, pattern, where));
            }
            for (String lfn : strings(ds.get("lfns"), where, "lfns")) {
                if (redirector.isEmpty()) {
                    throw new DatasetsException(where + ": lfns need a redirector (e.g. redirector:"
                            + " root://cmsxrootd.fnal.gov/), at the top or in the dataset");
                }
                files.add(redirector + lfn);
            }
            if (files.isEmpty()) {
                throw new DatasetsException(where + ": no files; give files, list, http or lfns");
            }
            ObjectNode o = json.putObject(name);
            ArrayNode arr = o.putArray("files");
            Set<String> seen = new LinkedHashSet<>(files);
            seen.forEach(arr::add);
            if (ds.has("treename")) {
                o.put("treename", ds.get("treename").asText());
            }
            if (ds.has("metadata")) {
                o.set("metadata", ds.get("metadata"));
            }
        }
        try {
            // Fileset's own parser expands the globs and validates the metadata, so a definition
            // accepts exactly what a fileset does.
            Fileset parsed = Fileset.parse(json.toString(), base());
            return new Fileset(source, parsed.datasets());
        } catch (FilesetException e) {
            throw new DatasetsException(source + ": " + e.getMessage().replaceFirst("^fileset: ", ""), e);
        }
    }

    private static List<String> strings(JsonNode n, String where, String key) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isTextual()) {
            return List.of(n.asText());
        }
        if (!n.isArray()) {
            throw new DatasetsException(where + ": '" + key + "' must be a string or a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isTextual()) {
                throw new DatasetsException(where + ": '" + key + "' must hold strings, got " + x);
            }
            out.add(x.asText());
        }
        return out;
    }

    /**
     * Reads an HTTP(S) directory listing (Apache, nginx, XRootD and dCache WebDAV doors all serve one as
     * HTML) and keeps the links whose file name matches the pattern.
     */
    static List<String> listing(String url, String pattern, String where) {
        URI base = URI.create(url.endsWith("/") ? url : url + "/");
        HttpResponse<String> r;
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build()) {
            r = client.send(HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DatasetsException(where + ": cannot read the directory listing " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetsException(where + ": interrupted while reading " + base, e);
        }
        if (r.statusCode() != 200) {
            throw new DatasetsException(where + ": the directory listing " + base + " answered HTTP " + r.statusCode()
                    + " (does the server list directories?)");
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Set<String> out = new java.util.TreeSet<>();
        Matcher h = HREF.matcher(r.body());
        while (h.find()) {
            URI u = base.resolve(h.group(1));
            String path = u.getPath();
            if (path == null || path.endsWith("/")) {
                continue;
            }
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            if (m.matches(Path.of(fileName))) {
                out.add(u.toString());
            }
        }
        if (out.isEmpty()) {
            throw new DatasetsException(where + ": the directory listing " + base + " has no link matching " + pattern);
        }
        return new ArrayList<>(out);
    }
}
