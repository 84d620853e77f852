package org.crema.processor.accumulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crema.hist.Hist;
import org.crema.hist.UhiJson;

/**
 * Histograms keyed by name. Merge adds histograms of the same name bin by bin ({@link Hist#merge})
 * and keeps the others. Immutable: {@link #with} and {@link #get} copy, so a stored histogram never
 * changes after it was added.
 *
 * <p>Merge is associative and commutative, exactly (histogram bins hold exact sums), as long as
 * histograms of the same name have the same axes. A <em>growing</em> category axis orders its
 * categories by first appearance, so merging in another order can permute categories; the
 * executors merge in chunk order, which keeps even that reproducible. {@link #fold} adds into
 * histograms it owns, so a run's total is not copied at every merge.
 *
 * <p>Serialized as UHI JSON per histogram with the exact sums ({@link UhiJson#toJsonExact}), so a
 * checkpointed partial result merges to the same bits as one kept in memory.
 */
public final class HistAccumulator implements Accumulator<HistAccumulator>, JsonExportable {
    private static final long serialVersionUID = 1L;
    private static final HistAccumulator EMPTY = new HistAccumulator(new TreeMap<>());
    private transient TreeMap<String, Hist> hists;

    private HistAccumulator(TreeMap<String, Hist> hists) {
        this.hists = hists;
    }

    /** @return no histograms (the neutral element) */
    public static HistAccumulator empty() {
        return EMPTY;
    }

    /**
     * @param hists name → histogram (each copied)
     * @return an accumulator holding copies
     */
    public static HistAccumulator of(Map<String, Hist> hists) {
        TreeMap<String, Hist> copy = new TreeMap<>();
        hists.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "name"), v.copy()));
        return new HistAccumulator(copy);
    }

    /**
     * @param name histogram name
     * @param hist the histogram (copied)
     * @return a new accumulator with it added or replaced
     */
    public HistAccumulator with(String name, Hist hist) {
        TreeMap<String, Hist> copy = new TreeMap<>(hists);
        copy.put(Objects.requireNonNull(name, "name"), hist.copy());
        return new HistAccumulator(copy);
    }

    /** @return histogram names, sorted */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(hists.keySet()));
    }

    /**
     * @param name histogram name
     * @return a copy of the histogram
     * @throws java.util.NoSuchElementException naming the available histograms
     */
    public Hist get(String name) {
        Hist h = hists.get(name);
        if (h == null) {
            throw new java.util.NoSuchElementException("no histogram '" + name + "'; histograms are " + hists.keySet());
        }
        return h.copy();
    }

    /** @return copies of every histogram, by name */
    public Map<String, Hist> toMap() {
        Map<String, Hist> out = new LinkedHashMap<>();
        hists.forEach((k, v) -> out.put(k, v.copy()));
        return out;
    }

    /**
     * @param factor multiplies every value (variances by its square), e.g. luminosity × σ / Σw
     * @return a new accumulator with scaled copies
     */
    public HistAccumulator scale(double factor) {
        TreeMap<String, Hist> out = new TreeMap<>();
        hists.forEach((k, v) -> out.put(k, v.copy().scale(factor)));
        return new HistAccumulator(out);
    }

    @Override
    public HistAccumulator merge(HistAccumulator other) {
        TreeMap<String, Hist> out = new TreeMap<>(hists);
        other.hists.forEach((k, v) -> {
            Hist mine = out.get(k);
            try {
                out.put(k, mine == null ? v : Hist.merge(mine, v));
            } catch (RuntimeException e) {
                throw new AccumulatorMergeException("cannot merge histogram '" + k + "': " + e.getMessage());
            }
        });
        return new HistAccumulator(out);
    }

    @Override
    public Fold<HistAccumulator> fold() {
        TreeMap<String, Hist> owned = new TreeMap<>();
        hists.forEach((k, v) -> owned.put(k, v.copy()));
        return new Fold<>() {
            @Override
            public void add(HistAccumulator other) {
                other.hists.forEach((k, v) -> {
                    Hist mine = owned.get(k);
                    try {
                        if (mine == null) {
                            owned.put(k, v.copy());
                        } else {
                            mine.add(v); // checks every axis before changing anything
                        }
                    } catch (RuntimeException e) {
                        throw new AccumulatorMergeException("cannot merge histogram '" + k + "': " + e.getMessage());
                    }
                });
            }

            @Override
            public HistAccumulator result() {
                return new HistAccumulator(owned);
            }
        };
    }

    @Override
    public HistAccumulator identity() {
        return EMPTY;
    }

    @Override
    public Object toJsonValue() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> out = new LinkedHashMap<>();
        hists.forEach((k, v) -> {
            try {
                out.put(k, mapper.readTree(UhiJson.toJson(v)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(hists.size());
        for (Map.Entry<String, Hist> e : hists.entrySet()) {
            out.writeObject(e.getKey());
            out.writeObject(UhiJson.toJsonExact(e.getValue()));
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        if (n < 0) {
            throw new java.io.InvalidObjectException("negative histogram count " + n);
        }
        hists = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String name = (String) in.readObject();
            try {
                hists.put(name, UhiJson.fromJson((String) in.readObject()));
            } catch (RuntimeException e) {
                throw new java.io.InvalidObjectException("histogram '" + name + "' is not valid UHI JSON: "
                        + e.getMessage());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistAccumulator h && hists.equals(h.hists);
    }

    @Override
    public int hashCode() {
        return hists.hashCode();
    }

    @Override
    public String toString() {
        return "HistAccumulator" + hists.keySet();
    }
}
