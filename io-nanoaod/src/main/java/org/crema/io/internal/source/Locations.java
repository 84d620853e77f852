package org.crema.io.internal.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;

/**
 * Turns what a user wrote (a path, an http(s) URL, or an XRootD {@code root://} URL) into a source.
 *
 * <p>We speak HTTP only, so a {@code root://host[:port]/path} URL is rewritten into an HTTP URL by
 * a rule, because the HTTP door of an XRootD server (its port, whether it is TLS) is site
 * configuration that cannot be guessed. The rule is a template taken from the system property
 * {@value #RULE_PROPERTY}, else the environment variable {@value #RULE_ENV}, with the placeholders
 * {@code {host}}, {@code {port}} (the port of the root URL, 1094 when it has none) and {@code {path}}
 * (everything after the first slash behind the host, so EOS's double slash is kept). For example
 * {@code https://{host}:{port}/{path}} maps {@code root://eoscms.cern.ch//eos/cms/f.root} to
 * {@code https://eoscms.cern.ch:1094//eos/cms/f.root}.
 */
public final class Locations {
    /** System property holding the root:// rewrite template. */
    public static final String RULE_PROPERTY = "crema.rootUrlRule";
    /** Environment variable holding the root:// rewrite template (the system property wins). */
    public static final String RULE_ENV = "CREMA_ROOT_URL_RULE";

    private Locations() {
    }

    /** @param location a path or URL @return true for http://, https:// and root:// (any case) */
    public static boolean isRemote(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("root://");
    }

    /**
     * Opens a path or URL.
     *
     * @param location a local path, an http(s) URL or a root:// URL
     * @param context error context naming the location
     * @return the source
     */
    public static ByteSource open(String location, ErrorContext context) {
        if (!isRemote(location)) {
            return new LocalFileSource(Path.of(location), context);
        }
        String rule = System.getProperty(RULE_PROPERTY);
        if (rule == null) {
            rule = System.getenv(RULE_ENV);
        }
        return HttpSource.open(toHttp(location, rule, context), context);
    }

    /**
     * @param location an http(s) or root:// URL
     * @param rule the root:// template, or null when none is set
     * @param context error context naming the location
     * @return the http(s) URL to read
     * @throws RootException for a malformed URL, or a root:// URL without a rule (naming the rule to set)
     */
    public static URI toHttp(String location, String rule, ErrorContext context) {
        String url = location;
        if (location.toLowerCase(Locale.ROOT).startsWith("root://")) {
            if (rule == null || rule.isBlank()) {
                throw new RootException(context.describe() + ": root:// URLs are read through the server's HTTP door;"
                        + " set the system property " + RULE_PROPERTY + " or the environment variable " + RULE_ENV
                        + " to a template such as https://{host}:{port}/{path} (see docs/remote.md)");
            }
            String rest = location.substring("root://".length());
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            int at = authority.lastIndexOf('@');
            String hostPort = at < 0 ? authority : authority.substring(at + 1);
            int colon = hostPort.lastIndexOf(':');
            boolean hasPort = colon > 0 && !hostPort.endsWith("]");
            String host = hasPort ? hostPort.substring(0, colon) : hostPort;
            String port = hasPort ? hostPort.substring(colon + 1) : "1094";
            if (host.isEmpty()) {
                throw new RootException(context.describe() + ": root:// URL without a host");
            }
            url = rule.strip().replace("{host}", host).replace("{port}", port).replace("{path}", path);
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new RootException(context.describe() + ": URL without a host: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RootException(context.describe() + ": not a valid URL: " + url + " (" + e.getMessage() + ")", e);
        }
    }
}
