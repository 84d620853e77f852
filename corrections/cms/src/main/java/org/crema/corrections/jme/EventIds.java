package org.crema.corrections.jme;

/**
 * The identity of each event, which keys every random number so results do not depend on how
 * events are split into chunks or threads. NanoAOD's {@code run} and {@code luminosityBlock} are
 * {@code UInt_t} (pass the int bit patterns; they are read as unsigned) and {@code event} is
 * {@code ULong64_t}.
 *
 * @param run per event
 * @param luminosityBlock per event
 * @param event per event
 */
public record EventIds(int[] run, int[] luminosityBlock, long[] event) {
    /** Checks that the three arrays have the same length. */
    public EventIds {
        if (run.length != luminosityBlock.length || run.length != event.length) {
            throw new IllegalArgumentException("run, luminosityBlock and event must have equal lengths: " + run.length
                    + ", " + luminosityBlock.length + ", " + event.length);
        }
    }

    /** @return the number of events */
    public int size() {
        return run.length;
    }
}
