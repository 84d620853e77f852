package org.crema.io.internal.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;

/**
 * Positional reads from a file served over HTTP(S): each read is one {@code Range: bytes=a-b} GET,
 * so that any number of threads may read at once (the {@link HttpClient} is thread-safe and pools
 * connections). Opening asks for the first byte to learn the size from {@code Content-Range} and to
 * check that the server honours ranges at all; a server that answers a range request with the whole
 * file (200) is refused, because reading the wrong bytes silently is the one failure we must never
 * have.
 *
 * <p>Transient failures (connection reset, timeouts, 429, 5xx, a body shorter than the range) are
 * retried with exponential backoff up to {@link Settings#attempts} times; then the error names the
 * URL, the range and the last cause. Credentials (a bearer token, an X.509 proxy as TLS client
 * certificate, grid CAs) are found as {@link Credentials} describes; a failed TLS handshake is not
 * retried and its error says what was presented and which CAs were trusted.
 */
public final class HttpSource implements ByteSource {

    /**
     * Timeouts and retries.
     *
     * @param connectTimeout time to establish a connection
     * @param requestTimeout time for a whole request, headers and body
     * @param attempts how many times one read is tried before it fails (at least 1)
     * @param firstBackoff pause before the second attempt; doubled before each further one
     */
    public record Settings(Duration connectTimeout, Duration requestTimeout, int attempts, Duration firstBackoff) {
        /** System property for {@link #requestTimeout} in milliseconds. */
        public static final String TIMEOUT_PROPERTY = "crema.http.timeoutMillis";
        /** System property for {@link #connectTimeout} in milliseconds. */
        public static final String CONNECT_TIMEOUT_PROPERTY = "crema.http.connectTimeoutMillis";
        /** System property for {@link #attempts}. */
        public static final String ATTEMPTS_PROPERTY = "crema.http.attempts";
        /** System property for {@link #firstBackoff} in milliseconds. */
        public static final String BACKOFF_PROPERTY = "crema.http.backoffMillis";

        /** Checks the values. */
        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
            }
        }

        /** @return 10 s to connect, 60 s per request, 5 attempts, 200 ms first backoff, each overridable by its system property */
        public static Settings fromSystemProperties() {
            return new Settings(
                    Duration.ofMillis(Long.getLong(CONNECT_TIMEOUT_PROPERTY, 10_000)),
                    Duration.ofMillis(Long.getLong(TIMEOUT_PROPERTY, 60_000)),
                    Integer.getInteger(ATTEMPTS_PROPERTY, 5),
                    Duration.ofMillis(Long.getLong(BACKOFF_PROPERTY, 200)));
        }
    }

    private final URI uri;
    private final Settings settings;
    private final Credentials credentials;
    private final String authorization;
    private final HttpClient client;
    private final SourceIdentity identity;
    private final String etag;
    private volatile boolean closed;

    /**
     * Opens a URL with the settings of {@link Settings#fromSystemProperties} and the credentials
     * of the environment ({@link Credentials#fromEnvironment}).
     *
     * @param uri an http or https URL
     * @param context error context naming the URL
     * @return the open source
     * @throws RootException naming the URL when the server cannot be reached, refuses the file or
     *     does not support range requests
     */
    public static HttpSource open(URI uri, ErrorContext context) {
        Credentials credentials;
        try {
            credentials = Credentials.fromEnvironment(System.getenv(), uri, Credentials.currentUid(), Instant.now());
        } catch (RootException e) {
            throw new RootException(context.describe() + ": " + e.getMessage(), e);
        }
        return new HttpSource(uri, Settings.fromSystemProperties(), credentials, context);
    }

    /**
     * @param uri an http or https URL
     * @param settings timeouts and retries
     * @param credentials the token, proxy and CAs to use
     * @param context error context naming the URL
     * @throws RootException naming the URL when the server cannot be reached, refuses the file or
     *     the credentials, or does not support range requests
     */
    public HttpSource(URI uri, Settings settings, Credentials credentials, ErrorContext context) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.settings = Objects.requireNonNull(settings, "settings");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RootException(context.describe() + ": not an http or https URL: " + uri);
        }
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.authorization = credentials.bearerToken() == null ? null : "Bearer " + credentials.bearerToken();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        SSLContext tls;
        try {
            tls = credentials.sslContext();
        } catch (RootException e) {
            throw new RootException(context.describe() + ": " + e.getMessage(), e);
        }
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
        try {
            // The first byte, not HEAD: it proves that ranges work before any real read, and some
            // storage endpoints answer HEAD differently (or not at all) from GET.
            HttpResponse<byte[]> first = fetch(0, 1, context);
            HttpHeaders h = first.headers();
            long total = totalFromContentRange(h.firstValue("Content-Range").orElse(null), 0, 1, context);
            this.etag = h.firstValue("ETag").orElse(null);
            this.identity = new SourceIdentity(uri.toString(), total,
                    h.firstValue("Last-Modified").map(HttpSource::parseHttpDate).orElse(null));
        } catch (RuntimeException e) {
            client.shutdownNow();
            throw e;
        }
    }

    /**
     * @param env environment variables
     * @return the bearer token of the environment, or null
     * @see Credentials#bearerToken
     */
    public static String bearerToken(Map<String, String> env) {
        return Credentials.bearerToken(env);
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public SourceIdentity identity() {
        return identity;
    }

    @Override
    public void readInto(long offset, int length, byte[] dst, int dstOffset, ErrorContext where) {
        if (closed) {
            throw new RootException(where.describe() + ": read after the file was closed");
        }
        checkRange(offset, length, where);
        if (length == 0) {
            return;
        }
        HttpResponse<byte[]> r = fetch(offset, length, where);
        String tag = r.headers().firstValue("ETag").orElse(null);
        if (etag != null && tag != null && !etag.equals(tag)) {
            throw new RootException(where.describe() + ": " + uri + " changed since it was opened (ETag was "
                    + etag + ", now " + tag + ")");
        }
        System.arraycopy(r.body(), 0, dst, dstOffset, length);
    }

    /**
     * One range, retried on transient failures. The body is checked to be exactly the range asked
     * for: a 206 whose Content-Range starts elsewhere, or a body that stops early, is not our data.
     */
    private HttpResponse<byte[]> fetch(long offset, int length, ErrorContext where) {
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().header("Range", range)
                .timeout(settings.requestTimeout());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpRequest request = b.build();
        String lastCause = null;
        Throwable lastException = null;
        long backoff = settings.firstBackoff().toMillis();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(backoff, where, range);
                backoff *= 2;
            }
            HttpResponse<byte[]> r;
            try {
                r = send(request);
            } catch (HttpTimeoutException | TimeoutException e) {
                lastCause = "no complete answer within the timeout of " + settings.requestTimeout().toMillis()
                        + " ms (system property " + Settings.TIMEOUT_PROPERTY + ")";
                lastException = e;
                continue;
            } catch (IOException e) {
                SSLException refused = tlsRefusal(e);
                if (refused != null) {
                    throw new RootException(where.describe() + ": the TLS handshake with " + uri.getHost() + ":"
                            + port() + " failed (" + refused.getMessage() + "); " + tlsHint(refused), e);
                }
                lastCause = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastException = e;
                continue;
            }
            int status = r.statusCode();
            if (status == 206) {
                String cr = r.headers().firstValue("Content-Range").orElse(null);
                totalFromContentRange(cr, offset, length, where);
                if (r.body().length < length) {
                    lastCause = "short read: " + r.body().length + " of " + length + " bytes";
                    lastException = null;
                    continue;
                }
                return r;
            }
            if (status == 200) {
                throw new RootException(where.describe() + ": " + uri + " answered the range request (Range: "
                        + range + ") with the whole file (HTTP 200): the server does not support range requests");
            }
            if (status == 429 || status >= 500) {
                lastCause = "HTTP " + status;
                lastException = null;
                continue;
            }
            throw new RootException(where.describe() + ": " + uri + " answered HTTP " + status + describeStatus(status)
                    + " to the request for " + range);
        }
        throw new RootException(where.describe() + ": reading " + range + " from " + uri + " failed after "
                + settings.attempts() + " attempts; last: " + lastCause, lastException);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, TimeoutException {
        // The request timeout of HttpClient covers only the wait for the headers; a body that stalls
        // would block forever, so the whole exchange is bounded here.
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return f.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new RootException("interrupted while reading " + uri, e);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(String.valueOf(c), c);
        }
    }

    /**
     * A handshake failure, or a fatal alert from the server (TLS 1.3 clients learn that their
     * certificate was refused only when reading the answer), is the server's verdict on our
     * credentials or ours on its certificate: retrying cannot change it. Other TLS errors (a
     * connection reset inside the TLS layer) stay transient.
     */
    private static SSLException tlsRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException h) {
                return h;
            }
            if (t instanceof SSLException s && s.getMessage() != null && s.getMessage().contains("alert")) {
                return s;
            }
        }
        return null;
    }

    private String tlsHint(SSLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return "the server's certificate was checked against " + credentials.describeTrust()
                        + "; set " + Credentials.CA_DIR_ENV + " to a folder holding its CA";
            }
        }
        return credentials.describeClientCertificate();
    }

    private int port() {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private String describeStatus(int status) {
        return switch (status) {
            case 401 -> " (unauthorized: " + describeSent() + ")";
            case 403 -> " (forbidden: " + describeSent() + ")";
            case 404 -> " (no such file)";
            case 416 -> " (range not satisfiable)";
            default -> "";
        };
    }

    private String describeSent() {
        String token = authorization == null ? "no bearer token (BEARER_TOKEN, BEARER_TOKEN_FILE)"
                : "a bearer token";
        return uri.getScheme().equalsIgnoreCase("https") ? token + " and " + credentials.describeClientCertificate()
                : token + " was sent";
    }

    /** Checks that {@code Content-Range: bytes a-b/total} covers exactly the range asked for; returns total. */
    private long totalFromContentRange(String header, long offset, int length, ErrorContext where) {
        String expected = "bytes " + offset + "-" + (offset + length - 1) + "/";
        if (header == null || !header.startsWith(expected)) {
            throw new RootException(where.describe() + ": " + uri + " answered the request for bytes " + offset + "-"
                    + (offset + length - 1) + " with Content-Range " + header + ", expected " + expected + "<size>");
        }
        String total = header.substring(expected.length()).strip();
        try {
            return Long.parseLong(total);
        } catch (NumberFormatException e) {
            throw new RootException(where.describe() + ": " + uri + " does not say the file size (Content-Range "
                    + header + ")", e);
        }
    }

    private void sleep(long millis, ErrorContext where, String range) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RootException(where.describe() + ": interrupted while retrying " + range + " from " + uri, e);
        }
    }

    private static Instant parseHttpDate(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null; // an unreadable date only weakens change detection; the ETag and size remain
        }
    }

    @Override
    public void close() {
        closed = true;
        client.shutdownNow();
    }
}
