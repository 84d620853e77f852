package org.crema.cli.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.cli.CremaCommand;
import org.crema.processor.run.Fileset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code crema datasets} on the bundled samples: local globs and lists, an HTTP directory listing
 * served on 127.0.0.1, redirector prefixes, the per-file cache and {@code --check}. Entry counts,
 * SHA-256 and Σ genWeight are compared with the independent reference values in data/reference.
 */
class DatasetsCommandTest {
    static final String DY_SHA = "159b17b34b4d13ea4960d36fb9b01f2a505cc1a5a8de0fb3cfa185154543c81c";
    static final String DIMUON_SHA = "eac7c0a973e054e890766ec4c61ca784d3d49e4f82ec0c8b9dfbe55c233297a9";
    /** genEventSumw_ of nano_dy.root's Runs tree, from data/reference/nano_dy.json. */
    static final double DY_SUMW = 15166686735.858717;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    static Path samples() {
        return Path.of(System.getProperty("crema.root", "..")).resolve("data/samples/nanoaod").toAbsolutePath()
                .normalize();
    }

    @Test
    void buildsAFilesetFromGlobsAndListsWithCountsChecksumsAndSumOfWeights(@TempDir Path tmp) throws IOException {
        Path dy = Files.copy(samples().resolve("nano_dy.root"), tmp.resolve("nano_dy.root"));
        Files.createDirectories(tmp.resolve("data"));
        Files.copy(samples().resolve("nano_dimuon.root"), tmp.resolve("data/nano_dimuon.root"));
        Files.writeString(tmp.resolve("data.txt"), "# the 2018 data\ndata/nano_dimuon.root\n");
        Path def = tmp.resolve("datasets.yaml");
        Files.writeString(def, """
                datasets:
                  DY:
                    files: ["nano_d*.root"]
                    metadata: {sample: DYJetsToLL, year: "2018", isMC: true, xsec: 6077.22}
                  DoubleMuon:
                    list: data.txt
                    metadata: {sample: DoubleMuon, year: "2018", isMC: false, era: A}
                """);
        Path fileset = tmp.resolve("fileset.json");
        Path cache = tmp.resolve("cache.json");
        assertThat(run("datasets", def.toString(), "--output", fileset.toString(), "--cache", cache.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote " + fileset + " (0 of 2 files from the cache)");

        JsonNode json = new ObjectMapper().readTree(fileset.toFile());
        JsonNode f = json.get("DY").get("files").get(0);
        assertThat(f.get("path").asText()).isEqualTo(dy.toString());
        assertThat(f.get("sha256").asText()).isEqualTo(DY_SHA);
        assertThat(f.get("entries").asLong()).isEqualTo(40);
        assertThat(f.get("sumGenWeight").asDouble()).isEqualTo(DY_SUMW);
        assertThat(json.get("DY").get("metadata").get("sumGenWeight").asDouble()).isEqualTo(DY_SUMW);
        assertThat(json.get("DY").get("metadata").get("xsec").asDouble()).isEqualTo(6077.22);
        JsonNode d = json.get("DoubleMuon").get("files").get(0);
        assertThat(d.get("sha256").asText()).isEqualTo(DIMUON_SHA);
        assertThat(d.has("sumGenWeight")).isFalse();
        assertThat(json.get("DoubleMuon").get("metadata").get("era").asText()).isEqualTo("A");

        // crema run reads it back, checksums included.
        Fileset read = Fileset.read(fileset);
        assertThat(read.datasets().get("DY").sha256()).containsEntry(dy.toString(), DY_SHA);
        assertThat(read.datasets().get("DoubleMuon").info().isMC()).isFalse();

        // A second build takes both files from the cache, keyed by identity: a doctored cache entry shows
        // through, until the file's modification time changes.
        ObjectNode c = (ObjectNode) new ObjectMapper().readTree(cache.toFile());
        c.get("files").properties().forEach(e -> {
            if (e.getKey().startsWith(dy.toString())) {
                ((ObjectNode) e.getValue()).put("entries", 999);
            }
        });
        new ObjectMapper().writeValue(cache.toFile(), c);
        assertThat(run("datasets", def.toString(), "-o", fileset.toString(), "--cache", cache.toString())).isZero();
        assertThat(out.toString()).contains("(2 of 2 files from the cache)");
        assertThat(new ObjectMapper().readTree(fileset.toFile()).get("DY").get("files").get(0).get("entries").asLong())
                .isEqualTo(999);
        Files.setLastModifiedTime(dy, FileTime.fromMillis(Files.getLastModifiedTime(dy).toMillis() - 60_000));
        assertThat(run("datasets", def.toString(), "-o", fileset.toString(), "--cache", cache.toString())).isZero();
        assertThat(out.toString()).contains("(1 of 2 files from the cache)");
        assertThat(new ObjectMapper().readTree(fileset.toFile()).get("DY").get("files").get(0).get("entries").asLong())
                .isEqualTo(40);
    }

    @Test
    void readsAnHttpDirectoryListing(@TempDir Path tmp) throws IOException {
        byte[] dy = Files.readAllBytes(samples().resolve("nano_dy.root"));
        byte[] dimuon = Files.readAllBytes(samples().resolve("nano_dimuon.root"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/store/", ex -> {
            String p = ex.getRequestURI().getPath();
            switch (p) {
                case "/store/" -> html(ex, "<html><body><a href=\"../\">Parent</a> <a href=\"nano_dy.root\">nano_dy.root</a>"
                        + " <a href='/store/nano_dimuon.root'>nano_dimuon.root</a> <a href=\"README.txt\">README</a>"
                        + " <a href=\"sub/\">sub/</a></body></html>");
                case "/store/nano_dy.root" -> serveRange(ex, dy);
                case "/store/nano_dimuon.root" -> serveRange(ex, dimuon);
                default -> {
                    ex.sendResponseHeaders(404, -1);
                    ex.close();
                }
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/store/";
            Path def = tmp.resolve("remote.yaml");
            Files.writeString(def, "datasets:\n  all:\n    http: " + base + "\n    metadata: {isMC: true}\n"
                    + "  dyOnly:\n    http: " + base + "\n    pattern: \"*_dy.root\"\n");
            Path fileset = tmp.resolve("remote.json");
            assertThat(run("datasets", def.toString(), "-o", fileset.toString(), "--cache", tmp.resolve("c.json")
                    .toString())).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(fileset.toFile());
            assertThat(json.get("all").get("files").findValuesAsText("path")).containsExactly(base + "nano_dimuon.root",
                    base + "nano_dy.root");
            assertThat(json.get("all").get("files").findValues("entries")).extracting(JsonNode::asLong)
                    .containsExactly(40L, 40L);
            assertThat(json.get("all").get("files").findValues("sha256")).isEmpty();
            assertThat(json.get("dyOnly").get("files").get(0).get("sumGenWeight").asDouble()).isEqualTo(DY_SUMW);

            Files.writeString(def, "datasets:\n  none:\n    http: " + base + "missing/\n");
            assertThat(run("datasets", def.toString(), "-o", fileset.toString())).isEqualTo(1);
            assertThat(err.toString()).contains(def + ": dataset 'none': the directory listing " + base
                    + "missing/ answered HTTP 404 (does the server list directories?)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void prefixesLogicalFileNamesWithTheRedirector(@TempDir Path tmp) throws IOException {
        Path def = tmp.resolve("grid.yaml");
        Files.writeString(def, """
                redirector: root://cmsxrootd.fnal.gov/
                datasets:
                  DY:
                    lfns: [/store/mc/RunIISummer20UL18NanoAODv9/DY/NANOAODSIM/1.root]
                    files: [/store/mc/RunIISummer20UL18NanoAODv9/DY/NANOAODSIM/2.root]
                  Data:
                    redirector: root://eoscms.cern.ch/
                    lfns: [/store/data/Run2018A/DoubleMuon/NANOAOD/3.root]
                """);
        Path fileset = tmp.resolve("grid.json");
        assertThat(run("datasets", def.toString(), "-o", fileset.toString(), "--no-inspect")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(fileset.toFile());
        assertThat(json.get("DY").get("files")).extracting(JsonNode::asText).containsExactly(
                "root://cmsxrootd.fnal.gov//store/mc/RunIISummer20UL18NanoAODv9/DY/NANOAODSIM/2.root",
                "root://cmsxrootd.fnal.gov//store/mc/RunIISummer20UL18NanoAODv9/DY/NANOAODSIM/1.root");
        assertThat(json.get("Data").get("files").get(0).asText())
                .isEqualTo("root://eoscms.cern.ch//store/data/Run2018A/DoubleMuon/NANOAOD/3.root");
    }

    @Test
    void checkNamesEveryFileThatDoesNotOpen(@TempDir Path tmp) throws IOException {
        Files.copy(samples().resolve("nano_dy.root"), tmp.resolve("good.root"));
        Files.writeString(tmp.resolve("bad.root"), "not a ROOT file");
        byte[] dy = Files.readAllBytes(samples().resolve("nano_dy.root"));
        Files.write(tmp.resolve("short.root"), java.util.Arrays.copyOf(dy, dy.length / 3));
        Path def = tmp.resolve("d.yaml");
        Files.writeString(def, "datasets:\n  DY:\n    files: [\"*.root\"]\n");
        Path fileset = tmp.resolve("f.json");
        assertThat(run("datasets", def.toString(), "-o", fileset.toString(), "--check", "--cache",
                tmp.resolve("c.json").toString())).isEqualTo(1);
        String e = err.toString();
        assertThat(e).contains("crema datasets: dataset 'DY', file " + tmp.resolve("bad.root") + ": ")
                .contains("crema datasets: dataset 'DY', file " + tmp.resolve("short.root") + ": ")
                .contains("file is truncated")
                .contains("2 file(s) cannot be read; " + fileset + " not written")
                .doesNotContain("good.root");
        assertThat(fileset).doesNotExist();

        Files.writeString(def, "datasets:\n  DY:\n    files: [\"nothing*.root\"]\n");
        assertThat(run("datasets", def.toString(), "-o", fileset.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(def + ": dataset 'DY': pattern nothing*.root");
        Files.writeString(def, "datasets:\n  DY:\n    file: [a.root]\n");
        assertThat(run("datasets", def.toString(), "-o", fileset.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(def + ": dataset 'DY': unknown key 'file'; allowed: files, list, http,"
                + " pattern, lfns, redirector, treename, metadata");
    }

    private static void html(HttpExchange ex, String body) throws IOException {
        try (ex) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
        }
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private static void serveRange(HttpExchange ex, byte[] bytes) throws IOException {
        try (ex) {
            Matcher m = RANGE.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
            if (!m.matches()) {
                ex.getResponseHeaders().add("Content-Length", Integer.toString(bytes.length));
                if (ex.getRequestMethod().equals("HEAD")) {
                    ex.sendResponseHeaders(200, -1);
                } else {
                    ex.sendResponseHeaders(200, bytes.length);
                    ex.getResponseBody().write(bytes);
                }
                return;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Math.min(Integer.parseInt(m.group(2)), bytes.length - 1);
            ex.getResponseHeaders().add("Content-Range", "bytes " + a + "-" + b + "/" + bytes.length);
            ex.sendResponseHeaders(206, b - a + 1);
            ex.getResponseBody().write(bytes, a, b - a + 1);
        }
    }
}
