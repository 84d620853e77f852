package org.crema.processor.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.processor.DatasetInfo;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Counter;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.JsonExportable;
import org.crema.processor.accumulate.SetAccumulator;
import org.crema.processor.accumulate.Sum;

/** Renders a {@link RunOutput} as JSON. */
final class OutputJson {
    private OutputJson() {
    }

    static byte[] toJson(RunOutput<?> out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cremaVersion", out.cremaVersion());
        root.put("executor", out.executor());
        root.put("config", new java.util.TreeMap<>(out.config()));
        Map<String, Object> ds = new java.util.TreeMap<>();
        out.datasets().forEach((k, v) -> ds.put(k, dataset(v)));
        root.put("datasets", ds);
        root.put("metrics", out.metrics());
        List<Object> failures = new ArrayList<>();
        for (ChunkFailure f : out.failures()) {
            failures.add(f);
        }
        root.put("failures", failures);
        root.put("warnings", out.warnings());
        root.put("result", value(out.result()));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render run output as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param acc an accumulator tree
     * @return every histogram in it, keyed by its path ({@code histograms/DY/dimuonMass})
     */
    static Map<String, org.crema.hist.Hist> histograms(org.crema.processor.accumulate.Accumulator<?> acc) {
        Map<String, org.crema.hist.Hist> out = new java.util.TreeMap<>();
        collect("", acc, out);
        return out;
    }

    private static void collect(String path, Object acc, Map<String, org.crema.hist.Hist> out) {
        if (acc instanceof AccumulatorMap m) {
            m.entries().forEach((k, v) -> collect(path.isEmpty() ? k : path + "/" + k, v, out));
        } else if (acc instanceof org.crema.processor.accumulate.HistAccumulator h) {
            h.toMap().forEach((k, v) -> out.put(path.isEmpty() ? k : path + "/" + k, v));
        }
    }

    static Map<String, Object> dataset(DatasetInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sample", d.sample());
        m.put("year", d.year());
        m.put("isMC", d.isMC());
        m.put("xsec", d.hasXsec() ? d.xsec() : null);
        m.put("era", d.era());
        m.putAll(d.extra());
        return m;
    }

    static Object value(Object acc) {
        return switch (acc) {
            case null -> null;
            case JsonExportable j -> j.toJsonValue();
            case AccumulatorMap m -> {
                Map<String, Object> o = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> o.put(k, value(v)));
                yield o;
            }
            case Counter c -> c.value();
            case Sum s -> Map.of("entries", s.entries(), "sumw", s.sumw(), "sumw2", s.sumw2());
            case SetAccumulator<?> s -> List.copyOf(s.values().stream().map(String::valueOf).toList());
            case Cutflow c -> {
                List<Object> flows = new ArrayList<>();
                c.flows().forEach((k, steps) -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("dataset", k.dataset());
                    f.put("category", k.category());
                    f.put("variation", k.variation());
                    f.put("steps", steps);
                    flows.add(f);
                });
                yield flows;
            }
            default -> Map.of("class", acc.getClass().getName());
        };
    }
}
