package org.crema.io.internal.source.x509;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents one X.509 proxy as the TLS client certificate. The JDK's own key managers pick a
 * certificate whose chain contains an issuer the server names; a proxy is issued by the user
 * certificate, not by a CA, and servers name the CAs of their trust store, so we offer the proxy
 * whenever its key type fits and let the server judge the chain.
 */
public final class ProxyKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "x509-proxy";
    private final X509Proxy proxy;

    /** @param proxy the proxy to present */
    public ProxyKeyManager(X509Proxy proxy) {
        this.proxy = proxy;
    }

    private String aliasFor(String[] keyTypes) {
        String algorithm = proxy.key().getAlgorithm();
        if (keyTypes != null) {
            for (String t : keyTypes) {
                // TLS 1.2 names types like "EC_EC" or "RSA"; TLS 1.3 the key algorithm itself.
                if (t.equals(algorithm) || t.startsWith(algorithm + "_")) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliasFor(new String[] {keyType}) == null ? null : new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? proxy.chain().toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? proxy.key() : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
