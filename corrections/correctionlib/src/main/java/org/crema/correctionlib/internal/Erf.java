package org.crema.correctionlib.internal;

/**
 * The error function, which the JDK lacks. Below |x| = 1.5 it sums the series
 * {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum_n (2x^2)^n x / (1*3*...*(2n+1))}, whose terms are all
 * positive (no cancellation); above, it evaluates erfc by its continued fraction (modified Lentz)
 * and returns 1 - erfc. {@code exp(-x^2)} uses an exact split of x^2 so the result stays within a
 * few ulp of the correctly rounded value.
 */
final class Erf {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double TWO_OVER_SQRT_PI_LO = 1.533545961316588e-17;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;

    private Erf() {
    }

    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        double r;
        if (ax < 0.5) {
            r = maclaurin(ax);
        } else if (ax < 1.5) {
            r = series(ax);
        } else if (ax < 6.0) {
            r = 1.0 - erfcFraction(ax);
        } else {
            r = 1.0;
        }
        return Math.copySign(r, x);
    }

    /** exp(-x^2) with x^2 split into a rounded part and its exact rounding error. */
    private static double expMinusSquare(double x) {
        double hi = x * x;
        double lo = Math.fma(x, x, -hi);
        return StrictMath.exp(-hi) * (1.0 - lo);
    }

    /**
     * Near zero: erf(x) = 2/sqrt(pi) (x - x^3/3 + x^5/10 - ...), with the small tail summed apart
     * from x and the constant split in two parts, to stay within an ulp.
     */
    private static double maclaurin(double x) {
        double x2 = x * x;
        double p = x;
        double tail = 0.0;
        for (int n = 1; n < 60; n++) {
            p *= -x2 / n;
            double term = p / (2 * n + 1);
            double next = tail + term;
            if (next == tail) {
                break;
            }
            tail = next;
        }
        double s = x + tail;
        double sErr = (x - s) + tail; // exact rounding error of the sum (|x| > |tail|)
        return TWO_OVER_SQRT_PI * s + (TWO_OVER_SQRT_PI_LO * s + TWO_OVER_SQRT_PI * sErr);
    }

    private static double series(double x) {
        double x2 = 2.0 * x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= x2 / (2 * n + 1);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
    }

    private static double erfcFraction(double x) {
        // erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < 5000; k++) {
            double a = 0.5 * k;
            d = x + a * d;
            if (d == 0.0) {
                d = tiny;
            }
            d = 1.0 / d;
            c = x + a / c;
            if (c == 0.0) {
                c = tiny;
            }
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-17) {
                break;
            }
        }
        return ONE_OVER_SQRT_PI * expMinusSquare(x) / f;
    }
}
