package org.crema.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the line-count table of {@code docs/coming-from-coffea.md} honest: crema's counts are
 * recomputed from the document's code blocks and from the example sources, with the rule the
 * document states (non-blank, non-comment lines; imports, declarations, closing braces and Javadoc
 * excluded), and every ratio to coffea's count stays within the 1.3× goal.
 */
class LineCountTableTest {
    private static final Path DOC = TestData.root().resolve("docs/coming-from-coffea.md");
    private static final Path EXAMPLES = TestData.root().resolve("examples/src/main/java/org/crema/examples");

    @Test
    void kernelRowCountsTheDocumentsOwnCodeBlocks() throws IOException {
        String doc = Files.readString(DOC);
        String section = doc.substring(doc.indexOf("## A standard analysis, line by line"), doc.indexOf("### Line counts"));
        int python = codeLines(block(section, "python"));
        int java = codeLines(block(section, "java"));

        Row row = row(doc, "the kernels above");
        assertThat(row.coffea()).isEqualTo(python);
        assertThat(row.crema()).isEqualTo(java);
        assertRatio(row);
    }

    @Test
    void agcTaskRowCountsTheExampleSources() throws IOException {
        int crema = methodBodyLines(Files.readString(EXAMPLES.resolve("AgcTaskProcessor.java")))
                + methodBodyLines(Files.readString(EXAMPLES.resolve("AgcSelection.java")));

        Row row = row(Files.readString(DOC), "AGC task");
        assertThat(row.crema()).isEqualTo(crema);
        assertRatio(row);
    }

    private static void assertRatio(Row row) {
        double ratio = (double) row.crema() / row.coffea();
        assertThat(row.ratio()).isCloseTo(ratio, org.assertj.core.data.Offset.offset(0.005));
        assertThat(ratio).isLessThanOrEqualTo(1.3);
    }

    record Row(int coffea, int crema, double ratio) {
    }

    /** The table row whose first cell starts with {@code prefix}: | what | coffea | crema | ratio |. */
    private static Row row(String doc, String prefix) {
        Matcher m = Pattern.compile("(?m)^\\| " + Pattern.quote(prefix) + "[^|]*\\| (\\d+) \\| (\\d+) \\| ([0-9.]+) \\|$")
                .matcher(doc);
        assertThat(m.find()).as("table row '%s' in %s", prefix, DOC).isTrue();
        return new Row(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Double.parseDouble(m.group(3)));
    }

    private static List<String> block(String section, String language) {
        int start = section.indexOf("```" + language + "\n");
        assertThat(start).as("a %s block", language).isGreaterThanOrEqualTo(0);
        int from = start + language.length() + 4;
        return List.of(section.substring(from, section.indexOf("```", from)).split("\n"));
    }

    private static int codeLines(List<String> lines) {
        int n = 0;
        for (String l : lines) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("//")) {
                n++;
            }
        }
        return n;
    }

    /** Lines inside method and constructor bodies, without blank lines, comments and lone closing braces. */
    static int methodBodyLines(String source) {
        int n = 0;
        int depth = 0;
        for (String line : source.replaceAll("(?s)/\\*.*?\\*/", "").split("\n")) {
            String t = line.strip();
            // depth 1 is the class body, so a line that starts at depth 2 or more is inside a member's body
            if (depth >= 2 && !t.isEmpty() && !t.startsWith("//") && !t.matches("[})\\];]+")) {
                n++;
            }
            depth += count(line, '{') - count(line, '}');
        }
        return n;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
