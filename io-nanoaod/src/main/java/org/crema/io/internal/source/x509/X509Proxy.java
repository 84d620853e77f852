package org.crema.io.internal.source.x509;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crema.io.RootException;

/**
 * An X.509 proxy as grid tools write it (grid-proxy-init, voms-proxy-init, RFC 3820): one PEM file
 * holding the proxy certificate, its private key and the chain that issued it (the user certificate,
 * possibly further proxies), in that order. The first certificate is the one the key belongs to.
 *
 * <p>Loading checks what a server would otherwise reject with an opaque TLS alert: that there is a
 * key, that it belongs to the first certificate, and that no certificate of the chain has expired.
 *
 * @param file the PEM file
 * @param key the proxy's private key
 * @param chain the proxy certificate first, then its issuers as found in the file
 */
public record X509Proxy(Path file, PrivateKey key, List<X509Certificate> chain) {
    private static final String RSA_PKCS1 = "RSA PRIVATE KEY";
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String EXPECTED_KEY = "a -----BEGIN RSA PRIVATE KEY----- (PKCS#1) or"
            + " -----BEGIN PRIVATE KEY----- (PKCS#8) block, unencrypted";

    /** Copies the chain. */
    public X509Proxy {
        chain = List.copyOf(chain);
    }

    /** @return the proxy certificate (the first of the chain) */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /**
     * Reads and checks a proxy file.
     *
     * @param file the PEM file
     * @param now the time against which validity is checked
     * @return the proxy
     * @throws RootException naming the file and what is wrong: unreadable, no certificate, no key or
     *     more than one, a key that does not belong to the first certificate, a certificate that
     *     has expired (with its notAfter) or is not yet valid
     */
    public static X509Proxy load(Path file, Instant now) {
        String what = "X.509 proxy " + file;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new RootException(what + ": cannot read the file: " + e, e);
        }
        PemBlocks pem = PemBlocks.parse(text, what);
        List<X509Certificate> chain = certificates(pem, what);
        if (chain.isEmpty()) {
            throw new RootException(what + ": no certificate (expected PEM blocks: -----BEGIN CERTIFICATE----- for"
                    + " the proxy, " + EXPECTED_KEY + " for its key, then the certificates of its chain)");
        }
        PrivateKey key = privateKey(pem, chain.getFirst(), what);
        checkKeyMatches(key, chain.getFirst(), what);
        for (int i = 0; i < chain.size(); i++) {
            checkValidity(chain.get(i), i == 0 ? "the proxy certificate" : "the certificate", now, what);
        }
        return new X509Proxy(file, key, chain);
    }

    private static List<X509Certificate> certificates(PemBlocks pem, String what) {
        CertificateFactory factory = certificateFactory();
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] der : pem.ofType("CERTIFICATE")) {
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                throw new RootException(what + ": certificate #" + (out.size() + 1) + " is not a valid X.509"
                        + " certificate: " + e.getMessage(), e);
            }
        }
        return out;
    }

    static CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    }

    private static PrivateKey privateKey(PemBlocks pem, X509Certificate cert, String what) {
        for (PemBlocks.Block b : pem.blocks()) {
            // "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", ...
            if (b.type().endsWith(" PRIVATE KEY") && !b.type().equals(RSA_PKCS1)) {
                throw new RootException(what + ": the key is a " + b.type() + " block, which is not supported;"
                        + " expected " + EXPECTED_KEY + " (as grid-proxy-init and voms-proxy-init write it)");
            }
        }
        List<byte[]> pkcs1 = pem.ofType(RSA_PKCS1);
        List<byte[]> pkcs8 = pem.ofType(PKCS8);
        int keys = pkcs1.size() + pkcs8.size();
        if (keys == 0) {
            throw new RootException(what + ": no private key (expected " + EXPECTED_KEY + " after the proxy"
                    + " certificate)");
        }
        if (keys > 1) {
            throw new RootException(what + ": " + keys + " private keys; expected one, the proxy's");
        }
        String algorithm = pkcs1.isEmpty() ? cert.getPublicKey().getAlgorithm() : "RSA";
        byte[] der = pkcs1.isEmpty() ? pkcs8.getFirst() : Der.pkcs1ToPkcs8(pkcs1.getFirst());
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new RootException(what + ": the private key is not a valid " + algorithm + " key (the proxy"
                    + " certificate's key is " + cert.getPublicKey().getAlgorithm() + "): " + e.getMessage(), e);
        }
    }

    private static void checkKeyMatches(PrivateKey key, X509Certificate cert, String what) {
        PublicKey pub = cert.getPublicKey();
        boolean matches;
        if (key instanceof RSAKey k && pub instanceof RSAKey p) {
            matches = k.getModulus().equals(p.getModulus());
        } else if (key.getAlgorithm().equals(pub.getAlgorithm()) && key.getAlgorithm().equals("EC")) {
            matches = signsFor(key, pub, "SHA256withECDSA");
        } else {
            matches = false;
        }
        if (!matches) {
            throw new RootException(what + ": the private key does not match the certificate "
                    + cert.getSubjectX500Principal() + " (the key in the file must be the one of the first"
                    + " certificate, the proxy)");
        }
    }

    private static boolean signsFor(PrivateKey key, PublicKey pub, String algorithm) {
        try {
            byte[] probe = "crema proxy key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(pub);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void checkValidity(X509Certificate cert, String which, Instant now, String what) {
        Instant notAfter = cert.getNotAfter().toInstant();
        Instant notBefore = cert.getNotBefore().toInstant();
        if (now.isAfter(notAfter)) {
            throw new RootException(what + ": " + which + " " + cert.getSubjectX500Principal() + " expired at "
                    + notAfter + " (notAfter); create a new proxy (voms-proxy-init or grid-proxy-init)");
        }
        if (now.isBefore(notBefore)) {
            throw new RootException(what + ": " + which + " " + cert.getSubjectX500Principal()
                    + " is not valid before " + notBefore + " (notBefore); is this machine's clock right?");
        }
    }
}
