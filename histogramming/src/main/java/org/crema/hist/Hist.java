package org.crema.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.crema.columnar.ListColumn;
import org.crema.hist.Sources.Kind;
import org.crema.hist.Sources.Src;

/**
 * An N-dimensional histogram: a list of {@link Axis axes} and a {@link Storage} per bin.
 *
 * <p><b>Threads.</b> A {@code Hist} is mutable and <em>not</em> thread-safe: give each worker its
 * own (same axes, e.g. from {@link #emptyCopy()}), fill it from that worker's chunks, and combine
 * the results with {@link #add(Hist)} or {@link #merge(Hist, Hist)}. Addition is associative and
 * commutative with the empty histogram as identity, and is exact whenever the filled weights' sums
 * are exact (integer or dyadic weights), so 1 thread, 16 threads or a cluster give the same
 * numbers. Filling uses per-histogram scratch buffers and allocates nothing per entry.
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

    /** Entries processed per block: index and value scratch stay in L1 cache. */
    private static final int BLOCK = 1024;

    private Axis[] axes;
    private final Storage storage;
    private final String name;
    private final String label;
    private int[] strides;
    private int total;
    // DOUBLE: values; WEIGHT: Σw; MEAN: Σw (the count).
    private double[] a0;
    // WEIGHT: Σw²; MEAN: Σw·x.
    private double[] a1;
    // MEAN: Σw·x².
    private double[] a2;
    // INT64: counts.
    private long[] n0;

    // Per-histogram scratch, reused by every fill (single-threaded by contract). Allocated at the
    // first fill, so results of project/slice/merge and histograms that are never filled stay small.
    private int[] idx;
    private int[] parent;
    private int[] ibuf;
    private double[] xbuf;
    private double[] wbuf;
    private double[] sbuf;

    private Hist(Axis[] axes, Storage storage, String name, String label) {
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
        a0 = a1 = a2 = null;
        n0 = null;
        switch (storage) {
            case DOUBLE -> a0 = new double[total];
            case INT64 -> n0 = new long[total];
            case WEIGHT -> {
                a0 = new double[total];
                a1 = new double[total];
            }
            case MEAN -> {
                a0 = new double[total];
                a1 = new double[total];
                a2 = new double[total];
            }
        }
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

    private List<String> axisNames() {
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
            doFill(values, weights, mask, sample, -1, null, null);
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
            doFill(values, null, mask, sample, v, names, weightsPerVariation);
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

    private void doFill(Object[] values, Object weights, Object mask, Object sample, int varAxis, String[] varNames,
            double[][] varWeights) {
        if (idx == null) {
            idx = new int[BLOCK];
            parent = new int[BLOCK];
            ibuf = new int[BLOCK];
            xbuf = new double[BLOCK];
            wbuf = new double[BLOCK];
            sbuf = new double[BLOCK];
        }
        int rank = axes.length;
        Src[] src = new Src[rank];
        for (int k = 0; k < rank; k++) {
            if (k == varAxis) {
                continue;
            }
            src[k] = Sources.of(values[k], "fill input for axis \"" + axes[k].name() + "\"");
            checkKind(k, src[k]);
        }
        Src wsrc = weights == null ? null : Sources.of(weights, "weights");
        if (wsrc != null && !(wsrc.kind == Kind.DOUBLE || wsrc.kind == Kind.FLOAT || wsrc.kind == Kind.INT
                || wsrc.kind == Kind.SCALAR_DOUBLE)) {
            throw new IllegalArgumentException("weights must be numeric, got " + wsrc.describe());
        }
        if (storage == Storage.INT64 && (wsrc != null || varWeights != null)) {
            throw new IllegalArgumentException(
                    "Int64 storage counts unweighted entries; use Storage.DOUBLE or Storage.WEIGHT for weighted fills");
        }
        Src msrc = mask == null ? null : Sources.of(mask, "mask");
        if (msrc != null && msrc.kind != Kind.BOOL && msrc.kind != Kind.SCALAR_BOOL) {
            throw new IllegalArgumentException("mask must be boolean[], BoolColumn or jagged BoolColumn, got "
                    + msrc.describe());
        }
        Src ssrc = sample == null ? null : Sources.of(sample, "sample");
        if (storage == Storage.MEAN && ssrc == null) {
            throw new IllegalArgumentException("a Mean (profile) histogram needs sample(...) values to average");
        }
        if (storage != Storage.MEAN && ssrc != null) {
            throw new IllegalArgumentException("sample(...) is only for Storage.MEAN; this histogram has " + storage);
        }
        Src[] vsrc = null;
        if (varWeights != null) {
            vsrc = new Src[varWeights.length];
            for (int v = 0; v < varWeights.length; v++) {
                vsrc[v] = Sources.of(varWeights[v], "weights of variation \"" + varNames[v] + "\"");
            }
        }

        // Shape: find the jagged layout (if any) and the number of rows; check every input against it.
        List<Src> all = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (int k = 0; k < rank; k++) {
            if (src[k] != null) {
                all.add(src[k]);
                what.add("axis \"" + axes[k].name() + "\"");
            }
        }
        addShape(all, what, wsrc, "weights");
        addShape(all, what, msrc, "mask");
        addShape(all, what, ssrc, "sample");
        if (vsrc != null) {
            for (int v = 0; v < vsrc.length; v++) {
                addShape(all, what, vsrc[v], "weights of variation \"" + varNames[v] + "\"");
            }
        }
        ListColumn<?> list = null;
        String listWhat = null;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).jagged) {
                if (list == null) {
                    list = all.get(i).list;
                    listWhat = what.get(i);
                } else {
                    checkSameCounts(list, listWhat, all.get(i).list, what.get(i));
                }
            }
        }
        int events = -1;
        String eventsWhat = null;
        for (int i = 0; i < all.size(); i++) {
            Src s = all.get(i);
            if (s.isScalar() || s.jagged) {
                continue;
            }
            if (events < 0) {
                events = s.length;
                eventsWhat = what.get(i);
            } else if (s.length != events) {
                throw new IllegalArgumentException("fill inputs must have equal lengths: " + eventsWhat + " has "
                        + events + " entries, " + what.get(i) + " has " + s.length);
            }
        }
        if (list != null && events >= 0 && events != list.length()) {
            throw new IllegalArgumentException("per-event inputs must have one entry per list of the jagged inputs: "
                    + listWhat + " has " + list.length() + " lists, " + eventsWhat + " has " + events + " entries");
        }
        int rows = list != null ? list.totalCount() : events >= 0 ? events : 1;

        // Growing category axes learn their new categories before any bin is touched.
        growFor(src, varAxis, varNames, rows, list);
        int[] varStored = null;
        if (varNames != null) {
            StrCategoryAxis va = (StrCategoryAxis) axes[varAxis];
            varStored = new int[varNames.length];
            for (int v = 0; v < varNames.length; v++) {
                int s = va.storedIndex(varNames[v]);
                varStored[v] = s < 0 ? -1 : s * strides[varAxis];
            }
        }

        int[] offs = list == null ? null : list.offsets();
        int offFrom = list == null ? 0 : list.offsetsFrom();
        int event = 0;
        for (int row = 0; row < rows; row += BLOCK) {
            int n = Math.min(BLOCK, rows - row);
            int[] par = null;
            if (list != null) {
                // Row r belongs to the event whose [start, end) contains it (relative to the view start).
                int origin = offs[offFrom];
                for (int i = 0; i < n; i++) {
                    int r = row + i + origin;
                    while (offs[offFrom + event + 1] <= r) {
                        event++;
                    }
                    parent[i] = event;
                }
                par = parent;
            }
            Arrays.fill(idx, 0, n, 0);
            for (int k = 0; k < rank; k++) {
                if (k != varAxis) {
                    addAxis(k, src[k], row, n, par);
                }
            }
            if (msrc != null) {
                applyMask(msrc, row, n, par);
            }
            if (ssrc != null) {
                Sources.gatherDoubles(ssrc, row, n, par, sbuf);
            }
            if (varStored == null) {
                accumulate(wsrc, row, n, par, 0);
            } else {
                for (int v = 0; v < varStored.length; v++) {
                    if (varStored[v] >= 0) {
                        accumulate(vsrc[v], row, n, par, varStored[v]);
                    }
                }
            }
        }
    }

    private static void addShape(List<Src> all, List<String> what, Src s, String w) {
        if (s != null) {
            all.add(s);
            what.add(w);
        }
    }

    private static void checkSameCounts(ListColumn<?> a, String aw, ListColumn<?> b, String bw) {
        if (a.length() != b.length()) {
            throw new IllegalArgumentException("jagged fill inputs must have the same lists: " + aw + " has "
                    + a.length() + " lists, " + bw + " has " + b.length());
        }
        for (int e = 0; e < a.length(); e++) {
            if (a.count(e) != b.count(e)) {
                throw new IllegalArgumentException("jagged fill inputs must have the same list lengths: list " + e
                        + " has " + a.count(e) + " entries in " + aw + " but " + b.count(e) + " in " + bw);
            }
        }
    }

    private void checkKind(int k, Src s) {
        Axis a = axes[k];
        boolean ok = switch (a) {
            case ContinuousAxis c -> s.kind == Kind.DOUBLE || s.kind == Kind.FLOAT || s.kind == Kind.INT
                    || s.kind == Kind.SCALAR_DOUBLE;
            case StrCategoryAxis c -> s.kind == Kind.STRINGS || s.kind == Kind.SCALAR_STRING || s.kind == Kind.INT
                    || s.kind == Kind.SCALAR_DOUBLE;
            case IntCategoryAxis c -> s.kind == Kind.INT || s.kind == Kind.SCALAR_DOUBLE;
            case BooleanAxis b -> s.kind == Kind.BOOL || s.kind == Kind.SCALAR_BOOL || s.kind == Kind.DOUBLE
                    || s.kind == Kind.FLOAT || s.kind == Kind.INT || s.kind == Kind.SCALAR_DOUBLE;
        };
        if (!ok) {
            throw new IllegalArgumentException("axis \"" + a.name() + "\" (" + a.describe() + ") cannot be filled from "
                    + s.describe());
        }
    }

    private void growFor(Src[] src, int varAxis, String[] varNames, int rows, ListColumn<?> list) {
        for (int k = 0; k < axes.length; k++) {
            Axis a = axes[k];
            Axis grown = a;
            if (a instanceof StrCategoryAxis s && s.isGrowing()) {
                if (k == varAxis) {
                    grown = s.withAdded(s.unknown(varNames, 0, varNames.length));
                } else if (src[k].kind == Kind.SCALAR_STRING) {
                    grown = s.withAdded(List.of(src[k].scalarString));
                } else if (src[k].kind == Kind.STRINGS) {
                    grown = s.withAdded(s.unknown((String[]) src[k].array, src[k].base, src[k].length));
                }
            } else if (a instanceof IntCategoryAxis c && c.isGrowing()) {
                if (src[k].kind == Kind.SCALAR_DOUBLE) {
                    grown = c.withAdded(new int[] {checkedInt(src[k].scalar, a)});
                } else if (src[k].kind == Kind.INT) {
                    grown = c.withAdded(c.unknown((int[]) src[k].array, src[k].base, src[k].length));
                }
            }
            if (grown != a) {
                replaceAxis(k, grown);
            }
        }
    }

    private static int checkedInt(double v, Axis a) {
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("axis \"" + a.name() + "\" takes integer categories, got " + v);
        }
        return (int) v;
    }

    /**
     * Replaces axis {@code k} by a grown copy whose first {@code old.size()} categories are the old
     * ones, moving the stored contents to the new layout (flow bin stays last).
     */
    private void replaceAxis(int k, Axis grown) {
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
        int[][] maps = identityMaps();
        maps[k] = map;
        Hist moved = remap(newAxes, identityPositions(), maps);
        axes = moved.axes;
        strides = moved.strides;
        total = moved.total;
        a0 = moved.a0;
        a1 = moved.a1;
        a2 = moved.a2;
        n0 = moved.n0;
    }

    private void addAxis(int k, Src s, int row, int n, int[] par) {
        Axis a = axes[k];
        int stride = strides[k];
        switch (a) {
            case ContinuousAxis c -> {
                if (s.kind == Kind.SCALAR_DOUBLE) {
                    addConstant(c.storedIndex(s.scalar), stride, n);
                } else if (s.kind == Kind.DOUBLE && (par == null || s.jagged)) {
                    // Read the caller's array in place: no copy on the common path.
                    addContinuous(c, (double[]) s.array, s.base + row, n, stride);
                } else {
                    Sources.gatherDoubles(s, row, n, par, xbuf);
                    addContinuous(c, xbuf, 0, n, stride);
                }
            }
            case StrCategoryAxis c -> {
                if (s.kind == Kind.SCALAR_STRING) {
                    addConstant(c.storedIndex(s.scalarString), stride, n);
                } else if (s.kind == Kind.SCALAR_DOUBLE) {
                    addConstant(categoryBin(c, checkedInt(s.scalar, c)), stride, n);
                } else if (s.kind == Kind.STRINGS) {
                    for (int i = 0; i < n; i++) {
                        addOne(i, c.storedIndex(Sources.stringAt(s, row, par, i)), stride);
                    }
                } else {
                    Sources.gatherInts(s, row, n, par, ibuf);
                    for (int i = 0; i < n; i++) {
                        addOne(i, categoryBin(c, ibuf[i]), stride);
                    }
                }
            }
            case IntCategoryAxis c -> {
                if (s.kind == Kind.SCALAR_DOUBLE) {
                    addConstant(c.storedIndex(checkedInt(s.scalar, c)), stride, n);
                } else {
                    Sources.gatherInts(s, row, n, par, ibuf);
                    c.addIndices(ibuf, n, idx, stride);
                }
            }
            case BooleanAxis b -> {
                if (s.kind == Kind.SCALAR_BOOL || s.kind == Kind.SCALAR_DOUBLE) {
                    addConstant(s.scalar != 0 ? 1 : 0, stride, n);
                } else if (s.kind == Kind.BOOL) {
                    for (int i = 0; i < n; i++) {
                        if (Sources.boolAt(s, row, par, i)) {
                            idx[i] += stride;
                        }
                    }
                } else {
                    Sources.gatherDoubles(s, row, n, par, xbuf);
                    for (int i = 0; i < n; i++) {
                        if (xbuf[i] != 0) {
                            idx[i] += stride;
                        }
                    }
                }
            }
        }
    }

    /** A bin number given directly for a string category axis: out-of-range numbers go to the flow bin. */
    private static int categoryBin(StrCategoryAxis c, int bin) {
        if (bin >= 0 && bin < c.size()) {
            return bin;
        }
        return c.hasOverflow() ? c.size() : -1;
    }

    private void addContinuous(ContinuousAxis c, double[] xs, int off, int n, int stride) {
        if (off == 0) {
            c.addIndices(xs, n, idx, stride);
        } else {
            // addIndices reads from index 0; copy the span once (cheap, in cache) rather than duplicate the kernel.
            System.arraycopy(xs, off, xbuf, 0, n);
            c.addIndices(xbuf, n, idx, stride);
        }
    }

    private void addConstant(int stored, int stride, int n) {
        if (stored < 0) {
            Arrays.fill(idx, 0, n, Integer.MIN_VALUE);
            return;
        }
        int d = stored * stride;
        for (int i = 0; i < n; i++) {
            idx[i] += d;
        }
    }

    private void addOne(int i, int stored, int stride) {
        idx[i] = stored < 0 ? Integer.MIN_VALUE : idx[i] + stored * stride;
    }

    private void applyMask(Src m, int row, int n, int[] par) {
        if (m.kind == Kind.SCALAR_BOOL) {
            if (m.scalar == 0) {
                Arrays.fill(idx, 0, n, Integer.MIN_VALUE);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!Sources.boolAt(m, row, par, i)) {
                idx[i] = Integer.MIN_VALUE;
            }
        }
    }

    /**
     * Adds the block's entries to the storage at {@code idx[i] + shift}; negative indices (dropped
     * or masked entries) are skipped.
     */
    private void accumulate(Src w, int row, int n, int[] par, int shift) {
        double[] ws = null;
        int wo = 0;
        double scalar = 1;
        if (w != null) {
            if (w.kind == Kind.SCALAR_DOUBLE) {
                scalar = w.scalar;
            } else if (w.kind == Kind.DOUBLE && (par == null || w.jagged)) {
                ws = (double[]) w.array;
                wo = w.base + row;
            } else {
                Sources.gatherDoubles(w, row, n, par, wbuf);
                ws = wbuf;
            }
        }
        final int[] ix = idx;
        switch (storage) {
            case INT64 -> {
                long[] c = n0;
                for (int i = 0; i < n; i++) {
                    int j = ix[i];
                    if (j >= 0) {
                        c[j + shift]++;
                    }
                }
            }
            case DOUBLE -> {
                double[] v = a0;
                if (ws == null) {
                    for (int i = 0; i < n; i++) {
                        int j = ix[i];
                        if (j >= 0) {
                            v[j + shift] += scalar;
                        }
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        int j = ix[i];
                        if (j >= 0) {
                            v[j + shift] += ws[wo + i];
                        }
                    }
                }
            }
            case WEIGHT -> {
                double[] s1 = a0;
                double[] s2 = a1;
                if (ws == null) {
                    double sq = scalar * scalar;
                    for (int i = 0; i < n; i++) {
                        int j = ix[i];
                        if (j >= 0) {
                            s1[j + shift] += scalar;
                            s2[j + shift] += sq;
                        }
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        int j = ix[i];
                        if (j >= 0) {
                            double x = ws[wo + i];
                            s1[j + shift] += x;
                            s2[j + shift] += x * x;
                        }
                    }
                }
            }
            case MEAN -> {
                double[] sw = a0;
                double[] swx = a1;
                double[] swx2 = a2;
                double[] s = sbuf;
                for (int i = 0; i < n; i++) {
                    int j = ix[i];
                    if (j >= 0) {
                        double x = ws == null ? scalar : ws[wo + i];
                        double y = s[i];
                        sw[j + shift] += x;
                        swx[j + shift] += x * y;
                        swx2[j + shift] += x * y * y;
                    }
                }
            }
        }
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
                maps = maps == null ? other.identityMaps() : maps;
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
                maps = maps == null ? other.identityMaps() : maps;
                maps[k] = map;
            }
        }
        if (maps != null) {
            other = other.remap(axes.clone(), identityPositions(), maps);
        }
        switch (storage) {
            case INT64 -> addInto(n0, other.n0);
            case DOUBLE -> addInto(a0, other.a0);
            case WEIGHT -> {
                addInto(a0, other.a0);
                addInto(a1, other.a1);
            }
            case MEAN -> {
                addInto(a0, other.a0);
                addInto(a1, other.a1);
                addInto(a2, other.a2);
            }
        }
        return this;
    }

    private static void addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    private static void addInto(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
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
        switch (storage) {
            case INT64 -> System.arraycopy(n0, 0, h.n0, 0, total);
            case DOUBLE -> System.arraycopy(a0, 0, h.a0, 0, total);
            case WEIGHT -> {
                System.arraycopy(a0, 0, h.a0, 0, total);
                System.arraycopy(a1, 0, h.a1, 0, total);
            }
            case MEAN -> {
                System.arraycopy(a0, 0, h.a0, 0, total);
                System.arraycopy(a1, 0, h.a1, 0, total);
                System.arraycopy(a2, 0, h.a2, 0, total);
            }
        }
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
     * is scaled (its mean by {@code factor}, its variance by {@code factor²}).
     *
     * @param factor a finite number
     * @return this histogram
     * @throws HistException for {@link Storage#INT64}, whose counts cannot hold a scaled value
     */
    public Hist scale(double factor) {
        switch (storage) {
            case INT64 -> throw new HistException("cannot scale an Int64 histogram (counts are integers); "
                    + "build it with Storage.DOUBLE or Storage.WEIGHT");
            case DOUBLE -> mul(a0, factor);
            case WEIGHT -> {
                mul(a0, factor);
                mul(a1, factor * factor);
            }
            case MEAN -> {
                mul(a1, factor);
                mul(a2, factor * factor);
            }
        }
        return this;
    }

    private static void mul(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }

    // ------------------------------------------------------------------ reshaping

    private int[][] identityMaps() {
        int[][] maps = new int[axes.length][];
        for (int k = 0; k < axes.length; k++) {
            maps[k] = new int[axes[k].extent()];
            for (int i = 0; i < maps[k].length; i++) {
                maps[k][i] = i;
            }
        }
        return maps;
    }

    private int[] identityPositions() {
        int[] p = new int[axes.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = k;
        }
        return p;
    }

    /**
     * The one primitive behind project, slice, rebin, integrate, select and growth: every stored bin
     * of this histogram is added to a bin of a new histogram. Source axis {@code k} goes to target
     * position {@code position[k]} (or disappears when -1, summing over it), and its stored index
     * {@code i} to {@code maps[k][i]} (-1 drops that slice).
     */
    private Hist remap(Axis[] targetAxes, int[] position, int[][] maps) {
        Hist t = new Hist(targetAxes, storage, name, label);
        int rank = axes.length;
        int[] tstride = new int[rank];
        for (int k = 0; k < rank; k++) {
            tstride[k] = position[k] < 0 ? 0 : t.strides[position[k]];
        }
        int[] counter = new int[rank];
        for (int src = 0; src < total; src++) {
            if (src > 0) {
                // Odometer over the stored multi-index, last axis fastest (row-major).
                for (int k = rank - 1; k >= 0; k--) {
                    if (++counter[k] < axes[k].extent()) {
                        break;
                    }
                    counter[k] = 0;
                }
            }
            int dst = 0;
            boolean keep = true;
            for (int k = 0; k < rank; k++) {
                int m = maps[k][counter[k]];
                if (m < 0) {
                    keep = false;
                    break;
                }
                dst += m * tstride[k];
            }
            if (!keep) {
                continue;
            }
            switch (storage) {
                case INT64 -> t.n0[dst] += n0[src];
                case DOUBLE -> t.a0[dst] += a0[src];
                case WEIGHT -> {
                    t.a0[dst] += a0[src];
                    t.a1[dst] += a1[src];
                }
                case MEAN -> {
                    t.a0[dst] += a0[src];
                    t.a1[dst] += a1[src];
                    t.a2[dst] += a2[src];
                }
            }
        }
        return t;
    }

    /**
     * The histogram of the named axes only, in the given order, summing over all others (their
     * flow bins included).
     *
     * @param axisNames axes to keep, at least one, no repeats
     * @return a new histogram
     */
    public Hist project(String... axisNames) {
        int[] position = new int[axes.length];
        Arrays.fill(position, -1);
        Axis[] target = new Axis[axisNames.length];
        for (int p = 0; p < axisNames.length; p++) {
            int k = axisIndex(axisNames[p]);
            if (position[k] >= 0) {
                throw new IllegalArgumentException("axis \"" + axisNames[p] + "\" named twice in project");
            }
            position[k] = p;
            target[p] = axes[k];
        }
        int[][] maps = identityMaps();
        for (int k = 0; k < axes.length; k++) {
            if (position[k] < 0) {
                Arrays.fill(maps[k], 0);
            }
        }
        return remap(target, position, maps);
    }

    /**
     * Sums over one axis and removes it.
     *
     * @param axisName the axis to sum over
     * @param flow include its flow bins in the sum
     * @return a new histogram with one axis less
     */
    public Hist integrate(String axisName, boolean flow) {
        int k = axisIndex(axisName);
        int[][] maps = identityMaps();
        Axis a = axes[k];
        for (int i = 0; i < maps[k].length; i++) {
            int bin = a.fromStored(i);
            maps[k][i] = flow || (bin >= 0 && bin < a.size()) ? 0 : -1;
        }
        return dropAxis(k, maps);
    }

    private Hist dropAxis(int k, int[][] maps) {
        int[] position = new int[axes.length];
        Axis[] target = new Axis[axes.length - 1];
        for (int j = 0, p = 0; j < axes.length; j++) {
            if (j == k) {
                position[j] = -1;
            } else {
                position[j] = p;
                target[p++] = axes[j];
            }
        }
        return remap(target, position, maps);
    }

    /**
     * The total of {@link #values(boolean)} over all bins.
     *
     * @param flow include flow bins
     * @return the sum of values (Σw, or counts for {@link Storage#INT64} and Σw for {@link Storage#MEAN})
     */
    public double sum(boolean flow) {
        double[] v = storage == Storage.MEAN ? extract(a0, flow) : values(flow);
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
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
        int k = axisIndex(axisName);
        if (!(axes[k] instanceof ContinuousAxis c)) {
            throw new IllegalArgumentException("slice needs a continuous axis; \"" + axisName + "\" is "
                    + axes[k].describe() + " (use select for categories)");
        }
        if (from < 0 || from >= to || to > c.size()) {
            throw new IllegalArgumentException("slice of axis \"" + axisName + "\" needs 0 <= from < to <= " + c.size()
                    + ", got from=" + from + ", to=" + to);
        }
        ContinuousAxis t = c.sliced(from, to);
        int[][] maps = identityMaps();
        for (int i = 0; i < maps[k].length; i++) {
            int bin = c.fromStored(i);
            int tb = bin < from ? -1 : bin >= to ? t.size() : bin - from;
            maps[k][i] = t.toStored(tb);
        }
        Axis[] target = axes.clone();
        target[k] = t;
        return remap(target, identityPositions(), maps);
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
        int k = axisIndex(axisName);
        if (!(axes[k] instanceof ContinuousAxis c)) {
            throw new IllegalArgumentException("sliceByValue needs a continuous axis; \"" + axisName + "\" is "
                    + axes[k].describe());
        }
        int from = Math.max(0, c.index(low));
        int hb = c.index(high);
        int to = hb >= c.size() ? c.size() : hb < 0 ? 0 : (c.edges[hb] == high ? hb : hb + 1);
        return slice(axisName, from, to);
    }

    /**
     * Merges groups of {@code factor} adjacent bins of a continuous axis.
     *
     * @param axisName a {@link ContinuousAxis}
     * @param factor group size; must divide the number of bins
     * @return a new histogram
     */
    public Hist rebin(String axisName, int factor) {
        int k = axisIndex(axisName);
        if (!(axes[k] instanceof ContinuousAxis c)) {
            throw new IllegalArgumentException("rebin needs a continuous axis; \"" + axisName + "\" is "
                    + axes[k].describe());
        }
        if (factor < 1 || c.size() % factor != 0) {
            throw new IllegalArgumentException("rebin factor must be >= 1 and divide the " + c.size()
                    + " bins of axis \"" + axisName + "\", got " + factor);
        }
        ContinuousAxis t = c.rebinned(factor);
        int[][] maps = identityMaps();
        for (int i = 0; i < maps[k].length; i++) {
            int bin = c.fromStored(i);
            int tb = bin < 0 ? -1 : bin >= c.size() ? t.size() : bin / factor;
            maps[k][i] = t.toStored(tb);
        }
        Axis[] target = axes.clone();
        target[k] = t;
        return remap(target, identityPositions(), maps);
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
        int k = axisIndex(axisName);
        if (!(axes[k] instanceof StrCategoryAxis c)) {
            throw new IllegalArgumentException("select(String...) needs a StrCategoryAxis; \"" + axisName + "\" is "
                    + axes[k].describe());
        }
        int[][] maps = identityMaps();
        Arrays.fill(maps[k], -1);
        LinkedHashSet<String> keep = new LinkedHashSet<>(Arrays.asList(categories));
        int p = 0;
        for (String cat : keep) {
            int b = c.index(cat);
            if (b == c.size()) {
                throw new IllegalArgumentException("axis \"" + axisName + "\" has no category \"" + cat
                        + "\"; categories are " + c.categories());
            }
            maps[k][b] = p++;
        }
        Axis[] target = axes.clone();
        target[k] = c.selected(new ArrayList<>(keep));
        return remap(target, identityPositions(), maps);
    }

    /**
     * Keeps only the listed categories of an integer category axis, in the given order.
     *
     * @param axisName an {@link IntCategoryAxis}
     * @param categories categories to keep; each must exist
     * @return a new histogram
     */
    public Hist select(String axisName, int... categories) {
        int k = axisIndex(axisName);
        if (!(axes[k] instanceof IntCategoryAxis c)) {
            throw new IllegalArgumentException("select(int...) needs an IntCategoryAxis; \"" + axisName + "\" is "
                    + axes[k].describe());
        }
        int[][] maps = identityMaps();
        Arrays.fill(maps[k], -1);
        int[] keep = Arrays.stream(categories).distinct().toArray();
        for (int p = 0; p < keep.length; p++) {
            int b = c.index(keep[p]);
            if (b == c.size()) {
                throw new IllegalArgumentException("axis \"" + axisName + "\" has no category " + keep[p]
                        + "; categories are " + Arrays.toString(c.categories()));
            }
            maps[k][b] = p;
        }
        Axis[] target = axes.clone();
        target[k] = c.selected(keep);
        return remap(target, identityPositions(), maps);
    }

    /**
     * The histogram at one category, with that axis removed: {@code h.at("dataset", "ttbar")}.
     *
     * @param axisName a {@link StrCategoryAxis}
     * @param category an existing category
     * @return a new histogram with one axis less
     */
    public Hist at(String axisName, String category) {
        int k = axisIndex(axisName);
        if (!(axes[k] instanceof StrCategoryAxis c)) {
            throw new IllegalArgumentException("at(String, String) needs a StrCategoryAxis; \"" + axisName + "\" is "
                    + axes[k].describe());
        }
        int b = c.index(category);
        if (b == c.size()) {
            throw new IllegalArgumentException("axis \"" + axisName + "\" has no category \"" + category
                    + "\"; categories are " + c.categories());
        }
        return atBin(axisName, b);
    }

    /**
     * The histogram at one bin of an axis, with that axis removed.
     *
     * @param axisName any axis
     * @param bin a bin number, {@code -1 … size()} (flow bins must be switched on)
     * @return a new histogram with one axis less
     */
    public Hist atBin(String axisName, int bin) {
        int k = axisIndex(axisName);
        int stored = axes[k].toStored(bin);
        if (stored < 0) {
            throw new IllegalArgumentException("axis \"" + axisName + "\" has no flow bin " + bin);
        }
        int[][] maps = identityMaps();
        Arrays.fill(maps[k], -1);
        maps[k][stored] = 0;
        return dropAxis(k, maps);
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
        return extract(switch (storage) {
            case INT64 -> {
                double[] d = new double[total];
                for (int i = 0; i < total; i++) {
                    d[i] = n0[i];
                }
                yield d;
            }
            case DOUBLE, WEIGHT -> a0;
            case MEAN -> {
                double[] d = new double[total];
                for (int i = 0; i < total; i++) {
                    d[i] = a0[i] == 0 ? 0 : a1[i] / a0[i];
                }
                yield d;
            }
        }, flow);
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
        return switch (storage) {
            case INT64, DOUBLE -> values(flow);
            case WEIGHT -> extract(a1, flow);
            case MEAN -> {
                double[] d = sampleVariancesStored();
                for (int i = 0; i < total; i++) {
                    d[i] = a0[i] <= 1 ? 0 : d[i] / a0[i];
                }
                yield extract(d, flow);
            }
        };
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
        return extract(sampleVariancesStored(), flow);
    }

    private double[] sampleVariancesStored() {
        double[] d = new double[total];
        for (int i = 0; i < total; i++) {
            double w = a0[i];
            d[i] = w <= 1 ? 0 : Math.max(0, (a2[i] - a1[i] * a1[i] / w) / (w - 1));
        }
        return d;
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
        return switch (storage) {
            case INT64, DOUBLE -> values(flow);
            case MEAN -> extract(a0, flow);
            case WEIGHT -> {
                double[] d = new double[total];
                for (int i = 0; i < total; i++) {
                    d[i] = a1[i] == 0 ? 0 : a0[i] * a0[i] / a1[i];
                }
                yield extract(d, flow);
            }
        };
    }

    /**
     * The exact 64-bit counts of an {@link Storage#INT64} histogram.
     *
     * @param flow include flow bins
     * @return counts, row-major
     */
    public long[] longCounts(boolean flow) {
        requireStorage(Storage.INT64, "longCounts");
        int[] p = positions(flow);
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = n0[p[i]];
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
        if (storage == Storage.INT64) {
            return values(flow);
        }
        return extract(a0, flow);
    }

    /**
     * Σw² per bin ({@link Storage#WEIGHT} only).
     *
     * @param flow include flow bins
     * @return Σw², row-major
     */
    public double[] sumOfWeightsSquared(boolean flow) {
        requireStorage(Storage.WEIGHT, "sumOfWeightsSquared");
        return extract(a1, flow);
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
        int f = flatIndex(bins);
        return switch (storage) {
            case INT64 -> n0[f];
            case DOUBLE, WEIGHT -> a0[f];
            case MEAN -> a0[f] == 0 ? 0 : a1[f] / a0[f];
        };
    }

    /**
     * The variance of one bin (see {@link #variances(boolean)}).
     *
     * @param bins one bin number per axis, {@code -1 … size()}
     * @return the bin variance
     */
    public double variance(int... bins) {
        int f = flatIndex(bins);
        return switch (storage) {
            case INT64 -> n0[f];
            case DOUBLE -> a0[f];
            case WEIGHT -> a1[f];
            case MEAN -> a0[f] <= 1 ? 0 : sampleVariancesStored()[f] / a0[f];
        };
    }

    // ------------------------------------------------------------------ raw access for serialization

    /** Raw stored arrays, flow included, in the order of {@link UhiJson}: no copy. */
    double[] rawA0() {
        return a0;
    }

    double[] rawA1() {
        return a1;
    }

    double[] rawA2() {
        return a2;
    }

    long[] rawN0() {
        return n0;
    }

    static Hist restore(Axis[] axes, Storage storage, String name, String label, double[] v0, double[] v1, double[] v2,
            long[] c0) {
        Hist h = new Hist(axes, storage, name, label);
        if (v0 != null) {
            System.arraycopy(v0, 0, h.a0, 0, h.total);
        }
        if (v1 != null) {
            System.arraycopy(v1, 0, h.a1, 0, h.total);
        }
        if (v2 != null) {
            System.arraycopy(v2, 0, h.a2, 0, h.total);
        }
        if (c0 != null) {
            System.arraycopy(c0, 0, h.n0, 0, h.total);
        }
        return h;
    }

    /**
     * Equal when axes, storage, name, label and every stored number (flow bins included) are equal;
     * doubles are compared bit for bit.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Hist h && storage == h.storage && Arrays.equals(axes, h.axes) && name.equals(h.name)
                && label.equals(h.label) && Arrays.equals(a0, h.a0) && Arrays.equals(a1, h.a1)
                && Arrays.equals(a2, h.a2) && Arrays.equals(n0, h.n0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storage, Arrays.hashCode(axes), Arrays.hashCode(a0), Arrays.hashCode(n0));
    }

    @Override
    public String toString() {
        return "Hist" + (name.isEmpty() ? "" : " \"" + name + "\"") + " (" + storage + ", " + total + " stored bins) "
                + Arrays.toString(axes);
    }
}
