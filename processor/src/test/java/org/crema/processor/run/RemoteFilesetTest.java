package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.Storage;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.TestData;
import org.crema.processor.accumulate.HistAccumulator;
import org.junit.jupiter.api.Test;

/** A run over a fileset whose file is an http URL fills the same histograms as over the local path. */
class RemoteFilesetTest {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    /** Muon pT and the number of muons per event. */
    static final class MuonHists implements Processor<HistAccumulator> {
        private static final long serialVersionUID = 1L;

        @Override
        public HistAccumulator process(Events events) {
            ListColumn<?> pt = (ListColumn<?>) events.column("Muon_pt");
            Hist hPt = Hist.builder().storage(Storage.WEIGHT).axis(RegularAxis.of("pt", 40, 0, 200)).build();
            hPt.fill(((FloatColumn) pt.flatContent()).toArray());
            double[] counts = new double[pt.length()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = pt.count(i);
            }
            Hist hN = Hist.builder().storage(Storage.WEIGHT).axis(RegularAxis.of("n", 6, 0, 6)).build();
            hN.fill(counts);
            return HistAccumulator.empty().with("muon_pt", hPt).with("n_muon", hN);
        }
    }

    @Test
    void histogramsOverHttpEqualTheLocalRun() throws IOException {
        Path file = TestData.nanoaod("nano_dy.root").toAbsolutePath();
        byte[] bytes = Files.readAllBytes(file);
        AtomicInteger ranged = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> serveRange(ex, bytes, ranged));
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/store/nano_dy.root";
            RunConfig cfg = RunConfig.defaults().withChunkSize(13).withWorkers(2).withProgress(false);
            HistAccumulator local = new Runner(cfg).run(new MuonHists(), fileset(file.toString())).result();
            HistAccumulator remote = new Runner(cfg).run(new MuonHists(), fileset(url)).result();
            assertThat(remote.names()).containsExactly("muon_pt", "n_muon");
            assertThat(local.get("n_muon").values(true)).isNotEqualTo(new double[8]);
            assertThat(remote).isEqualTo(local);
            assertThat(ranged.get()).isPositive();
        } finally {
            server.stop(0);
        }
    }

    private static Fileset fileset(String file) {
        // URLs pass through Fileset unchanged; the JSON string needs only its backslashes escaped.
        return Fileset.parse("{\"DY\": {\"files\": [\"" + file.replace("\\", "\\\\") + "\"], \"metadata\": {\"isMC\": true}}}",
                null);
    }

    private static void serveRange(HttpExchange ex, byte[] bytes, AtomicInteger ranged) throws IOException {
        try (ex) {
            Matcher m = RANGE.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
            if (!m.matches()) {
                ex.sendResponseHeaders(416, -1);
                return;
            }
            ranged.incrementAndGet();
            int a = Integer.parseInt(m.group(1));
            int b = Math.min(Integer.parseInt(m.group(2)), bytes.length - 1);
            ex.getResponseHeaders().add("Content-Range", "bytes " + a + "-" + b + "/" + bytes.length);
            ex.sendResponseHeaders(206, b - a + 1);
            ex.getResponseBody().write(bytes, a, b - a + 1);
        }
    }
}
