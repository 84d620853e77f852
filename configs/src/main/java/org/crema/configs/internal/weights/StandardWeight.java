package org.crema.configs.internal.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.internal.expr.Env;
import org.crema.configs.internal.expr.Ops;
import org.crema.configs.internal.expr.Type.Kind;
import org.crema.correctionlib.Corrector;
import org.crema.corrections.btag.BTagFixedWpWeights;
import org.crema.corrections.btag.BTagShapeSf;
import org.crema.corrections.btag.BTagShapeWeights;
import org.crema.corrections.jme.Variation;
import org.crema.corrections.weights.EventWeights;
import org.crema.corrections.weights.ObjectScaleFactors;
import org.crema.corrections.weights.PileupWeights;

/**
 * The named CMS weights a configuration declares with {@code type:}, evaluated per chunk from
 * correctionlib payloads through the corrections module. Each is built once at load (the payload
 * read and its inputs checked there, so a wrong file or correction name fails before the first
 * event) and is immutable and thread-safe afterwards.
 */
public sealed interface StandardWeight {

    /**
     * One weight factor for one chunk and one shape variation.
     *
     * @param nominal per event
     * @param sources variation source names ({@code ""} for a plain {@code nameUp}/{@code nameDown} pair)
     * @param ups per source, the factor of the up variation
     * @param downs per source, the factor of the down variation
     */
    record Evaluated(double[] nominal, List<String> sources, List<double[]> ups, List<double[]> downs) {
        static Evaluated pair(EventWeights w) {
            return new Evaluated(w.nominal(), List.of(""), List.of(w.up()), List.of(w.down()));
        }
    }

    /**
     * @param env the chunk
     * @param variation the shape variation being processed ({@code nominal}, {@code JES_TotalUp}, …)
     * @return the factor and its variations
     */
    Evaluated evaluate(Env env, String variation);

    /**
     * Pileup weights of a LUM {@code puWeights.json} correction, read at {@code Pileup_nTrueInt}.
     *
     * @param weights the correction
     */
    record Pileup(PileupWeights weights) implements StandardWeight {
        /** The NanoAOD branch the weight is a function of. */
        public static final String BRANCH = "Pileup_nTrueInt";

        @Override
        public Evaluated evaluate(Env env, String variation) {
            FloatColumn n = (FloatColumn) Ops.to(Ops.normalize(env.branch(BRANCH)), Kind.FLOAT);
            return Evaluated.pair(weights.evaluate(n.toArray()));
        }
    }

    /**
     * The product of object scale factors (muon ID, ISO, …) over a collection's objects.
     *
     * @param collection the collection, e.g. {@code GoodMuon}
     * @param sf the scale factors
     */
    record ObjectSf(String collection, ObjectScaleFactors sf) implements StandardWeight {
        @Override
        public Evaluated evaluate(Env env, String variation) {
            ListColumn<RecordColumn> c = env.collection(collection);
            return Evaluated.pair(sf.eventWeights(c.zeroBasedOffsets(), floats(c, "eta"), floats(c, "pt"), null));
        }
    }

    /**
     * The b-tag shape (reshaping) weight over a jet collection, with one variation pair per BTV
     * systematic. Under a JES shape variation the nominal factor uses the matching {@code jes}
     * systematic, evaluated on the varied jets, as BTV prescribes.
     *
     * @param collection the jets, e.g. {@code GoodJet}
     * @param sf the shape scale factors
     * @param discriminant the tagger field, e.g. {@code btagDeepFlavB}
     * @param systematics the weight-variation systematics without {@code up_}/{@code down_}, e.g. hf, lf
     * @param jes shape variation name (e.g. {@code JES_FlavorQCDUp}) → its b-tag systematic
     */
    record BTagShape(String collection, BTagShapeSf sf, String discriminant, List<String> systematics,
            Map<String, String> jes) implements StandardWeight {
        @Override
        public Evaluated evaluate(Env env, String variation) {
            ListColumn<RecordColumn> c = env.collection(collection);
            int[] off = c.zeroBasedOffsets();
            int[] flavour = ints(c, "hadronFlavour");
            float[] eta = floats(c, "eta");
            double[] pt = doubles(c, "pt");
            float[] disc = floats(c, discriminant);
            String central = jes.getOrDefault(variation, "central");
            List<String> all = new ArrayList<>();
            all.add(central);
            if (central.equals("central")) {
                for (String s : systematics) {
                    all.add("up_" + s);
                    all.add("down_" + s);
                }
            }
            Map<String, double[]> w = BTagShapeWeights.eventWeights(sf, all, off, flavour, eta, pt, disc, null);
            List<double[]> ups = new ArrayList<>();
            List<double[]> downs = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            if (central.equals("central")) {
                for (String s : systematics) {
                    sources.add(s);
                    ups.add(w.get("up_" + s));
                    downs.add(w.get("down_" + s));
                }
            }
            return new Evaluated(w.get(central), sources, ups, downs);
        }
    }

    /**
     * The fixed-working-point b-tag weight (method 1a) with MC efficiencies per flavour.
     *
     * @param collection the jets
     * @param heavy the SF correction for b and c jets (e.g. {@code deepJet_comb})
     * @param light the SF correction for light jets (e.g. {@code deepJet_incl})
     * @param workingPoint the {@code working_point} input, e.g. {@code M}
     * @param discriminant the tagger field
     * @param threshold the working point's cut on the discriminant
     * @param efficiency MC efficiency for flavour 5, 4 and 0
     */
    record BTagWp(String collection, Corrector heavy, Corrector light, String workingPoint, String discriminant,
            double threshold, Map<Integer, Double> efficiency) implements StandardWeight {
        @Override
        public Evaluated evaluate(Env env, String variation) {
            ListColumn<RecordColumn> c = env.collection(collection);
            int[] off = c.zeroBasedOffsets();
            int[] flavour = ints(c, "hadronFlavour");
            float[] eta = floats(c, "eta");
            float[] pt = floats(c, "pt");
            float[] disc = floats(c, discriminant);
            int n = off[off.length - 1];
            boolean[] tagged = new boolean[n];
            double[] eff = new double[n];
            double[][] sf = new double[3][n];
            String[] keys = {"central", "up", "down"};
            for (int i = 0; i < n; i++) {
                // the tagger is a float branch: compare as the Java selection does, in float
                tagged[i] = disc[i] > (float) threshold;
                int f = flavour[i] == 5 || flavour[i] == 4 ? flavour[i] : 0;
                eff[i] = efficiency.get(f);
                Corrector corr = f == 0 ? light : heavy;
                for (int k = 0; k < 3; k++) {
                    sf[k][i] = evaluate(corr, keys[k], f, Math.abs(eta[i]), pt[i]);
                }
            }
            return new Evaluated(BTagFixedWpWeights.eventWeights(off, tagged, sf[0], eff, null), List.of(""),
                    List.of(BTagFixedWpWeights.eventWeights(off, tagged, sf[1], eff, null)),
                    List.of(BTagFixedWpWeights.eventWeights(off, tagged, sf[2], eff, null)));
        }

        private double evaluate(Corrector corr, String systematic, int flavour, double absEta, double pt) {
            Object[] args = new Object[corr.inputs().size()];
            args[corr.inputIndex("systematic")] = systematic;
            args[corr.inputIndex("working_point")] = workingPoint;
            args[corr.inputIndex("flavor")] = flavour;
            args[corr.inputIndex("abseta")] = absEta;
            args[corr.inputIndex("pt")] = pt;
            return corr.evaluate(args);
        }

        /** The inputs a fixed-working-point correction must have. */
        public static final List<String> INPUTS = List.of("systematic", "working_point", "flavor", "abseta", "pt");
    }

    private static Column flat(ListColumn<RecordColumn> c, String field, Kind k) {
        return ((ListColumn<?>) Ops.to(Ops.field(c, field), k)).flatContent();
    }

    private static float[] floats(ListColumn<RecordColumn> c, String field) {
        return ((FloatColumn) flat(c, field, Kind.FLOAT)).toArray();
    }

    private static double[] doubles(ListColumn<RecordColumn> c, String field) {
        return ((DoubleColumn) flat(c, field, Kind.DOUBLE)).toArray();
    }

    private static int[] ints(ListColumn<RecordColumn> c, String field) {
        return ((IntColumn) flat(c, field, Kind.INT)).toArray();
    }
}
