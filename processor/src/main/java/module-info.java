/**
 * crema processor: the {@code Processor} API, events and histogram declarations ({@code org.crema.processor});
 * accumulators ({@code org.crema.processor.accumulate}); weights, selections and categories
 * ({@code org.crema.processor.analysis}); typed NanoAOD collection views ({@code org.crema.processor.nano});
 * and the runner, filesets and executors ({@code org.crema.processor.run}).
 */
module org.crema.processor {
    requires transitive org.crema.columnar;
    requires com.fasterxml.jackson.databind;
    requires HdrHistogram;
    requires transitive org.crema.io;
    requires transitive org.crema.hist;
    requires org.crema.corrections;
    requires org.crema.arrow;

    exports org.crema.processor;
    exports org.crema.processor.accumulate;
    exports org.crema.processor.analysis;
    exports org.crema.processor.nano;
    exports org.crema.processor.run;
}
