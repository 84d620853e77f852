package org.crema.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.cli.CremaCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {
    static final String SHIFTED = "histograms/DYJetsToLL_M50_2018/dimuonMass";
    @TempDir static Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    static int runQuietly(String... args) {
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter())).execute(args);
    }

    /** Two independent runs of the Z→μμ example (one and two workers), and B with one histogram shifted. */
    @BeforeAll
    static void runTwice() throws Exception {
        Path fileset = Path.of(System.getProperty("crema.root", "..")).resolve("data/filesets/zmumu.json");
        for (String[] r : new String[][] {{"a", "1"}, {"b", "2"}}) {
            assertThat(runQuietly("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset",
                    fileset.toString(), "--workers", r[1], "--chunk-size", "20", "--output", dir.resolve(r[0])
                            .toString())).isZero();
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode all = (ObjectNode) json.readTree(dir.resolve("b/histograms.json").toFile());
        JsonNode storage = all.get(SHIFTED).get("storage");
        shiftInnermost((ArrayNode) storage.get("values"));
        shiftInnermost((ArrayNode) storage.get("variances"));
        json.writeValue(dir.resolve("shifted.json").toFile(), all);
    }

    /** Moves every bin of the last (mass) axis one bin up, as a changed calibration would. */
    static void shiftInnermost(ArrayNode a) {
        if (a.size() > 0 && a.get(0).isNumber()) {
            JsonNode last = a.remove(a.size() - 1);
            a.insert(0, last);
            return;
        }
        a.forEach(e -> shiftInnermost((ArrayNode) e));
    }

    @Test
    void identicalOutputsPass() {
        int code = run("compare", dir.resolve("a").toString(), dir.resolve("b").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).matches("(?s)compared \\d+ histogram slices of .*a \\(A\\) and .*b \\(B\\): \\d+"
                + " identical\nPASS\n");
    }

    @Test
    void aShiftedHistogramFailsNamingItAndNothingElse() {
        // The bundled sample has two Z candidates: a one-bin shift is statistically compatible (and said so),
        // but --exact, the release-validation mode for the same inputs, fails on any change.
        assertThat(run("compare", dir.resolve("a").toString(), dir.resolve("shifted.json").toString())).isZero();
        assertThat(out.toString()).contains("COMPATIBLE       " + SHIFTED + " [category=zWindow, variation=nominal]:"
                + " sum 2525 → 2525 (±0%), largest change -1263 in bin [87.5, 90), χ²/ndf = 3.333/4 (p = 0.5037),"
                + " Kolmogorov p = 0.6994\n").endsWith("PASS\n");
        int code = run("compare", "--exact", dir.resolve("a").toString(), dir.resolve("shifted.json").toString());
        assertThat(code).as(out.toString()).isEqualTo(1);
        String text = out.toString();
        assertThat(text).contains("FAILED           " + SHIFTED + " [category=zWindow, variation=nominal]: sum ")
                .contains("Kolmogorov p = ").containsPattern("FAIL: \\d+ slices moved\n$");
        for (String line : text.split("\n")) {
            if (line.startsWith("FAILED") || line.startsWith("COMPATIBLE")) {
                assertThat(line).contains(SHIFTED);
            }
        }
        assertThat(text).doesNotContain("leadingMuonPt [");
    }

    @Test
    void toleranceAndThresholdsAreOptionsAndBadOnesNameTheOption() {
        assertThat(run("compare", "--min-p", "1.5", dir.resolve("a").toString(), dir.resolve("b").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--min-p must be between 0 and 1, got 1.5");
        assertThat(run("compare", dir.resolve("a").toString(), dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("crema compare: " + dir.resolve("missing") + " does not exist: give a run"
                + " output folder (crema run --output) or a UHI JSON file" + System.lineSeparator());
        assertThat(run("compare", dir.resolve("a").toString(), dir.resolve("a/manifest.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("crema compare: ");
        // a 100% tolerance accepts any change of a non-negative histogram
        assertThat(run("compare", "--tolerance", "1", dir.resolve("a").toString(),
                dir.resolve("shifted.json").toString())).isZero();
        assertThat(out.toString()).contains("within tolerance").endsWith("PASS\n");
    }

    @Test
    void htmlReportRendersInHeadlessChromium() throws Exception {
        Path html = dir.resolve("report/compare.html");
        int code = run("compare", "--exact", "--html", html.toString(), dir.resolve("a").toString(),
                dir.resolve("shifted.json").toString());
        assertThat(code).isEqualTo(1);
        String page = Files.readString(html);
        int slices = Integer.parseInt(out.toString().replaceAll("(?s)^compared (\\d+) histogram slices.*", "$1"));
        assertThat(count(page, "<svg ")).isEqualTo(slices);
        assertThat(page).doesNotContain("<script").doesNotContain("src=").doesNotContain("<link")
                .doesNotContain("url(").contains("FAILED: " + SHIFTED + " [category=zWindow, variation=nominal]");

        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "no chromium on the PATH: the HTML report is not checked in a"
                + " browser (apt-get install chromium)");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("chromium-profile"), "--enable-logging=stderr",
                "--v=0", "--virtual-time-budget=5000", "--dump-dom", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("chromium.log"));
        assertThat(p.exitValue()).as(log).isZero();
        // the parsed document: every plot is an SVG element with its two histograms and ratio drawn as paths
        assertThat(count(dom, "<svg ")).as(log).isEqualTo(slices);
        assertThat(count(dom, "<path ")).isGreaterThanOrEqualTo(slices);
        assertThat(dom).contains("<h1>FAIL</h1>");
        // Chromium logs page errors (scripts, failed loads, bad SVG attributes) as CONSOLE lines
        assertThat(log.lines().filter(l -> l.contains("CONSOLE") || l.contains("ERR_FILE_NOT_FOUND")
                || l.contains("Error: <")).toList()).isEmpty();

        if (Boolean.getBoolean("crema.compare.screenshot")) {
            new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="
                    + dir.resolve("chromium-profile"), "--window-size=1200,1600", "--screenshot="
                    + Path.of("target/compare-report.png").toAbsolutePath(), html.toUri().toString()).inheritIO()
                    .start().waitFor(120, TimeUnit.SECONDS);
        }
    }

    static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }
}
