package org.crema.processor.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.crema.columnar.Column;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Counter;

/**
 * Run in a forked JVM by {@link MemoryGovernanceTest}: analyses {@code N} links to one NanoAOD file
 * as one dataset and prints the largest live heap sampled after full collections
 * and the executor's largest admitted bytes, as {@code live=… admitted=… events=…}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    /** Reads every jagged Muon, Jet and Electron branch of each chunk: the columns a chunk holds. */
    static final Processor<AccumulatorMap> READ_OBJECTS = events -> {
        long values = 0;
        for (String name : events.columnNames()) {
            if (name.startsWith("Jet_") || name.startsWith("Muon_") || name.startsWith("Electron_")) {
                Column c = events.column(name);
                values += c.length();
            }
        }
        return AccumulatorMap.empty().with("events", Counter.of(events.size())).with("rows", Counter.of(values));
    };

    /**
     * @param args the NanoAOD file, the number of links, a scratch folder
     * @throws Exception on failure (the test sees a non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int n = Integer.parseInt(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        AtomicLong live = new AtomicLong();
        // A full collection every 250 ms: the heap in use right after it is the live set, what the run
        // really retains (the heap after a young collection still holds old garbage).
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                live.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-set-sampler");
        sampler.setDaemon(true);
        sampler.start();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path link = dir.resolve("f" + i + ".root");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, file);
            files.add("\"" + link + "\"");
        }
        Fileset fs = Fileset.parse("{\"DY\": {\"files\": [" + String.join(", ", files)
                + "], \"metadata\": {\"isMC\": true, \"xsec\": 1.0, \"year\": \"2018\"}}}", null);
        MultiThreadedExecutor exec = new MultiThreadedExecutor(2);
        RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withWorkers(2).withChunkSize(10)
                .withProgress(false), new RootInputProvider(), exec).run(READ_OBJECTS, fs);
        sampler.interrupt();
        System.out.println("live=" + live.get() + " admitted=" + exec.peakAdmittedBytes() + " events="
                + out.result().get("events", Counter.class).value());
    }
}
