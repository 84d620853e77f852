package org.crema.processor.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crema.hist.Axis;
import org.crema.hist.ContinuousAxis;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.Storage;
import org.crema.hist.StrCategoryAxis;
import org.crema.io.write.CompressionSetting;
import org.crema.io.write.RootHistogram;
import org.crema.io.write.RootWriter;

/**
 * crema histograms as ROOT TH1D/TH2D: flow bins, Σw² (for weighted storage) and axis titles carried
 * over; category axes split into one ROOT histogram per category.
 *
 * <pre>{@code
 * RootHistograms.write(Path.of("histograms.root"), runOutput.histograms(), CompressionSetting.zlib(1));
 * // histograms/DY/dimuonMass with axes (category, variation, mass) becomes
 * //   DY/baseline/dimuonMass, DY/baseline/dimuonMass_muonSFUp, ... (one TH1D each)
 * }</pre>
 */
public final class RootHistograms {
    private RootHistograms() {
    }

    /**
     * Converts a histogram with one or two continuous axes (regular, variable or integer).
     *
     * @param h the histogram (Storage WEIGHT gives Σw²; other storages are written as unweighted)
     * @param title ROOT title
     * @return the TH1D or TH2D; statistics computed at bin centres (see {@link RootHistogram})
     * @throws IllegalArgumentException for other axes, naming them
     */
    public static RootHistogram toRoot(Hist h, String title) {
        return toRoot(h, title, RootHistogram.Kind.TH1D);
    }

    /**
     * As {@link #toRoot(Hist, String)}, choosing the 1-D class: {@code TH1F} stores each cell as a
     * float (Σw² stays double), for tools that insist on it; 2-D histograms are always {@code TH2D}.
     *
     * @param h the histogram
     * @param title ROOT title
     * @param kind1D {@link RootHistogram.Kind#TH1D} or {@link RootHistogram.Kind#TH1F}
     * @return the histogram
     */
    public static RootHistogram toRoot(Hist h, String title, RootHistogram.Kind kind1D) {
        if (kind1D == RootHistogram.Kind.TH2D) {
            throw new IllegalArgumentException("kind1D must be TH1D or TH1F, got TH2D");
        }
        if (h.rank() < 1 || h.rank() > 2) {
            throw new IllegalArgumentException("a ROOT TH1/TH2 needs 1 or 2 continuous axes; histogram '" + h.name()
                    + "' has " + describe(h) + " (select or integrate the category axes first)");
        }
        List<ContinuousAxis> axes = new ArrayList<>();
        for (Axis a : h.axes()) {
            if (!(a instanceof ContinuousAxis c)) {
                throw new IllegalArgumentException("axis '" + a.name() + "' of histogram '" + h.name()
                        + "' is not continuous (" + a.describe() + "); select one category with Hist.at first");
            }
            axes.add(c);
        }
        double[] values = h.values(true);
        double[] variances = h.storage() == Storage.WEIGHT ? h.variances(true) : null;
        if (axes.size() == 1) {
            ContinuousAxis x = axes.get(0);
            return RootHistogram.of1D(kind1D, title, axis(x), cells1D(x, values),
                    variances == null ? null : cells1D(x, variances));
        }
        ContinuousAxis x = axes.get(0);
        ContinuousAxis y = axes.get(1);
        return RootHistogram.of2D(title, axis(x), axis(y), cells2D(x, y, values),
                variances == null ? null : cells2D(x, y, variances));
    }

    private static String describe(Hist h) {
        return h.axes().stream().map(Axis::describe).toList().toString();
    }

    private static RootHistogram.Axis axis(ContinuousAxis a) {
        String title = a.label() == null || a.label().isEmpty() ? a.name() : a.label();
        if (a instanceof RegularAxis r && !r.isLog()) {
            return RootHistogram.Axis.regular(title, a.size(), a.lower(), a.upper());
        }
        return RootHistogram.Axis.variable(title, a.edges());
    }

    /** Puts crema's stored bins (flow where the axis has it) into ROOT's n + 2 cells. */
    private static double[] cells1D(ContinuousAxis x, double[] stored) {
        double[] c = new double[x.size() + 2];
        int from = x.hasUnderflow() ? 0 : 1;
        System.arraycopy(stored, 0, c, from, stored.length);
        return c;
    }

    private static double[] cells2D(ContinuousAxis x, ContinuousAxis y, double[] stored) {
        int nx = x.size() + 2;
        int ny = y.size() + 2;
        int sy = y.extent();
        int ux = x.hasUnderflow() ? 0 : 1;
        int uy = y.hasUnderflow() ? 0 : 1;
        double[] c = new double[nx * ny];
        // crema is row-major with the last axis fastest; ROOT's cell is ix + nx * iy.
        for (int i = 0; i < x.extent(); i++) {
            for (int j = 0; j < sy; j++) {
                c[(i + ux) + nx * (j + uy)] = stored[i * sy + j];
            }
        }
        return c;
    }

    /**
     * Writes histograms into one ROOT file. Each map key is a directory path ({@code
     * histograms/DY/dimuonMass} goes to directory {@code DY}, the leading {@code histograms/} dropped);
     * every string-category axis other than the variation axis adds a directory level per category,
     * and the variation axis a {@code _<variation>} suffix except for {@code nominal}.
     *
     * @param file the ROOT file (written atomically)
     * @param histograms histograms by path, as {@link RunOutput#histograms()} returns them
     * @param compression compression setting
     */
    public static void write(Path file, Map<String, Hist> histograms, CompressionSetting compression) {
        try (RootWriter w = RootWriter.create(file, compression)) {
            for (Map.Entry<String, Hist> e : histograms.entrySet()) {
                String path = e.getKey().startsWith("histograms/") ? e.getKey().substring("histograms/".length())
                        : e.getKey();
                split(w, path, e.getValue());
            }
        }
    }

    private static void split(RootWriter w, String path, Hist h) {
        for (Axis a : h.axes()) {
            if (a instanceof StrCategoryAxis c) {
                boolean variation = a.name().equals(Hist.VARIATION_AXIS);
                for (String cat : c.categories()) {
                    Hist sub = h.at(a.name(), cat);
                    String p;
                    if (variation) {
                        p = cat.equals("nominal") ? path : path + "_" + cat;
                    } else {
                        int slash = path.lastIndexOf('/');
                        p = (slash < 0 ? "" : path.substring(0, slash + 1)) + cat + "/" + path.substring(slash + 1);
                    }
                    split(w, p, sub);
                }
                return;
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        w.put(path, toRoot(h, name));
    }
}
