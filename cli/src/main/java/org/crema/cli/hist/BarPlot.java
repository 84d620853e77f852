package org.crema.cli.hist;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-axis histogram as horizontal bars of Unicode block characters, one line per bin, the longest
 * bar filling the width left by the bin labels and values. Bars resolve an eighth of a character;
 * bins with a negative value get no bar (their value is still printed).
 */
final class BarPlot {
    /** Left one-eighth block (U+258F) … left seven-eighths block (U+2589) sit just below U+2590. */
    private static final char FULL = '\u2588';

    private BarPlot() {
    }

    /**
     * @param table the bins of a histogram with one axis
     * @param width columns of the terminal
     * @return the plot, one line per row of the table
     */
    static String draw(BinTable table, int width) {
        List<BinTable.Row> rows = table.rows();
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        double max = 0;
        for (BinTable.Row r : rows) {
            labels.add(table.hist().axis(0).binLabel(r.bins()[0]));
            values.add(BinTable.readable(r.value()));
            max = Math.max(max, r.value());
        }
        int labelWidth = labels.stream().mapToInt(String::length).max().orElse(0);
        int valueWidth = values.stream().mapToInt(String::length).max().orElse(0);
        int barWidth = barWidth(width, labelWidth, valueWidth);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String bar = bar(eighths(rows.get(i).value(), max, barWidth));
            sb.append("  ").append(labels.get(i)).append(" ".repeat(labelWidth - labels.get(i).length()))
                    .append(" │").append(bar).append(" ".repeat(barWidth - bar.length())).append(' ')
                    .append(" ".repeat(valueWidth - values.get(i).length())).append(values.get(i)).append('\n');
        }
        return sb.toString();
    }

    /** Characters for the bars: what the line has left after the label, the frame and the value. */
    static int barWidth(int width, int labelWidth, int valueWidth) {
        return Math.max(10, width - labelWidth - valueWidth - 5);
    }

    /** The bar's length in eighths of a character, the largest value filling {@code barWidth}. */
    static long eighths(double value, double max, int barWidth) {
        return value > 0 && max > 0 ? Math.round(value / max * barWidth * 8) : 0;
    }

    static String bar(long eighths) {
        StringBuilder sb = new StringBuilder();
        sb.repeat(FULL, (int) (eighths / 8));
        int rest = (int) (eighths % 8);
        if (rest > 0) {
            sb.append((char) ('\u2590' - rest));
        }
        return sb.toString();
    }
}
