package org.crema.correctionlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Domain errors, the COLLECT policy, input binding errors and schema validation messages. */
class ErrorsAndSchemaTest {

    @Test
    void packageExampleRuns() {
        // The example of package-info.java, verbatim.
        CorrectionSet set = CorrectionSet.load(TestData.root().resolve(Path.of("data/corrections/correctionlib/mycorrections.json")));
        Correction ptweight = set.correction("ptweight");
        float[] muonPt = {8f, 15f, 25f, 60f, 200f};
        double[] w = ptweight.bind()
                .column("pt", muonPt)
                .constant("syst", "nominal")
                .evaluate();
        // default branch: edges [10,20,30,40,50,80,120], contents [1.1,1.08,1.06,1.04,1.02,1.0], clamp
        assertThat(w).containsExactly(1.1, 1.1, 1.08, 1.02, 1.0);
    }

    private static Correction ptErrorFlow() {
        return TestData.set("{\"name\": \"sf\", \"version\": 1, \"inputs\": [{\"name\": \"pt\", \"type\": \"real\"},"
                + " {\"name\": \"syst\", \"type\": \"string\"}], \"output\": {\"name\": \"w\", \"type\": \"real\"},"
                + " \"data\": {\"nodetype\": \"category\", \"input\": \"syst\", \"content\": ["
                + "{\"key\": \"nom\", \"value\": {\"nodetype\": \"binning\", \"input\": \"pt\", \"edges\": [15, 20, Infinity],"
                + " \"content\": [1.5, 2.5], \"flow\": \"error\"}}]}}").correction("sf");
    }

    @Test
    void domainErrorsNameCorrectionInputValueAndRange() {
        Correction c = ptErrorFlow();
        double[] pt = {16, 10, 30, Double.NaN, 17};
        assertThatThrownBy(() -> c.bind().column("pt", pt).constant("syst", "nom").evaluate())
                .isInstanceOfSatisfying(CorrectionDomainException.class, e -> {
                    assertThat(e.correction()).isEqualTo("sf");
                    assertThat(e.input()).isEqualTo("pt");
                    assertThat(e.value()).isEqualTo("10.0");
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.allowed()).contains("[15.0, Infinity)").contains("error");
                    assertThat(e.getMessage()).isEqualTo("correction 'sf': input 'pt' = 10.0 is below the binning range"
                            + " (allowed: [15.0, Infinity) (2 bins, edges [15.0, 20.0, Infinity]), flow \"error\") at element 1");
                });
        Evaluation ev = c.bind().column("pt", pt).constant("syst", "nom").evaluate(5, ErrorPolicy.COLLECT);
        assertThat(ev.values()).containsExactly(1.5, Double.NaN, 2.5, Double.NaN, 1.5);
        assertThat(ev.errors()).extracting(Evaluation.ElementError::index).containsExactly(1, 3);
        assertThat(ev.errors().get(1).message()).contains("'pt' = NaN is above the binning range");
        // unknown category key: constant resolved once, every element fails the same way
        Evaluation bad = c.bind().column("pt", pt).constant("syst", "up").evaluate(5, ErrorPolicy.COLLECT);
        assertThat(bad.errors()).hasSize(5);
        assertThat(bad.errors().get(0).message()).isEqualTo(
                "correction 'sf': input 'syst' = \"up\" is not a key of the category (allowed: keys nom) at element 0");
        assertThatThrownBy(() -> c.evaluate(16.0, "up")).isInstanceOf(CorrectionDomainException.class)
                .hasMessageNotContaining("at element");
    }

    @Test
    void compoundCollectsStageErrors() {
        CorrectionSet set = CorrectionSet.parse("{\"schema_version\": 2, \"corrections\": ["
                + "{\"name\": \"l1\", \"version\": 1, \"inputs\": [{\"name\": \"pt\", \"type\": \"real\"}],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"data\": {\"nodetype\": \"binning\", \"input\": \"pt\","
                + " \"edges\": [10, 100], \"content\": [2.0], \"flow\": \"error\"}},"
                + "{\"name\": \"l2\", \"version\": 1, \"inputs\": [{\"name\": \"pt\", \"type\": \"real\"}],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"data\": {\"nodetype\": \"binning\", \"input\": \"pt\","
                + " \"edges\": [0, 50, 150], \"content\": [3.0, 5.0], \"flow\": \"error\"}}],"
                + " \"compound_corrections\": [{\"name\": \"c\", \"inputs\": [{\"name\": \"pt\", \"type\": \"real\"}],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"inputs_update\": [\"pt\"], \"input_op\": \"*\","
                + " \"output_op\": \"*\", \"stack\": [\"l1\", \"l2\"]}]}");
        CompoundCorrection c = set.compound("c");
        double[] pt = {20, 5, 30, 90};
        // l1 = 2 in [10, 100); l2 at 2*pt: 40 -> 3, 60 -> 5, 180 -> out of range
        Evaluation ev = c.bind().column("pt", pt).evaluate(4, ErrorPolicy.COLLECT);
        assertThat(ev.values()).containsExactly(6.0, Double.NaN, 10.0, Double.NaN);
        assertThat(ev.errors()).extracting(Evaluation.ElementError::index).containsExactly(1, 3);
        assertThat(ev.errors().get(0).message()).startsWith("correction 'l1': input 'pt' = 5.0 is below");
        assertThat(ev.errors().get(1).message()).startsWith("correction 'l2': input 'pt' = 180.0 is above");
        assertThat(pt).containsExactly(20, 5, 30, 90); // the caller's column is not modified
        assertThatThrownBy(() -> c.bind().column("pt", pt).evaluate()).isInstanceOf(CorrectionDomainException.class);
        assertThatThrownBy(() -> c.evaluate(5.0)).isInstanceOfSatisfying(CorrectionDomainException.class, e -> {
            assertThat(e.index()).isEqualTo(-1);
            assertThat(e.problem()).isEqualTo("is below the binning range");
            assertThat(e.getMessage()).doesNotContain("at element");
        });
    }

    @Test
    void bindingErrors() {
        Correction c = ptErrorFlow();
        assertThatThrownBy(() -> c.bind().column("eta", new double[1])).isInstanceOf(CorrectionInputException.class)
                .hasMessageContaining("has no input 'eta'").hasMessageContaining("pt (real)");
        assertThatThrownBy(() -> c.bind().column("syst", new double[1])).isInstanceOf(CorrectionInputException.class)
                .hasMessageContaining("input 'syst' is string, but a double[] column was given");
        assertThatThrownBy(() -> c.bind().column("pt", new double[3]).evaluate()).isInstanceOf(CorrectionInputException.class)
                .hasMessageContaining("syst (string)").hasMessageContaining("not bound");
        assertThatThrownBy(() -> c.bind().column("pt", new double[3]).constant("syst", "nom").evaluate(4))
                .isInstanceOf(CorrectionInputException.class).hasMessageContaining("has 3 elements, but 4 are evaluated");
        assertThatThrownBy(() -> c.evaluate(16.0)).isInstanceOf(CorrectionInputException.class)
                .hasMessageContaining("takes 2 inputs");
    }

    private static String schemaError(String json) {
        try {
            CorrectionSet.parse(json);
        } catch (CorrectionSchemaException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    private static String corr(String data) {
        return "{\"schema_version\": 2, \"corrections\": [{\"name\": \"a\", \"version\": 1, \"inputs\": [],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"data\": 1.0}, {\"name\": \"b\", \"version\": 1,"
                + " \"inputs\": [{\"name\": \"x\", \"type\": \"real\"}, {\"name\": \"s\", \"type\": \"string\"}],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"data\": " + data + "}]}";
    }

    @Test
    void schemaErrorsCarryJsonPaths() {
        assertThat(schemaError("{")).startsWith("<string>: JSON parse error");
        assertThat(schemaError("{}")).contains("'schema_version' is missing");
        assertThat(schemaError("{\"schema_version\": \"blah\"}")).contains("schema_version: must be 2");
        assertThat(schemaError(corr("{\"nodetype\": \"binning\", \"input\": \"x\", \"edges\": [0, 2, 1], \"content\": [1, 2], \"flow\": \"clamp\"}")))
                .isEqualTo("<string>: corrections[1].data.edges: must be increasing: edges[2] = 1.0 <= edges[1] = 2.0");
        assertThat(schemaError(corr("{\"nodetype\": \"binning\", \"input\": \"x\", \"edges\": [0, 1, 2], \"content\": [1, {\"nodetype\": \"binning\","
                + " \"input\": \"x\", \"edges\": [0, 1], \"content\": [1, 2], \"flow\": \"clamp\"}], \"flow\": \"clamp\"}")))
                .isEqualTo("<string>: corrections[1].data.content[1].content: must have 1 entries (one per bin), got 2");
        assertThat(schemaError(corr("{\"nodetype\": \"binning\", \"input\": \"s\", \"edges\": [0, 1], \"content\": [1], \"flow\": \"clamp\"}")))
                .contains("corrections[1].data.input: input 's' is string, but this node needs real or int");
        assertThat(schemaError(corr("{\"nodetype\": \"binning\", \"input\": \"y\", \"edges\": [0, 1], \"content\": [1], \"flow\": \"clamp\"}")))
                .contains("corrections[1].data.input: 'y' is not an input of this correction; inputs are [x, s]");
        assertThat(schemaError(corr("{\"nodetype\": \"binning\", \"input\": \"x\", \"edges\": [0, 1], \"content\": [1], \"flow\": \"clip\"}")))
                .contains("corrections[1].data.flow: must be \"clamp\", \"error\", \"wrap\" or a content node, got \"clip\"");
        assertThat(schemaError(corr("{\"nodetype\": \"category\", \"input\": \"s\", \"content\": [{\"key\": 1, \"value\": 1}]}")))
                .contains("corrections[1].data.content[0].key: must be a string");
        assertThat(schemaError(corr("{\"nodetype\": \"category\", \"input\": \"s\", \"content\": [{\"key\": \"a\", \"value\": 1},"
                + " {\"key\": \"a\", \"value\": 2}]}"))).contains("corrections[1].data.content[1].key: duplicate key \"a\"");
        assertThat(schemaError(corr("{\"nodetype\": \"formula\", \"expression\": \"x+\", \"parser\": \"TFormula\", \"variables\": [\"x\"]}")))
                .contains("corrections[1].data.expression: cannot parse \"x+\" at position 2");
        assertThat(schemaError(corr("{\"nodetype\": \"formula\", \"expression\": \"x\", \"parser\": \"numexpr\", \"variables\": [\"x\"]}")))
                .contains("corrections[1].data.parser: only \"TFormula\" is supported");
        assertThat(schemaError(corr("{\"nodetype\": \"formula\", \"expression\": \"x\", \"parser\": \"TFormula\", \"variables\": [\"s\"]}")))
                .contains("corrections[1].data.variables[0]: input 's' is string, but this node needs real");
        assertThat(schemaError(corr("{\"nodetype\": \"lwtnn\"}"))).contains("corrections[1].data.nodetype: unsupported nodetype \"lwtnn\"");
        assertThat(schemaError(corr("\"x\""))).contains("corrections[1].data: content must be a number or an object with a nodetype");
        assertThat(schemaError(corr("{\"nodetype\": \"binning\", \"input\": \"x\", \"edges\": {\"n\": 0, \"low\": 0, \"high\": 1},"
                + " \"content\": [], \"flow\": \"clamp\"}"))).contains("corrections[1].data.edges.n: must be a positive number of bins");
        assertThat(schemaError("{\"schema_version\": 2, \"corrections\": [{\"name\": \"a\", \"version\": 1, \"inputs\": [],"
                + " \"output\": {\"name\": \"o\", \"type\": \"int\"}, \"data\": 1.0}]}")).contains("corrections[0].output.type: must be \"real\"");
        assertThat(schemaError("{\"schema_version\": 2, \"corrections\": [{\"name\": \"a\", \"version\": 1, \"inputs\": [],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"data\": 1.0}, {\"name\": \"a\", \"version\": 1, \"inputs\": [],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"data\": 1.0}]}"))
                .contains("corrections[1].name: duplicate correction name 'a'");
        assertThat(schemaError("{\"schema_version\": 2, \"corrections\": [], \"compound_corrections\": [{\"name\": \"c\","
                + " \"inputs\": [], \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"inputs_update\": [], \"input_op\": \"*\","
                + " \"output_op\": \"*\", \"stack\": [\"missing\"]}]}")).contains("compound_corrections[0].stack[0]: must name a correction");
    }

    @Test
    void truncatedAndCorruptFiles() throws Exception {
        byte[] gz = java.nio.file.Files.readAllBytes(TestData.bundled("testSF2d.corr.json.gz"));
        byte[] truncated = java.util.Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> CorrectionSet.read(new java.io.ByteArrayInputStream(truncated), "cut.json.gz"))
                .isInstanceOf(CorrectionSchemaException.class).hasMessageStartingWith("cut.json.gz: ");
        byte[] json = java.nio.file.Files.readAllBytes(TestData.bundled("mycorrections.json"));
        byte[] cut = java.util.Arrays.copyOf(json, 1000);
        assertThatThrownBy(() -> CorrectionSet.read(new java.io.ByteArrayInputStream(cut), "cut.json"))
                .isInstanceOf(CorrectionSchemaException.class).hasMessageStartingWith("cut.json: JSON parse error at line 1");
        byte[] flipped = json.clone();
        flipped[json.length / 2] = '}';
        assertThatThrownBy(() -> CorrectionSet.read(new java.io.ByteArrayInputStream(flipped), "flip.json"))
                .isInstanceOf(CorrectionSchemaException.class).hasMessageStartingWith("flip.json: ");
    }

    @Test
    void nonNumericTokensAndStringEdges() {
        Correction c = TestData.set("{\"name\": \"n\", \"version\": 1, \"inputs\": [{\"name\": \"x\", \"type\": \"real\"}],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"data\": {\"nodetype\": \"binning\", \"input\": \"x\","
                + " \"edges\": [\"-inf\", 0, 1, Infinity], \"content\": [1, NaN, 3], \"flow\": \"error\"}}").correction("n");
        assertThat(c.evaluate(-1e308)).isEqualTo(1.0);
        assertThat(c.evaluate(0.5)).isNaN();
        assertThat(c.evaluate(1e308)).isEqualTo(3.0);
        assertThatThrownBy(() -> c.evaluate(Double.POSITIVE_INFINITY)).isInstanceOf(CorrectionDomainException.class);
    }
}
