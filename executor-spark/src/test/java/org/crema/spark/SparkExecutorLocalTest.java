package org.crema.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.SparkConf;
import org.crema.examples.ZMuMuProcessor;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RootInputProvider;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark executor in local mode ({@code local[2,2]}: two cores, two attempts per task) against the
 * local executor, over the bundled Z → μμ samples: results must be identical byte for byte. The AGC
 * ttbar analysis, heavier, is compared on the standalone cluster ({@link StandaloneClusterTest}).
 */
class SparkExecutorLocalTest {
    static SparkExecutor spark;
    static Fileset zmumu;

    @BeforeAll
    static void start() {
        TestData.nanoaod("nano_dy.root");
        zmumu = Fileset.read(TestData.root().resolve("data/filesets/zmumu.json"));
        spark = SparkExecutor.start("local[2,2]", TestData.QUIET, 3);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    static RunOutput<AccumulatorMap> local(Processor<AccumulatorMap> p, Fileset fs, long chunkSize) {
        return new Runner(RunConfig.defaults().withProgress(false).withWorkers(1).withChunkSize(chunkSize)).run(p, fs);
    }

    static RunOutput<AccumulatorMap> onSpark(SparkExecutor e, Processor<AccumulatorMap> p, Fileset fs, long chunkSize) {
        return new Runner(RunConfig.defaults().withProgress(false).withChunkSize(chunkSize), new RootInputProvider(), e)
                .run(p, fs);
    }

    @Test
    void zmumuIsBitIdenticalToTheLocalExecutor() {
        RunOutput<AccumulatorMap> reference = local(new ZMuMuProcessor(), zmumu, 7);
        RunOutput<AccumulatorMap> distributed = onSpark(spark, new ZMuMuProcessor(), zmumu, 7);
        assertThat(distributed.metrics().chunks()).isGreaterThan(10);
        assertThat(distributed.executor()).isEqualTo("spark(local[2,2])");
        TestData.assertSameResult(distributed, reference);
        assertThat(reference.result().toString()).contains("dimuonMass");
        // Another chunking merges other partial sums; the sums are exact, so every bin is still identical.
        assertThat(onSpark(spark, new ZMuMuProcessor(), zmumu, 100_000).result()).isEqualTo(reference.result());
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheResultIsUnchanged() {
        FailingOnce p = new FailingOnce(new ZMuMuProcessor(), 4, 1, false);
        RunOutput<AccumulatorMap> reference = local(p, zmumu, 7);
        RunOutput<AccumulatorMap> retried = onSpark(spark, p, zmumu, 7);
        assertThat(retried.metrics().chunks()).isGreaterThan(10);
        TestData.assertSameResult(retried, reference);
    }

    @Test
    void aTaskThatFailsOnItsLastAttemptStopsTheRunNamingTheChunk() {
        // local[2,2] makes two attempts per task; both fail, and the last one is reported with its chunk.
        String chunk4 = new Runner(RunConfig.defaults().withChunkSize(7)).plan(zmumu).get(4).describe();
        assertThatThrownBy(() -> onSpark(spark, new FailingOnce(new ZMuMuProcessor(), 4, 2, false), zmumu, 7))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageStartingWith("chunk failed: " + chunk4 + ": ")
                .hasMessageContaining("injected failure of chunk 4 on attempt 1")
                .hasMessageContaining("(org.crema.spark.FailingOnce$InjectedFailure)");
    }

    @Test
    void chunksAreGroupedInPlanOrder() {
        SparkExecutor fixed = new SparkExecutor(spark.context(), 3);
        assertThat(fixed.groups(7)).containsExactly(0, 3, 6, 7);
        assertThat(fixed.groups(6)).containsExactly(0, 3, 6);
        SparkExecutor chosen = new SparkExecutor(spark.context(), 0);
        // two cores: about four tasks per core
        assertThat(chosen.groups(16)).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16);
        assertThat(chosen.groups(3)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void localMastersAllowOneAttemptUnlessTheyNameMore() {
        SparkConf conf = new SparkConf();
        assertThat(SparkExecutor.maxTaskFailures("local[2]", conf)).isEqualTo(1);
        assertThat(SparkExecutor.maxTaskFailures("local", conf)).isEqualTo(1);
        assertThat(SparkExecutor.maxTaskFailures("local[*, 3]", conf)).isEqualTo(3);
        assertThat(SparkExecutor.maxTaskFailures("spark://127.0.0.1:7077", conf)).isEqualTo(4);
        assertThat(SparkExecutor.maxTaskFailures("spark://127.0.0.1:7077", conf.clone().set("spark.task.maxFailures",
                "6"))).isEqualTo(6);
    }
}
