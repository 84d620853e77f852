package org.crema.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crema.examples.TtbarAgcProcessor;
import org.crema.examples.ZMuMuProcessor;
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
 * A real standalone Spark cluster on 127.0.0.1: a master and one worker, each its own JVM started from
 * the test class path, and this JVM as the driver. The worker launches executor JVMs, so chunk tasks,
 * processors and results really cross process boundaries.
 */
class StandaloneClusterTest {
    static final Path LOGS = Path.of("target", "spark-cluster");
    static final List<Process> PROCESSES = new ArrayList<>();
    static SparkExecutor spark;
    static Fileset zmumu;
    static Fileset ttbar;

    @BeforeAll
    static void startCluster() throws Exception {
        TestData.nanoaod("nano_dy.root");
        TestData.nanoaod("nano_tt_v12.root");
        zmumu = Fileset.read(TestData.root().resolve("data/filesets/zmumu.json"));
        ttbar = Fileset.read(TestData.root().resolve("data/filesets/ttbar.json"));
        deleteRecursively(LOGS.resolve("work")); // executors of an earlier run would be counted
        Files.createDirectories(LOGS);
        int masterPort = freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(masterPort), "--webui-port", Integer.toString(freePort()));
        awaitPort(masterPort, 60);
        start("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2", "--memory",
                "2g", "--webui-port", Integer.toString(freePort()), "--work-dir",
                LOGS.resolve("work").toAbsolutePath().toString(), master);
        Map<String, String> settings = new HashMap<>(TestData.QUIET);
        // The worker starts executors with this class path: crema, Spark and the test classes.
        settings.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        settings.put("spark.executor.memory", "1g");
        settings.put("spark.cores.max", "2");
        spark = SparkExecutor.start(master, settings, 2);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        try {
            if (spark != null) {
                spark.close();
            }
        } finally {
            // Worker first, so it does not log the master's disappearance as an error.
            for (int i = PROCESSES.size() - 1; i >= 0; i--) {
                Process p = PROCESSES.get(i);
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static void start(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(Arrays.asList(System.getProperty("crema.spark.jvmOptions", "").trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        // Executors are launched from the class path above, not from a Spark distribution.
        env.put("SPARK_TESTING", "1");
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_HOME", LOGS.toAbsolutePath().toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        PROCESSES.add(pb.start());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Spark master did not listen on port " + port + " within " + seconds
                + " s; see " + LOGS.resolve("master.log").toAbsolutePath());
    }

    /** @return executor folders under the worker's work folder: one per executor JVM it started */
    private static long executorsLaunched() {
        long n = 0;
        File[] apps = LOGS.resolve("work").toFile().listFiles(File::isDirectory);
        for (File app : apps == null ? new File[0] : apps) {
            File[] executors = app.listFiles(File::isDirectory);
            n += executors == null ? 0 : executors.length;
        }
        return n;
    }

    static RunOutput<AccumulatorMap> run(Processor<AccumulatorMap> p, Fileset fs, long chunkSize, boolean onSpark) {
        RunConfig cfg = RunConfig.defaults().withProgress(false).withChunkSize(chunkSize);
        return onSpark ? new Runner(cfg, new RootInputProvider(), spark).run(p, fs)
                : new Runner(cfg.withWorkers(1)).run(p, fs);
    }

    @Test
    void resultsAreBitIdenticalToTheLocalExecutorEvenWhenAnExecutorIsKilled() {
        TtbarAgcProcessor agc = new TtbarAgcProcessor(TestData.root().resolve("data/corrections"),
                TtbarAgcProcessor.DEFAULT_JES_SOURCES);
        RunOutput<AccumulatorMap> agcCluster = run(agc, ttbar, 25, true);
        assertThat(agcCluster.executor()).startsWith("spark(spark://127.0.0.1:");
        assertThat(agcCluster.metrics().chunks()).isEqualTo(8);
        TestData.assertSameResult(agcCluster, run(agc, ttbar, 25, false));

        // The executor running chunk 3 halts its JVM on the first attempt; the worker starts a new executor
        // and Spark runs the lost tasks again.
        FailingOnce killer = new FailingOnce(new ZMuMuProcessor(), 3, 1, true);
        RunOutput<AccumulatorMap> killed = run(killer, zmumu, 7, true);
        assertThat(killed.metrics().chunks()).isGreaterThan(10);
        TestData.assertSameResult(killed, run(killer, zmumu, 7, false));
        assertThat(executorsLaunched()).as("executors the worker started").isGreaterThanOrEqualTo(2);
    }
}
