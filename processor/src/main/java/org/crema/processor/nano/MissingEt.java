package org.crema.processor.nano;

import java.util.Objects;
import org.crema.columnar.Columns;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;
import org.crema.nano.EventTable;

/**
 * A missing-transverse-momentum record, one per event ({@code MET}, {@code PuppiMET}, …): flat
 * {@code pt} and {@code phi}, with {@link #withPt} for type-1 corrections.
 */
public final class MissingEt {
    private final EventTable table;
    private final String name;
    private final FloatColumn pt;
    private final FloatColumn phi;

    private MissingEt(EventTable table, String name, FloatColumn pt, FloatColumn phi) {
        this.table = table;
        this.name = name;
        this.pt = pt;
        this.phi = phi;
    }

    /**
     * @param events the chunk
     * @param name {@code MET}, {@code PuppiMET}, …
     * @return the record of every event
     */
    public static MissingEt of(EventTable events, String name) {
        Objects.requireNonNull(events, "events");
        return new MissingEt(events, name, null, null);
    }

    private FloatColumn read(String field) {
        String branch = name + "_" + field;
        if (!table.has(branch) || !(table.column(branch) instanceof FloatColumn f)) {
            throw new IllegalArgumentException("no flat float branch '" + branch + "' in " + table.describe());
        }
        return f;
    }

    /** @return the singleton's name, e.g. {@code MET} */
    public String name() {
        return name;
    }

    /** @return missing transverse momentum per event */
    public FloatColumn pt() {
        return pt != null ? pt : read("pt");
    }

    /** @return its azimuth per event */
    public FloatColumn phi() {
        return phi != null ? phi : read("phi");
    }

    /**
     * @param newPt corrected pt, one per event
     * @param newPhi corrected phi, one per event
     * @return a record with those values
     */
    public MissingEt withPtPhi(FloatColumn newPt, FloatColumn newPhi) {
        return new MissingEt(table, name, newPt, newPhi);
    }

    /**
     * @param newPt corrected pt, one per event (phi kept)
     * @return a record with that pt
     */
    public MissingEt withPt(FloatColumn newPt) {
        return new MissingEt(table, name, newPt, phi);
    }

    /** @return as massless four-vectors at η = 0, to add to objects' candidates */
    public Candidates asCandidates() {
        FloatColumn zero = Columns.constant(pt().length(), 0f);
        return Candidates.of(new FourVectors.PtEtaPhiM(pt(), zero, phi(), zero));
    }
}
