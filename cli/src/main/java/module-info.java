/** The {@code crema} command line. */
module org.crema.cli {
    requires info.picocli;
    requires org.crema.processor;
    // the example processors, so `crema run --processor org.crema.examples.ZMuMuProcessor` finds them
    requires org.crema.examples;
    requires org.crema.configs;
    requires org.crema.hist;
    requires org.crema.plot;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.crema.io;
    requires org.crema.correctionlib;
    // crema datasets reads HTTP(S) directory listings
    requires java.net.http;

    opens org.crema.cli to info.picocli;
    opens org.crema.cli.run to info.picocli;
    opens org.crema.cli.hist to info.picocli;
    opens org.crema.cli.plot to info.picocli;
    opens org.crema.cli.io to info.picocli;
    opens org.crema.cli.corrections to info.picocli;
    opens org.crema.cli.startup to info.picocli;
    opens org.crema.cli.datacard to info.picocli;
    opens org.crema.cli.workflow to info.picocli;
    opens org.crema.cli.datasets to info.picocli;
    opens org.crema.cli.condor to info.picocli;
    opens org.crema.cli.merge to info.picocli;
    opens org.crema.cli.compare to info.picocli;
    opens org.crema.cli.processors to info.picocli;
}
