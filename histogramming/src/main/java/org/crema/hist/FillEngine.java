package org.crema.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crema.columnar.ListColumn;
import org.crema.hist.Sources.Kind;
import org.crema.hist.Sources.Src;

/**
 * The fill engine of one {@link Hist}: checks and broadcasts the inputs of a fill call, grows
 * category axes, then walks the rows in blocks of {@value #BLOCK}: one pass per axis adds {@code
 * stride × bin} into an index scratch, one pass applies the mask, and the histogram's {@link
 * BinStore} adds the weights. The scratch buffers are this engine's, allocated once per histogram
 * at its first fill, so nothing is allocated per entry; like the histogram, an engine is used by
 * one thread at a time.
 */
final class FillEngine {
    /** Entries processed per block: index and value scratch stay in L1 cache. */
    static final int BLOCK = 1024;

    private final Hist h;
    private final int[] idx = new int[BLOCK];
    private final int[] parent = new int[BLOCK];
    private final int[] ibuf = new int[BLOCK];
    private final double[] xbuf = new double[BLOCK];
    private final double[] wbuf = new double[BLOCK];
    private final double[] sbuf = new double[BLOCK];

    FillEngine(Hist h) {
        this.h = h;
    }

    void fill(Object[] values, Object weights, Object mask, Object sample, int varAxis, String[] varNames,
            double[][] varWeights) {
        int rank = h.axes.length;
        Src[] src = new Src[rank];
        for (int k = 0; k < rank; k++) {
            if (k == varAxis) {
                continue;
            }
            src[k] = Sources.of(values[k], "fill input for axis \"" + h.axes[k].name() + "\"");
            checkKind(k, src[k]);
        }
        Src wsrc = weights == null ? null : Sources.of(weights, "weights");
        if (wsrc != null && !(wsrc.kind == Kind.DOUBLE || wsrc.kind == Kind.FLOAT || wsrc.kind == Kind.INT
                || wsrc.kind == Kind.SCALAR_DOUBLE)) {
            throw new IllegalArgumentException("weights must be numeric, got " + wsrc.describe());
        }
        if (h.storage == Storage.INT64 && (wsrc != null || varWeights != null)) {
            throw new IllegalArgumentException(
                    "Int64 storage counts unweighted entries; use Storage.DOUBLE or Storage.WEIGHT for weighted fills");
        }
        Src msrc = mask == null ? null : Sources.of(mask, "mask");
        if (msrc != null && msrc.kind != Kind.BOOL && msrc.kind != Kind.SCALAR_BOOL) {
            throw new IllegalArgumentException("mask must be boolean[], BoolColumn or jagged BoolColumn, got "
                    + msrc.describe());
        }
        Src ssrc = sample == null ? null : Sources.of(sample, "sample");
        if (h.storage == Storage.MEAN && ssrc == null) {
            throw new IllegalArgumentException("a Mean (profile) histogram needs sample(...) values to average");
        }
        if (h.storage != Storage.MEAN && ssrc != null) {
            throw new IllegalArgumentException("sample(...) is only for Storage.MEAN; this histogram has " + h.storage);
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
                what.add("axis \"" + h.axes[k].name() + "\"");
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
            StrCategoryAxis va = (StrCategoryAxis) h.axes[varAxis];
            varStored = new int[varNames.length];
            for (int v = 0; v < varNames.length; v++) {
                int s = va.storedIndex(varNames[v]);
                varStored[v] = s < 0 ? -1 : s * h.strides[varAxis];
            }
        }

        int[] offs = list == null ? null : list.offsets();
        int offFrom = list == null ? 0 : list.offsetsFrom();
        int event = 0;
        for (int row = 0; row < rows; row += BLOCK) {
            int n = Math.min(BLOCK, rows - row);
            FillSimd.count(n);
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
        Axis a = h.axes[k];
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
        for (int k = 0; k < h.axes.length; k++) {
            Axis a = h.axes[k];
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
                h.replaceAxis(k, grown);
            }
        }
    }

    private static int checkedInt(double v, Axis a) {
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("axis \"" + a.name() + "\" takes integer categories, got " + v);
        }
        return (int) v;
    }

    private void addAxis(int k, Src s, int row, int n, int[] par) {
        Axis a = h.axes[k];
        int stride = h.strides[k];
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
     * or masked entries) are skipped. Weights are read in place when they are a plain {@code
     * double[]}, gathered into a block scratch otherwise.
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
        h.store.accumulate(idx, n, shift, ws, wo, scalar, sbuf);
    }
}
