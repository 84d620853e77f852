/**
 * crema histogramming: N-dimensional histograms with regular, variable, integer, category and
 * boolean axes, filled from columns, merged exactly across threads, and written as UHI JSON.
 */
module org.crema.hist {
    requires transitive org.crema.columnar;
    requires com.fasterxml.jackson.databind;

    exports org.crema.hist;
}
