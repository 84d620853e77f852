package org.crema.plot;

/**
 * Garwood (1936) central confidence intervals for a Poisson mean, the CMS convention for the error
 * bars of observed event counts: for n observed events at confidence 1 − α the interval is
 * [½ χ²(α/2; 2n), ½ χ²(1 − α/2; 2n + 2)], i.e. quantiles of Gamma(n, 1) and Gamma(n + 1, 1). With
 * α = 1 − 0.6827 (one Gaussian σ): n = 0 → [0, 1.841], n = 1 → [0.173, 3.300].
 */
public final class Garwood {
    /** Coverage of ±1σ of a Gaussian: erf(1/√2). */
    public static final double ONE_SIGMA = 0.682689492137086;

    private Garwood() {}

    /**
     * @param n observed count (≥ 0; non-integer counts, e.g. from weighted data, are accepted)
     * @return {lower, upper} bounds of the 68.27 % central interval on the Poisson mean
     */
    public static double[] interval(double n) {
        return interval(n, ONE_SIGMA);
    }

    /**
     * @param n observed count (≥ 0)
     * @param confidence coverage in (0, 1)
     * @return {lower, upper} bounds of the central interval on the Poisson mean
     */
    public static double[] interval(double n, double confidence) {
        if (!(n >= 0) || Double.isInfinite(n)) {
            throw new PlotException("Poisson count must be finite and >= 0, got " + n);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new PlotException("confidence must be in (0, 1), got " + confidence);
        }
        double alpha = 1 - confidence;
        double lower = n == 0 ? 0 : gammaQuantile(n, alpha / 2);
        double upper = gammaQuantile(n + 1, 1 - alpha / 2);
        return new double[] {lower, upper};
    }

    /** The x with P(a, x) = p, for the regularized lower incomplete gamma P: bisection, then it is exact to ~1e-14. */
    static double gammaQuantile(double a, double p) {
        double lo = 0;
        double hi = Math.max(1, a);
        while (regularizedGammaP(a, hi) < p) {
            hi *= 2;
        }
        // Bisection is slow but cannot fail; 200 halvings reach the double resolution of any bracket.
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (regularizedGammaP(a, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** P(a, x): series for x < a + 1, continued fraction (Lentz) otherwise, as in Numerical Recipes §6.2. */
    static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double logPrefactor = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int k = 1; k < 10_000; k++) {
                term *= x / (a + k);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return sum * Math.exp(logPrefactor);
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 - Math.exp(logPrefactor) * h;
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: relative error below 1e-15). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection keeps the Lanczos sum in its accurate range.
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double xm = x - 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++) {
            sum += c[i] / (xm + i);
        }
        double t = xm + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
