package org.crema.io.internal.source.x509;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.io.RootException;

/**
 * The blocks of a PEM file ({@code -----BEGIN TYPE----- base64 -----END TYPE-----}, RFC 7468), in
 * file order. Text between blocks is ignored, as OpenSSL does: grid tools write proxies without it,
 * but CA files often carry a human-readable dump before the certificate.
 */
record PemBlocks(List<Block> blocks) {

    /** One block: its type (the text after BEGIN) and the decoded DER bytes. */
    record Block(String type, byte[] der) {
    }

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    /**
     * @param text the file's content
     * @param what names the file in errors (e.g. "X.509 proxy /tmp/x509up_u1000")
     * @return the blocks, possibly none
     * @throws RootException when a block's body is not base64
     */
    static PemBlocks parse(String text, String what) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2).strip())));
            } catch (IllegalArgumentException e) {
                throw new RootException(what + ": the " + m.group(1) + " block #" + (out.size() + 1)
                        + " is not valid base64: " + e.getMessage(), e);
            }
        }
        return new PemBlocks(List.copyOf(out));
    }

    /** @param type a block type @return the blocks of that type, in file order */
    List<byte[]> ofType(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).map(Block::der).toList();
    }
}
