/**
 * crema plotting: CMS-style plots (stacked MC vs data with ratio and systematic band, shape
 * comparisons, cutflows) from histograms, written as PNG, SVG and PDF.
 */
module org.crema.plot {
    requires transitive org.crema.hist;
    requires transitive java.desktop;
    requires com.fasterxml.jackson.databind;
    requires org.jfree.svg;
    requires org.jfree.pdf;

    exports org.crema.plot;
}
