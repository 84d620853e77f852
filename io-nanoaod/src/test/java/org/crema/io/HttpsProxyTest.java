package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.source.Credentials;
import org.crema.io.internal.source.HttpSource;
import org.crema.io.internal.source.x509.X509Proxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a real NanoAOD file from an HTTPS server on 127.0.0.1 that requires a client certificate
 * (as grid storage does) and accepts chains rooted in the test CA: with the X.509 proxy every branch
 * equals the local read; without it, with an expired one, or without the CA folder, the error says
 * what was presented and trusted.
 */
class HttpsProxyTest {
    private static final Path DIR = X509ProxyTest.DIR;
    private final Path file = TestData.nano("nano_dy.root");
    private HttpsServer server;
    private RangeHandler handler;
    private final List<List<String>> clientChains = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeEach
    void start() throws Exception {
        handler = new RangeHandler(Files.readAllBytes(file));
        SSLContext tls = SSLContext.getInstance("TLS");
        KeyStore hostStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DIR.resolve("host.p12"))) {
            hostStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(hostStore, "changeit".toCharArray());
        tls.init(kmf.getKeyManagers(), new TrustManager[] {new TestCaChains(caCertificate(), clientChains)}, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", handler);
        server.createContext("/denied/", ex -> {
            try (ex) {
                ex.sendResponseHeaders(403, -1);
            }
        });
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort() + "/data/nano_dy.root";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static X509Certificate caCertificate() throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(DIR.resolve("ca.pem"))) {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private HttpSource open(Credentials credentials) {
        return new HttpSource(URI.create(url), new HttpSource.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60),
                3, Duration.ofMillis(10)), credentials, ErrorContext.ofFile(url));
    }

    private RootFile openFile(Credentials credentials) {
        ErrorContext c = ErrorContext.ofFile(url);
        return RootFile.open(null, open(credentials), c);
    }

    private Credentials fromEnvironment(String proxyFile) {
        return Credentials.fromEnvironment(Map.of("X509_USER_PROXY", DIR.resolve(proxyFile).toString(),
                "X509_CERT_DIR", X509ProxyTest.CA_DIR.toString()), URI.create(url), -1, Instant.now());
    }

    @Test
    void everyBranchOverHttpsWithAProxyEqualsTheLocalRead() throws IOException {
        try (RootFile local = RootFile.open(file); RootFile remote = openFile(fromEnvironment("proxy-pkcs1.pem"))) {
            assertThat(remote.size()).isEqualTo(Files.size(file));
            int branches = 0;
            for (String treeName : local.treeNames()) {
                Tree lt = local.tree(treeName);
                Tree rt = remote.tree(treeName);
                assertThat(rt.entries()).isEqualTo(lt.entries());
                for (BranchInfo b : lt.branches()) {
                    ColumnAssert.assertSameEntries(treeName + "/" + b.name(),
                            lt.read(b.name(), 0, lt.entries()), rt.read(b.name(), 0, rt.entries()));
                    branches++;
                }
            }
            assertThat(branches).isGreaterThan(100);
            assertThat(handler.requests()).isGreaterThan(1);
        }
        // The server saw the proxy and the user certificate that issued it.
        assertThat(clientChains).isNotEmpty().allMatch(c -> c.equals(
                List.of("CN=1234567890,CN=Test User,O=crema tests", "CN=Test User,O=crema tests")));
    }

    @Test
    void aPkcs8ProxyIsPresentedAsWell() {
        try (HttpSource s = open(fromEnvironment("proxy-pkcs8.pem"))) {
            byte[] first = s.read(0, 4096, ErrorContext.ofFile(url));
            assertThat(first).isEqualTo(Arrays.copyOf(readLocal(), 4096));
        }
        assertThat(clientChains).isNotEmpty();
    }

    private byte[] readLocal() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutAProxyTheHandshakeFailsAtOnceSayingNoneWasPresented() {
        Credentials none = Credentials.fromEnvironment(Map.of("X509_CERT_DIR", X509ProxyTest.CA_DIR.toString()),
                URI.create(url), -1, Instant.now());
        assertThatThrownBy(() -> open(none))
                .isInstanceOf(RootException.class)
                .hasMessageStartingWith("file " + url + ": the TLS handshake with 127.0.0.1:"
                        + server.getAddress().getPort() + " failed (")
                .hasMessageEndingWith("; no client certificate was presented (X.509 proxy: none found:"
                        + " X509_USER_PROXY is not set)")
                .hasMessageNotContaining("attempts");
        assertThat(handler.requests()).isZero();
    }

    @Test
    void aServerSignedByAnUnknownCaIsRefusedNamingTheTrustedCas() {
        X509Proxy proxy = X509Proxy.load(DIR.resolve("proxy-pkcs1.pem"), Instant.now());
        assertThatThrownBy(() -> open(new Credentials(null, proxy, null, null)))
                .isInstanceOf(RootException.class)
                .hasMessageContaining(": the TLS handshake with 127.0.0.1:")
                .hasMessageEndingWith("; the server's certificate was checked against the JDK's trust store only"
                        + " (X509_CERT_DIR is not set and /etc/grid-security/certificates does not exist); set"
                        + " X509_CERT_DIR to a folder holding its CA");
        assertThat(handler.requests()).isZero();
    }

    @Test
    void aChainTheServerRefusesIsReportedNamingTheProxyPresented(@TempDir Path tmp) throws IOException {
        // The proxy without the user certificate that issued it: the server cannot reach its CA.
        String pem = Files.readString(DIR.resolve("proxy-pkcs1.pem"));
        String end = "-----END RSA PRIVATE KEY-----\n";
        Path alone = Files.writeString(tmp.resolve("x509up_alone"), pem.substring(0, pem.indexOf(end) + end.length()));
        Credentials c = Credentials.fromEnvironment(Map.of("X509_USER_PROXY", alone.toString(),
                "X509_CERT_DIR", X509ProxyTest.CA_DIR.toString()), URI.create(url), -1, Instant.now());
        assertThat(c.proxy().chain()).hasSize(1);
        assertThatThrownBy(() -> open(c))
                .isInstanceOf(RootException.class)
                .hasMessageContaining(": the TLS handshake with 127.0.0.1:")
                .hasMessageEndingWith("; the X.509 proxy " + alone + " (CN=1234567890, CN=Test User, O=crema tests,"
                        + " valid until " + c.proxy().certificate().getNotAfter().toInstant() + ") was presented as"
                        + " the client certificate");
        assertThat(handler.requests()).isZero();
    }

    @Test
    void aForbiddenAnswerNamesWhatWasSent() {
        String denied = url.replace("/data/", "/denied/");
        assertThatThrownBy(() -> new HttpSource(URI.create(denied), HttpSource.Settings.fromSystemProperties(),
                fromEnvironment("proxy-pkcs8.pem"), ErrorContext.ofFile(denied)))
                .isInstanceOf(RootException.class)
                .hasMessageStartingWith("file " + denied + ": " + denied + " answered HTTP 403 (forbidden: no bearer"
                        + " token (BEARER_TOKEN, BEARER_TOKEN_FILE) and the X.509 proxy " + DIR.resolve("proxy-pkcs8.pem")
                        + " (CN=1234567890, CN=Test User, O=crema tests, valid until ")
                .hasMessageEndingWith(") was presented as the client certificate) to the request for bytes=0-0");
    }

    @Test
    void theExpiredProxyIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> fromEnvironment("proxy-expired.pem"))
                .isInstanceOf(RootException.class)
                .hasMessageContaining("proxy-expired.pem: the proxy certificate CN=987654321, CN=Test User,"
                        + " O=crema tests expired at 2020-01-02T00:00:00Z (notAfter)");
        assertThat(handler.requests()).isZero();
    }

    /**
     * The server's check of client chains, written for this test, not a general validator: each
     * certificate is valid now and signed by the next one, and the last by the test CA. Proxies are
     * signed by the user certificate, not by a CA, so the JDK's PKIX validation would refuse them.
     */
    private static final class TestCaChains extends X509ExtendedTrustManager {
        private final X509Certificate ca;
        private final List<List<String>> seen;

        TestCaChains(X509Certificate ca, List<List<String>> seen) {
            this.ca = ca;
            this.seen = seen;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no client certificate");
            }
            try {
                for (int i = 0; i < chain.length; i++) {
                    chain[i].checkValidity();
                    X509Certificate issuer = i + 1 < chain.length ? chain[i + 1] : ca;
                    if (!chain[i].getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                        throw new CertificateException(chain[i].getSubjectX500Principal() + " is not issued by "
                                + issuer.getSubjectX500Principal());
                    }
                    chain[i].verify(issuer.getPublicKey());
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException("client chain refused: " + e.getMessage(), e);
            }
            seen.add(Arrays.stream(chain).map(c -> c.getSubjectX500Principal().getName()).toList());
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a server only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[] {ca};
        }
    }
}
