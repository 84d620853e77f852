package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.crema.io.internal.source.Credentials;
import org.crema.io.internal.source.x509.GridTrust;
import org.crema.io.internal.source.x509.X509Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading X.509 proxies and grid CA folders, and finding them in the environment, on the test
 * credentials of src/test/resources/x509 (made with OpenSSL, see the README there).
 */
class X509ProxyTest {
    static final Path DIR = TestData.root().resolve("io-nanoaod/src/test/resources/x509");
    static final Path CA_DIR = DIR.resolve("certificates");
    private static final URI HTTPS = URI.create("https://127.0.0.1:1/f.root");
    private static final Instant NOW = Instant.now();

    @Test
    void aPkcs1AndAPkcs8ProxyGiveTheSameKeyAndChain() {
        X509Proxy p1 = X509Proxy.load(DIR.resolve("proxy-pkcs1.pem"), NOW);
        X509Proxy p8 = X509Proxy.load(DIR.resolve("proxy-pkcs8.pem"), NOW);
        assertThat(p1.key().getAlgorithm()).isEqualTo("RSA");
        assertThat(p1.key().getEncoded()).isEqualTo(p8.key().getEncoded());
        assertThat(p1.chain()).isEqualTo(p8.chain());
        assertThat(p1.chain()).hasSize(2);
        assertThat(p1.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=1234567890,CN=Test User,O=crema tests");
        assertThat(p1.chain().get(1).getSubjectX500Principal().getName()).isEqualTo("CN=Test User,O=crema tests");
        // The proxy is issued by the user certificate, as RFC 3820 wants.
        assertThat(p1.certificate().getIssuerX500Principal()).isEqualTo(p1.chain().get(1).getSubjectX500Principal());
    }

    @Test
    void anExpiredProxyIsRefusedWithItsNotAfter() {
        Path f = DIR.resolve("proxy-expired.pem");
        assertThatThrownBy(() -> X509Proxy.load(f, NOW))
                .isInstanceOf(RootException.class)
                .hasMessage("X.509 proxy " + f + ": the proxy certificate CN=987654321, CN=Test User, O=crema tests"
                        + " expired at 2020-01-02T00:00:00Z (notAfter); create a new proxy (voms-proxy-init or"
                        + " grid-proxy-init)");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        Path f = DIR.resolve("proxy-wrong-key.pem");
        assertThatThrownBy(() -> X509Proxy.load(f, NOW))
                .isInstanceOf(RootException.class)
                .hasMessage("X.509 proxy " + f + ": the private key does not match the certificate CN=1234567890,"
                        + " CN=Test User, O=crema tests (the key in the file must be the one of the first certificate,"
                        + " the proxy)");
    }

    @Test
    void aFileWithoutKeyOrCertificateSaysWhatWasExpected(@TempDir Path tmp) throws IOException {
        Path noKey = DIR.resolve("proxy-no-key.pem");
        assertThatThrownBy(() -> X509Proxy.load(noKey, NOW))
                .isInstanceOf(RootException.class)
                .hasMessage("X.509 proxy " + noKey + ": no private key (expected a -----BEGIN RSA PRIVATE KEY-----"
                        + " (PKCS#1) or -----BEGIN PRIVATE KEY----- (PKCS#8) block, unencrypted after the proxy"
                        + " certificate)");
        Path empty = Files.writeString(tmp.resolve("x509up_u1"), "not a proxy\n");
        assertThatThrownBy(() -> X509Proxy.load(empty, NOW))
                .isInstanceOf(RootException.class)
                .hasMessageStartingWith("X.509 proxy " + empty + ": no certificate (expected PEM blocks");
        Path encrypted = Files.writeString(tmp.resolve("enc.pem"), Files.readString(DIR.resolve("user.pem"))
                + "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> X509Proxy.load(encrypted, NOW))
                .isInstanceOf(RootException.class)
                .hasMessageStartingWith("X.509 proxy " + encrypted + ": the key is a ENCRYPTED PRIVATE KEY block,"
                        + " which is not supported");
        Path missing = tmp.resolve("absent");
        assertThatThrownBy(() -> X509Proxy.load(missing, NOW))
                .isInstanceOf(RootException.class)
                .hasMessageStartingWith("X.509 proxy " + missing + ": cannot read the file: ")
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void theProxyIsFoundAsGridToolsFindIt(@TempDir Path tmp) throws IOException {
        Path proxy = DIR.resolve("proxy-pkcs8.pem");
        Credentials c = Credentials.fromEnvironment(
                Map.of("X509_USER_PROXY", proxy.toString(), "X509_CERT_DIR", CA_DIR.toString()), HTTPS, -1, NOW);
        assertThat(c.proxy().file()).isEqualTo(proxy);
        assertThat(c.caDir()).isEqualTo(CA_DIR);
        assertThat(c.bearerToken()).isNull();
        assertThat(c.sslContext()).isNotNull();

        assertThat(Credentials.defaultProxy(1000)).isEqualTo(Path.of("/tmp/x509up_u1000"));
        if (Files.isDirectory(Path.of("/proc/self"))) {
            // /proc/self belongs to this process's user: an independent way to the uid.
            assertThat(Credentials.currentUid())
                    .isEqualTo(((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
        }
        assertThat(Credentials.defaultProxy(-1)).isNull();

        // A bearer token takes precedence: the proxy is not even read.
        Credentials t = Credentials.fromEnvironment(
                Map.of("BEARER_TOKEN", "tok", "X509_USER_PROXY", DIR.resolve("proxy-expired.pem").toString()),
                HTTPS, -1, NOW);
        assertThat(t.bearerToken()).isEqualTo("tok");
        assertThat(t.proxy()).isNull();
        assertThat(t.describeClientCertificate()).isEqualTo("no client certificate was presented (X.509 proxy:"
                + " a bearer token is set, which takes precedence)");

        // Plain http: no proxy and no CAs.
        Credentials h = Credentials.fromEnvironment(Map.of("X509_USER_PROXY", proxy.toString()),
                URI.create("http://127.0.0.1:1/f.root"), -1, NOW);
        assertThat(h.proxy()).isNull();
        assertThat(h.sslContext()).isNull();
    }

    @Test
    void anUnusableProxyNamedExplicitlyFailsAndOneAtTheDefaultPlaceIsLeftOut() throws IOException {
        Path expired = DIR.resolve("proxy-expired.pem");
        assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("X509_USER_PROXY", expired.toString()), HTTPS,
                -1, NOW))
                .isInstanceOf(RootException.class)
                .hasMessageContaining("X.509 proxy " + expired + ": the proxy certificate")
                .hasMessageContaining("expired at 2020-01-02T00:00:00Z");
        assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("X509_USER_PROXY", "/nonexistent/x509up"), HTTPS,
                -1, NOW))
                .isInstanceOf(RootException.class)
                .hasMessage("X509_USER_PROXY=/nonexistent/x509up: no such file (expected an X.509 proxy in PEM, as"
                        + " voms-proxy-init writes it)");

        // A uid no account has, so that the default file is ours alone.
        long uid = 3_999_999_000L + ProcessHandle.current().pid() % 1000;
        Path atDefault = Credentials.defaultProxy(uid);
        Credentials none = Credentials.fromEnvironment(Map.of(), HTTPS, uid, NOW);
        assertThat(none.proxy()).isNull();
        assertThat(none.proxyNote()).isEqualTo("none found: X509_USER_PROXY is not set and " + atDefault
                + " does not exist");
        Files.copy(expired, atDefault);
        try {
            Credentials left = Credentials.fromEnvironment(Map.of(), HTTPS, uid, NOW);
            assertThat(left.proxy()).isNull();
            assertThat(left.describeClientCertificate())
                    .startsWith("no client certificate was presented (X.509 proxy: not presented: X.509 proxy "
                            + atDefault + ": the proxy certificate")
                    .contains("expired at 2020-01-02T00:00:00Z");
            Files.copy(DIR.resolve("proxy-pkcs1.pem"), atDefault, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(Credentials.fromEnvironment(Map.of(), HTTPS, uid, NOW).proxy().file()).isEqualTo(atDefault);
        } finally {
            Files.deleteIfExists(atDefault);
        }
    }

    @Test
    void aCaFolderCountsEachCaOnceAndSkipsOtherFiles(@TempDir Path tmp) throws Exception {
        // The folder holds the CA as <hash>.0 and as .pem, and a signing policy.
        assertThat(Files.list(CA_DIR).count()).isEqualTo(3);
        assertThat(GridTrust.load(CA_DIR).getAcceptedIssuers())
                .filteredOn(c -> c.getSubjectX500Principal().getName().equals("CN=crema test CA,O=crema tests"))
                .hasSize(1);

        Path absent = tmp.resolve("absent");
        assertThatThrownBy(() -> GridTrust.load(absent))
                .isInstanceOf(RootException.class)
                .hasMessage("X509_CERT_DIR " + absent + ": not a directory (expected a folder of PEM CA certificates,"
                        + " such as /etc/grid-security/certificates)");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve("ca.signing_policy"), "access_id_CA X509 '/O=x'\n");
        assertThatThrownBy(() -> GridTrust.load(empty))
                .isInstanceOf(RootException.class)
                .hasMessage("X509_CERT_DIR " + empty + ": no CA certificate in the folder (expected PEM files with"
                        + " -----BEGIN CERTIFICATE----- blocks, such as <hash>.0)");
        assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("X509_CERT_DIR", absent.toString()), HTTPS, -1,
                NOW).sslContext())
                .isInstanceOf(RootException.class)
                .hasMessageStartingWith("X509_CERT_DIR " + absent + ": ");
    }
}
