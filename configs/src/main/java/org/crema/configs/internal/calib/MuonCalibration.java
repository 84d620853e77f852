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
 * quadrature), or only its statistical or systematic part ({@link Part}).
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

    /**
     * Which correction sets an uncertainty δk sums, each set contributing the mean squared difference
     * of its members to the nominal (as RoccoR's {@code error} functions do), summed in set order.
     */
    public enum Part {
        /** every set: RoccoR's total uncertainty */
        TOTAL("total"),
        /** the replica sets, which the file declares statistical ({@code TVAR 1}) */
        STATISTICAL("stat"),
        /** every other set: the systematic variations ({@code TVAR 2}); set 0 only holds the nominal */
        SYSTEMATIC("syst");

        private final String key;

        Part(String key) {
            this.key = key;
        }

        /** @return its YAML name */
        public String key() {
            return key;
        }

        /** @param rc the parameters @param set a set index @return whether this part sums the set */
        boolean sums(RochesterCorrection rc, int set) {
            return switch (this) {
                case TOTAL -> true;
                case STATISTICAL -> rc.setType(set) == 1;
                case SYSTEMATIC -> rc.setType(set) != 1;
            };
        }
    }

    /** The factors of one chunk and, computed when a variation first needs them, their uncertainties. */
    private record Factors(Events events, double[] k, Map<Part, double[]> errors) {
    }

    /** Computes the factors of every muon for one (set, member). */
    @FunctionalInterface
    private interface MemberFactors {
        double[] k(int set, int member);
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
     * @param shift 0 nominal, +1 up, −1 down (k ± δk, δk the total uncertainty)
     * @return the muons with pt replaced, other fields as read
     */
    public ListColumn<RecordColumn> apply(Events events, ListColumn<RecordColumn> muons, int shift) {
        return apply(events, muons, shift, Part.TOTAL);
    }

    /**
     * The muons with calibrated pt.
     *
     * @param events the skimmed events
     * @param muons the muon collection as read (at least {@link #FIELDS})
     * @param shift 0 nominal, +1 up, −1 down (k ± δk)
     * @param part the sets δk sums
     * @return the muons with pt replaced, other fields as read
     */
    public ListColumn<RecordColumn> apply(Events events, ListColumn<RecordColumn> muons, int shift, Part part) {
        Factors f = cache.get();
        if (f == null || f.events() != events) {
            f = new Factors(events, inputs(events, muons).k(0, 0), new java.util.EnumMap<>(Part.class));
            cache.set(f);
        }
        double[] error = null;
        if (shift != 0) {
            error = f.errors().get(part);
            if (error == null) {
                error = error(events, muons, f.k(), part);
                f.errors().put(part, error);
            }
        }
        RecordColumn content = (RecordColumn) muons.flatContent();
        float[] pt = floats(content.field("pt"));
        float[] out = new float[pt.length];
        for (int i = 0; i < pt.length; i++) {
            double k = shift == 0 ? f.k()[i] : f.k()[i] + shift * error[i];
            out[i] = (float) (pt[i] * k);
        }
        return ListColumn.of(muons.zeroBasedOffsets(), content.withField("pt", FloatColumn.of(out)));
    }

    /** δk per muon: RoccoR's own total, or the sum over one part's sets in the same order and rounding. */
    private double[] error(Events events, ListColumn<RecordColumn> muons, double[] nominal, Part part) {
        if (part == Part.TOTAL) {
            return totalError(events, muons);
        }
        RochesterCorrection rc = scale().correction();
        MemberFactors factors = inputs(events, muons);
        double[] sum = new double[nominal.length];
        for (int set = 0; set < rc.sets(); set++) {
            if (!part.sums(rc, set)) {
                continue;
            }
            double[] meanSquare = new double[nominal.length];
            double oneOver = 1.0 / rc.members(set);
            for (int m = 0; m < rc.members(set); m++) {
                double[] k = factors.k(set, m);
                for (int i = 0; i < k.length; i++) {
                    double d = k[i] - nominal[i];
                    meanSquare[i] += d * d * oneOver;
                }
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += meanSquare[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.sqrt(sum[i]);
        }
        return sum;
    }

    /** The muon fields every RoccoR function reads, and what simulation adds (null for collision data). */
    private record MuonFields(int[] offsets, int[] charge, float[] pt, float[] eta, float[] phi, Simulation sim) {
    }

    private MuonFields fields(Events events, ListColumn<RecordColumn> muons) {
        int[] offsets = muons.zeroBasedOffsets();
        RecordColumn content = (RecordColumn) muons.flatContent();
        float[] pt = floats(content.field("pt"));
        return new MuonFields(offsets, ints(content.field("charge")), pt, floats(content.field("eta")),
                floats(content.field("phi")), events.isMC() ? simulation(events, offsets, pt.length) : null);
    }

    /** The per-muon inputs of the correction, read once; the result computes the factors of any member. */
    private MemberFactors inputs(Events events, ListColumn<RecordColumn> muons) {
        MuonScale s = scale();
        MuonFields m = fields(events, muons);
        Simulation sim = m.sim();
        if (sim == null) {
            return (set, member) -> s.data(m.charge(), m.pt(), m.eta(), m.phi(), set, member);
        }
        return (set, member) -> s.mc(m.offsets(), sim.ids(), m.charge(), m.pt(), m.eta(), m.phi(), sim.genPt(),
                sim.layers(), set, member);
    }

    private double[] totalError(Events events, ListColumn<RecordColumn> muons) {
        MuonScale s = scale();
        MuonFields m = fields(events, muons);
        Simulation sim = m.sim();
        if (sim == null) {
            return s.dataError(m.charge(), m.pt(), m.eta(), m.phi());
        }
        return s.mcError(m.offsets(), sim.ids(), m.charge(), m.pt(), m.eta(), m.phi(), sim.genPt(), sim.layers());
    }

    /** What simulation adds to the muon fields: event ids, generator matches and tracker layers. */
    private record Simulation(EventIds ids, float[] genPt, int[] layers) {
    }

    private Simulation simulation(Events events, int[] offsets, int muons) {
        RecordColumn extra = (RecordColumn) events.collection(collection, SIMULATION_FIELDS.toArray(String[]::new))
                .flatContent();
        int[] layers = ints(extra.field("nTrackerLayers"));
        int[] genPartIdx = ints(extra.field("genPartIdx"));
        if (layers.length != muons) {
            throw new ConfigException("Rochester calibration: " + collection + " has " + muons + " entries but "
                    + collection + "_nTrackerLayers has " + layers.length);
        }
        float[] genPt = new float[muons];
        Arrays.fill(genPt, Float.NaN);
        if (events.has("GenPart_pt")) {
            ListColumn<RecordColumn> gen = events.collection("GenPart", "pt");
            genPt = MuonScale.matchedGenPt(offsets, genPartIdx, gen.zeroBasedOffsets(),
                    floats(((RecordColumn) gen.flatContent()).field("pt")));
        }
        EventIds ids = new EventIds(ints(events.column("run")), ints(events.column("luminosityBlock")),
                longs(events.column("event")));
        return new Simulation(ids, genPt, layers);
    }
}
