package org.crema.corrections.muon;

import org.crema.correctionlib.formula.SpecialFunctions;

/**
 * The symmetric double-sided Crystal Ball shape of RoccoR's resolution model (mean 0): a Gaussian
 * core of width {@code s} and power-law tails of index {@code n} beyond {@code ±a·s}. Only the
 * cumulative distribution and its inverse are needed, to turn a uniform number into a resolution
 * deviate.
 *
 * <p>RoccoR defines its normalisation constants with {@code pi = 3.14159}, not {@code Math.PI};
 * this class keeps that value so the tails join the core where RoccoR's do.
 */
final class CrystalBall {
    private static final double PI = 3.14159;
    private static final double SQRT_PI_OVER_2 = Math.sqrt(PI / 2.0);
    private static final double SQRT2 = Math.sqrt(2.0);

    private final double s;
    private final double a;
    private final double n;
    private final double c;
    private final double d;
    private final double ns;
    private final double nc;
    private final double f;
    private final double g;
    private final double k;
    private final double cdfMinusA;
    private final double cdfPlusA;

    /**
     * @param s core width
     * @param a where the tails start, in units of s
     * @param n tail power
     */
    CrystalBall(double s, double a, double n) {
        this.s = s;
        this.a = a;
        this.n = n;
        double fa = Math.abs(a);
        double ex = Math.exp(-fa * fa / 2);
        double c1 = n / fa / (n - 1) * ex;
        double d1 = 2 * SQRT_PI_OVER_2 * SpecialFunctions.erf(fa / SQRT2);
        this.c = (d1 + 2 * c1) / c1;
        this.d = (d1 + 2 * c1) / 2;
        this.ns = 1.0 / (d1 + 2 * c1);
        this.nc = ns * c1;
        this.f = 1 - fa * fa / n;
        this.g = s * n / fa;
        this.k = 1.0 / (n - 1);
        this.cdfMinusA = cdf(-a * s);
        this.cdfPlusA = cdf(a * s);
    }

    /**
     * @param x a value
     * @return the probability of a value below x
     */
    double cdf(double x) {
        double t = x / s;
        if (t < -a) {
            return nc / Math.pow(f - s * t / g, n - 1);
        }
        if (t > a) {
            return nc * (c - Math.pow(f + s * t / g, 1 - n));
        }
        return ns * (d - SQRT_PI_OVER_2 * SpecialFunctions.erf(-t / SQRT2));
    }

    /**
     * @param u a probability in (0, 1)
     * @return the value below which a fraction u of the distribution lies
     */
    double invcdf(double u) {
        if (u < cdfMinusA) {
            return g * (f - Math.pow(nc / u, k));
        }
        if (u > cdfPlusA) {
            return -g * (f - Math.pow(c - u / nc, -k));
        }
        return -SQRT2 * s * inverseErf((d - u / ns) / SQRT_PI_OVER_2);
    }

    /**
     * The inverse error function: Giles' single-precision approximation ("Approximating the erfinv
     * function", GPU Computing Gems, 2011) polished by two Newton steps on {@link
     * SpecialFunctions#erf}, which brings it to a few ulp on the core range used here (|y| well
     * below 1, since the tails take over beyond a·s).
     *
     * @param y a value in (-1, 1)
     * @return x with erf(x) = y
     */
    static double inverseErf(double y) {
        double w = -Math.log((1.0 - y) * (1.0 + y));
        double x;
        if (w < 5.0) {
            w -= 2.5;
            double p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
            x = p * y;
        } else {
            w = Math.sqrt(w) - 3.0;
            double p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
            x = p * y;
        }
        if (!Double.isFinite(x)) {
            return x;
        }
        for (int i = 0; i < 2; i++) {
            double err = SpecialFunctions.erf(x) - y;
            x -= err / (1.1283791670955126 * Math.exp(-x * x));
        }
        return x;
    }
}
