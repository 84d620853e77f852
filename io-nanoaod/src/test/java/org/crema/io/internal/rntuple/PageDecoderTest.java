package org.crema.io.internal.rntuple;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The column encodings, checked against an independent encoder written from the specification's
 * wording: split (byte planes), zigzag ({@code x → 2x} for x ≥ 0, {@code -(2x+1)} otherwise), delta
 * (first element as is, then differences) and LSB-first bits; every sub-range of a page decodes to
 * the same values as the whole page.
 */
class PageDecoderTest {
    /** Little-endian bytes of each value, then optionally rearranged into byte planes. */
    private static byte[] encode(long[] values, int size, boolean split) {
        int n = values.length;
        byte[] out = new byte[n * size];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < size; b++) {
                byte v = (byte) (values[i] >>> (8 * b));
                out[split ? b * n + i : i * size + b] = v;
            }
        }
        return out;
    }

    private static long zigzag(long x) {
        return x >= 0 ? 2 * x : -(2 * x + 1);
    }

    private static long[] decodeLongs(ColumnType type, byte[] raw, int n, int from, int count) {
        Object dest = PageDecoder.newArray(type.storage(), count);
        PageDecoder.decode(type, raw, n, from, count, dest, 0);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (type.storage()) {
                case SHORT -> ((short[]) dest)[i];
                case INT -> ((int[]) dest)[i];
                case LONG -> ((long[]) dest)[i];
                default -> throw new IllegalArgumentException();
            };
        }
        return out;
    }

    @Property(tries = 200)
    void splitZigzagIntegersRoundTrip(@ForAll @Size(max = 40) long[] values, @ForAll @IntRange(min = 0, max = 2) int width) {
        ColumnType type = new ColumnType[] {ColumnType.SPLIT_INT16, ColumnType.SPLIT_INT32, ColumnType.SPLIT_INT64}[width];
        int size = type.bits() / 8;
        long[] narrowed = Arrays.stream(values).map(v -> (v << (64 - 8 * size)) >> (64 - 8 * size)).toArray();
        long[] encoded = Arrays.stream(narrowed).map(PageDecoderTest::zigzag).toArray();
        byte[] raw = encode(encoded, size, true);
        int n = values.length;
        assertThat(decodeLongs(type, raw, n, 0, n)).isEqualTo(narrowed);
        if (n > 2) {
            assertThat(decodeLongs(type, raw, n, 1, n - 2)).isEqualTo(Arrays.copyOfRange(narrowed, 1, n - 1));
        }
    }

    @Property(tries = 200)
    void splitDeltaIndexColumnsRoundTrip(@ForAll @Size(max = 40) int[] counts, @ForAll boolean wide) {
        ColumnType type = wide ? ColumnType.SPLIT_INDEX64 : ColumnType.SPLIT_INDEX32;
        int n = counts.length;
        long[] offsets = new long[n];
        long[] deltas = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            long c = counts[i] & 0xFFF;
            sum += c;
            offsets[i] = sum;
            deltas[i] = i == 0 ? sum : c;
        }
        byte[] raw = encode(deltas, type.bits() / 8, true);
        assertThat(decodeLongs(type, raw, n, 0, n)).isEqualTo(offsets);
        if (n > 3) {
            assertThat(decodeLongs(type, raw, n, 2, n - 3)).isEqualTo(Arrays.copyOfRange(offsets, 2, n - 1));
        }
    }

    @Property(tries = 100)
    void splitUnsignedAndRealsRoundTrip(@ForAll @Size(max = 30) float[] floats, @ForAll @Size(max = 30) double[] doubles) {
        long[] fbits = new long[floats.length];
        for (int i = 0; i < floats.length; i++) {
            fbits[i] = Float.floatToRawIntBits(floats[i]);
        }
        float[] f = new float[floats.length];
        PageDecoder.decode(ColumnType.SPLIT_REAL32, encode(fbits, 4, true), floats.length, 0, floats.length, f, 0);
        assertThat(Arrays.equals(f, floats)).isTrue();
        long[] dbits = Arrays.stream(doubles).mapToLong(Double::doubleToRawLongBits).toArray();
        double[] d = new double[doubles.length];
        PageDecoder.decode(ColumnType.SPLIT_REAL64, encode(dbits, 8, true), doubles.length, 0, doubles.length, d, 0);
        assertThat(Arrays.equals(d, doubles)).isTrue();
        double[] plain = new double[doubles.length];
        PageDecoder.decode(ColumnType.REAL64, encode(dbits, 8, false), doubles.length, 0, doubles.length, plain, 0);
        assertThat(Arrays.equals(plain, doubles)).isTrue();
    }

    @Test
    void bitsAreLeastSignificantFirst() {
        byte[] raw = {(byte) 0b1000_0101, 0b0000_0010};
        boolean[] out = new boolean[10];
        PageDecoder.decode(ColumnType.BIT, raw, 10, 0, 10, out, 0);
        assertThat(out).containsExactly(true, false, true, false, false, false, false, true, false, true);
        boolean[] tail = new boolean[3];
        PageDecoder.decode(ColumnType.BIT, raw, 10, 7, 3, tail, 0);
        assertThat(tail).containsExactly(true, false, true);
    }

    @Test
    void halfPrecisionWidensExactly() {
        // 1.0 is 0x3C00, -2.5 is 0xC100 in IEEE 754 binary16
        byte[] raw = {0x00, 0x3C, 0x00, (byte) 0xC1};
        float[] out = new float[2];
        PageDecoder.decode(ColumnType.REAL16, raw, 2, 0, 2, out, 0);
        assertThat(out).containsExactly(1.0f, -2.5f);
        float[] split = new float[2];
        PageDecoder.decode(ColumnType.SPLIT_REAL16, new byte[] {0x00, 0x00, 0x3C, (byte) 0xC1}, 2, 0, 2, split, 0);
        assertThat(split).containsExactly(1.0f, -2.5f);
    }

    @Test
    void columnTypeNamesFollowTheSpecification() {
        assertThat(ColumnType.SPLIT_UINT32.specName()).isEqualTo("SplitUInt32");
        assertThat(ColumnType.SPLIT_INDEX64.specName()).isEqualTo("SplitIndex64");
        assertThat(ColumnType.REAL32_TRUNC.specName()).isEqualTo("Real32Trunc");
        assertThat(ColumnType.BIT.specName()).isEqualTo("Bit");
        assertThat(ColumnType.byId(0x1B)).isEqualTo(ColumnType.SPLIT_INDEX64);
        assertThat(ColumnType.byId(0x7F)).isNull();
    }
}
