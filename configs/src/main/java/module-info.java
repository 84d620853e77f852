/**
 * crema configs: a whole analysis declared in YAML, validated before the first event and compiled
 * into the column kernels a hand-written {@code AnalysisProcessor} uses.
 */
module org.crema.configs {
    requires transitive org.crema.processor;
    requires org.crema.corrections;
    requires org.crema.arrow;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports org.crema.configs;
}
