package org.crema.correctionlib.formula;

/**
 * Special functions the JDK lacks and the TFormula language needs: {@link #erf} and {@link #erfc}
 * ({@code TMath::Erf}, {@code TMath::Erfc}). Both are pure functions of their argument, identical on
 * every platform, and thread-safe.
 *
 * <p>Method: below |x| = 0.5 the Maclaurin series with the small tail summed apart from x; below
 * 1.5 the series {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum_n (2x^2)^n x / (1*3*...*(2n+1))}, whose
 * terms are all positive (no cancellation); above, erfc by its continued fraction (modified Lentz).
 * {@code exp(-x^2)} uses an exact split of x^2, so results stay within a few ulp of the correctly
 * rounded value.
 */
public final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double TWO_OVER_SQRT_PI_LO = 1.533545961316588e-17;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;

    private SpecialFunctions() {
    }

    /**
     * The error function {@code erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt}.
     *
     * @param x any value
     * @return erf(x) in [-1, 1]; NaN for NaN, ±1 for ±infinity
     */
    public static double erf(double x) {
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

    /**
     * The complementary error function {@code erfc(x) = 1 - erf(x)}, computed directly for large
     * {@code x} where {@code 1 - erf(x)} would lose every significant digit.
     *
     * @param x any value
     * @return erfc(x) in [0, 2]; NaN for NaN
     */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x >= 1.5) {
            // Beyond 27, exp(-x^2) underflows: the result is 0 to double precision.
            return x > 27.0 ? 0.0 : erfcFraction(x);
        }
        return 1.0 - erf(x);
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
