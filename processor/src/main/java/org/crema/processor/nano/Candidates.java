package org.crema.processor.nano;

import java.util.ArrayList;
import java.util.List;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FourVectors;

/**
 * One four-vector per event, or a sum of several (coffea {@code jets[:, 0] + jets[:, 1]}): the
 * members are kept and combined when a quantity is asked for, so the mass of a two-body sum uses
 * each member is converted to Cartesian components once and the sum is kept in double (px, py,
 * pz, E). Missing members (NaN) give NaN.
 *
 * <pre>{@code
 * DoubleColumn mjj = jets.get(0).add(jets.get(1)).mass();
 * }</pre>
 */
public final class Candidates {
    private final List<FourVectors.PtEtaPhiM> members;
    private FourVectors.PxPyPzE total;

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

    /** @return the summed four-vector, in Cartesian form (each member converted once, summed in order) */
    public FourVectors.PxPyPzE vector() {
        if (total == null) {
            FourVectors.PxPyPzE t = members.getFirst().toCartesian();
            for (int i = 1; i < members.size(); i++) {
                t = t.add(members.get(i));
            }
            total = t;
        }
        return total;
    }

    /** @return transverse momentum of the sum */
    public DoubleColumn pt() {
        return vector().pt();
    }

    /** @return pseudorapidity of the sum */
    public DoubleColumn eta() {
        return vector().eta();
    }

    /** @return azimuth of the sum */
    public DoubleColumn phi() {
        return vector().phi();
    }

    /** @return invariant mass of the sum (for two members equal, bit for bit, to FourVectors.pairMass) */
    public DoubleColumn mass() {
        return vector().mass();
    }

    /**
     * @param other candidates of the same events
     * @return ΔR between the two sums, per event; single objects use their stored (η, φ)
     */
    public DoubleColumn deltaR(Candidates other) {
        if (members.size() == 1 && other.members.size() == 1) {
            FourVectors.PtEtaPhiM a = members.getFirst();
            FourVectors.PtEtaPhiM b = other.members.getFirst();
            return FourVectors.deltaR(a.eta(), a.phi(), b.eta(), b.phi());
        }
        return FourVectors.deltaR(eta(), phi(), other.eta(), other.phi());
    }
}
