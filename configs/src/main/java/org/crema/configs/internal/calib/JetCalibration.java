package org.crema.configs.internal.calib;

import static org.crema.configs.internal.calib.ColumnArrays.floats;
import static org.crema.configs.internal.calib.ColumnArrays.ints;
import static org.crema.configs.internal.calib.ColumnArrays.longs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.ConfigException;
import org.crema.corrections.jme.EventIds;
import org.crema.corrections.jme.GenJets;
import org.crema.corrections.jme.JesVariations;
import org.crema.corrections.jme.JetEnergyCorrection;
import org.crema.corrections.jme.JetFunction;
import org.crema.corrections.jme.JetSmearing;
import org.crema.corrections.jme.Variation;
import org.crema.corrections.text.JetCorrectorParameters;
import org.crema.corrections.text.OutOfRangePolicy;
import org.crema.corrections.text.TextCorrection;
import org.crema.corrections.text.TextJerScaleFactor;
import org.crema.corrections.text.TextUncertainty;
import org.crema.processor.Events;

/**
 * The one place the configurator calls the CMS jet corrections: JEC re-applied from the raw pt
 * (JetMET text files), hybrid JER smearing matched to {@code GenJet} with random numbers keyed on
 * (run, lumi, event, jet index), and regrouped JES sources evaluated at the nominal jets. The same
 * steps, in the same order and precision, as the AGC tt̄ Java example, so both give identical jets.
 *
 * <p>Correction files are read once per instance, on first use; the calibrated jets of the chunk a
 * thread is processing are cached, so the shape variations of a chunk only rescale.
 */
public final class JetCalibration {
    /** Fields of the jet collection the calibration reads. */
    public static final List<String> FIELDS = List.of("pt", "eta", "phi", "mass", "rawFactor", "area", "genJetIdx");
    /** The event-level branch of the pileup density. */
    public static final String RHO = "Rho_fixedGridRhoFastjetAll";

    /**
     * The correction files.
     *
     * @param jecLevels JEC levels in order (L1FastJet, L2Relative, L3Absolute, …)
     * @param jerResolution JER pt resolution
     * @param jerScaleFactor JER scale factors
     * @param jesSources regrouped JES uncertainty sources file (may be null without JES variations)
     * @param sources JES sources to evaluate
     */
    public record Files(List<Path> jecLevels, Path jerResolution, Path jerScaleFactor, Path jesSources,
            List<String> sources) {
    }

    private record Loaded(JetFunction jec, JetSmearing.Jer jer, Map<String, JetFunction> jes) {
    }

    private record Calibrated(Events events, int[] offsets, RecordColumn base, double[] jecPt, double[] jecMass,
            JetSmearing.Result smearing, double[] pt, double[] mass, JesVariations.Result jes) {
    }

    private final Files files;
    private volatile Loaded loaded;
    private final ThreadLocal<Calibrated> cache = new ThreadLocal<>();

    /** @param files the correction files (read on first use) */
    public JetCalibration(Files files) {
        this.files = files;
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = load();
                    loaded = l;
                }
            }
        }
        return l;
    }

    private Loaded load() {
        try {
            List<JetFunction> levels = files.jecLevels().stream().map(JetCalibration::level).toList();
            JetFunction jec = JetFunction.chain(levels);
            TextJerScaleFactor sf = TextJerScaleFactor.of(JetCorrectorParameters.read(files.jerScaleFactor()));
            JetSmearing.Jer jer = new JetSmearing.Jer(level(files.jerResolution()), JetFunction.of(sf, Variation.NOMINAL),
                    JetFunction.of(sf, Variation.UP), JetFunction.of(sf, Variation.DOWN));
            Map<String, JetFunction> jes = new LinkedHashMap<>();
            if (files.jesSources() != null) {
                Map<String, TextUncertainty> all = TextUncertainty.readSources(files.jesSources(), OutOfRangePolicy.CMSSW);
                for (String s : files.sources()) {
                    TextUncertainty u = all.get(s);
                    if (u == null) {
                        throw new ConfigException("JES source '" + s + "' is not in " + files.jesSources() + "; it has "
                                + all.keySet());
                    }
                    jes.put(s, JetFunction.of(u));
                }
            }
            return new Loaded(jec, jer, jes);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException("cannot read the jet correction files: " + e.getMessage(), e);
        }
    }

    private static JetFunction level(Path file) {
        return JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(file)));
    }

    /**
     * @param files correction files
     * @return the first that does not exist, or null
     */
    public static Path missing(Files files) {
        for (Path p : files.jecLevels()) {
            if (!java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        for (Path p : new Path[] {files.jerResolution(), files.jerScaleFactor(), files.jesSources()}) {
            if (p != null && !java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The jets of one variation.
     *
     * @param events the skimmed events
     * @param jets the jet collection as read (at least {@link #FIELDS})
     * @param kind {@code nominal}, {@code JER} or {@code JES}
     * @param source the JES source (for {@code JES})
     * @param up direction (for {@code JER} and {@code JES})
     * @return the jets with calibrated pt and mass (float), other fields as read
     */
    public ListColumn<RecordColumn> apply(Events events, ListColumn<RecordColumn> jets, String kind, String source,
            boolean up) {
        Calibrated c = cache.get();
        if (c == null || c.events() != events) {
            c = calibrate(events, jets);
            cache.set(c);
        }
        double[] pt;
        double[] mass;
        Variation dir = up ? Variation.UP : Variation.DOWN;
        if (kind.equals("nominal") || c.smearing() == null) {
            pt = c.pt();
            mass = c.mass();
        } else if (kind.equals("JER")) {
            pt = c.smearing().apply(c.jecPt(), dir);
            mass = c.smearing().apply(c.jecMass(), dir);
        } else {
            pt = c.jes().apply(source, c.pt(), dir);
            mass = c.jes().apply(source, c.mass(), dir);
        }
        RecordColumn rec = c.base().withField("pt", FloatColumn.of(toFloats(pt))).withField("mass",
                FloatColumn.of(toFloats(mass)));
        return ListColumn.of(c.offsets(), rec);
    }

    private Calibrated calibrate(Events events, ListColumn<RecordColumn> jets) {
        int[] offsets = jets.zeroBasedOffsets();
        RecordColumn content = (RecordColumn) jets.flatContent();
        float[] pt = floats(content.field("pt"));
        float[] eta = floats(content.field("eta"));
        float[] phi = floats(content.field("phi"));
        float[] mass = floats(content.field("mass"));
        if (!events.isMC()) {
            // Data would need the residual level; jets are used as stored.
            double[] p = doubles(pt);
            double[] m = doubles(mass);
            return new Calibrated(events, offsets, content, p, m, null, p, m, null);
        }
        Loaded corr = loaded();
        float[] rho = floats(events.column(RHO));
        JetEnergyCorrection.Result jec = JetEnergyCorrection.reapply(corr.jec(), offsets, pt, eta, mass,
                floats(content.field("rawFactor")), floats(content.field("area")), rho);
        GenJets gen = null;
        if (events.has("GenJet_pt")) {
            ListColumn<RecordColumn> g = events.collection("GenJet", "pt", "eta", "phi");
            RecordColumn gc = (RecordColumn) g.flatContent();
            gen = new GenJets(g.zeroBasedOffsets(), floats(gc.field("pt")), floats(gc.field("eta")),
                    floats(gc.field("phi")));
        }
        EventIds ids = new EventIds(ints(events.column("run")), ints(events.column("luminosityBlock")),
                longs(events.column("event")));
        JetSmearing.Result smearing = JetSmearing.smear(corr.jer(), JetSmearing.Settings.ak4(), offsets, jec.pt(),
                jec.mass(), eta, phi, rho, ints(content.field("genJetIdx")), gen, ids, null);
        double[] nominalPt = smearing.apply(jec.pt(), Variation.NOMINAL);
        double[] nominalMass = smearing.apply(jec.mass(), Variation.NOMINAL);
        JesVariations.Result jes = JesVariations.evaluate(corr.jes(), offsets, nominalPt, eta);
        return new Calibrated(events, offsets, content, jec.pt(), jec.mass(), smearing, nominalPt, nominalMass, jes);
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static double[] doubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
