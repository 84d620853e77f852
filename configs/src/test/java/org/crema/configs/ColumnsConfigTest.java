package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.hist.Hist;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.ColumnListAccumulator;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-event columns of a category saved from configs/examples/zmumu.yaml, as Parquet and Arrow IPC. */
class ColumnsConfigTest {

    static AnalysisConfig config() throws IOException {
        TestData.file("data/samples/nanoaod/nano_dimuon.root");
        Path file = TestData.file("configs/examples/zmumu.yaml");
        String text = Files.readString(file) + """

                columns:
                  dimuons:
                    category: zWindow
                    values:
                      mass: dimuonMass
                      leadingPt: "GoodMuon[0].pt"
                      nGoodMuon: nGoodMuon
                  dimuonsIpc: {category: zWindow, format: arrow, values: {mass: dimuonMass}}
                """;
        return AnalysisConfig.parse(text, "zmumu.yaml", file.getParent());
    }

    @Test
    void theSavedRowsAreTheEventsOfTheCategoryInInputOrderForOneAndTwoWorkers(@TempDir Path tmp) throws IOException {
        AnalysisConfig cfg = config();
        AccumulatorMap one = new Runner(RunConfig.defaults().withWorkers(1).withProgress(false))
                .run(cfg.processor(), cfg.fileset()).result();
        AccumulatorMap two = new Runner(RunConfig.defaults().withWorkers(2).withChunkSize(7).withProgress(false))
                .run(cfg.processor(), cfg.fileset()).result();
        ColumnListAccumulator rows = one.get("columns:dimuons", ColumnListAccumulator.class);
        ColumnListAccumulator rows2 = two.get("columns:dimuons", ColumnListAccumulator.class);
        assertThat(rows2.column("mass")).isEqualTo(rows.column("mass"));
        assertThat(rows2.column("leadingPt")).isEqualTo(rows.column("leadingPt"));

        // Collision data are unweighted: the saved masses of DoubleMuon, histogrammed, give the
        // zWindow histogram of the run, and their number is the cutflow's last zWindow step.
        double[] dataMass = rows.parts().entrySet().stream().filter(e -> e.getKey().dataset().equals("DoubleMuon_2018"))
                .flatMapToDouble(e -> Arrays.stream((double[]) e.getValue().get("mass"))).toArray();
        Cutflow cf = one.get("cutflow", Cutflow.class);
        assertThat((long) dataMass.length)
                .isEqualTo(cf.flows().get(new Cutflow.Key("DoubleMuon_2018", "zWindow", "nominal")).getLast().events())
                .isPositive();
        Hist run = one.get("histograms", AccumulatorMap.class).get("DoubleMuon_2018", HistAccumulator.class)
                .get("dimuonMass").select("category", "zWindow").select(Hist.VARIATION_AXIS, "nominal")
                .project("mass");
        Hist mine = Hist.of(run.axis("mass"));
        mine.fill(dataMass);
        assertThat(mine.values(true)).isEqualTo(run.values(true));
        // kinds: the mass is double as in the Java API, a float branch stays float, a count is int
        assertThat(rows.column("mass")).isInstanceOf(DoubleColumn.class);
        assertThat(rows.column("leadingPt")).isInstanceOf(FloatColumn.class);
        assertThat(rows.column("nGoodMuon")).isInstanceOf(IntColumn.class);

        List<Path> files = cfg.writeColumns(one, tmp);
        assertThat(files).containsExactly(
                tmp.resolve("columns/dimuons/DYJetsToLL_M50_2018.parquet"),
                tmp.resolve("columns/dimuons/DoubleMuon_2018.parquet"),
                tmp.resolve("columns/dimuonsIpc/DYJetsToLL_M50_2018.arrow"),
                tmp.resolve("columns/dimuonsIpc/DoubleMuon_2018.arrow"));
        byte[] parquet = Files.readAllBytes(files.get(1));
        assertThat(new String(parquet, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(parquet, parquet.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        // the footer carries the dataset's metadata and the category
        String text = new String(parquet, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("DoubleMuon_2018").contains("zWindow").contains("leadingPt");
        byte[] ipc = Files.readAllBytes(files.get(3));
        assertThat(new String(ipc, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
    }
}
