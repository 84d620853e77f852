/**
 * crema histogramming: N-dimensional histograms with regular, variable, integer, category and
 * boolean axes, filled from columns, merged exactly across threads, and written as UHI JSON.
 * The Vector API is optional at run time: fills fall back to scalar loops without it.
 */
module org.crema.hist {
    requires transitive org.crema.columnar;
    requires com.fasterxml.jackson.databind;
    // Optional at run time: fills run scalar without it.
    requires static jdk.incubator.vector;

    exports org.crema.hist;
}
