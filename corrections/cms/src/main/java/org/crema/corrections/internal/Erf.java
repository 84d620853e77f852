package org.crema.corrections.internal;

/**
 * The error function, needed by old L2Relative parametrisations ({@code TMath::Erf}); the JDK has
 * none. Below |x| = 2.5 a series with only positive terms (no cancellation) is used, above it a
 * continued fraction for erfc; both converge to about 1e-15 relative.
 */
final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

    private Erf() {
    }

    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            r = series(ax);
        } else {
            r = 1.0 - erfcLarge(ax);
        }
        return x < 0 ? -r : r;
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x >= 2.5) {
            return erfcLarge(x);
        }
        return 1.0 - erf(x);
    }

    // erf(x) = 2/sqrt(pi) exp(-x^2) sum_n (2x^2)^n x / (1*3*...*(2n+1))
    private static double series(double x) {
        double x2 = 2.0 * x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
    }

    // erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), modified Lentz.
    private static double erfcLarge(double x) {
        if (x > 27) {
            return 0.0;
        }
        final double tiny = 1e-300;
        double f = x;
        double c = f;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double ak = 0.5 * k;
            d = x + ak * d;
            d = d == 0 ? tiny : d;
            d = 1.0 / d;
            c = x + ak / c;
            c = c == 0 ? tiny : c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) * ONE_OVER_SQRT_PI / f;
    }
}
