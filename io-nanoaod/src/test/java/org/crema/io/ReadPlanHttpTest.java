package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.crema.columnar.Column;
import org.crema.io.internal.basket.ReadSettings;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.column.TreeReaders;
import org.crema.io.internal.source.Credentials;
import org.crema.io.internal.source.HttpSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chunks of a file read over HTTP (a range-serving server on 127.0.0.1 that counts requests) with
 * read plans: the columns are the bits of the local read, and merging nearby baskets into one
 * range request cuts the requests per chunk.
 */
class ReadPlanHttpTest {
    private static final int CHUNKS = 4;

    private HttpServer server;
    private final RangeHandler handler = new RangeHandler(new byte[0]);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", handler);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RootFile remote(Path file, ReadSettings settings) throws IOException {
        handler.serve(Files.readAllBytes(file));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file.getFileName();
        ErrorContext c = ErrorContext.ofFile(url);
        HttpSource s = new HttpSource(URI.create(url), new HttpSource.Settings(Duration.ofSeconds(5),
                Duration.ofSeconds(30), 3, Duration.ofMillis(10)), Credentials.token(null), c);
        return RootFile.open(null, s, c, settings);
    }

    static Stream<Path> files() {
        List<Path> out = new ArrayList<>();
        out.add(TestData.root().resolve("data/samples/compression/uproot-HZZ-zlib.root"));
        out.add(TestData.nano("nano_tt_v12.root"));
        out.add(TestData.nano("pfnano.root"));
        Path bench = TestData.shared().resolve("bench/ttbar_agc_lzma9.root");
        if (Files.isRegularFile(bench)) {
            out.add(bench);
        }
        return out.stream();
    }

    private static List<String> branches(Tree t) {
        List<String> out = new ArrayList<>();
        for (BranchInfo b : t.branches()) {
            String n = b.name();
            if (b.readable() && (!t.name().equals("Events") || n.startsWith("Jet_") || n.startsWith("Muon_")
                    || n.equals("nJet") || n.equals("nMuon"))) {
                out.add(n);
            }
        }
        return out;
    }

    /** Requests per chunk, the columns checked against the local read. */
    private int[] readChunks(Tree local, Tree remote, List<String> names, ExecutorService pool) {
        long n = local.entries();
        int[] perChunk = new int[CHUNKS];
        for (int k = 0; k < CHUNKS; k++) {
            long from = n * k / CHUNKS;
            long to = n * (k + 1) / CHUNKS;
            int before = handler.requests();
            Map<String, Column> got = remote.read(names, from, to, pool);
            perChunk[k] = handler.requests() - before;
            Map<String, Column> expected = local.read(names, from, to, Runnable::run);
            for (String name : names) {
                ColumnAssert.assertSameEntries(remote.location() + " " + name + " chunk " + k, expected.get(name),
                        got.get(name));
            }
        }
        return perChunk;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void coalescedChunksEqualTheLocalReadWithFewerRequests(Path file) throws IOException {
        String treeName;
        try (RootFile rf = RootFile.open(file)) {
            treeName = rf.treeNames().contains("Events") ? "Events" : rf.treeNames().get(0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RootFile local = RootFile.open(file);
                RootFile single = remote(file, ReadSettings.defaults().withCoalesceGapBytes(-1));
                RootFile merged = remote(file, ReadSettings.defaults())) {
            Tree lt = local.tree(treeName);
            List<String> names = branches(lt);
            Tree st = single.tree(treeName);
            long loadsBefore = TreeReaders.of(st).basketCache().loads();
            int[] one = readChunks(lt, st, names, pool);
            long loads = TreeReaders.of(st).basketCache().loads() - loadsBefore;
            // Without a plan every keyed basket is one request.
            assertThat(sum(one)).as("requests without coalescing").isEqualTo(loads);
            for (ExecutorService exec : new ExecutorService[] {null, pool}) {
                Tree mt = merged.tree(treeName);
                int[] few = exec == null ? readChunksSequential(lt, mt, names) : readChunks(lt, mt, names, exec);
                System.out.printf("%s: requests per chunk %s without coalescing, %s with (%s)%n",
                        file.getFileName(), java.util.Arrays.toString(one), java.util.Arrays.toString(few),
                        exec == null ? "calling thread" : "2 threads");
                for (int k = 0; k < CHUNKS; k++) {
                    assertThat(few[k]).as("chunk " + k + " requests").isLessThanOrEqualTo(one[k]);
                }
                assertThat(sum(few)).as("requests with coalescing").isLessThan(sum(one));
            }
        } finally {
            pool.shutdown();
        }
    }

    private int[] readChunksSequential(Tree local, Tree remote, List<String> names) {
        ExecutorService direct = new java.util.concurrent.AbstractExecutorService() {
            @Override
            public void execute(Runnable r) {
                r.run();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public List<Runnable> shutdownNow() {
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return false;
            }

            @Override
            public boolean isTerminated() {
                return false;
            }

            @Override
            public boolean awaitTermination(long t, java.util.concurrent.TimeUnit u) {
                return true;
            }
        };
        return readChunks(local, remote, names, direct);
    }

    private static long sum(int[] a) {
        long s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }

    /** Branch-by-branch reads go through a plan too, and give the local bits. */
    @Test
    void singleBranchReadsOverAPlanEqualTheLocalRead() throws IOException {
        Path file = TestData.nano("nano_tt_v12.root");
        try (RootFile local = RootFile.open(file); RootFile remote = remote(file, ReadSettings.defaults())) {
            Tree lt = local.tree("Events");
            Tree rt = remote.tree("Events");
            long n = lt.entries();
            for (String name : branches(lt)) {
                for (long[] r : new long[][] {{0, n}, {n / 3, n - n / 5}}) {
                    ColumnAssert.assertSameEntries(name, lt.read(name, r[0], r[1]), rt.read(name, r[0], r[1]));
                }
            }
        }
    }

    /** A merged range whose connection drops mid-body is fetched again: the same bits, never partial data. */
    @Test
    void aMergedRangeCutMidBodyIsRetried() throws IOException {
        Path file = TestData.nano("pfnano.root");
        try (RootFile local = RootFile.open(file); RootFile remote = remote(file, ReadSettings.defaults())) {
            Tree lt = local.tree("Events");
            Tree rt = remote.tree("Events");
            List<String> names = lt.branches().stream().filter(BranchInfo::readable).map(BranchInfo::name)
                    .filter(b -> b.startsWith("PFCands_") || b.equals("nPFCands")).toList();
            handler.closeMidBody().set(2);
            Map<String, Column> got = rt.read(names, 0, lt.entries(), Runnable::run);
            assertThat(handler.closeMidBody().get()).as("the faults were served").isNegative();
            for (String name : names) {
                ColumnAssert.assertSameEntries(name, lt.read(name, 0, lt.entries()), got.get(name));
            }
        }
    }
}
