package org.crema.io.internal.source.x509;

import java.io.ByteArrayOutputStream;

/**
 * The little DER writing needed to wrap a PKCS#1 RSA key ({@code RSA PRIVATE KEY}, what
 * grid-proxy-init and voms-proxy-init write) into the PKCS#8 {@code PrivateKeyInfo} that the JDK's
 * {@code KeyFactory} reads (RFC 5208: version 0, algorithm rsaEncryption with NULL parameters,
 * the PKCS#1 structure as an OCTET STRING).
 */
final class Der {
    /** SEQUENCE { INTEGER 0, SEQUENCE { OID 1.2.840.113549.1.1.1, NULL } } without the outer SEQUENCE. */
    private static final byte[] VERSION_AND_RSA_ALGORITHM = {
        0x02, 0x01, 0x00,
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
    };

    private Der() {
    }

    /** @param pkcs1 DER of an RSAPrivateKey @return DER of the PrivateKeyInfo holding it */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(VERSION_AND_RSA_ALGORITHM);
        content.writeBytes(tagged(0x04, pkcs1));
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            // Long form: 0x80 | number of length bytes, then the length big-endian.
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
