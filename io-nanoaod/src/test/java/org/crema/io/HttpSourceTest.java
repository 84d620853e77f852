package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.source.Credentials;
import org.crema.io.internal.source.HttpSource;
import org.crema.io.internal.source.Locations;
import org.crema.io.rntuple.RNTuple;
import org.crema.io.rntuple.RNTupleReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a real NanoAOD file from an HTTP server on 127.0.0.1 that implements range requests itself
 * (so the test controls every answer), with faults injected into chosen requests.
 */
class HttpSourceTest {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    /** What the server does wrong, for the next {@code faultCount} requests. */
    enum Fault { NONE, CLOSE_MID_BODY, STATUS_503, IGNORE_RANGE, SLOW, SHORT_BODY }

    private final Path file = TestData.nano("nano_dy.root");
    private volatile byte[] bytes;
    private HttpServer server;
    private volatile Fault fault = Fault.NONE;
    private final AtomicInteger faultCount = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeEach
    void start() throws IOException {
        bytes = Files.readAllBytes(file);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data/nano_dy.root";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        Fault f = faultCount.getAndDecrement() > 0 ? fault : Fault.NONE;
        try (ex) {
            if (f == Fault.STATUS_503) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            if (f == Fault.SLOW) {
                sleep(2_000);
            }
            Matcher m = RANGE.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
            ex.getResponseHeaders().add("Last-Modified", "Wed, 02 Dec 2026 05:00:00 GMT");
            if (f == Fault.IGNORE_RANGE || !m.matches()) {
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
                return;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Math.min(Integer.parseInt(m.group(2)), bytes.length - 1);
            int n = b - a + 1;
            ex.getResponseHeaders().add("Content-Range", "bytes " + a + "-" + b + "/" + bytes.length);
            if (f == Fault.SHORT_BODY) {
                ex.sendResponseHeaders(206, n / 2);
                ex.getResponseBody().write(bytes, a, n / 2);
                return;
            }
            ex.sendResponseHeaders(206, n);
            OutputStream out = ex.getResponseBody();
            if (f == Fault.CLOSE_MID_BODY) {
                out.write(bytes, a, n / 2);
                out.flush();
                // Closing the exchange with bytes missing makes the server drop the connection.
                return;
            }
            out.write(bytes, a, n);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpSource source(Duration timeout, int attempts) {
        return new HttpSource(URI.create(url), new HttpSource.Settings(Duration.ofSeconds(2), timeout, attempts,
                Duration.ofMillis(10)), Credentials.token(null), ErrorContext.ofFile(url));
    }

    private void inject(Fault f, int times) {
        fault = f;
        faultCount.set(times);
    }

    private byte[] readRange(HttpSource s, long offset, int length) {
        return s.read(offset, length, ErrorContext.ofFile(url));
    }

    @Test
    void everyBranchOverHttpEqualsTheLocalRead() {
        try (RootFile local = RootFile.open(file); RootFile remote = RootFile.open(url)) {
            assertThat(remote.path()).isNull();
            assertThat(remote.location()).isEqualTo(url);
            assertThat(remote.size()).isEqualTo(bytes.length);
            assertThat(remote.treeNames()).isEqualTo(local.treeNames());
            int branches = 0;
            for (String treeName : local.treeNames()) {
                Tree lt = local.tree(treeName);
                Tree rt = remote.tree(treeName);
                assertThat(rt.entries()).isEqualTo(lt.entries());
                assertThat(rt.branches()).isEqualTo(lt.branches());
                for (BranchInfo b : lt.branches()) {
                    ColumnAssert.assertSameEntries(treeName + "/" + b.name(),
                            lt.read(b.name(), 0, lt.entries()), rt.read(b.name(), 0, rt.entries()));
                    branches++;
                }
            }
            assertThat(branches).isGreaterThan(100);
            // Real range requests were made, not one download of the whole file.
            assertThat(requests.get()).isGreaterThan(branches);
        }
    }

    @Test
    void anRNTupleOverHttpEqualsTheLocalRead() throws IOException {
        Path p = TestData.shared().resolve("rntuple/nano_tt_v12_zstd5.root");
        Assumptions.assumeTrue(Files.exists(p), "shared RNTuple sample " + p + " is absent");
        bytes = Files.readAllBytes(p);
        try (RNTupleReader local = RNTupleReader.open(p); RNTupleReader remote = RNTupleReader.open(url)) {
            assertThat(remote.path()).isNull();
            RNTuple l = local.ntuple("Events");
            RNTuple r = remote.ntuple("Events");
            assertThat(r.entries()).isEqualTo(l.entries());
            for (String field : List.of("Jet._0.pt", "Muon._0.charge", "event", "Flag.goodVertices")) {
                ColumnAssert.assertSameEntries(field, l.read(field, 0, l.entries()), r.read(field, 0, r.entries()));
            }
        }
    }

    @Test
    void aConnectionClosedMidBodyIsRetriedAndGivesTheSameBytes() {
        try (HttpSource s = source(Duration.ofSeconds(5), 3)) {
            int before = requests.get();
            inject(Fault.CLOSE_MID_BODY, 1);
            assertThat(readRange(s, 1000, 200_000)).isEqualTo(Arrays.copyOfRange(bytes, 1000, 201_000));
            assertThat(requests.get() - before).isEqualTo(2);
        }
    }

    @Test
    void aShortBodyIsRetriedAndGivesTheSameBytes() {
        try (HttpSource s = source(Duration.ofSeconds(5), 3)) {
            int before = requests.get();
            inject(Fault.SHORT_BODY, 1);
            assertThat(readRange(s, 77, 5000)).isEqualTo(Arrays.copyOfRange(bytes, 77, 5077));
            assertThat(requests.get() - before).isEqualTo(2);
        }
    }

    @Test
    void twoServiceUnavailableAnswersAreRetried() {
        try (HttpSource s = source(Duration.ofSeconds(5), 3)) {
            int before = requests.get();
            inject(Fault.STATUS_503, 2);
            assertThat(readRange(s, 0, 4096)).isEqualTo(Arrays.copyOf(bytes, 4096));
            assertThat(requests.get() - before).isEqualTo(3);
        }
    }

    @Test
    void aServerAlwaysUnavailableFailsNamingTheUrlRangeAndCause() {
        try (HttpSource s = source(Duration.ofSeconds(5), 3)) {
            inject(Fault.STATUS_503, Integer.MAX_VALUE);
            assertThatThrownBy(() -> readRange(s, 100, 50))
                    .isInstanceOf(RootException.class)
                    .hasMessage("file " + url + ": reading bytes=100-149 from " + url
                            + " failed after 3 attempts; last: HTTP 503");
        }
    }

    @Test
    void aServerThatIgnoresRangesIsRefusedAtOpen() {
        inject(Fault.IGNORE_RANGE, Integer.MAX_VALUE);
        assertThatThrownBy(() -> RootFile.open(url))
                .isInstanceOf(RootException.class)
                .hasMessage("file " + url + ": " + url + " answered the range request (Range: bytes=0-0) with the"
                        + " whole file (HTTP 200): the server does not support range requests");
    }

    @Test
    void aServerThatStopsHonouringRangesIsAnErrorNotWrongData() {
        try (HttpSource s = source(Duration.ofSeconds(5), 3)) {
            inject(Fault.IGNORE_RANGE, 1);
            assertThatThrownBy(() -> readRange(s, 10, 20))
                    .isInstanceOf(RootException.class)
                    .hasMessageContaining(url + " answered the range request (Range: bytes=10-29) with the whole file");
        }
    }

    @Test
    void aSlowServerFailsNamingTheTimeout() {
        try (HttpSource s = source(Duration.ofMillis(300), 2)) {
            inject(Fault.SLOW, Integer.MAX_VALUE);
            assertThatThrownBy(() -> readRange(s, 0, 10))
                    .isInstanceOf(RootException.class)
                    .hasMessage("file " + url + ": reading bytes=0-9 from " + url + " failed after 2 attempts; last:"
                            + " no complete answer within the timeout of 300 ms (system property crema.http.timeoutMillis)");
        }
    }

    @Test
    void aMissingFileIsReportedWithoutRetries() {
        String missing = url.replace("/data/", "/");
        server.removeContext("/");
        server.createContext("/data/", this::handle);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            try (ex) {
                ex.sendResponseHeaders(404, -1);
            }
        });
        int before = requests.get();
        assertThatThrownBy(() -> RootFile.open(missing))
                .isInstanceOf(RootException.class)
                .hasMessage("file " + missing + ": " + missing + " answered HTTP 404 (no such file) to the request for bytes=0-0");
        assertThat(requests.get() - before).isEqualTo(1);
    }

    @Test
    void theBearerTokenIsSent(@TempDir Path dir) throws IOException {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "from-file\n");
        assertThat(HttpSource.bearerToken(Map.of("BEARER_TOKEN_FILE", tokenFile.toString()))).isEqualTo("from-file");
        assertThat(HttpSource.bearerToken(Map.of("BEARER_TOKEN", "direct", "BEARER_TOKEN_FILE", tokenFile.toString())))
                .isEqualTo("direct");
        assertThat(HttpSource.bearerToken(Map.of())).isNull();
        String token = HttpSource.bearerToken(Map.of("BEARER_TOKEN_FILE", tokenFile.toString()));
        try (HttpSource s = new HttpSource(URI.create(url), HttpSource.Settings.fromSystemProperties(),
                Credentials.token(token), ErrorContext.ofFile(url))) {
            readRange(s, 0, 4);
        }
        assertThat(authorizations).isNotEmpty().allMatch("Bearer from-file"::equals);
    }

    @Test
    void rootUrlsAreMappedByTheRule() {
        ErrorContext ctx = ErrorContext.ofFile("root://eoscms.cern.ch//eos/cms/f.root");
        assertThat(Locations.toHttp("root://eoscms.cern.ch//eos/cms/f.root", "https://{host}:{port}/{path}", ctx))
                .isEqualTo(URI.create("https://eoscms.cern.ch:1094//eos/cms/f.root"));
        assertThat(Locations.toHttp("root://xrd.example.org:1095//store/f.root", "https://{host}:8443/{path}", ctx))
                .isEqualTo(URI.create("https://xrd.example.org:8443//store/f.root"));
        assertThatThrownBy(() -> Locations.toHttp("root://eoscms.cern.ch//eos/cms/f.root", null, ctx))
                .isInstanceOf(RootException.class)
                .hasMessageContaining("file root://eoscms.cern.ch//eos/cms/f.root: root:// URLs are read through")
                .hasMessageContaining("crema.rootUrlRule")
                .hasMessageContaining("CREMA_ROOT_URL_RULE");
    }

    @Test
    void aRootUrlIsReadThroughTheRule() {
        String rootUrl = "root://127.0.0.1:" + server.getAddress().getPort() + "//data/nano_dy.root";
        String before = System.getProperty(Locations.RULE_PROPERTY);
        System.setProperty(Locations.RULE_PROPERTY, "http://{host}:{port}/{path}");
        try (RootFile local = RootFile.open(file); RootFile remote = RootFile.open(rootUrl)) {
            assertThat(remote.location()).isEqualTo(rootUrl);
            Tree lt = local.tree("Events");
            Tree rt = remote.tree("Events");
            ColumnAssert.assertSameEntries("nMuon", lt.read("nMuon", 0, lt.entries()), rt.read("nMuon", 0, rt.entries()));
        } finally {
            if (before == null) {
                System.clearProperty(Locations.RULE_PROPERTY);
            } else {
                System.setProperty(Locations.RULE_PROPERTY, before);
            }
        }
    }
}
