/** crema examples: processors written with the typed views ({@code org.crema.examples}). */
module org.crema.examples {
    requires transitive org.crema.processor;
    requires org.crema.corrections;

    exports org.crema.examples;
}
