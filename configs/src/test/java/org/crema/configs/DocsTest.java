package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.configs.internal.expr.Compiler;
import org.crema.configs.internal.model.Keys;
import org.junit.jupiter.api.Test;

/** docs/configs.md documents exactly the keys and functions the loader accepts, and quotes the example verbatim. */
class DocsTest {
    static String doc() throws IOException {
        return Files.readString(TestData.file("docs/configs.md"));
    }

    static String section(String doc, String from, String to) {
        int a = doc.indexOf(from);
        int b = doc.indexOf(to, a);
        assertThat(a).as(from).isNotNegative();
        assertThat(b).as(to).isGreaterThan(a);
        return doc.substring(a, b);
    }

    /** The first cell of every table row, when it is one backticked word. */
    static List<String> firstCells(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyAcceptedKeyIsDocumentedAndEveryDocumentedKeyIsAccepted() throws IOException {
        List<String> documented = firstCells(section(doc(), "## Reference", "### Parameters"));
        assertThat(new LinkedHashSet<>(documented)).as("no key documented twice").hasSameSizeAs(documented);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(Keys.paths());
    }

    @Test
    void everyFunctionIsDocumented() throws IOException {
        String table = section(doc(), "### Functions", "### Collections");
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = Pattern.compile("`([a-zA-Z]+)\\(").matcher(table);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(Compiler.FUNCTIONS);
    }

    @Test
    void theCompleteExampleIsTheExampleFile() throws IOException {
        String block = section(doc(), "## A complete example", "## Reference");
        int start = block.indexOf("```yaml\n") + "```yaml\n".length();
        String quoted = block.substring(start, block.indexOf("```", start));
        assertThat(quoted).isEqualTo(Files.readString(TestData.file("configs/examples/zmumu.yaml")));
    }
}
