package org.crema.corrections.internal;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based random numbers: a value is a pure function of (purpose, run, luminosityBlock,
 * event, object index), so it does not depend on chunking, thread count or evaluation order.
 *
 * <p>Construction: the five 64-bit words are absorbed one after the other into a 64-bit state with
 * the SplitMix64 finaliser ({@code h = mix(h ^ (w · K_i))}, distinct odd constants {@code K_i}); two
 * further finaliser steps give two 53-bit uniforms, turned into a standard normal by Box–Muller.
 * {@link StrictMath} makes the result bit-identical on every JVM and platform. The purpose word is
 * the 64-bit FNV-1a hash of a UTF-8 label (e.g. {@code "JER"}), so different uses of randomness
 * are independent.
 */
public final class JetRandom {
    private static final long K_RUN = 0x9E3779B97F4A7C15L;
    private static final long K_LUMI = 0xC2B2AE3D27D4EB4FL;
    private static final long K_EVENT = 0x165667B19E3779F9L;
    private static final long K_INDEX = 0xD6E8FEB86659FD93L;
    private static final long K_OUT = 0xA0761D6478BD642FL;

    private JetRandom() {
    }

    /**
     * @param label a short name of the use
     * @return its 64-bit FNV-1a hash
     */
    public static long purpose(String label) {
        long h = 0xcbf29ce484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @param purpose from {@link #purpose(String)}
     * @param run run number
     * @param lumi luminosity block
     * @param event event number
     * @param index object index within the event
     * @return the 64-bit key of this draw
     */
    public static long key(long purpose, long run, long lumi, long event, long index) {
        long h = mix(purpose);
        h = mix(h ^ (run * K_RUN));
        h = mix(h ^ (lumi * K_LUMI));
        h = mix(h ^ (event * K_EVENT));
        return mix(h ^ (index * K_INDEX));
    }

    /**
     * @param key from {@link #key}
     * @return a uniform double in [0, 1)
     */
    public static double uniform(long key) {
        return (mix(key + K_OUT) >>> 11) * 0x1.0p-53;
    }

    /**
     * @param key from {@link #key}
     * @return a standard normal deviate
     */
    public static double gaussian(long key) {
        double u1 = 1.0 - (mix(key + K_OUT) >>> 11) * 0x1.0p-53; // (0, 1]: log is finite
        double u2 = (mix(key + 2 * K_OUT) >>> 11) * 0x1.0p-53;
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}
