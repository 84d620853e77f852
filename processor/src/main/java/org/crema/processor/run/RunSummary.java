package org.crema.processor.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crema.hist.Hist;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.accumulate.Normalisation;

/** A short plain-text report of a run: throughput, failures, cutflows and the histograms produced. */
public final class RunSummary {
    private RunSummary() {
    }

    /**
     * @param out a run's output
     * @return the report, lines ending in {@code \n}
     */
    public static String text(RunOutput<?> out) {
        StringBuilder sb = new StringBuilder();
        RunMetrics m = out.metrics();
        sb.append(String.format(Locale.ROOT, "processed %d events in %d chunks (%d computed, %d from checkpoints, "
                + "%d failed) with %s%n", m.events(), m.chunks(), m.chunksProcessed(), m.chunksFromCheckpoint(),
                m.chunksFailed(), out.executor()));
        sb.append(String.format(Locale.ROOT, "%.4g events/s wall (%.3f s), %.4g events/s per core; chunk time "
                + "p50 %.3f ms, p99 %.3f ms; %d bytes read%n", m.eventsPerSecond(), m.wallSeconds(),
                m.eventsPerSecondPerCore(), m.chunkMillisP50(), m.chunkMillisP99(), m.bytesRead()));
        for (ChunkFailure f : out.failures()) {
            sb.append("FAILED ").append(f.describe()).append('\n');
        }
        for (String w : out.warnings()) {
            sb.append("WARNING ").append(w).append('\n');
        }
        if (out.result() instanceof AccumulatorMap r && r.containsKey("normalisation")
                && r.get("normalisation") instanceof Normalisation n) {
            n.unscaled().forEach((ds, why) -> sb.append("UNSCALED ").append(why).append('\n'));
        }
        List<String> hists = new ArrayList<>();
        List<Cutflow> cutflows = new ArrayList<>();
        walk("", out.result(), hists, cutflows);
        for (Cutflow c : cutflows) {
            // The nominal tables only: every variation is in result.json.
            java.util.Set<String> variations = new java.util.TreeSet<>();
            c.flows().keySet().forEach(k -> variations.add(k.variation()));
            boolean hasNominal = variations.remove("nominal");
            sb.append("\ncutflow (events; sum of weights = ").append(AnalysisProcessor.CUTFLOW_SUMW)
                    .append(", unnormalised)").append(hasNominal ? ", nominal" : "").append(":\n")
                    .append(c.table(hasNominal ? "nominal" : null));
            if (hasNominal && !variations.isEmpty()) {
                sb.append("  (also for ").append(String.join(", ", variations)).append(" in result.json)\n");
            }
        }
        if (!hists.isEmpty()) {
            sb.append("\nhistograms:\n");
            for (String h : hists) {
                sb.append("  ").append(h).append('\n');
            }
        }
        return sb.toString();
    }

    private static void walk(String path, Accumulator<?> acc, List<String> hists, List<Cutflow> cutflows) {
        switch (acc) {
            case null -> {
            }
            case AccumulatorMap m -> m.entries().forEach((k, v) -> walk(path.isEmpty() ? k : path + "/" + k, v, hists,
                    cutflows));
            case Cutflow c -> cutflows.add(c);
            case HistAccumulator h -> {
                for (Map.Entry<String, Hist> e : h.toMap().entrySet()) {
                    Hist hist = e.getValue();
                    List<String> axes = hist.axes().stream().map(a -> a.name() + "(" + a.size() + ")").toList();
                    hists.add(String.format(Locale.ROOT, "%s/%s %s, sum over all bins %.6g", path, e.getKey(), axes,
                            hist.sum(true)));
                }
            }
            default -> {
            }
        }
    }
}
