package org.crema.benchmarks.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.io.BranchInfo;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.internal.basket.ReadSettings;

/**
 * Local versus HTTP reading of a file in chunks, with and without coalescing basket ranges: starts
 * an HTTP server on 127.0.0.1 that serves the file's bytes with range requests (optionally delaying
 * every answer, to stand in for a network round trip), reads the chosen branches chunk after chunk
 * and prints events/s, compressed MB/s of the branches read, requests per chunk and bytes
 * transferred per pass.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     org.crema.benchmarks.io.RemoteReadThroughput [--iterations 3] [--chunks 4] [--threads 1] \
 *     [--latency-ms 0] [--gap 65536] [--branches Jet_,Muon_] FILE
 * </pre>
 */
public final class RemoteReadThroughput {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final byte[] bytes;
    private final long latencyMillis;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong served = new AtomicLong();

    private RemoteReadThroughput(byte[] bytes, long latencyMillis) {
        this.bytes = bytes;
        this.latencyMillis = latencyMillis;
    }

    /**
     * @param args options and one file
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int iterations = 3;
        int chunks = 4;
        int threads = 1;
        long latency = 0;
        int gap = ReadSettings.DEFAULT_GAP_BYTES;
        List<String> prefixes = List.of("Jet_", "Muon_", "nJet", "nMuon");
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--chunks" -> chunks = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--latency-ms" -> latency = Long.parseLong(args[++i]);
                case "--gap" -> gap = Integer.parseInt(args[++i]);
                case "--branches" -> prefixes = Arrays.asList(args[++i].split(","));
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null) {
            System.err.println("usage: RemoteReadThroughput [--iterations N] [--chunks N] [--threads N] "
                    + "[--latency-ms MS] [--gap BYTES] [--branches P1,P2] FILE");
            System.exit(2);
        }
        RemoteReadThroughput bench = new RemoteReadThroughput(Files.readAllBytes(file), latency);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", bench::handle);
        server.start();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        Executor executor = pool != null ? pool : Runnable::run;
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file.getFileName();
            System.out.printf(Locale.ROOT, "%s: %d chunks, %d thread(s), %d ms added per request, best of %d%n",
                    file.getFileName(), chunks, threads, latency, iterations);
            System.out.printf(Locale.ROOT, "%-34s %12s %10s %16s %14s%n", "mode", "events/s", "MB/s",
                    "requests/chunk", "MB fetched");
            bench.measure("local", file.toString(), -1, prefixes, chunks, iterations, executor);
            bench.measure("http, one request per basket", url, -1, prefixes, chunks, iterations, executor);
            bench.measure("http, coalesced (gap " + gap / 1024 + " KiB)", url, gap, prefixes, chunks, iterations,
                    executor);
        } finally {
            server.stop(0);
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private void measure(String mode, String location, int gap, List<String> prefixes, int chunks, int iterations,
            Executor executor) {
        System.setProperty(ReadSettings.GAP_PROPERTY, Integer.toString(gap));
        try (RootFile rf = RootFile.open(location)) {
            Tree tree = rf.tree("Events");
            List<String> branches = new ArrayList<>();
            long compressed = 0;
            for (BranchInfo b : tree.branches()) {
                if (b.readable() && prefixes.stream().anyMatch(p -> b.name().equals(p) || b.name().startsWith(p))) {
                    branches.add(b.name());
                    compressed += b.compressedBytes();
                }
            }
            long n = tree.entries();
            pass(tree, branches, n, chunks, executor); // warm-up
            double best = Double.MAX_VALUE;
            long requestsPerPass = 0;
            long bytesPerPass = 0;
            for (int i = 0; i < iterations; i++) {
                long r0 = requests.get();
                long b0 = served.get();
                long start = System.nanoTime();
                pass(tree, branches, n, chunks, executor);
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                requestsPerPass = requests.get() - r0;
                bytesPerPass = served.get() - b0;
            }
            boolean local = !location.startsWith("http");
            System.out.printf(Locale.ROOT, "%-34s %12.0f %10.1f %16s %14s%n", mode, n / best, compressed / best / 1e6,
                    local ? "-" : String.format(Locale.ROOT, "%.1f", (double) requestsPerPass / chunks),
                    local ? "-" : String.format(Locale.ROOT, "%.1f", bytesPerPass / 1e6));
        } finally {
            System.clearProperty(ReadSettings.GAP_PROPERTY);
        }
    }

    private static void pass(Tree tree, List<String> branches, long n, int chunks, Executor executor) {
        for (int k = 0; k < chunks; k++) {
            tree.read(branches, n * k / chunks, n * (k + 1) / chunks, executor);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            Matcher m = RANGE.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
            if (!m.matches()) {
                ex.sendResponseHeaders(416, -1);
                return;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Math.min(Integer.parseInt(m.group(2)), bytes.length - 1);
            int len = b - a + 1;
            ex.getResponseHeaders().add("Content-Range", "bytes " + a + "-" + b + "/" + bytes.length);
            ex.sendResponseHeaders(206, len);
            ex.getResponseBody().write(bytes, a, len);
            served.addAndGet(len);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
