package org.crema.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.crema.examples.ZMuMuProcessor;
import org.crema.hist.Hist;
import org.crema.hist.UhiJson;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Plots of the Z → μμ example's real output, run through the Runner over the bundled samples. */
class RunPlotsTest {
    static final String DY = "DYJetsToLL_M50_2018";
    static final String DATA = "DoubleMuon_2018";

    @TempDir
    static Path runDir;

    @BeforeAll
    static void runExample() {
        String r = System.getProperty("crema.root");
        Path root = r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize();
        Path fileset = root.resolve("data/filesets/zmumu.json");
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("data/samples/nanoaod/nano_dy.root")),
                "bundled NanoAOD samples are not present");
        RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withWorkers(2).withProgress(false))
                .run(new ZMuMuProcessor(), Fileset.read(fileset));
        out.write(runDir);
    }

    @Test
    void writesEveryPlotInAllThreeFormats() throws Exception {
        List<Path> files = RunPlots.read(runDir).write(PlotOptions.defaults().withLogY(true));
        Path plots = runDir.resolve("plots");
        for (String cat : List.of("baseline", "zWindow")) {
            for (String name : List.of("dimuonMass", "dimuonMass_log", "leadingMuonPt", "leadingMuonPt_log", "cutflow",
                    "shapes/dimuonMass_DYJetsToLL")) {
                for (String ext : List.of("png", "svg", "pdf")) {
                    assertThat(plots.resolve(cat).resolve(name + "." + ext)).isRegularFile();
                }
            }
        }
        // 2 categories × (2 histograms × (lin + log + 1 shape plot) + cutflow) × 3 formats
        assertThat(files).hasSize(2 * (2 * 3 + 1) * 3);
        // no temporary file is left behind
        try (var s = Files.walk(plots)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }

        Path base = plots.resolve("baseline");
        BufferedImage png = ImageIO.read(base.resolve("dimuonMass.png").toFile());
        assertThat(png.getWidth()).isEqualTo(800 * PlotWriter.PNG_SCALE);
        assertThat(png.getHeight()).isEqualTo(800 * PlotWriter.PNG_SCALE);

        String svg = Files.readString(base.resolve("dimuonMass.svg"), StandardCharsets.UTF_8);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        // The document names the SVG 1.1 DTD; parsing must not fetch it from the network.
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = dbf.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("CMS", "Preliminary", "Data", "DYJetsToLL", "59.8 fb", "(13 TeV)", "Data / MC",
                "m(μμ) [GeV]");

        byte[] pdf = Files.readAllBytes(base.resolve("dimuonMass.pdf"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        assertThat(pages).isEqualTo(1);
    }

    @Test
    void equalPlotsAreEqualFilesInEveryFormat() throws Exception {
        RunPlots run = RunPlots.read(runDir);
        RunPlots.Stack s = run.stack("dimuonMass", "baseline", PlotOptions.defaults());
        java.util.function.Supplier<DataMcPlot> plot = () -> RunPlots.dataMc(s, "m", false, "baseline", "dimuonMass",
                PlotOptions.defaults(), CmsLabel.preliminary(59.8, 13));
        String first = PlotWriter.svg(plot.get());
        Thread.sleep(5); // a clock-derived id or date would now differ
        assertThat(PlotWriter.svg(plot.get())).isEqualTo(first).contains("crema");
        byte[] pdf = PlotWriter.bytes(plot.get(), PlotWriter.Format.PDF);
        Thread.sleep(1100); // PDF dates have a resolution of one second
        assertThat(PlotWriter.bytes(plot.get(), PlotWriter.Format.PDF)).isEqualTo(pdf);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/CreationDate (D:19700101000000");
    }

    @Test
    void bandIsTheQuadratureSumOfVariationShiftsAndMcStatistics() throws IOException {
        RunPlots run = RunPlots.read(runDir);
        RunPlots.Stack s = run.stack("dimuonMass", "baseline", PlotOptions.defaults());
        Hist h = UhiJson.readAll(runDir.resolve("histograms.json")).get("histograms/" + DY + "/dimuonMass")
                .at("category", "baseline");
        double[] nom = h.at("variation", "nominal").values(false);
        double[] var = h.at("variation", "nominal").variances(false);
        double[] scaleUp = h.at("variation", "muonScaleUp").values(false);
        double[] scaleDown = h.at("variation", "muonScaleDown").values(false);
        double[] sfUp = h.at("variation", "muonSFUp").values(false);
        double[] sfDown = h.at("variation", "muonSFDown").values(false);
        SystematicBand band = s.band();
        boolean anyNonZero = false;
        for (int i = 0; i < nom.length; i++) {
            // by hand: per source the larger upward (downward) shift, sources and MC stat in quadrature
            double scaleHi = Math.max(0, Math.max(scaleUp[i] - nom[i], scaleDown[i] - nom[i]));
            double scaleLo = Math.max(0, Math.max(nom[i] - scaleUp[i], nom[i] - scaleDown[i]));
            double sfHi = Math.max(0, Math.max(sfUp[i] - nom[i], sfDown[i] - nom[i]));
            double sfLo = Math.max(0, Math.max(nom[i] - sfUp[i], nom[i] - sfDown[i]));
            double up = Math.sqrt(scaleHi * scaleHi + sfHi * sfHi + var[i]);
            double down = Math.sqrt(scaleLo * scaleLo + sfLo * sfLo + var[i]);
            // the band takes √ of the systematic sum first, then adds the variance: a few ulps apart
            assertThat(band.up()[i]).isCloseTo(up, org.assertj.core.data.Offset.offset(1e-12 * (1 + up)));
            assertThat(band.down()[i]).isCloseTo(down, org.assertj.core.data.Offset.offset(1e-12 * (1 + down)));
            anyNonZero |= (scaleHi > 0 || sfHi > 0) && up > Math.sqrt(var[i]);
        }
        assertThat(anyNonZero).as("the variations widen the band in some bin").isTrue();
        // the stack: one MC process from the fileset's sample metadata, data from the isMC=false dataset
        assertThat(s.processes().keySet()).containsExactly("DYJetsToLL");
        assertThat(s.processes().get("DYJetsToLL")).isEqualTo(nom);
        double[] data = UhiJson.readAll(runDir.resolve("histograms.json")).get("histograms/" + DATA + "/dimuonMass")
                .at("category", "baseline").at("variation", "nominal").values(false);
        assertThat(s.data()).isEqualTo(data);
        assertThat(java.util.Arrays.stream(data).sum()).isEqualTo(4.0); // the 4 selected data events (cutflow)
    }

    @Test
    void blindedCategoryAndRangeHideData() throws Exception {
        RunPlots run = RunPlots.read(runDir);
        PlotOptions opts = PlotOptions.defaults().withBlindCategories(Set.of("zWindow"))
                .withBlindRanges(Map.of("dimuonMass", List.of(new double[] {80, 100})));
        RunPlots.Stack s = run.stack("dimuonMass", "zWindow", opts);
        DataMcPlot all = RunPlots.dataMc(s, "m", false, "zWindow", "dimuonMass", opts, CmsLabel.preliminary(59.8, 13));
        for (int i = 0; i < s.edges().length - 1; i++) {
            assertThat(all.blinded(i)).isTrue();
        }
        String svg = PlotWriter.svg(all);
        assertThat(svg).contains("Blinded").doesNotContain(">Data<");
        DataMcPlot range = RunPlots.dataMc(run.stack("dimuonMass", "baseline", opts), "m", false, "baseline",
                "dimuonMass", opts, CmsLabel.preliminary(59.8, 13));
        // 60 bins of 2.5 GeV from 0: [80, 100) is bins 32…39
        for (int i = 0; i < 60; i++) {
            assertThat(range.blinded(i)).as("bin %d", i).isEqualTo(i >= 32 && i < 40);
        }
    }

    @Test
    void missingHistogramsFileNamesTheFolder(@TempDir Path empty) {
        assertThatThrownBy(() -> RunPlots.read(empty))
                .isInstanceOf(PlotException.class)
                .hasMessageContaining("no histograms.json in " + empty)
                .hasMessageContaining("crema run");
    }

    @Test
    void exampleImageForTheDocs() throws IOException {
        // Writes the README's picture when asked: -Dcrema.plots.example=PATH
        String target = System.getProperty("crema.plots.example");
        Assumptions.assumeTrue(target != null, "crema.plots.example not set");
        RunPlots run = RunPlots.read(runDir);
        PlotOptions opts = PlotOptions.defaults().withNormaliseToData(true)
                .withXLabels(Map.of("dimuonMass", "m_{\\mu\\mu} [GeV]", "leadingMuonPt", "p_{T}^{\\mu_{1}} [GeV]"))
                .withFormats(Set.of(PlotWriter.Format.PNG));
        Path p = Path.of(target);
        DataMcPlot plot = RunPlots.dataMc(run.stack("dimuonMass", "baseline", opts), "m_{\\mu\\mu} [GeV]", false,
                "baseline", "dimuonMass", opts, CmsLabel.preliminary(59.8, 13));
        PlotWriter.write(plot, p.resolveSibling(p.getFileName().toString().replaceFirst("\\.png$", "")),
                Set.of(PlotWriter.Format.PNG));
        assertThat(p).isRegularFile();
        // and every plot, for looking at, beside it
        for (Path f : run.write(opts.withNormaliseToData(false).withLogY(true).withFormats(PlotWriter.Format.ALL))) {
            Path dest = p.resolveSibling("all").resolve(runDir.resolve("plots").relativize(f));
            Files.createDirectories(dest.getParent());
            Files.copy(f, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
