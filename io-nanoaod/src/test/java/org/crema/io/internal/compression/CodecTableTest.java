package org.crema.io.internal.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crema.io.UnsupportedRootFeatureException;
import org.crema.io.internal.buffer.ErrorContext;
import org.junit.jupiter.api.Test;

/** One table maps a block's magic bytes to its decoder; nothing else needs to know the algorithms. */
class CodecTableTest {

    @Test
    void everyRowIsFoundByItsMagicBytes() {
        assertThat(Codecs.all()).extracting(Codecs.Algorithm::magic).containsExactly("ZL", "XZ", "L4", "ZS");
        for (Codecs.Algorithm a : Codecs.all()) {
            byte x = (byte) a.magic().charAt(0);
            byte y = (byte) a.magic().charAt(1);
            assertThat(Codecs.forMagic(x, y)).isSameAs(a.codec());
            assertThat(Compression.codecFor(x, y, ErrorContext.ofFile("f"), 0)).isSameAs(a.codec());
            assertThat(Codecs.algorithm(a.magic())).isSameAs(a);
            assertThat(a.java()).isNotNull();
        }
        assertThat(Codecs.describe()).contains("LZ4 (lz4-java, safe Java)");
    }

    @Test
    void unknownAndLegacyMagicBytesAreUnsupported() {
        assertThat(Codecs.forMagic((byte) 'Q', (byte) 'Q')).isNull();
        assertThat(Codecs.algorithm("QQ")).isNull();
        assertThatThrownBy(() -> Compression.codecFor((byte) 'C', (byte) 'S', ErrorContext.ofFile("f.root"), 77))
                .isInstanceOf(UnsupportedRootFeatureException.class)
                .hasMessage("file f.root: legacy ROOT 'CS' compression (before ROOT 5.x zlib) in the block at byte offset 77 "
                        + "is not supported");
    }
}
