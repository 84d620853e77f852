package org.crema.configs.internal.calib;

import static org.crema.configs.internal.calib.ColumnArrays.floats;
import static org.crema.configs.internal.calib.ColumnArrays.ints;
import static org.crema.configs.internal.calib.ColumnArrays.longs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.ConfigException;
import org.crema.corrections.jme.EventIds;
import org.crema.corrections.muon.MuonScale;
import org.crema.corrections.muon.RochesterCorrection;
import org.crema.processor.Events;

/**
 * The one place the configurator calls the Rochester muon momentum corrections: {@code kScaleDT}
 * for collision data; for simulation {@code kSpreadMC} when {@code genPartIdx} points to a
 * {@code GenPart}, otherwise {@code kSmearMC} with a uniform number keyed on (run, lumi, event,
 * muon index). The pt field is replaced by {@code (float) (pt · k)}; the up/down variations use
 * {@code k ± δk}, with δk RoccoR's total uncertainty (statistical replicas and systematic sets in
 * quadrature).
 *
 * <p>The file is read once per instance, on first use; the factors of the chunk a thread is
 * processing are cached, so the shape variations of a chunk only rescale.
 */
public final class MuonCalibration {
    /** The YAML key under a {@code calibrations} entry that names the RoccoR text file. */
    public static final String KEY = "rochester";
    /** Fields of the muon collection every dataset needs. */
    public static final List<String> FIELDS = List.of("pt", "eta", "phi", "charge");
    /** Further fields simulation needs. */
    public static final List<String> SIMULATION_FIELDS = List.of("nTrackerLayers", "genPartIdx");

    private record Factors(Events events, double[] k, double[] error) {
    }

    private final String collection;
    private final Path file;
    private volatile MuonScale scale;
    private final ThreadLocal<Factors> cache = new ThreadLocal<>();

    /**
     * @param collection the muon collection (NanoAOD prefix, e.g. {@code Muon})
     * @param file the RoccoR text file (read on first use)
     */
    public MuonCalibration(String collection, Path file) {
        this.collection = collection;
        this.file = file;
    }

    /** @return the RoccoR text file */
    public Path file() {
        return file;
    }

    /**
     * Checks what can be checked before any event is read.
     *
     * @param fields the muon collection's fields → kinds
     * @return what is wrong, or null
     */
    public String problem(Map<String, ?> fields) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return "Rochester file " + file + " does not exist (relative names resolve against ${corrections.dir})";
        }
        for (String f : FIELDS) {
            if (!fields.containsKey(f)) {
                return "the collection has no field '" + f + "', which the Rochester correction needs";
            }
        }
        return null;
    }

    private MuonScale scale() {
        MuonScale s = scale;
        if (s == null) {
            synchronized (this) {
                s = scale;
                if (s == null) {
                    try {
                        s = new MuonScale(RochesterCorrection.read(file));
                    } catch (RuntimeException e) {
                        throw new ConfigException("cannot read the Rochester file: " + e.getMessage(), e);
                    }
                    scale = s;
                }
            }
        }
        return s;
    }

    /**
     * The muons with calibrated pt.
     *
     * @param events the skimmed events
     * @param muons the muon collection as read (at least {@link #FIELDS})
     * @param shift 0 nominal, +1 up, −1 down (k ± δk)
     * @return the muons with pt replaced, other fields as read
     */
    public ListColumn<RecordColumn> apply(Events events, ListColumn<RecordColumn> muons, int shift) {
        Factors f = cache.get();
        if (f == null || f.events() != events) {
            f = factors(events, muons, shift != 0);
            cache.set(f);
        } else if (shift != 0 && f.error() == null) {
            f = factors(events, muons, true);
            cache.set(f);
        }
        RecordColumn content = (RecordColumn) muons.flatContent();
        float[] pt = floats(content.field("pt"));
        float[] out = new float[pt.length];
        for (int i = 0; i < pt.length; i++) {
            double k = shift == 0 ? f.k()[i] : f.k()[i] + shift * f.error()[i];
            out[i] = (float) (pt[i] * k);
        }
        return ListColumn.of(muons.zeroBasedOffsets(), content.withField("pt", FloatColumn.of(out)));
    }

    private Factors factors(Events events, ListColumn<RecordColumn> muons, boolean withError) {
        MuonScale s = scale();
        int[] offsets = muons.zeroBasedOffsets();
        RecordColumn content = (RecordColumn) muons.flatContent();
        int[] charge = ints(content.field("charge"));
        float[] pt = floats(content.field("pt"));
        float[] eta = floats(content.field("eta"));
        float[] phi = floats(content.field("phi"));
        if (!events.isMC()) {
            return new Factors(events, s.data(charge, pt, eta, phi, 0, 0),
                    withError ? s.dataError(charge, pt, eta, phi) : null);
        }
        RecordColumn extra = (RecordColumn) events.collection(collection, SIMULATION_FIELDS.toArray(String[]::new))
                .flatContent();
        int[] layers = ints(extra.field("nTrackerLayers"));
        int[] genPartIdx = ints(extra.field("genPartIdx"));
        if (layers.length != pt.length) {
            throw new ConfigException("Rochester calibration: " + collection + " has " + pt.length + " entries but "
                    + collection + "_nTrackerLayers has " + layers.length);
        }
        float[] genPt = new float[pt.length];
        Arrays.fill(genPt, Float.NaN);
        if (events.has("GenPart_pt")) {
            ListColumn<RecordColumn> gen = events.collection("GenPart", "pt");
            genPt = MuonScale.matchedGenPt(offsets, genPartIdx, gen.zeroBasedOffsets(),
                    floats(((RecordColumn) gen.flatContent()).field("pt")));
        }
        EventIds ids = new EventIds(ints(events.column("run")), ints(events.column("luminosityBlock")),
                longs(events.column("event")));
        return new Factors(events, s.mc(offsets, ids, charge, pt, eta, phi, genPt, layers, 0, 0),
                withError ? s.mcError(offsets, ids, charge, pt, eta, phi, genPt, layers) : null);
    }
}
