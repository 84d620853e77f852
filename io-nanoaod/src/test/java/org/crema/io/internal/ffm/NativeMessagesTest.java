package org.crema.io.internal.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.io.TestData;
import org.crema.io.internal.compression.BlockCodec;
import org.crema.io.internal.compression.CodecException;
import org.crema.io.internal.compression.Codecs;
import org.crema.io.internal.compression.Compression;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Native decoder failures say what the library's code means, not just a number. */
class NativeMessagesTest {

    @Test
    void resultCodesHaveTheirLibraryNames() {
        assertThat(LibLzma.returnName(9)).isEqualTo("LZMA_DATA_ERROR (the data is corrupt)");
        assertThat(LibLzma.returnName(7)).isEqualTo("LZMA_FORMAT_ERROR (not an .xz stream)");
        assertThat(LibLzma.returnName(10)).startsWith("LZMA_BUF_ERROR");
        assertThat(LibLzma.returnName(99)).isEqualTo("unknown lzma_ret 99");
        assertThat(LibDeflate.resultName(1)).isEqualTo("LIBDEFLATE_BAD_DATA (the data is not valid zlib)");
        assertThat(LibDeflate.resultName(3)).startsWith("LIBDEFLATE_INSUFFICIENT_SPACE");
        assertThat(LibDeflate.resultName(-4)).isEqualTo("unknown result -4");
    }

    @Test
    void corruptLzmaBlockNamesTheLzmaReturn() throws IOException {
        BlockCodec lzma = Codecs.algorithm("XZ").nativeCodec();
        Assumptions.assumeTrue(lzma != null, "liblzma not installed or native access disabled");
        Block b = firstBlock("compression/uproot-HZZ-lzma.root", "XZ");
        // Damage the middle of the LZMA2 data: the stream's check or the decoder must notice.
        for (int i = 0; i < 16; i++) {
            b.file[b.data + b.compressed / 2 + i] ^= (byte) 0xA5;
        }
        assertThatThrownBy(() -> lzma.decode(b.file, b.data, b.compressed, new byte[b.uncompressed], 0, b.uncompressed))
                .isInstanceOf(CodecException.class).hasMessageStartingWith("xz data corrupt: liblzma returned LZMA_")
                .hasMessageContaining("_ERROR (");
    }

    @Test
    void corruptZstdBlockNamesTheZstdError() throws IOException {
        BlockCodec zstd = Codecs.algorithm("ZS").nativeCodec();
        Assumptions.assumeTrue(zstd != null, "libzstd not installed or native access disabled");
        Block b = firstBlock("compression/uproot-HZZ-zstd.root", "ZS");
        // Cutting the frame short leaves the decoder without its last block.
        assertThatThrownBy(() -> zstd.decode(b.file, b.data, b.compressed / 2, new byte[b.uncompressed], 0,
                b.uncompressed)).isInstanceOf(CodecException.class)
                .hasMessageMatching("zstd data corrupt: libzstd error \"[A-Za-z].*\" \\(code \\d+\\)");
    }

    @Test
    void corruptDeflateBlockNamesTheLibdeflateResult() throws IOException {
        BlockCodec zlib = Codecs.algorithm("ZL").nativeCodec();
        Assumptions.assumeTrue(zlib != null, "libdeflate not installed or native access disabled");
        Block b = firstBlock("compression/uproot-HZZ-zlib.root", "ZL");
        assertThatThrownBy(() -> zlib.decode(b.file, b.data, b.compressed / 2, new byte[b.uncompressed], 0,
                b.uncompressed)).isInstanceOf(CodecException.class)
                .hasMessageStartingWith("zlib data corrupt: libdeflate returned LIBDEFLATE_");
    }

    private record Block(byte[] file, int data, int compressed, int uncompressed) {
    }

    /** @return the first block with these magic bytes that the Java decoder accepts */
    private static Block firstBlock(String sample, String magic) throws IOException {
        Path p = TestData.root().resolve("data/samples").resolve(sample);
        byte[] file = Files.readAllBytes(p);
        BlockCodec java = Codecs.algorithm(magic).java();
        for (int i = 0; i + Compression.HEADER < file.length; i++) {
            if (file[i] != magic.charAt(0) || file[i + 1] != magic.charAt(1)) {
                continue;
            }
            int c = (file[i + 3] & 0xFF) | (file[i + 4] & 0xFF) << 8 | (file[i + 5] & 0xFF) << 16;
            int u = (file[i + 6] & 0xFF) | (file[i + 7] & 0xFF) << 8 | (file[i + 8] & 0xFF) << 16;
            if (c <= 64 || u <= 0 || i + Compression.HEADER + c > file.length) {
                continue;
            }
            try {
                java.decode(file, i + Compression.HEADER, c, new byte[u], 0, u);
                return new Block(file, i + Compression.HEADER, c, u);
            } catch (CodecException e) {
                // two letters that merely look like a block header
            }
        }
        throw new AssertionError("no " + magic + " block in " + sample);
    }
}
