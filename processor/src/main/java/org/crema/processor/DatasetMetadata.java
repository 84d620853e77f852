package org.crema.processor;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.accumulate.AccumulatorMergeException;
import org.crema.processor.accumulate.JsonExportable;

/**
 * The metadata of the datasets seen, so that {@link Processor#postprocess} can normalise without the
 * fileset. Merge is the union; a dataset seen twice must carry the same metadata.
 */
public final class DatasetMetadata implements Accumulator<DatasetMetadata>, JsonExportable {
    private static final long serialVersionUID = 1L;
    private static final DatasetMetadata EMPTY = new DatasetMetadata(new TreeMap<>());
    private final TreeMap<String, DatasetInfo> datasets;

    private DatasetMetadata(TreeMap<String, DatasetInfo> datasets) {
        this.datasets = datasets;
    }

    /** @return no datasets */
    public static DatasetMetadata empty() {
        return EMPTY;
    }

    /**
     * @param info one dataset
     * @return an accumulator holding it
     */
    public static DatasetMetadata of(DatasetInfo info) {
        TreeMap<String, DatasetInfo> m = new TreeMap<>();
        m.put(info.name(), info);
        return new DatasetMetadata(m);
    }

    /** @return dataset name → metadata, sorted */
    public SortedMap<String, DatasetInfo> datasets() {
        return Collections.unmodifiableSortedMap(datasets);
    }

    @Override
    public DatasetMetadata merge(DatasetMetadata other) {
        TreeMap<String, DatasetInfo> out = new TreeMap<>(datasets);
        other.datasets.forEach((k, v) -> out.merge(k, v, (a, b) -> {
            if (!a.equals(b)) {
                throw new AccumulatorMergeException("dataset '" + k + "' has two different metadata: " + a + " and " + b);
            }
            return a;
        }));
        return new DatasetMetadata(out);
    }

    @Override
    public DatasetMetadata identity() {
        return EMPTY;
    }

    @Override
    public Object toJsonValue() {
        TreeMap<String, Object> m = new TreeMap<>();
        datasets.forEach((k, v) -> {
            java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("sample", v.sample());
            d.put("year", v.year());
            d.put("isMC", v.isMC());
            d.put("xsec", v.hasXsec() ? v.xsec() : null);
            d.put("era", v.era());
            d.putAll(v.extra());
            m.put(k, d);
        });
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetMetadata d && datasets.equals(d.datasets);
    }

    @Override
    public int hashCode() {
        return datasets.hashCode();
    }
}
