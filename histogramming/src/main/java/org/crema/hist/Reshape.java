package org.crema.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;

/**
 * Slicing, projection, rebinning, selection and category growth of a {@link Hist}: every one of
 * them maps each stored bin of the source to at most one bin of a new histogram and adds it there
 * ({@link #remap}). The storage adds bins exactly, so the result does not depend on the order in
 * which source bins are visited.
 */
final class Reshape {
    private Reshape() {}

    static int[][] identityMaps(Hist h) {
        int[][] maps = new int[h.axes.length][];
        for (int k = 0; k < h.axes.length; k++) {
            maps[k] = new int[h.axes[k].extent()];
            for (int i = 0; i < maps[k].length; i++) {
                maps[k][i] = i;
            }
        }
        return maps;
    }

    static int[] identityPositions(Hist h) {
        int[] p = new int[h.axes.length];
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
    static Hist remap(Hist h, Axis[] targetAxes, int[] position, int[][] maps) {
        Hist t = new Hist(targetAxes, h.storage, h.name(), h.label());
        int rank = h.axes.length;
        int[] tstride = new int[rank];
        for (int k = 0; k < rank; k++) {
            tstride[k] = position[k] < 0 ? 0 : t.strides[position[k]];
        }
        BinStore from = h.store;
        BinStore to = t.store;
        to.beginRemap(from);
        int[] counter = new int[rank];
        for (int src = 0; src < h.total; src++) {
            if (src > 0) {
                // Odometer over the stored multi-index, last axis fastest (row-major).
                for (int k = rank - 1; k >= 0; k--) {
                    if (++counter[k] < h.axes[k].extent()) {
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
            to.addBin(from, src, dst);
        }
        return t;
    }

    static Hist project(Hist h, String... axisNames) {
        int[] position = new int[h.axes.length];
        Arrays.fill(position, -1);
        Axis[] target = new Axis[axisNames.length];
        for (int p = 0; p < axisNames.length; p++) {
            int k = h.axisIndex(axisNames[p]);
            if (position[k] >= 0) {
                throw new IllegalArgumentException("axis \"" + axisNames[p] + "\" named twice in project");
            }
            position[k] = p;
            target[p] = h.axes[k];
        }
        int[][] maps = identityMaps(h);
        for (int k = 0; k < h.axes.length; k++) {
            if (position[k] < 0) {
                Arrays.fill(maps[k], 0);
            }
        }
        return remap(h, target, position, maps);
    }

    static Hist integrate(Hist h, String axisName, boolean flow) {
        int k = h.axisIndex(axisName);
        int[][] maps = identityMaps(h);
        Axis a = h.axes[k];
        for (int i = 0; i < maps[k].length; i++) {
            int bin = a.fromStored(i);
            maps[k][i] = flow || (bin >= 0 && bin < a.size()) ? 0 : -1;
        }
        return dropAxis(h, k, maps);
    }

    static Hist dropAxis(Hist h, int k, int[][] maps) {
        int[] position = new int[h.axes.length];
        Axis[] target = new Axis[h.axes.length - 1];
        for (int j = 0, p = 0; j < h.axes.length; j++) {
            if (j == k) {
                position[j] = -1;
            } else {
                position[j] = p;
                target[p++] = h.axes[j];
            }
        }
        return remap(h, target, position, maps);
    }

    static Hist slice(Hist h, String axisName, int from, int to) {
        int k = h.axisIndex(axisName);
        if (!(h.axes[k] instanceof ContinuousAxis c)) {
            throw new IllegalArgumentException("slice needs a continuous axis; \"" + axisName + "\" is "
                    + h.axes[k].describe() + " (use select for categories)");
        }
        if (from < 0 || from >= to || to > c.size()) {
            throw new IllegalArgumentException("slice of axis \"" + axisName + "\" needs 0 <= from < to <= " + c.size()
                    + ", got from=" + from + ", to=" + to);
        }
        ContinuousAxis t = c.sliced(from, to);
        int[][] maps = identityMaps(h);
        for (int i = 0; i < maps[k].length; i++) {
            int bin = c.fromStored(i);
            int tb = bin < from ? -1 : bin >= to ? t.size() : bin - from;
            maps[k][i] = t.toStored(tb);
        }
        Axis[] target = h.axes.clone();
        target[k] = t;
        return remap(h, target, identityPositions(h), maps);
    }

    static Hist sliceByValue(Hist h, String axisName, double low, double high) {
        int k = h.axisIndex(axisName);
        if (!(h.axes[k] instanceof ContinuousAxis c)) {
            throw new IllegalArgumentException("sliceByValue needs a continuous axis; \"" + axisName + "\" is "
                    + h.axes[k].describe());
        }
        int from = Math.max(0, c.index(low));
        int hb = c.index(high);
        int to = hb >= c.size() ? c.size() : hb < 0 ? 0 : (c.edges[hb] == high ? hb : hb + 1);
        return slice(h, axisName, from, to);
    }

    static Hist rebin(Hist h, String axisName, int factor) {
        int k = h.axisIndex(axisName);
        if (!(h.axes[k] instanceof ContinuousAxis c)) {
            throw new IllegalArgumentException("rebin needs a continuous axis; \"" + axisName + "\" is "
                    + h.axes[k].describe());
        }
        if (factor < 1 || c.size() % factor != 0) {
            throw new IllegalArgumentException("rebin factor must be >= 1 and divide the " + c.size()
                    + " bins of axis \"" + axisName + "\", got " + factor);
        }
        ContinuousAxis t = c.rebinned(factor);
        int[][] maps = identityMaps(h);
        for (int i = 0; i < maps[k].length; i++) {
            int bin = c.fromStored(i);
            int tb = bin < 0 ? -1 : bin >= c.size() ? t.size() : bin / factor;
            maps[k][i] = t.toStored(tb);
        }
        Axis[] target = h.axes.clone();
        target[k] = t;
        return remap(h, target, identityPositions(h), maps);
    }

    static Hist select(Hist h, String axisName, String... categories) {
        int k = h.axisIndex(axisName);
        if (!(h.axes[k] instanceof StrCategoryAxis c)) {
            throw new IllegalArgumentException("select(String...) needs a StrCategoryAxis; \"" + axisName + "\" is "
                    + h.axes[k].describe());
        }
        int[][] maps = identityMaps(h);
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
        Axis[] target = h.axes.clone();
        target[k] = c.selected(new ArrayList<>(keep));
        return remap(h, target, identityPositions(h), maps);
    }

    static Hist select(Hist h, String axisName, int... categories) {
        int k = h.axisIndex(axisName);
        if (!(h.axes[k] instanceof IntCategoryAxis c)) {
            throw new IllegalArgumentException("select(int...) needs an IntCategoryAxis; \"" + axisName + "\" is "
                    + h.axes[k].describe());
        }
        int[][] maps = identityMaps(h);
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
        Axis[] target = h.axes.clone();
        target[k] = c.selected(keep);
        return remap(h, target, identityPositions(h), maps);
    }

    static Hist at(Hist h, String axisName, String category) {
        int k = h.axisIndex(axisName);
        if (!(h.axes[k] instanceof StrCategoryAxis c)) {
            throw new IllegalArgumentException("at(String, String) needs a StrCategoryAxis; \"" + axisName + "\" is "
                    + h.axes[k].describe());
        }
        int b = c.index(category);
        if (b == c.size()) {
            throw new IllegalArgumentException("axis \"" + axisName + "\" has no category \"" + category
                    + "\"; categories are " + c.categories());
        }
        return atBin(h, axisName, b);
    }

    static Hist atBin(Hist h, String axisName, int bin) {
        int k = h.axisIndex(axisName);
        int stored = h.axes[k].toStored(bin);
        if (stored < 0) {
            throw new IllegalArgumentException("axis \"" + axisName + "\" has no flow bin " + bin);
        }
        int[][] maps = identityMaps(h);
        Arrays.fill(maps[k], -1);
        maps[k][stored] = 0;
        return dropAxis(h, k, maps);
    }
}
