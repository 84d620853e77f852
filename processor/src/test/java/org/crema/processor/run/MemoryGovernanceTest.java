package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.IntColumn;
import org.crema.hist.RegularAxis;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.DatasetInfo;
import org.crema.processor.HistogramSpec;
import org.crema.processor.ProcessorException;
import org.crema.processor.TestData;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.analysis.Categories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks are admitted by measured bytes, histograms are sized before the run, memory does not grow with files. */
class MemoryGovernanceTest {

    /** A histogram of 20 million bins in 3 categories: about 0.9 GiB per dataset. */
    static final class HugeHistograms extends AnalysisProcessor {
        private static final long serialVersionUID = 1L;

        @Override
        protected List<HistogramSpec> histograms() {
            return List.of(new HistogramSpec("x", RegularAxis.of("x", 20_000_000, 0, 1), ctx -> ctx.events().column("x")));
        }

        @Override
        protected Categories categories() {
            return Categories.standard(Map.of("a", List.of(), "b", List.of(), "c", List.of()));
        }
    }

    @Test
    void histogramsThatCannotFitStopTheRunBeforeAnyEventWithTheEstimate() {
        MemoryInput in = RunnerTest.input();
        AnalysisProcessor.HistogramFootprint f = new HugeHistograms().histogramFootprint(
                List.of(DatasetInfo.of("A", false), DatasetInfo.of("B", false)));
        // 20 000 002 stored bins (with flow) × 3 categories × 1 variation × 16 bytes, per dataset
        assertThat(f.bytes()).isEqualTo(2 * 20_000_002L * 3 * 16);
        assertThat(f.describe()).isEqualTo("1 histogram with 20000002 bins in all × 3 categories × up to 1 variation"
                + " × 16 bytes, over 2 datasets = 1831.1 MiB");
        assertThatThrownBy(() -> new Runner(RunConfig.defaults().withWorkers(2).withProgress(false)
                .withUnnormalised(true), in, null).run(new HugeHistograms(), Fileset.parse("""
                        {"A": {"files": ["f0.root"], "metadata": {"isMC": false}},
                         "B": {"files": ["f1.root"], "metadata": {"isMC": false}}}""", null)))
                .isInstanceOf(ProcessorException.class)
                .hasMessageStartingWith("the declared histograms need an estimated ")
                .hasMessageContaining("(1 histogram with 20000002 bins in all × 3 categories × up to 1 variation × 16"
                        + " bytes, over 2 datasets = 1831.1 MiB for the result, plus 9 chunk results of up to 915.5 MiB"
                        + " in flight), more than three quarters of the maximum heap (")
                .hasMessageEndingWith("give more heap (-Xmx), use fewer workers, bins, categories or variations, or"
                        + " split the datasets into several runs");
    }

    @Test
    void chunksAreAdmittedByTheirMeasuredBytesAgainstTheBudget() {
        MemoryInput in = RunnerTest.input();
        RunOutput<AccumulatorMap> alone = new Runner(RunConfig.defaults().withWorkers(1).withChunkSize(100)
                .withProgress(false), in, null).run(new RunnerTest.SumProcessor(1), RunnerTest.fileset());
        // a budget smaller than any chunk's columns: once measured, one chunk at a time, whatever the window
        MultiThreadedExecutor tight = new MultiThreadedExecutor(2, 64, 1);
        RunOutput<AccumulatorMap> one = new Runner(RunConfig.defaults().withWorkers(2).withChunkSize(100)
                .withProgress(false), in, tight).run(new RunnerTest.SumProcessor(1), RunnerTest.fileset());
        assertThat(one.result()).isEqualTo(alone.result());
        assertThat(tight.peakMeasuredInFlight()).isEqualTo(1);
        assertThat(tight.peakAdmittedBytes()).isPositive();
        // an ample budget: the window, not memory, limits what is in flight
        MultiThreadedExecutor ample = new MultiThreadedExecutor(2, 64, Long.MAX_VALUE / 4);
        RunOutput<AccumulatorMap> many = new Runner(RunConfig.defaults().withWorkers(2).withChunkSize(100)
                .withProgress(false), in, ample).run(new RunnerTest.SumProcessor(1), RunnerTest.fileset());
        assertThat(many.result()).isEqualTo(alone.result());
        assertThat(ample.peakMeasuredInFlight()).isGreaterThan(1);
    }

    static long[] probe(Path dir, int files) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(),
                TestData.nanoaod("nano_tt_v12.root").toString(), Integer.toString(files),
                dir.resolve("links" + files).toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(text).isZero();
        Matcher m = Pattern.compile("live=(\\d+) admitted=(\\d+) events=(\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    @Test
    void peakMemoryUnderA256MiBHeapDoesNotGrowWithTheNumberOfFiles(@TempDir Path dir) throws Exception {
        long[] few = probe(dir, 4);
        long[] many = probe(dir, 32);
        assertThat(many[2]).isEqualTo(8 * few[2]); // every event of every file was analysed
        // the admitted bytes follow the chunk size, not the number of files
        assertThat(many[1]).isEqualTo(few[1]);
        // The live heap: if anything kept the columns of finished chunks it would grow with the 28 extra
        // files; what may grow is the plan (a few hundred chunk descriptions) and sampling jitter.
        assertThat(many[0] - few[0]).as("live heap with 32 files vs 4: %d vs %d bytes", many[0], few[0])
                .isLessThan(8L << 20);
    }
}
