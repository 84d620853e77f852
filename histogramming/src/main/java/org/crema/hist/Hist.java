package org.crema.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An N-dimensional histogram: a list of {@link Axis axes} and a {@link Storage} per bin.
 *
 * <p><b>Threads.</b> A {@code Hist} is mutable and <em>not</em> thread-safe: give each worker its
 * own (same axes, e.g. from {@link #emptyCopy()}), fill it from that worker's chunks, and combine
 * the results with {@link #add(Hist)} or {@link #merge(Hist, Hist)}. Filling uses per-histogram
 * scratch buffers and allocates nothing per entry.
 *
 * <p><b>Bit-identical results.</b> Every double a bin accumulates (Σw, Σw², and a profile's Σw·x,
 * Σw·x²) is kept as an exact integer sum (see {@link Storage}): filling and adding are integer
 * additions, so the bin contents do not depend on the order of the entries, on how they were cut
 * into chunks, or on how partial histograms were merged — 1 thread, 16 threads or a cluster give
 * the same bits. Addition is associative and commutative with the empty histogram as identity,
 * exactly. What is read back is the correctly rounded double of the exact sum of the filled
 * doubles (each {@code w·w} or {@code w·x} product is rounded once per entry, identically in every
 * run).
 *
 * <p><b>Filling.</b> Pass one input per axis, in axis order: {@code double[]}, {@code float[]},
 * {@code int[]}, {@code boolean[]}, a flat column ({@code DoubleColumn}, {@code FloatColumn}, …),
 * a jagged {@code ListColumn} of those (one entry per object, per-event inputs and weights are
 * broadcast to the event's objects), a scalar number or boolean (the same for every entry), or for
 * a {@link StrCategoryAxis} a {@code String} (broadcast), a {@code String[]} or an {@code int[]} of
 * bin numbers. Weights are a scalar, a {@code double[]}/{@code float[]}/column or jagged column; a
 * mask ({@code boolean[]}, {@code BoolColumn} or jagged {@code ListColumn<BoolColumn>}) skips the
 * entries where it is false. For continuous axes a value on an edge goes to the upper bin, the upper
 * edge itself to overflow, NaN to overflow (dropped when overflow is off) — see {@link
 * ContinuousAxis}.
 *
 * <p><b>Systematic variations</b> are an ordinary {@link StrCategoryAxis} (by convention named
 * {@value #VARIATION_AXIS}); {@link #fillVariations} fills all weight variations of a chunk in one
 * call, computing the bins of the other axes once.
 *
 * <p><b>Results.</b> {@link #values(boolean)}, {@link #variances(boolean)} and {@link
 * #counts(boolean)} return flat row-major arrays (the last axis varies fastest), with or without
 * flow bins. {@link #project}, {@link #slice}, {@link #rebin}, {@link #integrate}, {@link #select}
 * and {@link #at} return new histograms; {@link #add} and {@link #scale} change this one.
 */
public final class Hist {
    /** The conventional name of the systematic-variation axis used by {@link #fillVariations}. */
    public static final String VARIATION_AXIS = "variation";

    Axis[] axes;
    final Storage storage;
    private final String name;
    private final String label;
    int[] strides;
    int total;
    /** The bin contents, one implementation per storage kind. */
    BinStore store;
    /** Created at the first fill, so results of project/slice/merge never carry fill scratch. */
    private FillEngine engine;

    Hist(Axis[] axes, Storage storage, String name, String label) {
        this.axes = axes.clone();
        this.storage = Objects.requireNonNull(storage, "storage");
        this.name = name == null ? "" : name;
        this.label = label == null ? "" : label;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < this.axes.length; i++) {
            Objects.requireNonNull(this.axes[i], "axis " + i);
            if (!names.add(this.axes[i].name())) {
                throw new IllegalArgumentException("axis names must be unique: \"" + this.axes[i].name()
                        + "\" is used twice");
            }
        }
        allocate();
    }

    private void allocate() {
        strides = new int[axes.length];
        long t = 1;
        for (int k = axes.length - 1; k >= 0; k--) {
            strides[k] = (int) t;
            t *= axes[k].extent();
            if (t > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("histogram too large: more than 2^31 bins with axes "
                        + Arrays.toString(axes));
            }
        }
        total = (int) t;
        store = BinStore.create(storage, total);
    }

    /**
     * An empty histogram with {@link Storage#WEIGHT} storage.
     *
     * @param axes the axes, at least zero; names must be unique
     * @return the histogram
     */
    public static Hist of(Axis... axes) {
        return new Hist(axes, Storage.WEIGHT, "", "");
    }

    /**
     * An empty histogram with the given storage.
     *
     * @param storage what each bin accumulates
     * @param axes the axes; names must be unique
     * @return the histogram
     */
    public static Hist of(Storage storage, Axis... axes) {
        return new Hist(axes, storage, "", "");
    }

    /** @return a builder for a histogram with a name, label, axes and storage */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a {@link Hist}; {@link #build()} can be called more than once. */
    public static final class Builder {
        private final List<Axis> axes = new ArrayList<>();
        private Storage storage = Storage.WEIGHT;
        private String name = "";
        private String label = "";

        private Builder() {}

        /**
         * @param axis the next axis
         * @return this builder
         */
        public Builder axis(Axis axis) {
            axes.add(Objects.requireNonNull(axis, "axis"));
            return this;
        }

        /**
         * @param s the storage (default {@link Storage#WEIGHT})
         * @return this builder
         */
        public Builder storage(Storage s) {
            storage = Objects.requireNonNull(s, "storage");
            return this;
        }

        /**
         * @param n the histogram name, written to the file metadata
         * @return this builder
         */
        public Builder name(String n) {
            name = n;
            return this;
        }

        /**
         * @param l the histogram label (plot title), written to the file metadata
         * @return this builder
         */
        public Builder label(String l) {
            label = l;
            return this;
        }

        /** @return a new empty histogram */
        public Hist build() {
            return new Hist(axes.toArray(Axis[]::new), storage, name, label);
        }
    }

    // ------------------------------------------------------------------ accessors

    /** @return the storage kind */
    public Storage storage() {
        return storage;
    }

    /** @return the histogram name (possibly empty) */
    public String name() {
        return name;
    }

    /** @return the histogram label (possibly empty) */
    public String label() {
        return label;
    }

    /** @return the number of axes */
    public int rank() {
        return axes.length;
    }

    /** @return the axes in order (an unmodifiable snapshot; growing axes are replaced when they grow) */
    public List<Axis> axes() {
        return List.of(axes);
    }

    /**
     * @param k axis position
     * @return the axis at position {@code k}
     */
    public Axis axis(int k) {
        return axes[Objects.checkIndex(k, axes.length)];
    }

    /**
     * @param axisName name of an axis
     * @return that axis
     * @throws IllegalArgumentException listing the axis names if there is no such axis
     */
    public Axis axis(String axisName) {
        return axes[axisIndex(axisName)];
    }

    /**
     * @param axisName name of an axis
     * @return its position
     * @throws IllegalArgumentException listing the axis names if there is no such axis
     */
    public int axisIndex(String axisName) {
        for (int k = 0; k < axes.length; k++) {
            if (axes[k].name().equals(axisName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no axis named \"" + axisName + "\"; axes are " + axisNames());
    }

    List<String> axisNames() {
        return Arrays.stream(axes).map(Axis::name).toList();
    }

    /** @return the number of stored bins (product of the axes' extents, flow bins included) */
    public int storedBins() {
        return total;
    }

    // ------------------------------------------------------------------ filling

    /**
     * Fills one entry per row with weight 1.
     *
     * @param valuesPerAxis one input per axis, in axis order (see the class comment for accepted types)
     * @return this histogram
     */
    public Hist fill(Object... valuesPerAxis) {
        return filler().values(valuesPerAxis).fill();
    }

    /**
     * Fills a one-axis histogram with weight 1 (avoids the varargs ambiguity of a bare array).
     *
     * @param values one value per entry
     * @return this histogram
     */
    public Hist fill(double[] values) {
        return filler().values((Object) values).fill();
    }

    /**
     * Fills a one-axis histogram with weight 1.
     *
     * @param values one value per entry
     * @return this histogram
     */
    public Hist fill(float[] values) {
        return filler().values((Object) values).fill();
    }

    /**
     * Fills a one-axis string-category histogram with weight 1. Without this overload a {@code
     * String[]} would be taken as the varargs array itself, one string per axis.
     *
     * @param categories one category per entry
     * @return this histogram
     */
    public Hist fill(String[] categories) {
        return filler().values((Object) categories).fill();
    }

    /**
     * Fills a one-axis string-category histogram with weights.
     *
     * @param weights a number or one weight per entry
     * @param categories one category per entry
     * @return this histogram
     */
    public Hist fillWeighted(Object weights, String[] categories) {
        return filler().values((Object) categories).weights(weights).fill();
    }

    /**
     * Fills one entry per row with the given weights. As with any varargs method, a single {@code
     * Object[]} (including {@code String[]}) argument is taken as the list of per-axis inputs.
     *
     * @param weights a number, or one weight per entry ({@code double[]}, {@code float[]}, column)
     * @param valuesPerAxis one input per axis, in axis order
     * @return this histogram
     */
    public Hist fillWeighted(Object weights, Object... valuesPerAxis) {
        return filler().values(valuesPerAxis).weights(weights).fill();
    }

    /**
     * Fills every weight variation of a chunk at once into the {@value #VARIATION_AXIS} axis: the
     * bins of the other axes are computed once, then each variation adds its own weights.
     *
     * @param values one input per axis except the variation axis, in axis order (or one per axis
     *     with {@code null} at the variation axis)
     * @param variationNames the variation of each weight array (growing axes gain unknown names)
     * @param weightsPerVariation {@code weightsPerVariation[v][i]}: weight of entry {@code i} in
     *     variation {@code v}
     * @return this histogram
     */
    public Hist fillVariations(Object[] values, String[] variationNames, double[][] weightsPerVariation) {
        return filler().values(values).fillVariations(VARIATION_AXIS, variationNames, weightsPerVariation);
    }

    /** @return a new fill request for this histogram, for masks, samples or named axes */
    public Filler filler() {
        return new Filler();
    }

    /**
     * One fill call being put together: values per axis, weights, mask and (for {@link
     * Storage#MEAN}) samples. Create with {@link Hist#filler()}; not reusable across histograms.
     */
    public final class Filler {
        private final Object[] values = new Object[axes.length];
        private Object weights;
        private Object mask;
        private Object sample;

        private Filler() {}

        /**
         * @param perAxis one input per axis in axis order; or, for {@link #fillVariations}, one per
         *     axis other than the variation axis
         * @return this request
         */
        public Filler values(Object... perAxis) {
            if (perAxis.length == axes.length) {
                System.arraycopy(perAxis, 0, values, 0, perAxis.length);
            } else if (perAxis.length == axes.length - 1 && indexOrMinus(VARIATION_AXIS) >= 0) {
                int v = indexOrMinus(VARIATION_AXIS);
                for (int k = 0, j = 0; k < axes.length; k++) {
                    values[k] = k == v ? null : perAxis[j++];
                }
            } else {
                throw new IllegalArgumentException("need one fill input per axis " + axisNames() + ", got "
                        + perAxis.length);
            }
            return this;
        }

        /**
         * @param axisName the axis to fill
         * @param v its input
         * @return this request
         */
        public Filler value(String axisName, Object v) {
            values[axisIndex(axisName)] = v;
            return this;
        }

        /**
         * @param w a number or one weight per entry (per event for jagged fills, or jagged)
         * @return this request
         */
        public Filler weights(Object w) {
            weights = w;
            return this;
        }

        /**
         * @param m entries where the mask is false are skipped
         * @return this request
         */
        public Filler mask(Object m) {
            mask = m;
            return this;
        }

        /**
         * @param s the sample averaged by a {@link Storage#MEAN} histogram, one per entry
         * @return this request
         */
        public Filler sample(Object s) {
            sample = s;
            return this;
        }

        /** @return the histogram, filled */
        public Hist fill() {
            engine().fill(values, weights, mask, sample, -1, null, null);
            return Hist.this;
        }

        /**
         * Fills each variation with its own weights; the value for the variation axis is ignored.
         *
         * @param variationAxis name of the {@link StrCategoryAxis} holding variations
         * @param names variation of each weight array
         * @param weightsPerVariation per variation, one weight per entry (per event for jagged fills)
         * @return the histogram, filled
         */
        public Hist fillVariations(String variationAxis, String[] names, double[][] weightsPerVariation) {
            int v = axisIndex(variationAxis);
            if (!(axes[v] instanceof StrCategoryAxis)) {
                throw new IllegalArgumentException("variation axis \"" + variationAxis
                        + "\" must be a StrCategoryAxis, is " + axes[v].describe());
            }
            if (names.length != weightsPerVariation.length) {
                throw new IllegalArgumentException("need one weight array per variation name: " + names.length
                        + " names, " + weightsPerVariation.length + " weight arrays");
            }
            if (weights != null) {
                throw new IllegalArgumentException("fillVariations takes its weights per variation; do not set weights()");
            }
            engine().fill(values, null, mask, sample, v, names, weightsPerVariation);
            return Hist.this;
        }
    }

    private int indexOrMinus(String axisName) {
        for (int k = 0; k < axes.length; k++) {
            if (axes[k].name().equals(axisName)) {
                return k;
            }
        }
        return -1;
    }

    private FillEngine engine() {
        if (engine == null) {
            engine = new FillEngine(this);
        }
        return engine;
    }

    // ------------------------------------------------------------------ growth

    /**
     * Replaces axis {@code k} by a grown copy whose first {@code old.size()} categories are the old
     * ones, moving the stored contents to the new layout (flow bin stays last).
     */
    void replaceAxis(int k, Axis grown) {
        Axis old = axes[k];
        int[] map = new int[old.extent()];
        for (int i = 0; i < old.size(); i++) {
            map[i] = i;
        }
        if (old.hasOverflow()) {
            map[old.size()] = grown.size();
        }
        Axis[] newAxes = axes.clone();
        newAxes[k] = grown;
        int[][] maps = Reshape.identityMaps(this);
        maps[k] = map;
        Hist moved = Reshape.remap(this, newAxes, Reshape.identityPositions(this), maps);
        axes = moved.axes;
        strides = moved.strides;
        total = moved.total;
        store = moved.store;
    }

    // ------------------------------------------------------------------ combining

    /**
     * Adds {@code other} into this histogram, bin by bin. Axes must be equal; growing category axes
     * are united first (this histogram's categories keep their order, new ones are appended).
     *
     * @param other a histogram with the same axes and storage
     * @return this histogram
     * @throws IncompatibleAxesException naming both axes when an axis differs, or both storages
     */
    public Hist add(Hist other) {
        if (other == this) {
            other = other.copy();
        }
        if (storage != other.storage) {
            throw new IncompatibleAxesException("cannot add histograms with different storage: " + storage + " and "
                    + other.storage);
        }
        if (axes.length != other.axes.length) {
            throw new IncompatibleAxesException("cannot add histograms with different numbers of axes: " + axisNames()
                    + " and " + other.axisNames());
        }
        // Check every axis before growing any, so a failed add leaves this histogram unchanged.
        for (int k = 0; k < axes.length; k++) {
            Axis a = axes[k];
            Axis b = other.axes[k];
            boolean unitable = a instanceof StrCategoryAxis s && s.unitableWith(b)
                    || a instanceof IntCategoryAxis i && i.unitableWith(b);
            if (!a.equals(b) && !unitable) {
                throw new IncompatibleAxesException("cannot add histograms: axis " + k + " differs: "
                        + a.describe() + " vs " + b.describe());
            }
        }
        int[][] maps = null;
        for (int k = 0; k < axes.length; k++) {
            Axis a = axes[k];
            Axis b = other.axes[k];
            if (a.equals(b)) {
                continue;
            }
            if (a instanceof StrCategoryAxis s) {
                StrCategoryAxis t = (StrCategoryAxis) b;
                StrCategoryAxis united = s.withAdded(t.categories());
                if (united != s) {
                    replaceAxis(k, united);
                }
                StrCategoryAxis u = (StrCategoryAxis) axes[k];
                int[] map = new int[t.extent()];
                for (int i = 0; i < t.size(); i++) {
                    map[i] = u.index(t.category(i));
                }
                maps = maps == null ? Reshape.identityMaps(other) : maps;
                maps[k] = map;
            } else if (a instanceof IntCategoryAxis s) {
                IntCategoryAxis t = (IntCategoryAxis) b;
                IntCategoryAxis united = s.withAdded(t.categories());
                if (united != s) {
                    replaceAxis(k, united);
                }
                IntCategoryAxis u = (IntCategoryAxis) axes[k];
                int[] map = new int[t.extent()];
                for (int i = 0; i < t.size(); i++) {
                    map[i] = u.index(t.category(i));
                }
                maps = maps == null ? Reshape.identityMaps(other) : maps;
                maps[k] = map;
            }
        }
        if (maps != null) {
            other = Reshape.remap(other, axes.clone(), Reshape.identityPositions(this), maps);
        }
        store.addAll(other.store);
        return this;
    }

    /**
     * The sum of two histograms as a new histogram; neither input changes.
     *
     * @param a first histogram
     * @param b second histogram, same axes and storage
     * @return {@code a + b}
     * @throws IncompatibleAxesException naming both axes when an axis differs
     */
    public static Hist merge(Hist a, Hist b) {
        return a.copy().add(b);
    }

    /** @return an independent copy (same axes, storage, name and contents) */
    public Hist copy() {
        Hist h = emptyCopy();
        h.store = store.copy();
        return h;
    }

    /** @return an empty histogram with the same axes, storage and name: the identity of {@link #add} */
    public Hist emptyCopy() {
        return new Hist(axes, storage, name, label);
    }

    /** Sets every bin to zero, keeping the axes. */
    public void reset() {
        allocate();
    }

    /**
     * Multiplies the contents by {@code factor}: values by {@code factor} and variances by {@code
     * factor²} (e.g. luminosity × cross-section / Σw). For a {@link Storage#MEAN} profile the sample
     * is scaled (its mean by {@code factor}, its variance by {@code factor²}). Each exact sum is
     * replaced by its rounded value times {@code factor}, rounded once: the same bits in every run.
     *
     * @param factor a finite number
     * @return this histogram
     * @throws HistException for {@link Storage#INT64}, whose counts cannot hold a scaled value
     */
    public Hist scale(double factor) {
        store.scale(factor);
        return this;
    }

    // ------------------------------------------------------------------ reshaping

    /**
     * The histogram of the named axes only, in the given order, summing over all others (their
     * flow bins included).
     *
     * @param axisNames axes to keep, at least one, no repeats
     * @return a new histogram
     */
    public Hist project(String... axisNames) {
        return Reshape.project(this, axisNames);
    }

    /**
     * Sums over one axis and removes it.
     *
     * @param axisName the axis to sum over
     * @param flow include its flow bins in the sum
     * @return a new histogram with one axis less
     */
    public Hist integrate(String axisName, boolean flow) {
        return Reshape.integrate(this, axisName, flow);
    }

    /**
     * The total of {@link #values(boolean)} over all bins.
     *
     * @param flow include flow bins
     * @return the correctly rounded sum of values (Σw, or counts for {@link Storage#INT64} and Σw for {@link Storage#MEAN})
     */
    public double sum(boolean flow) {
        double[] v = extract(storage == Storage.MEAN ? store.sumOfWeights() : store.values(), flow);
        // Summed exactly too, so that the total does not depend on the bin order either.
        ExactSums s = new ExactSums(1);
        for (double x : v) {
            s.add(0, x);
        }
        return s.value(0);
    }

    /**
     * Keeps bins {@code [from, to)} of a continuous axis; the contents of the cut-off bins are added to
     * the underflow/overflow bins (when those are on), so no entry is lost from the flow-inclusive total.
     *
     * @param axisName a {@link ContinuousAxis}
     * @param from first bin kept, {@code 0 <= from < to}
     * @param to one past the last bin kept, {@code <= size()}
     * @return a new histogram
     */
    public Hist slice(String axisName, int from, int to) {
        return Reshape.slice(this, axisName, from, to);
    }

    /**
     * {@link #slice} by value: keeps the bins overlapping {@code [low, high)}.
     *
     * @param axisName a {@link ContinuousAxis}
     * @param low values below the bin containing {@code low} are cut
     * @param high values from the bin edge at or above {@code high} are cut
     * @return a new histogram
     */
    public Hist sliceByValue(String axisName, double low, double high) {
        return Reshape.sliceByValue(this, axisName, low, high);
    }

    /**
     * Merges groups of {@code factor} adjacent bins of a continuous axis.
     *
     * @param axisName a {@link ContinuousAxis}
     * @param factor group size; must divide the number of bins
     * @return a new histogram
     */
    public Hist rebin(String axisName, int factor) {
        return Reshape.rebin(this, axisName, factor);
    }

    /**
     * Keeps only the listed categories of a string category axis, in the given order; the result's
     * axis has no flow bin.
     *
     * @param axisName a {@link StrCategoryAxis}
     * @param categories categories to keep; each must exist
     * @return a new histogram
     */
    public Hist select(String axisName, String... categories) {
        return Reshape.select(this, axisName, categories);
    }

    /**
     * Keeps only the listed categories of an integer category axis, in the given order.
     *
     * @param axisName an {@link IntCategoryAxis}
     * @param categories categories to keep; each must exist
     * @return a new histogram
     */
    public Hist select(String axisName, int... categories) {
        return Reshape.select(this, axisName, categories);
    }

    /**
     * The histogram at one category, with that axis removed: {@code h.at("dataset", "ttbar")}.
     *
     * @param axisName a {@link StrCategoryAxis}
     * @param category an existing category
     * @return a new histogram with one axis less
     */
    public Hist at(String axisName, String category) {
        return Reshape.at(this, axisName, category);
    }

    /**
     * The histogram at one bin of an axis, with that axis removed.
     *
     * @param axisName any axis
     * @param bin a bin number, {@code -1 … size()} (flow bins must be switched on)
     * @return a new histogram with one axis less
     */
    public Hist atBin(String axisName, int bin) {
        return Reshape.atBin(this, axisName, bin);
    }

    // ------------------------------------------------------------------ reading contents

    /** Stored positions of the bins returned with or without flow, row-major. */
    private int[] positions(boolean flow) {
        if (flow) {
            int[] p = new int[total];
            for (int i = 0; i < total; i++) {
                p[i] = i;
            }
            return p;
        }
        int rank = axes.length;
        int n = 1;
        for (Axis a : axes) {
            n *= a.size();
        }
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        int[] counter = new int[rank];
        for (int o = 0; o < n; o++) {
            if (o > 0) {
                for (int k = rank - 1; k >= 0; k--) {
                    if (++counter[k] < axes[k].size()) {
                        break;
                    }
                    counter[k] = 0;
                }
            }
            int src = 0;
            for (int k = 0; k < rank; k++) {
                src += (counter[k] + (axes[k].hasUnderflow() ? 1 : 0)) * strides[k];
            }
            out[o] = src;
        }
        return out;
    }

    private double[] extract(double[] data, boolean flow) {
        if (flow) {
            return data.clone();
        }
        int[] p = positions(false);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = data[p[i]];
        }
        return out;
    }

    /**
     * Bin values, row-major (last axis fastest).
     *
     * @param flow include flow bins (stored order: underflow, bins, overflow per axis)
     * @return Σw ({@link Storage#WEIGHT}, {@link Storage#DOUBLE}), counts ({@link Storage#INT64}) or
     *     the sample mean ({@link Storage#MEAN}, 0 for empty bins); a new array
     */
    public double[] values(boolean flow) {
        return extract(store.values(), flow);
    }

    /**
     * Variances of the bin values, row-major.
     *
     * @param flow include flow bins
     * @return Σw² ({@link Storage#WEIGHT}); the values themselves, i.e. Poisson variances ({@link
     *     Storage#DOUBLE}, {@link Storage#INT64}); the variance of the mean, sample variance / count
     *     ({@link Storage#MEAN}, 0 where count ≤ 1)
     */
    public double[] variances(boolean flow) {
        return extract(store.variances(), flow);
    }

    /**
     * For {@link Storage#MEAN}: the sample variance per bin, {@code (Σwx² − (Σwx)²/Σw) / (Σw − 1)},
     * 0 where Σw ≤ 1. The profile keeps these raw sums rather than a running mean so that adding
     * histograms stays exact and associative; at HEP magnitudes the cancellation costs far less than
     * the statistical error.
     *
     * @param flow include flow bins
     * @return the sample variances, row-major
     */
    public double[] sampleVariances(boolean flow) {
        requireStorage(Storage.MEAN, "sampleVariances");
        return extract(((MeanStore) store).sampleVariances(), flow);
    }


    /**
     * Entry counts, row-major.
     *
     * @param flow include flow bins
     * @return counts ({@link Storage#INT64}, {@link Storage#DOUBLE}: the values); the effective
     *     number of entries (Σw)²/Σw² ({@link Storage#WEIGHT}, 0 for empty bins); Σw ({@link
     *     Storage#MEAN})
     */
    public double[] counts(boolean flow) {
        return extract(store.counts(), flow);
    }

    /**
     * The exact 64-bit counts of an {@link Storage#INT64} histogram.
     *
     * @param flow include flow bins
     * @return counts, row-major
     */
    public long[] longCounts(boolean flow) {
        requireStorage(Storage.INT64, "longCounts");
        long[] c = ((Int64Store) store).counts;
        int[] p = positions(flow);
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = c[p[i]];
        }
        return out;
    }

    /**
     * Σw per bin ({@link Storage#WEIGHT}, {@link Storage#DOUBLE}, {@link Storage#MEAN}).
     *
     * @param flow include flow bins
     * @return Σw, row-major
     */
    public double[] sumOfWeights(boolean flow) {
        return extract(store.sumOfWeights(), flow);
    }

    /**
     * Σw² per bin ({@link Storage#WEIGHT} only).
     *
     * @param flow include flow bins
     * @return Σw², row-major
     */
    public double[] sumOfWeightsSquared(boolean flow) {
        requireStorage(Storage.WEIGHT, "sumOfWeightsSquared");
        return extract(store.variances(), flow);
    }

    private void requireStorage(Storage s, String what) {
        if (storage != s) {
            throw new HistException(what + " needs Storage." + s + "; this histogram has Storage." + storage);
        }
    }

    private int flatIndex(int... bins) {
        if (bins.length != axes.length) {
            throw new IllegalArgumentException("need one bin number per axis " + axisNames() + ", got " + bins.length);
        }
        int f = 0;
        for (int k = 0; k < axes.length; k++) {
            int s = axes[k].toStored(bins[k]);
            if (s < 0) {
                throw new IllegalArgumentException("axis \"" + axes[k].name() + "\" has no flow bin " + bins[k]);
            }
            f += s * strides[k];
        }
        return f;
    }

    /**
     * The value of one bin (see {@link #values(boolean)}).
     *
     * @param bins one bin number per axis, {@code -1 … size()}
     * @return the bin value
     */
    public double value(int... bins) {
        return store.value(flatIndex(bins));
    }

    /**
     * The variance of one bin (see {@link #variances(boolean)}).
     *
     * @param bins one bin number per axis, {@code -1 … size()}
     * @return the bin variance
     */
    public double variance(int... bins) {
        return store.variance(flatIndex(bins));
    }

    // ------------------------------------------------------------------ raw access for serialization

    /** The bin contents, flow included, in the order of {@link UhiJson}: no copy. */
    BinStore store() {
        return store;
    }

    static Hist restore(Axis[] axes, Storage storage, String name, String label, BinStore contents) {
        Hist h = new Hist(axes, storage, name, label);
        if (contents != null) {
            if (contents.kind() != storage || contents.bins != h.total) {
                throw new IllegalStateException("restored contents do not match the axes: " + contents.bins
                        + " bins of " + contents.kind() + " for " + h.total + " bins of " + storage);
            }
            h.store = contents;
        }
        return h;
    }

    /**
     * Equal when axes, storage, name, label and every value read back (flow bins included) are
     * equal; doubles are compared bit for bit.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Hist h && storage == h.storage && Arrays.equals(axes, h.axes) && name.equals(h.name)
                && label.equals(h.label) && store.equals(h.store);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storage, Arrays.hashCode(axes), store);
    }

    @Override
    public String toString() {
        return "Hist" + (name.isEmpty() ? "" : " \"" + name + "\"") + " (" + storage + ", " + total + " stored bins) "
                + Arrays.toString(axes);
    }
}
