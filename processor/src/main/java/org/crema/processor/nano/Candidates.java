package org.crema.processor.nano;

import java.util.ArrayList;
import java.util.List;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;

/**
 * One four-vector per event, or a sum of several (coffea {@code jets[:, 0] + jets[:, 1]}): the
 * members are kept and combined when a quantity is asked for, so the mass of a two-body sum uses
 * the dedicated pair-mass formula (precise for nearly collinear pairs) and longer sums add their
 * Cartesian components in double. Missing members (NaN) give NaN.
 *
 * <pre>{@code
 * FloatColumn mjj = jets.get(0).add(jets.get(1)).mass();
 * }</pre>
 */
public final class Candidates {
    private final List<FourVectors.PtEtaPhiM> members;
    private FourVectors.PtEtaPhiM total;

    private Candidates(List<FourVectors.PtEtaPhiM> members) {
        this.members = members;
    }

    /**
     * @param vectors one four-vector per event
     * @return a candidate made of those vectors alone
     */
    public static Candidates of(FourVectors.PtEtaPhiM vectors) {
        return new Candidates(List.of(vectors));
    }

    /**
     * @param other candidates of the same events
     * @return the per-event sum
     */
    public Candidates add(Candidates other) {
        if (other.length() != length()) {
            throw new IllegalArgumentException("add: candidates must have one entry per event, got " + length()
                    + " and " + other.length());
        }
        List<FourVectors.PtEtaPhiM> m = new ArrayList<>(members);
        m.addAll(other.members);
        return new Candidates(List.copyOf(m));
    }

    /** @return the number of events */
    public int length() {
        return members.getFirst().length();
    }

    /** @return the summed four-vector in (pt, η, φ, m) */
    public FourVectors.PtEtaPhiM vector() {
        if (total == null) {
            FourVectors.PtEtaPhiM t = members.getFirst();
            for (int i = 1; i < members.size(); i++) {
                t = t.add(members.get(i));
            }
            total = t;
        }
        return total;
    }

    /** @return transverse momentum of the sum */
    public FloatColumn pt() {
        return vector().pt();
    }

    /** @return pseudorapidity of the sum */
    public FloatColumn eta() {
        return vector().eta();
    }

    /** @return azimuth of the sum */
    public FloatColumn phi() {
        return vector().phi();
    }

    /** @return invariant mass of the sum */
    public FloatColumn mass() {
        if (members.size() == 2) {
            FourVectors.PtEtaPhiM a = members.get(0);
            FourVectors.PtEtaPhiM b = members.get(1);
            return FourVectors.pairMass(a.pt(), a.eta(), a.phi(), a.mass(), b.pt(), b.eta(), b.phi(), b.mass());
        }
        return vector().mass();
    }

    /**
     * @param other candidates of the same events
     * @return ΔR between the two sums, per event
     */
    public FloatColumn deltaR(Candidates other) {
        return vector().deltaR(other.vector());
    }
}
