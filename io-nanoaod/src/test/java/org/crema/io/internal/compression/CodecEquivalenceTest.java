package org.crema.io.internal.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.crema.io.TestData;
import org.crema.io.internal.ffm.NativeCodecs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The native (FFM) decoders give byte-identical output to the pure-Java ones on every compressed
 * block of the samples, and reject damaged blocks with a {@link CodecException}.
 */
class CodecEquivalenceTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ZL, nanoaod/nano_dy.root", "ZL, compression/uproot-HZZ-zlib.root",
        "XZ, compression/uproot-HZZ-lzma.root", "XZ, nanoaod/pfnano.root", "ZS, compression/uproot-HZZ-zstd.root"})
    void nativeMatchesJava(String magic, String sample) throws IOException {
        BlockCodec nativeCodec = switch (magic) {
            case "ZL" -> NativeCodecs.zlib();
            case "XZ" -> NativeCodecs.xz();
            default -> NativeCodecs.zstd();
        };
        Assumptions.assumeTrue(nativeCodec != null, "native library for " + magic
                + " not installed or native access disabled: only the Java decoder is used");
        BlockCodec javaCodec = switch (magic) {
            case "ZL" -> new ZlibCodec();
            case "XZ" -> new XzCodec();
            default -> new ZstdJavaCodec();
        };
        byte[] file = Files.readAllBytes(TestData.root().resolve("data/samples").resolve(sample));
        int blocks = 0;
        for (int i = 0; i + Compression.HEADER < file.length; i++) {
            if (file[i] != magic.charAt(0) || file[i + 1] != magic.charAt(1)) {
                continue;
            }
            int c = Compression.le24(file, i + 3);
            int u = Compression.le24(file, i + 6);
            if (c <= 0 || u <= 0 || i + Compression.HEADER + c > file.length) {
                continue;
            }
            byte[] expected = new byte[u];
            try {
                javaCodec.decode(file, i + Compression.HEADER, c, expected, 0, u);
            } catch (CodecException e) {
                continue; // two letters that merely look like a block header
            }
            byte[] actual = new byte[u + 16];
            Arrays.fill(actual, (byte) 0x5A);
            try {
                nativeCodec.decode(file, i + Compression.HEADER, c, actual, 8, u);
            } catch (CodecException e) {
                throw new AssertionError("native " + magic + " failed on a block the Java decoder accepts at " + i, e);
            }
            assertThat(Arrays.copyOfRange(actual, 8, 8 + u)).isEqualTo(expected);
            // Bytes outside the requested span stay untouched.
            assertThat(actual[7]).isEqualTo((byte) 0x5A);
            assertThat(actual[8 + u]).isEqualTo((byte) 0x5A);
            int at = i;
            assertThatThrownBy(() -> nativeCodec.decode(file, at + Compression.HEADER, c / 2, new byte[u], 0, u))
                    .isInstanceOf(CodecException.class);
            blocks++;
        }
        assertThat(blocks).isPositive();
    }
}
