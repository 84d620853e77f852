/**
 * crema correctionlib: loads correctionlib schema-v2 JSON files and evaluates their corrections
 * over whole columns. See {@link org.crema.correctionlib} for a worked example.
 * {@link org.crema.correctionlib.formula} is the TFormula compiler behind correctionlib's formula
 * nodes, exported for the CMS text formats (JetCorrectorParameters, BTV CSV) that share it.
 */
module org.crema.correctionlib {
    requires transitive org.crema.columnar;
    requires com.fasterxml.jackson.databind;

    exports org.crema.correctionlib;
    exports org.crema.correctionlib.formula;
}
