package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.Masks;
import org.crema.processor.Events;

/**
 * The {@code Electron} collection as a typed view. The cut-based ID is NanoAOD's {@code cutBased}
 * level (0 fail, 1 veto, 2 loose, 3 medium, 4 tight); each working point passes every looser one,
 * so "at least medium" is {@code cutBased >= 3}.
 *
 * <pre>{@code
 * Electrons ele = events.electrons();
 * Electrons tight = ele.filter(ele.isAtLeast(Electrons.TIGHT));
 * }</pre>
 */
public final class Electrons extends PhysicsObjects {
    /** {@code cutBased} level of the veto working point. */
    public static final int VETO = 1;
    /** {@code cutBased} level of the loose working point. */
    public static final int LOOSE = 2;
    /** {@code cutBased} level of the medium working point. */
    public static final int MEDIUM = 3;
    /** {@code cutBased} level of the tight working point. */
    public static final int TIGHT = 4;

    private Electrons(Events events) {
        super(events, "Electron");
    }

    private Electrons(Electrons parent, ListColumn<BoolColumn> mask) {
        super(parent, mask);
    }

    /**
     * @param events the chunk
     * @return a view of all electrons ({@link Events#electrons()} returns a cached one)
     */
    public static Electrons of(Events events) {
        return new Electrons(events);
    }

    @Override
    protected Electrons filtered(ListColumn<BoolColumn> objectMask) {
        return new Electrons(this, objectMask);
    }

    @Override
    public Electrons filter(ListColumn<BoolColumn> objectMask) {
        return (Electrons) super.filter(objectMask);
    }

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
     * @return true where the electron passes that working point ({@code cutBased >= level})
     */
    public ListColumn<BoolColumn> isAtLeast(int level) {
        if (level < VETO || level > TIGHT) {
            throw new IllegalArgumentException("isAtLeast: level must be in [" + VETO + ", " + TIGHT + "], got " + level);
        }
        return Masks.ge(cutBased(), level);
    }

    /** @return the veto working point ({@code cutBased >= 1}) */
    public ListColumn<BoolColumn> isVeto() {
        return isAtLeast(VETO);
    }

    /** @return the loose working point ({@code cutBased >= 2}) */
    public ListColumn<BoolColumn> isLoose() {
        return isAtLeast(LOOSE);
    }

    /** @return the medium working point ({@code cutBased >= 3}) */
    public ListColumn<BoolColumn> isMedium() {
        return isAtLeast(MEDIUM);
    }

    /** @return the tight working point ({@code cutBased >= 4}) */
    public ListColumn<BoolColumn> isTight() {
        return isAtLeast(TIGHT);
    }

    /** @return the jets the electrons overlap ({@code jetIdx}), NaN kinematics where there is none */
    public Matched matchedJet() {
        return matched("jetIdx", events().jets());
    }

    /** @return the generator particles matched to the electrons ({@code genPartIdx}) */
    public Matched matchedGen() {
        return matched("genPartIdx", events().objects("GenPart"));
    }
}
