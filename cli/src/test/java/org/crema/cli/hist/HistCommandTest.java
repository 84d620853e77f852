package org.crema.cli.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.crema.cli.CremaCommand;
import org.crema.hist.ContinuousAxis;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.Storage;
import org.crema.hist.StrCategoryAxis;
import org.crema.hist.UhiJson;
import org.crema.processor.run.RunOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the Z→μμ example on the bundled samples once, then checks what {@code crema hist} prints
 * against the histograms read directly through the library: CSV numbers bit for bit, rebinning,
 * flow bins, the bar plot's proportions and the error messages.
 */
class HistCommandTest {
    private static final String DY = "DYJetsToLL_M50_2018";
    private static final String DY_MASS = "histograms/" + DY + "/dimuonMass";

    @TempDir static Path runDir;
    static Map<String, Hist> hists;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Result run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path root() {
        return Path.of(System.getProperty("crema.root", ".."));
    }

    @BeforeAll
    static void runTheExample() throws IOException {
        Result r = run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset",
                root().resolve("data/filesets/zmumu.json"), "--output", runDir);
        assertThat(r.code()).as(r.err()).isZero();
        RunOutput.verify(runDir);
        hists = UhiJson.readAll(runDir.resolve(RunOutput.HISTOGRAMS));
    }

    /** The slice of the run's DY mass histogram at one category and variation. */
    private static Hist dyMass(String category) {
        return hists.get(DY_MASS).at("category", category).at("variation", "nominal");
    }

    /** CSV rows without the header, split into cells (no cell of these tables needs quoting). */
    private static List<String[]> csvRows(Result r) {
        return r.lines().stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void listsEveryHistogramWithAxesAndTotals() {
        Result r = run("hist", runDir);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("dimuonMass (WEIGHT)", "leadingMuonPt (WEIGHT)",
                "mass 60 bins [0, 150)", "pt 50 bins [0, 200)", "entries and Σw (flow bins included) of variation nominal");
        for (String category : List.of("baseline", "zWindow")) {
            Hist h = dyMass(category);
            String line = r.lines().stream().dropWhile(l -> !l.startsWith("dimuonMass"))
                    .filter(l -> l.trim().startsWith(DY + " ") && l.contains(" " + category + " ")).findFirst()
                    .orElseThrow();
            String[] cells = line.trim().split(" +");
            double sumw = h.sum(true);
            double sumw2 = Arrays.stream(h.variances(true)).sum();
            // the listing shows 6 significant digits
            assertThat(Double.parseDouble(cells[3])).isCloseTo(sumw, org.assertj.core.data.Offset.offset(
                    5e-6 * Math.abs(sumw)));
            assertThat(Double.parseDouble(cells[2])).isCloseTo(sumw * sumw / sumw2,
                    org.assertj.core.data.Offset.offset(5e-6 * sumw * sumw / sumw2));
        }
        assertThat(r.out()).contains("DoubleMuon_2018");
    }

    @Test
    void csvGivesTheLibrarysNumbersBitForBit() {
        Result r = run("hist", runDir, "dimuonMass", "--dataset", "DY*", "--category", "zWindow", "--variation",
                "nominal", "--csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines().getFirst())
                .isEqualTo("histogram,dataset,category,variation,mass_low,mass_high,sumw,sqrt_sumw2");
        Hist h = dyMass("zWindow");
        double[] edges = ((ContinuousAxis) h.axis("mass")).edges();
        double[] values = h.values(false);
        double[] variances = h.variances(false);
        List<String[]> rows = csvRows(r);
        assertThat(rows).hasSize(60);
        assertThat(Arrays.stream(values).filter(v -> v != 0).count()).isGreaterThan(1);
        for (int i = 0; i < rows.size(); i++) {
            String[] c = rows.get(i);
            assertThat(List.of(c[0], c[1], c[2], c[3])).containsExactly(DY_MASS, DY, "zWindow", "nominal");
            assertThat(Double.parseDouble(c[4])).isEqualTo(edges[i]);
            assertThat(Double.parseDouble(c[5])).isEqualTo(edges[i + 1]);
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(c[6])))
                    .isEqualTo(Double.doubleToRawLongBits(values[i]));
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(c[7])))
                    .isEqualTo(Double.doubleToRawLongBits(Math.sqrt(variances[i])));
        }
    }

    @Test
    void flowBinsAppearOnlyWhenAsked() {
        Result r = run("hist", runDir, "dimuonMass", "--dataset", DY, "--category", "baseline", "--variation",
                "nominal", "--csv", "--flow");
        assertThat(r.code()).as(r.err()).isZero();
        double[] values = dyMass("baseline").values(true);
        List<String[]> rows = csvRows(r);
        assertThat(rows).hasSize(62);
        assertThat(rows.getFirst()[4]).isEqualTo("-Infinity");
        assertThat(rows.getFirst()[5]).isEqualTo("0.0");
        assertThat(rows.getLast()[4]).isEqualTo("150.0");
        assertThat(rows.getLast()[5]).isEqualTo("Infinity");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(Double.parseDouble(rows.get(i)[6])).isEqualTo(values[i]);
        }
        assertThat(run("hist", runDir, "dimuonMass", "--dataset", DY, "--category", "baseline", "--variation",
                "nominal").out()).doesNotContain("underflow").doesNotContain("overflow");
    }

    @Test
    void rebinMergesAdjacentBinsAndRefusesFactorsThatDoNotDivide() {
        Result r = run("hist", runDir, "dimuonMass", "--dataset", DY, "--category", "baseline", "--variation",
                "nominal", "--csv", "--rebin", "2");
        assertThat(r.code()).as(r.err()).isZero();
        Hist h = dyMass("baseline");
        double[] edges = ((ContinuousAxis) h.axis("mass")).edges();
        double[] values = h.values(false);
        double[] variances = h.variances(false);
        List<String[]> rows = csvRows(r);
        assertThat(rows).hasSize(30);
        for (int j = 0; j < 30; j++) {
            String[] c = rows.get(j);
            assertThat(Double.parseDouble(c[4])).isEqualTo(edges[2 * j]);
            assertThat(Double.parseDouble(c[5])).isEqualTo(edges[2 * j + 2]);
            // one addition of two numbers is correctly rounded, whatever order the library sums in
            assertThat(Double.parseDouble(c[6])).isEqualTo(values[2 * j] + values[2 * j + 1]);
            assertThat(Double.parseDouble(c[7])).isEqualTo(Math.sqrt(variances[2 * j] + variances[2 * j + 1]));
        }

        Result bad = run("hist", runDir, "dimuonMass", "--rebin", "7");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--rebin 7 does not divide the 60 bins of axis \"mass\"")
                .contains("1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60");
    }

    @Test
    void hideEmptyLeavesOutExactlyTheEmptyBins() {
        Result r = run("hist", runDir, "dimuonMass", "--dataset", "DoubleMuon_2018", "--category", "zWindow",
                "--variation", "nominal", "--csv", "--hide-empty");
        assertThat(r.code()).as(r.err()).isZero();
        Hist h = hists.get("histograms/DoubleMuon_2018/dimuonMass").at("category", "zWindow").at("variation",
                "nominal");
        double[] values = h.values(false);
        double[] edges = ((ContinuousAxis) h.axis("mass")).edges();
        List<Double> filledLowEdges = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                filledLowEdges.add(edges[i]);
            }
        }
        assertThat(filledLowEdges).isNotEmpty().hasSizeLessThan(60);
        assertThat(csvRows(r).stream().map(c -> Double.parseDouble(c[4])).toList()).isEqualTo(filledLowEdges);
    }

    @Test
    void projectionSumsTheOtherAxesWithTheirFlowBins(@TempDir Path dir) throws IOException {
        Hist h = Hist.builder().axis(StrCategoryAxis.of("category", "a", "b")).axis(RegularAxis.of("x", 4, 0, 4))
                .axis(RegularAxis.of("y", 3, 0, 3)).storage(Storage.WEIGHT).name("xy").build();
        SplittableRandom rng = new SplittableRandom(7);
        int n = 5000;
        String[] cat = new String[n];
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            cat[i] = rng.nextBoolean() ? "a" : "b";
            x[i] = rng.nextDouble(-1, 5);
            y[i] = rng.nextDouble(-1, 4);
            w[i] = rng.nextDouble(0.1, 1.3);
        }
        h.fillWeighted(w, cat, x, y);
        Path file = dir.resolve("toy.json");
        UhiJson.write(file, Map.of("histograms/toy/xy", h));

        Result r = run("hist", file, "xy", "--project", "x", "--flow", "--csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines().getFirst()).isEqualTo("histogram,dataset,category,x_low,x_high,sumw,sqrt_sumw2");
        List<String[]> rows = csvRows(r);
        assertThat(rows).hasSize(12);
        for (String c : List.of("a", "b")) {
            Hist slice = h.at("category", c);
            List<String[]> mine = rows.stream().filter(row -> row[2].equals(c)).toList();
            assertThat(mine).hasSize(6);
            for (int bx = -1; bx <= 4; bx++) {
                BigDecimal sumw = BigDecimal.ZERO;
                BigDecimal sumw2 = BigDecimal.ZERO;
                for (int by = -1; by <= 3; by++) {
                    sumw = sumw.add(new BigDecimal(slice.value(bx, by)));
                    sumw2 = sumw2.add(new BigDecimal(slice.variance(bx, by)));
                }
                String[] row = mine.get(bx + 1);
                // the library sums exactly and rounds once, as BigDecimal does here
                assertThat(Double.parseDouble(row[5])).isEqualTo(sumw.doubleValue());
                assertThat(Double.parseDouble(row[6])).isEqualTo(Math.sqrt(sumw2.doubleValue()));
            }
        }

        Result bad = run("hist", file, "xy", "--project", "xx");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("histograms/toy/xy has no axis \"xx\"; did you mean x?")
                .contains("axes to project on: x, y");
        assertThat(run("hist", file, "xy", "--project", "category").err()).contains("it is a category axis");
        assertThat(run("hist", file, "xy", "--plot").err()).contains("--plot draws one axis").contains("--project");
    }

    @Test
    void plotBarsAreProportionalToTheBins() {
        Result r = run("hist", runDir, "dimuonMass", "--dataset", DY, "--category", "baseline", "--variation",
                "nominal", "--plot", "--width", "80");
        assertThat(r.code()).as(r.err()).isZero();
        double[] values = dyMass("baseline").values(false);
        List<String> lines = r.lines().stream().filter(l -> l.contains("│")).toList();
        assertThat(lines).hasSize(60);
        long[] eighths = new long[60];
        for (int i = 0; i < 60; i++) {
            String line = lines.get(i);
            assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(80);
            String bar = line.substring(line.indexOf('│') + 1);
            for (char ch : bar.toCharArray()) {
                if (ch == '\u2588') {
                    eighths[i] += 8;
                } else if (ch >= '\u2589' && ch <= '\u258F') {
                    eighths[i] += '\u2590' - ch;
                }
            }
        }
        double max = Arrays.stream(values).max().orElseThrow();
        long longest = Arrays.stream(eighths).max().orElseThrow();
        assertThat(longest).as("the largest bin fills most of the line").isGreaterThan(8 * 40);
        for (int i = 0; i < 60; i++) {
            assertThat((double) eighths[i]).as("bin " + i).isCloseTo(values[i] / max * longest,
                    org.assertj.core.data.Offset.offset(0.5 + 1e-9));
            assertThat(eighths[i] == 0).isEqualTo(values[i] <= 0 || values[i] / max * longest < 0.5);
        }
    }

    @Test
    void unknownNamesGetTheClosestOne() {
        Result name = run("hist", runDir, "dimuonMas");
        assertThat(name.code()).isEqualTo(1);
        assertThat(name.err()).contains("no histogram \"dimuonMas\"; did you mean dimuonMass?");
        assertThat(run("hist", runDir, "--category", "zWindw").err())
                .contains("no category \"zWindw\"; did you mean zWindow?").contains("baseline, zWindow");
        assertThat(run("hist", runDir, "--variation", "nominl").err())
                .contains("no variation \"nominl\"; did you mean nominal?");
        assertThat(run("hist", runDir, "--dataset", "DoubleMuon_2017").err())
                .contains("no dataset \"DoubleMuon_2017\"; did you mean DoubleMuon_2018?");
    }

    @Test
    void explainsWhatIsNotARunOutput(@TempDir Path dir) throws IOException {
        Result missing = run("hist", dir.resolve("nope"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains(dir.resolve("nope") + " does not exist: give a run output folder");

        assertThat(run("hist", dir).err()).contains(dir + " is not a run output: it has no manifest.json");

        Path rootFile = root().resolve("data/samples/nanoaod/nano_dy.root");
        Result binary = run("hist", rootFile);
        assertThat(binary.code()).isEqualTo(1);
        assertThat(binary.err()).contains(rootFile + " is not a UHI JSON histogram file");

        // results without their manifest are an interrupted run, not a complete output
        Path partial = Files.createDirectory(dir.resolve("partial"));
        Files.copy(runDir.resolve(RunOutput.HISTOGRAMS), partial.resolve(RunOutput.HISTOGRAMS));
        assertThat(run("hist", partial).err()).contains("no complete run output in " + partial);
    }

    @Test
    void readsAPlainUhiFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("h.json");
        Files.writeString(f, """
                {"uhi_schema": 1, "metadata": {"name": "h"},
                 "axes": [{"type": "regular", "lower": 0, "upper": 2, "bins": 2, "underflow": true, "overflow": true,
                           "circular": false, "metadata": {"name": "x", "unit": "GeV"}}],
                 "storage": {"type": "weighted", "values": [1, 2.5, 3, 4], "variances": [1, 3.25, 9, 16]}}
                """);
        Result r = run("hist", f, "--csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("histogram,dataset,x_low,x_high,sumw,sqrt_sumw2\n"
                + "h,,0.0,1.0,2.5," + Math.sqrt(3.25) + "\nh,,1.0,2.0,3.0,3.0\n");
        assertThat(run("hist", f, "h").out()).contains("x [GeV]").contains("[1, 2)").contains("2.50000");
    }
}
