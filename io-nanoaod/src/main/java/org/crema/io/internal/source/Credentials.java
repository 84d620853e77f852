package org.crema.io.internal.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.crema.io.RootException;
import org.crema.io.internal.source.x509.GridTrust;
import org.crema.io.internal.source.x509.ProxyKeyManager;
import org.crema.io.internal.source.x509.X509Proxy;

/**
 * What a remote read authenticates with, found in the environment as the WLCG and Globus tools find
 * it.
 *
 * <ul>
 *   <li>Bearer token: {@code BEARER_TOKEN}, else the file named by {@code BEARER_TOKEN_FILE}; sent as
 *       {@code Authorization: Bearer}.
 *   <li>X.509 proxy, for https only and only when there is no token (a token takes precedence, so that
 *       an old proxy left in /tmp cannot break token reads): {@code X509_USER_PROXY}, else
 *       {@code /tmp/x509up_u<uid>}; presented as the TLS client certificate. A proxy named by
 *       {@code X509_USER_PROXY} must be usable, or opening fails; one found at the default place that
 *       is unusable (expired, say) is not presented, and the reason is part of any TLS or 401/403 error.
 *   <li>Server CAs, for https: the JDK's trust store, plus the CA files of {@code X509_CERT_DIR}, else
 *       of /etc/grid-security/certificates when that folder exists.
 * </ul>
 *
 * @param bearerToken the token, or null
 * @param proxy the proxy presented as client certificate, or null
 * @param proxyNote when {@code proxy} is null, why (for error messages); else null
 * @param caDir the grid CA folder trusted besides the JDK's trust store, or null
 */
public record Credentials(String bearerToken, X509Proxy proxy, String proxyNote, Path caDir) {
    /** Environment variable naming the proxy file. */
    public static final String PROXY_ENV = "X509_USER_PROXY";
    /** Environment variable naming the CA folder. */
    public static final String CA_DIR_ENV = "X509_CERT_DIR";
    /** The CA folder used when {@value #CA_DIR_ENV} is not set and the folder exists. */
    public static final Path DEFAULT_CA_DIR = Path.of("/etc/grid-security/certificates");

    /**
     * Reading hundreds of CA files (or the JDK's trust store) for every file opened would dominate
     * opening; keyed by folder and its modification time ("" for the JDK's store alone).
     */
    private static final Map<String, X509ExtendedTrustManager> TRUST = new ConcurrentHashMap<>();

    /** @param bearerToken a token, or null @return credentials with the token only and the JDK's trust store */
    public static Credentials token(String bearerToken) {
        return new Credentials(bearerToken == null || bearerToken.isBlank() ? null : bearerToken.strip(), null,
                "none was given", null);
    }

    /**
     * Finds the credentials for one URL.
     *
     * @param env environment variables
     * @param uri the URL to read (a proxy and CAs are looked for only for https)
     * @param uid the user id for the default proxy file, or negative when unknown
     * @param now the time against which the proxy's validity is checked
     * @return the credentials
     * @throws RootException when {@code BEARER_TOKEN_FILE}, {@code X509_USER_PROXY} or
     *     {@code X509_CERT_DIR} names something unusable, saying what is wrong with it
     */
    public static Credentials fromEnvironment(Map<String, String> env, URI uri, long uid, Instant now) {
        String token = bearerToken(env);
        boolean https = "https".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT));
        if (!https) {
            return new Credentials(token, null, "plain http carries no client certificate", null);
        }
        Path caDir = caDir(env);
        if (token != null) {
            return new Credentials(token, null, "a bearer token is set, which takes precedence", caDir);
        }
        String explicit = env.get(PROXY_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.exists(p)) {
                throw new RootException(PROXY_ENV + "=" + explicit + ": no such file (expected an X.509 proxy in PEM,"
                        + " as voms-proxy-init writes it)");
            }
            return new Credentials(null, X509Proxy.load(p, now), null, caDir);
        }
        Path p = defaultProxy(uid);
        if (p == null || !Files.exists(p)) {
            return new Credentials(null, null, "none found: " + PROXY_ENV + " is not set"
                    + (p == null ? "" : " and " + p + " does not exist"), caDir);
        }
        try {
            return new Credentials(null, X509Proxy.load(p, now), null, caDir);
        } catch (RootException e) {
            return new Credentials(null, null, "not presented: " + e.getMessage(), caDir);
        }
    }

    /** @param uid a user id, negative when unknown @return /tmp/x509up_u{uid}, or null */
    public static Path defaultProxy(long uid) {
        return uid < 0 ? null : Path.of("/tmp/x509up_u" + uid);
    }

    /** @return this process's user id, or -1 where there is none (not a Unix system) */
    public static long currentUid() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException e) {
            return -1;
        }
    }

    private static Path caDir(Map<String, String> env) {
        String set = env.get(CA_DIR_ENV);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        return Files.isDirectory(DEFAULT_CA_DIR) ? DEFAULT_CA_DIR : null;
    }

    /**
     * The WLCG token discovery: {@code BEARER_TOKEN} itself, else the content of the file named by
     * {@code BEARER_TOKEN_FILE}.
     *
     * @param env environment variables
     * @return the token, or null when neither is set
     * @throws RootException when {@code BEARER_TOKEN_FILE} names a file that cannot be read
     */
    public static String bearerToken(Map<String, String> env) {
        String token = env.get("BEARER_TOKEN");
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        String file = env.get("BEARER_TOKEN_FILE");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            String t = Files.readString(Path.of(file)).strip();
            return t.isEmpty() ? null : t;
        } catch (IOException e) {
            throw new RootException("BEARER_TOKEN_FILE=" + file + ": cannot read the token: " + e.getMessage(), e);
        }
    }

    /**
     * @return a TLS context presenting the proxy and trusting the CA folder besides the JDK's trust
     *     store, or null when neither is set (then the JDK's default context serves)
     */
    public SSLContext sslContext() {
        if (proxy == null && caDir == null) {
            return null;
        }
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            KeyManager[] keys = proxy == null ? null : new KeyManager[] {new ProxyKeyManager(proxy)};
            c.init(keys, new TrustManager[] {trust(caDir)}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS context: " + e, e);
        }
    }

    private static X509ExtendedTrustManager trust(Path caDir) {
        if (caDir == null) {
            return TRUST.computeIfAbsent("", k -> GridTrust.load(null));
        }
        if (!Files.isDirectory(caDir)) {
            return GridTrust.load(caDir); // throws, naming the folder
        }
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(caDir);
        } catch (IOException e) {
            throw new RootException(CA_DIR_ENV + " " + caDir + ": cannot read the folder: " + e, e);
        }
        return TRUST.computeIfAbsent(caDir.toAbsolutePath() + "@" + modified, k -> GridTrust.load(caDir));
    }

    /** @return what was presented, for error messages: "the X.509 proxy F (subject S) was presented ..." */
    public String describeClientCertificate() {
        if (proxy != null) {
            return "the X.509 proxy " + proxy.file() + " (" + proxy.certificate().getSubjectX500Principal()
                    + ", valid until " + proxy.certificate().getNotAfter().toInstant() + ") was presented as the"
                    + " client certificate";
        }
        return "no client certificate was presented (X.509 proxy: " + proxyNote + ")";
    }

    /** @return which CAs the server certificate was checked against, for error messages */
    public String describeTrust() {
        return caDir == null
                ? "the JDK's trust store only (" + CA_DIR_ENV + " is not set and " + DEFAULT_CA_DIR + " does not exist)"
                : "the JDK's trust store and the CAs of " + caDir;
    }

    @Override
    public String toString() {
        return "Credentials[token " + (bearerToken == null ? "none" : "set") + ", "
                + (proxy == null ? "no proxy: " + proxyNote : "proxy " + proxy.file()) + ", CAs " + describeTrust() + "]";
    }
}
