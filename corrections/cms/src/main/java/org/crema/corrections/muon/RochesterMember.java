package org.crema.corrections.muon;

/**
 * The parameters of one (set, member) of a Rochester file, already scaled as RoccoR does when it
 * reads them ({@code M = 1 + x/100}, {@code A = x/100}, quadratic resolution term {@code x/100}).
 * Index 0 of a type dimension is simulation, 1 is data, as in the file.
 */
final class RochesterMember {
    /** {@code m[type][etaBin * nPhi + phiBin]}: the multiplicative scale term. */
    final double[][] m;
    /** {@code a[type][etaBin * nPhi + phiBin]}: the charge-dependent term, per GeV. */
    final double[][] a;
    /** {@code kRes[type][absEtaBin]}: relative resolution of simulation (0) and data (1). */
    final double[][] kRes;
    /** {@code sigma[order][absEtaBin * nTrk + trkBin]}: resolution polynomial in (pt - 45 GeV). */
    final double[][] sigma;
    /** {@code shape[absEtaBin * nTrk + trkBin]}: the resolution shape. */
    final CrystalBall[] shape;

    RochesterMember(int nEta, int nPhi, int nAbsEta, int nTrk) {
        m = new double[2][nEta * nPhi];
        a = new double[2][nEta * nPhi];
        kRes = new double[2][nAbsEta];
        sigma = new double[3][nAbsEta * nTrk];
        shape = new CrystalBall[nAbsEta * nTrk];
    }
}
