package org.crema.cli.hist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crema.hist.Axis;
import org.crema.hist.ContinuousAxis;
import org.crema.hist.Hist;
import org.crema.hist.Storage;

/**
 * The bins of a histogram as rows: each axis's bin (edges for a continuous axis, the label for a
 * category), then Σw and √Σw² (for a profile: the mean and its standard error).
 */
final class BinTable {
    /**
     * One bin.
     *
     * @param bins the bin number on each axis ({@code -1} underflow, {@code size()} overflow)
     * @param value Σw, the count, or the mean of a profile
     * @param error √Σw² (√count for counts), or the standard error of a profile's mean
     */
    record Row(int[] bins, double value, double error) {
    }

    private final Hist hist;
    private final List<Row> rows;

    private BinTable(Hist hist, List<Row> rows) {
        this.hist = hist;
        this.rows = rows;
    }

    /**
     * @param h a histogram
     * @param flow include the underflow and overflow bins
     * @param hideEmpty leave out bins with zero value and zero variance
     * @return its rows, row-major (last axis fastest)
     */
    static BinTable of(Hist h, boolean flow, boolean hideEmpty) {
        int rank = h.rank();
        double[] values = h.values(flow);
        double[] variances = h.variances(flow);
        int[] dims = new int[rank];
        for (int k = 0; k < rank; k++) {
            dims[k] = flow ? h.axis(k).extent() : h.axis(k).size();
        }
        List<Row> rows = new ArrayList<>();
        int[] counter = new int[rank];
        for (int r = 0; r < values.length; r++) {
            if (r > 0) {
                for (int k = rank - 1; k >= 0; k--) {
                    if (++counter[k] < dims[k]) {
                        break;
                    }
                    counter[k] = 0;
                }
            }
            if (hideEmpty && values[r] == 0 && variances[r] == 0) {
                continue;
            }
            int[] bins = new int[rank];
            for (int k = 0; k < rank; k++) {
                // stored order per axis: underflow (when on), the bins, overflow (when on)
                bins[k] = flow && h.axis(k).hasUnderflow() ? counter[k] - 1 : counter[k];
            }
            rows.add(new Row(bins, values[r], Math.sqrt(variances[r])));
        }
        return new BinTable(h, rows);
    }

    Hist hist() {
        return hist;
    }

    List<Row> rows() {
        return rows;
    }

    /** @return {@code Σw} and {@code √Σw²}, or {@code mean} and {@code σ(mean)} for a profile */
    String[] valueHeaders(boolean ascii) {
        if (hist.storage() == Storage.MEAN) {
            return ascii ? new String[] {"mean", "sigma_mean"} : new String[] {"mean", "σ(mean)"};
        }
        return ascii ? new String[] {"sumw", "sqrt_sumw2"} : new String[] {"Σw", "√Σw²"};
    }

    /** Column names for the bins: {@code x_low,x_high} for a continuous axis, the name for a category. */
    List<String> csvBinHeaders() {
        List<String> out = new ArrayList<>();
        for (Axis a : hist.axes()) {
            if (a instanceof ContinuousAxis) {
                out.add(a.name() + "_low");
                out.add(a.name() + "_high");
            } else {
                out.add(a.name());
            }
        }
        return out;
    }

    /** The numeric edges (±Infinity for flow bins) or the label of a row's bins, full precision. */
    List<String> csvBinCells(Row r) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < hist.rank(); k++) {
            Axis a = hist.axis(k);
            int b = r.bins()[k];
            if (a instanceof ContinuousAxis c) {
                double[] e = c.edges();
                out.add(Double.toString(b < 0 ? Double.NEGATIVE_INFINITY : e[b]));
                out.add(Double.toString(b >= c.size() ? Double.POSITIVE_INFINITY : e[b + 1]));
            } else {
                out.add(a.binLabel(b));
            }
        }
        return out;
    }

    /** An axis's name with its unit, as a column title. */
    static String title(Axis a) {
        return a.unit().isEmpty() ? a.name() : a.name() + " [" + a.unit() + "]";
    }

    /** Six significant digits for reading; integers as integers. */
    static String readable(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** The aligned text table. */
    String text() {
        int rank = hist.rank();
        String[] vh = valueHeaders(false);
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[rank + 2];
        for (int k = 0; k < rank; k++) {
            header[k] = title(hist.axis(k));
        }
        header[rank] = vh[0];
        header[rank + 1] = vh[1];
        lines.add(header);
        for (Row r : rows) {
            String[] line = new String[rank + 2];
            for (int k = 0; k < rank; k++) {
                line[k] = hist.axis(k).binLabel(r.bins()[k]);
            }
            line[rank] = readable(r.value());
            line[rank + 1] = readable(r.error());
            lines.add(line);
        }
        return align(lines, rank);
    }

    /** Columns padded to a common width: labels left-aligned, numbers (from column {@code firstNumber}) right. */
    static String align(List<String[]> lines, int firstNumber) {
        int[] width = new int[lines.getFirst().length];
        for (String[] l : lines) {
            for (int c = 0; c < l.length; c++) {
                width[c] = Math.max(width[c], l[c].codePointCount(0, l[c].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < l.length; c++) {
                String pad = " ".repeat(width[c] - l[c].codePointCount(0, l[c].length()));
                line.append(c == 0 ? "" : "  ").append(c >= firstNumber ? pad + l[c] : l[c] + pad);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
