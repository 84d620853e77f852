package org.crema.hist;

import java.util.Locale;

/**
 * Plain-text and CSV tables of a histogram for quick looks: one row per bin (flow bins included
 * when asked), one column per axis with the bin's label, then value and variance (and count for
 * profiles).
 */
public final class HistTable {
    private HistTable() {}

    /**
     * @param h a histogram
     * @param flow include flow bins
     * @return CSV text with a header row; fields containing commas or quotes are quoted; numbers
     *     keep full precision
     */
    public static String toCsv(Hist h, boolean flow) {
        StringBuilder sb = new StringBuilder();
        String[] header = header(h);
        for (int c = 0; c < header.length; c++) {
            sb.append(c == 0 ? "" : ",").append(csv(header[c]));
        }
        sb.append('\n');
        for (String[] row : rows(h, flow, true)) {
            for (int c = 0; c < row.length; c++) {
                sb.append(c == 0 ? "" : ",").append(csv(row[c]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * @param h a histogram
     * @param flow include flow bins
     * @return a table with aligned columns, preceded by a title line
     */
    public static String toText(Hist h, boolean flow) {
        String[] header = header(h);
        String[][] rows = rows(h, flow, false);
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(h.name().isEmpty() ? "histogram" : h.name()).append(" (").append(h.storage()).append(")");
        if (!h.label().isEmpty()) {
            sb.append(": ").append(h.label());
        }
        sb.append('\n');
        appendRow(sb, header, width, h.rank());
        for (String[] r : rows) {
            appendRow(sb, r, width, h.rank());
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] r, int[] width, int rank) {
        for (int c = 0; c < r.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[c] - r[c].length());
            // Bin labels left-aligned, numbers right-aligned.
            sb.append(c >= rank ? pad + r[c] : r[c] + pad);
        }
        sb.append('\n');
    }

    private static String[] header(Hist h) {
        int rank = h.rank();
        boolean mean = h.storage() == Storage.MEAN;
        String[] out = new String[rank + (mean ? 3 : 2)];
        for (int k = 0; k < rank; k++) {
            Axis a = h.axis(k);
            out[k] = a.unit().isEmpty() ? a.name() : a.name() + " [" + a.unit() + "]";
        }
        if (mean) {
            out[rank] = "count";
            out[rank + 1] = "mean";
            out[rank + 2] = "variance_of_mean";
        } else {
            out[rank] = "value";
            out[rank + 1] = "variance";
        }
        return out;
    }

    private static String[][] rows(Hist h, boolean flow, boolean exact) {
        int rank = h.rank();
        double[] values = h.values(flow);
        double[] variances = h.variances(flow);
        double[] counts = h.storage() == Storage.MEAN ? h.counts(flow) : null;
        int[] dims = new int[rank];
        for (int k = 0; k < rank; k++) {
            dims[k] = flow ? h.axis(k).extent() : h.axis(k).size();
        }
        String[][] rows = new String[values.length][];
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
            String[] row = new String[rank + (counts == null ? 2 : 3)];
            for (int k = 0; k < rank; k++) {
                Axis a = h.axis(k);
                int bin = flow ? a.fromStored(counter[k]) : counter[k];
                row[k] = a.binLabel(bin);
            }
            int c = rank;
            if (counts != null) {
                row[c++] = num(counts[r], exact);
            }
            row[c++] = num(values[r], exact);
            row[c] = num(variances[r], exact);
            rows[r] = row;
        }
        return rows;
    }

    /** CSV keeps every digit (shortest round-trip form); the text table shows 6 significant digits. */
    private static String num(double v, boolean exact) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return exact ? Double.toString(v) : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csv(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
