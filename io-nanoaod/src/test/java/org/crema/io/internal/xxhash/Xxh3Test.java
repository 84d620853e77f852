package org.crema.io.internal.xxhash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * XXH3-64 against published test vectors: LLVM's xxhash unit test (a xorshift-filled buffer of
 * 2243 bytes, one length per code path and block boundary) and the short strings many ports check.
 */
class Xxh3Test {
    private static final byte[] XORSHIFT = xorshiftBuffer(2243);

    private static byte[] xorshiftBuffer(int size) {
        byte[] a = new byte[size];
        long x = 1;
        for (int i = 0; i < size; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            a[i] = (byte) x;
        }
        return a;
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({
        "0, 2d06800538d394c2", "1, d0d496e05c553485", "2, 84d625edb7055eac", "3, 6ea2d59aca5c3778",
        "4, bf65290914e80242", "5, c01fd099ad4fc8e4", "6, 9e3ea8187399caa5", "7, 9da8b60540644f5a",
        "8, abc1413da6cd0209", "9, 8bc89400bfed51f6", "16, 7e46916754d7c9b8", "17, ed4be912ba5f836d",
        "32, f59b59b58c304fd1", "33, 9013fb74ca603e0c", "64, fa5271fcce0db1c3", "65, 79c42431727f1012",
        "96, 591ee0ddf9c9ccd1", "97, 8ffc6a3111fe19da", "128, 06a146ee9a2da378", "129, bc7138129bf065da",
        "403, cefeb3ffa532ad8c", "512, cdfa6b6268e3650f", "513, 4bb5d42742f9765f", "2048, 330ce110cbb79eae",
        "2049, 3ba6afa0249fef9a", "2240, d61d4d2a94e926a8", "2243, 0979f786a24edde7"})
    void matchesLlvmVectors(int length, String expected) {
        assertThat(Long.toHexString(Xxh3.hash64(XORSHIFT, 0, length))).isEqualTo(Long.toHexString(Long.parseUnsignedLong(expected, 16)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"a, e6c632b61e964e1f", "ab, a873719c24d5735c", "abc, 78af5f94892f3950"})
    void matchesShortStringVectors(String text, String expected) {
        assertThat(Xxh3.hash64(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(Long.parseUnsignedLong(expected, 16));
    }

    @ParameterizedTest(name = "offset {0}")
    @CsvSource({"1", "7", "100"})
    void hashesASliceLikeACopy(int offset) {
        byte[] copy = java.util.Arrays.copyOfRange(XORSHIFT, offset, offset + 1500);
        assertThat(Xxh3.hash64(XORSHIFT, offset, 1500)).isEqualTo(Xxh3.hash64(copy));
    }
}
