package org.crema.correctionlib.internal;

/**
 * A deterministic pseudo-random number from the inputs: XXH64 (seed 0) of the inputs' 8-byte
 * little-endian words (int inputs as two's complement, real inputs as raw IEEE-754 bits) seeds a
 * PCG32 "oneseq" generator (XSH-RR 64→32), whose draws feed the chosen distribution. Bit-exact with
 * the reference evaluator for the portable distributions {@code stdflat} and {@code normal}.
 */
public final class HashPrngNode extends Node {
    /** The supported distributions. */
    public enum Distribution {
        /** Uniform in [0, 1): two draws combined as libstdc++'s {@code generate_canonical}. */
        STDFLAT,
        /** Standard normal by the Marsaglia polar method. */
        NORMAL
    }

    private static final long MULT = 6364136223846793005L;
    private static final long INC = 1442695040888963407L;
    private static final double TWO_POW_32 = 4294967296.0;
    private static final double TWO_POW_64 = 18446744073709551616.0;

    private final int[] slots;
    private final boolean[] isInt;
    private final Distribution distribution;

    /**
     * @param slots hashed inputs, in the node's order
     * @param isInt whether each is an int input
     * @param distribution the distribution
     */
    public HashPrngNode(int[] slots, boolean[] isInt, Distribution distribution) {
        this.slots = slots;
        this.isInt = isInt;
        this.distribution = distribution;
    }

    @Override
    public double eval(Frame f, int i) {
        long[] words = f.scratch(slots.length);
        for (int k = 0; k < slots.length; k++) {
            words[k] = isInt[k] ? f.integer(slots[k], i) : Double.doubleToRawLongBits(f.real(slots[k], i));
        }
        long seed = Xxh64.hashWords(words, slots.length, 0L);
        return draw(seed, distribution);
    }

    /** Draws one value of {@code distribution} from a PCG32 generator seeded with {@code seed}. */
    public static double draw(long seed, Distribution distribution) {
        long state = (seed + INC) * MULT + INC;
        if (distribution == Distribution.STDFLAT) {
            long a = output(state);
            state = state * MULT + INC;
            long b = output(state);
            double r = ((double) a + (double) b * TWO_POW_32) / TWO_POW_64;
            return r >= 1.0 ? Math.nextDown(1.0) : r;
        }
        while (true) {
            double u = Math.scalb((double) output(state), -31) - 1.0;
            state = state * MULT + INC;
            double v = Math.scalb((double) output(state), -31) - 1.0;
            state = state * MULT + INC;
            double s = u * u + v * v;
            if (s < 1.0 && s != 0.0) {
                return u * Math.sqrt(-2.0 * StrictMath.log(s) / s);
            }
        }
    }

    /** PCG32 XSH-RR output of the pre-advance state, as an unsigned 32-bit value. */
    private static long output(long old) {
        int xorshifted = (int) (((old >>> 18) ^ old) >>> 27);
        int rot = (int) (old >>> 59);
        return Integer.toUnsignedLong(Integer.rotateRight(xorshifted, rot));
    }
}
