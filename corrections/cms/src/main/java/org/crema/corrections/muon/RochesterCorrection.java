package org.crema.corrections.muon;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Rochester muon momentum corrections (RoccoR) for one data-taking period, read from the official
 * text file. Each function returns the factor k that multiplies the muon's pt; the arguments are
 * those of RoccoR: charge Q (±1), pt in GeV, eta, phi, and the correction set and member (set 0
 * member 0 is the nominal correction; the other sets are statistical replicas and systematic
 * variations, see {@link #error}).
 *
 * <ul>
 *   <li>{@link #kScaleDT}: collision data, {@code k = 1 / (M + Q·A·pt)} with M and A from the
 *       data table of the (eta, phi) bin.</li>
 *   <li>{@link #kSpreadMC}: simulation with a generator match: the simulation scale, then the
 *       reco/gen ratio widened to the data resolution ({@code x / (1 + (x − 1)·kData/kMC)}, x =
 *       genPt / scaled pt).</li>
 *   <li>{@link #kSmearMC}: simulation without a match: the simulation scale, then an extra smearing
 *       {@code 1 / (1 + sqrt(kData² − kMC²)·σ(pt)·CB⁻¹(u))} drawn from the Crystal Ball resolution
 *       shape of the (|eta|, tracker layers) bin with a uniform number u.</li>
 * </ul>
 *
 * <p>Bins follow RoccoR: values below the first edge go to the first bin and values at or above the
 * last edge to the last; phi bins are 2π/nPhi wide from −π. Immutable and thread-safe.
 */
public final class RochesterCorrection {
    private static final int MC = 0;
    private static final int DATA = 1;

    private final String source;
    private final int[] members;
    private final int[] setTypes;
    private final double[] etaEdges;
    private final int nPhi;
    private final double phiWidth;
    private final double[] absEtaEdges;
    private final int minLayers;
    private final int nTrk;
    private final RochesterMember[][] parameters;

    RochesterCorrection(String source, int[] members, int[] setTypes, double[] etaEdges, int nPhi,
            double[] absEtaEdges, int minLayers, int nTrk, RochesterMember[][] parameters) {
        this.source = source;
        this.members = members;
        this.setTypes = setTypes;
        this.etaEdges = etaEdges;
        this.nPhi = nPhi;
        this.phiWidth = 2 * Math.PI / nPhi;
        this.absEtaEdges = absEtaEdges;
        this.minLayers = minLayers;
        this.nTrk = nTrk;
        this.parameters = parameters;
    }

    /**
     * Reads a RoccoR text file (plain or gzip-compressed), e.g. {@code RoccoR2018.txt.gz}.
     *
     * @param file the file
     * @return the corrections
     * @throws org.crema.corrections.CorrectionFileException naming the file and line when it is
     *     malformed or incomplete
     */
    public static RochesterCorrection read(Path file) {
        return RochesterReader.read(file);
    }

    /**
     * @param source a name for error messages
     * @param text the content of a RoccoR text file
     * @return the corrections
     */
    public static RochesterCorrection parse(String source, String text) {
        return RochesterReader.parse(source, text);
    }

    /** @return the file the parameters came from */
    public String source() {
        return source;
    }

    /** @return the number of correction sets (set 0 is the nominal one) */
    public int sets() {
        return members.length;
    }

    /**
     * @param set a set index
     * @return how many members it has
     */
    public int members(int set) {
        return members[Objects.checkIndex(set, members.length)];
    }

    /**
     * @param set a set index
     * @return its kind as the file declares it: 0 default, 1 replicas (statistical), 2 symmetric
     *     systematic variation
     */
    public int setType(int set) {
        return setTypes[Objects.checkIndex(set, setTypes.length)];
    }

    private RochesterMember member(int set, int member) {
        Objects.checkIndex(set, members.length);
        return parameters[set][Objects.checkIndex(member, members[set])];
    }

    /**
     * Scale correction for collision data.
     *
     * @param charge muon charge (±1)
     * @param pt muon pt
     * @param eta muon eta
     * @param phi muon phi
     * @param set correction set (0 nominal)
     * @param member member of the set (0 nominal)
     * @return the factor for pt
     */
    public double kScaleDT(int charge, double pt, double eta, double phi, int set, int member) {
        return scale(member(set, member), DATA, charge, pt, eta, phi);
    }

    /**
     * Scale correction of simulation alone (RoccoR advises {@link #kSpreadMC} or {@link #kSmearMC},
     * which include it).
     *
     * @param charge muon charge (±1)
     * @param pt muon pt
     * @param eta muon eta
     * @param phi muon phi
     * @param set correction set
     * @param member member of the set
     * @return the factor for pt
     */
    public double kScaleMC(int charge, double pt, double eta, double phi, int set, int member) {
        return scale(member(set, member), MC, charge, pt, eta, phi);
    }

    /**
     * Scale and resolution correction for simulated muons matched to a generator muon.
     *
     * @param charge muon charge (±1)
     * @param pt muon pt
     * @param eta muon eta
     * @param phi muon phi
     * @param genPt pt of the matched generator muon
     * @param set correction set
     * @param member member of the set
     * @return the factor for pt
     */
    public double kSpreadMC(int charge, double pt, double eta, double phi, double genPt, int set, int member) {
        RochesterMember p = member(set, member);
        double k = scale(p, MC, charge, pt, eta, phi);
        int h = bin(Math.abs(eta), absEtaEdges);
        double x = genPt / (k * pt);
        return k * (x / (1.0 + (x - 1.0) * p.kRes[DATA][h] / p.kRes[MC][h]));
    }

    /**
     * Scale and resolution correction for simulated muons without a generator match.
     *
     * @param charge muon charge (±1)
     * @param pt muon pt
     * @param eta muon eta
     * @param phi muon phi
     * @param nTrackerLayers tracker layers with a measurement ({@code Muon_nTrackerLayers})
     * @param u a uniform random number in (0, 1)
     * @param set correction set
     * @param member member of the set
     * @return the factor for pt
     */
    public double kSmearMC(int charge, double pt, double eta, double phi, int nTrackerLayers, double u, int set,
            int member) {
        RochesterMember p = member(set, member);
        double k = scale(p, MC, charge, pt, eta, phi);
        int h = bin(Math.abs(eta), absEtaEdges);
        int cell = h * nTrk + Math.clamp(nTrackerLayers - minLayers, 0, nTrk - 1);
        double kData = p.kRes[DATA][h];
        double kMc = p.kRes[MC][h];
        double x = 0;
        if (kData > kMc) {
            double dpt = k * pt - 45;
            double sigma = p.sigma[0][cell] + p.sigma[1][cell] * dpt + p.sigma[2][cell] * dpt * dpt;
            x = Math.sqrt(kData * kData - kMc * kMc) * sigma * p.shape[cell].invcdf(u);
        }
        // a deviate that would flip the sign of the momentum leaves the muon unchanged, as in RoccoR
        return k * (x <= -1 ? 1.0 : 1.0 / (1.0 + x));
    }

    /** A correction function of one (set, member), for {@link #error}. */
    @FunctionalInterface
    public interface Member {
        /**
         * @param set correction set
         * @param member member of the set
         * @return the correction factor of that member
         */
        double k(int set, int member);
    }

    /**
     * The total uncertainty RoccoR quotes ({@code kScaleDTerror} and friends): the root of the sum
     * over all sets of the mean squared difference between each member and the nominal.
     *
     * @param f the correction of one member, e.g. {@code (s, m) -> rc.kScaleDT(q, pt, eta, phi, s, m)}
     * @return the uncertainty on the factor
     */
    public double error(Member f) {
        double nominal = f.k(0, 0);
        double sum = 0;
        for (int s = 0; s < members.length; s++) {
            sum += meanSquare(f, nominal, s);
        }
        return Math.sqrt(sum);
    }

    /**
     * The uncertainty of one set: the root of the mean squared difference between its members and
     * the nominal (for replica sets the statistical uncertainty; for a one-member set the size of
     * that variation).
     *
     * @param f the correction of one member
     * @param set the set
     * @return the uncertainty on the factor from that set
     */
    public double error(Member f, int set) {
        Objects.checkIndex(set, members.length);
        return Math.sqrt(meanSquare(f, f.k(0, 0), set));
    }

    private double meanSquare(Member f, double nominal, int set) {
        double sum = 0;
        double oneOver = 1.0 / members[set];
        for (int m = 0; m < members[set]; m++) {
            double d = f.k(set, m) - nominal;
            sum += d * d * oneOver;
        }
        return sum;
    }

    private double scale(RochesterMember p, int type, int charge, double pt, double eta, double phi) {
        int cell = bin(eta, etaEdges) * nPhi + phiBin(phi);
        return 1.0 / (p.m[type][cell] + charge * p.a[type][cell] * pt);
    }

    private int phiBin(double phi) {
        int f = (int) ((phi + Math.PI) / phiWidth);
        return Math.clamp(f, 0, nPhi - 1);
    }

    private static int bin(double x, double[] edges) {
        int last = edges.length - 2;
        for (int i = 0; i < last; i++) {
            if (x < edges[i + 1]) {
                return i;
            }
        }
        return last;
    }
}
