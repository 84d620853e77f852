package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.nano.EventTable;

/**
 * The {@code Electron} collection. The cut-based ID is NanoAOD's {@code cutBased} level (0 fail,
 * 1 veto, 2 loose, 3 medium, 4 tight); each working point passes every looser one.
 *
 * <pre>{@code
 * Electrons ele = events.electrons();
 * Electrons tight = ele.filter(ele.isTight());
 * }</pre>
 */
public final class Electrons extends ObjectView<Electrons> {
    private Electrons(State state) {
        super(state);
    }

    /**
     * @param events the chunk
     * @return every object of the {@code Electron} collection
     */
    public static Electrons of(EventTable events) {
        return new Electrons(root(events, "Electron"));
    }

    /**
     * @param events the chunk
     * @param name a collection of this kind under another name (e.g. a derived or differently named one)
     * @return every object of that collection
     */
    public static Electrons of(EventTable events, String name) {
        return new Electrons(root(events, name));
    }

    /**
     * @param records one list of records per event
     * @param events the events they belong to (for cross-references), or null
     * @return a view over the records
     */
    public static Electrons of(ListColumn<RecordColumn> records, EventTable events) {
        return new Electrons(root(records, events, "Electron"));
    }

    /**
     * @param other any view of the same objects
     * @return the same objects seen as {@code Electrons} (shares the state; nothing is copied)
     */
    public static Electrons of(ObjectView<?> other) {
        return other instanceof Electrons v ? v : new Electrons(other.state());
    }

    @Override
    protected Electrons wrap(State state) {
        return new Electrons(state);
    }

    /** {@code cutBased} level of the veto working point. */
    public static final int VETO = 1;
    /** {@code cutBased} level of the loose working point. */
    public static final int LOOSE = 2;
    /** {@code cutBased} level of the medium working point. */
    public static final int MEDIUM = 3;
    /** {@code cutBased} level of the tight working point. */
    public static final int TIGHT = 4;

    /** @return electric charge, ±1 */
    public ListColumn<IntColumn> charge() {
        return ints("charge");
    }

    /** @return the cut-based ID level ({@code cutBased}, 0–4) */
    public ListColumn<IntColumn> cutBased() {
        return ints("cutBased");
    }

    /**
     * @param level a working point, {@link #VETO} to {@link #TIGHT}
     * @return true where the electron passes it ({@code cutBased >= level})
     */
    public ListColumn<BoolColumn> isAtLeast(int level) {
        if (level < VETO || level > TIGHT) {
            throw new IllegalArgumentException("isAtLeast: level must be in [" + VETO + ", " + TIGHT + "], got " + level);
        }
        return cutBased().ge(level);
    }

    /** @return the veto working point */
    public ListColumn<BoolColumn> isVeto() {
        return isAtLeast(VETO);
    }

    /** @return the loose working point */
    public ListColumn<BoolColumn> isLoose() {
        return isAtLeast(LOOSE);
    }

    /** @return the medium working point */
    public ListColumn<BoolColumn> isMedium() {
        return isAtLeast(MEDIUM);
    }

    /** @return the tight working point */
    public ListColumn<BoolColumn> isTight() {
        return isAtLeast(TIGHT);
    }

    /** @return 3D impact-parameter significance ({@code sip3d}) */
    public ListColumn<FloatColumn> sip3d() {
        return floats("sip3d");
    }

    /** @return the jets the electrons overlap ({@code jetIdx}), absent where there is none */
    public Jets matchedJet() {
        return matched("jetIdx", Jets.of(table()));
    }

    /** @return the photons associated with the electrons ({@code photonIdx}) */
    public Photons matchedPhoton() {
        return matched("photonIdx", Photons.of(table()));
    }

    /** @return the generator particles matched to the electrons ({@code genPartIdx}) */
    public GenParticles matchedGen() {
        return matched("genPartIdx", GenParticles.of(table()));
    }
}
