package org.crema.io.write;

/**
 * One entry of a NanoAOD {@code Runs} tree: the generator-weight sums of the events a file was made
 * from, before any selection, which a skim must carry so that it can still be normalised
 * (σ·L·w / Σw).
 *
 * @param run run number
 * @param genEventCount number of generated events
 * @param genEventSumw Σ genWeight
 * @param genEventSumw2 Σ genWeight²
 */
public record RunSums(long run, long genEventCount, double genEventSumw, double genEventSumw2) {

    /**
     * Sums a {@code genWeight} column (sequentially, in entry order).
     *
     * @param run run number
     * @param genWeight the weights of every event, before selection
     * @return the sums
     */
    public static RunSums of(long run, float[] genWeight) {
        double s = 0;
        double s2 = 0;
        for (float w : genWeight) {
            s += w;
            s2 += (double) w * w;
        }
        return new RunSums(run, genWeight.length, s, s2);
    }
}
