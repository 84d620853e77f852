/**
 * crema processor: the {@code Processor} API, accumulators, weights, selections, categories and
 * cutflows ({@code org.crema.processor}); the runner, filesets and executors
 * ({@code org.crema.processor.run}); and typed NanoAOD collection views ({@code org.crema.processor.nano}).
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
    exports org.crema.processor.nano;
    exports org.crema.processor.run;
}
