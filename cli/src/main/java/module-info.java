/** The {@code crema} command line. */
module org.crema.cli {
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    opens org.crema.cli to info.picocli;
}
