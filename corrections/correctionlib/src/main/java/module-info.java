/**
 * crema correctionlib: loads correctionlib schema-v2 JSON files and evaluates their corrections
 * over whole columns. See {@link org.crema.correctionlib} for a worked example.
 */
module org.crema.correctionlib {
    requires transitive org.crema.columnar;
    requires com.fasterxml.jackson.databind;

    exports org.crema.correctionlib;
}
