package org.crema.io.internal.source.x509;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.crema.io.RootException;

/**
 * Trust in servers: the JDK's trust store, and in addition the CA certificates of a grid CA folder
 * ({@code X509_CERT_DIR}, by default {@code /etc/grid-security/certificates}). Such a folder holds
 * each CA as a PEM file ({@code <hash>.0}, often also {@code <name>.pem}) beside signing policies,
 * namespaces and CRL files; every file with a certificate block counts, the others are skipped.
 * CRLs are not checked.
 */
public final class GridTrust {
    private GridTrust() {
    }

    /**
     * @param caDir a grid CA folder, or null for the JDK's trust store alone
     * @return a trust manager accepting servers that either trusts
     * @throws RootException naming the folder when it cannot be listed or holds no certificate
     */
    public static X509ExtendedTrustManager load(Path caDir) {
        X509ExtendedTrustManager jdk = pkix(null);
        if (caDir == null) {
            return jdk;
        }
        return new Either(jdk, pkix(caStore(caDir)), caDir);
    }

    /** @return the CA certificates of the folder as a trust store */
    static KeyStore caStore(Path caDir) {
        String what = "X509_CERT_DIR " + caDir;
        if (!Files.isDirectory(caDir)) {
            throw new RootException(what + ": not a directory (expected a folder of PEM CA certificates, such as"
                    + " /etc/grid-security/certificates)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(caDir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new RootException(what + ": cannot list the folder: " + e, e);
        }
        CertificateFactory factory = X509Proxy.certificateFactory();
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (Path f : files) {
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new RootException(what + ": cannot read " + f.getFileName() + ": " + e, e);
                }
                List<byte[]> certs = PemBlocks.parse(text, what + "/" + f.getFileName()).ofType("CERTIFICATE");
                for (int i = 0; i < certs.size(); i++) {
                    try {
                        X509Certificate c = (X509Certificate) factory.generateCertificate(
                                new ByteArrayInputStream(certs.get(i)));
                        // The same CA under two names (hash link and .pem) is the same entry.
                        if (store.getCertificateAlias(c) == null) {
                            store.setCertificateEntry(f.getFileName() + "#" + i, c);
                        }
                    } catch (CertificateException e) {
                        throw new RootException(what + ": " + f.getFileName() + " holds an invalid certificate: "
                                + e.getMessage(), e);
                    }
                }
            }
            if (store.size() == 0) {
                throw new RootException(what + ": no CA certificate in the folder (expected PEM files with"
                        + " -----BEGIN CERTIFICATE----- blocks, such as <hash>.0)");
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new RootException(what + ": cannot build a trust store: " + e, e);
        }
    }

    private static X509ExtendedTrustManager pkix(KeyStore store) {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (TrustManager t : f.getTrustManagers()) {
                if (t instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JDK's trust manager factory gave no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's trust manager factory failed: " + e, e);
        }
    }

    /**
     * Trusts a server that the JDK's trust store or the CA folder trusts. Both delegates are the
     * JDK's PKIX trust managers, which also check the host name against the certificate.
     */
    private static final class Either extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager jdk;
        private final X509ExtendedTrustManager grid;
        private final Path caDir;

        Either(X509ExtendedTrustManager jdk, X509ExtendedTrustManager grid, Path caDir) {
            this.jdk = jdk;
            this.grid = grid;
            this.caDir = caDir;
        }

        private interface Check {
            void run(X509ExtendedTrustManager t) throws CertificateException;
        }

        private void either(X509Certificate[] chain, Check check) throws CertificateException {
            try {
                check.run(jdk);
            } catch (CertificateException jdkSays) {
                try {
                    check.run(grid);
                } catch (CertificateException gridSays) {
                    String subject = chain == null || chain.length == 0 ? "(none)"
                            : chain[0].getSubjectX500Principal().toString();
                    CertificateException e = new CertificateException("the server certificate " + subject
                            + " is trusted neither by the JDK's trust store (" + jdkSays.getMessage() + ") nor by the"
                            + " CAs of " + caDir + " (" + gridSays.getMessage() + ")", gridSays);
                    e.addSuppressed(jdkSays);
                    throw e;
                }
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(chain, t -> t.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            either(chain, t -> t.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            either(chain, t -> t.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("crema's TLS context is for clients only");
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
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = jdk.getAcceptedIssuers();
            X509Certificate[] b = grid.getAcceptedIssuers();
            X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
