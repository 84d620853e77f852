package org.crema.corrections.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.corrections.CorrectionFileException;
import org.crema.corrections.internal.BinIndex;
import org.crema.corrections.internal.TextFiles;

/**
 * One section of a JetMET text file in the JetCorrectorParameters layout, as read from disk: a
 * header {@code {N_bin binVar… N_var var… formula [Correction] level}} followed by records {@code
 * binMin₁ binMax₁ … binMin_N binMax_N K value₁ … value_K}. The same layout carries jet energy
 * corrections (values = variable ranges then formula parameters), JES uncertainties (values =
 * {@code pt up down} triples), JER resolutions and JER scale factors (values = columns); the typed
 * evaluators {@link TextCorrection}, {@link TextUncertainty} and {@link TextJerScaleFactor}
 * interpret them.
 *
 * <p>Files may hold several {@code [Section]} blocks (JES uncertainty sources, L5Flavor); lines
 * starting with {@code #} are comments. Values are kept as double, exactly as written; CMSSW
 * stores them as float, which changes results in the 7th significant digit.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * JetCorrectorParameters l2 = JetCorrectorParameters.read(Path.of("…_L2Relative_AK4PFchs.txt"));
 * TextCorrection l2rel = TextCorrection.of(l2);
 * }</pre>
 */
public final class JetCorrectorParameters {
    private final String source;
    private final String section;
    private final List<String> binVariables;
    private final List<String> parVariables;
    private final String formula;
    private final String level;
    private final List<String> extraHeader;
    private final int records;
    private final double[][] binMin;
    private final double[][] binMax;
    private final double[][] values;
    private final int[] lines;
    private volatile BinIndex index;

    private JetCorrectorParameters(String source, String section, Header header, List<double[]> rows,
            List<Integer> lineNumbers) {
        this.source = source;
        this.section = section;
        this.binVariables = header.binVariables;
        this.parVariables = header.parVariables;
        this.formula = header.formula;
        this.level = header.level;
        this.extraHeader = header.extra;
        this.records = rows.size();
        int nBin = binVariables.size();
        this.binMin = new double[nBin][records];
        this.binMax = new double[nBin][records];
        this.values = new double[records][];
        this.lines = new int[records];
        for (int r = 0; r < records; r++) {
            double[] row = rows.get(r);
            for (int d = 0; d < nBin; d++) {
                binMin[d][r] = row[2 * d];
                binMax[d][r] = row[2 * d + 1];
            }
            values[r] = java.util.Arrays.copyOfRange(row, 2 * nBin + 1, row.length);
            lines[r] = lineNumbers.get(r);
        }
    }

    /**
     * Reads a file that holds a single (unnamed or named) section.
     *
     * @param path the file, plain or gzip-compressed
     * @return its only section
     * @throws CorrectionFileException when the file is malformed or holds several sections
     */
    public static JetCorrectorParameters read(Path path) {
        Map<String, JetCorrectorParameters> sections = readSections(path);
        if (sections.size() != 1) {
            throw new CorrectionFileException(path.toString(), 0, "expected one section, found "
                    + sections.size() + " " + sections.keySet() + "; use readSections or readSection");
        }
        return sections.values().iterator().next();
    }

    /**
     * Reads one named section of a multi-section file.
     *
     * @param path the file
     * @param name the section name between brackets, e.g. {@code "FlavorQCD"}
     * @return that section
     * @throws CorrectionFileException when the file is malformed or lacks the section (listing the
     *     ones it has)
     */
    public static JetCorrectorParameters readSection(Path path, String name) {
        Map<String, JetCorrectorParameters> sections = readSections(path);
        JetCorrectorParameters p = sections.get(name);
        if (p == null) {
            throw new CorrectionFileException(path.toString(), 0, "no section [" + name + "]; sections are "
                    + sections.keySet());
        }
        return p;
    }

    /**
     * Reads every section of a file, in file order. A file without {@code [Section]} lines gives
     * one entry with the empty name.
     *
     * @param path the file, plain or gzip-compressed
     * @return section name to parameters
     * @throws CorrectionFileException with {@code file:line} for malformed lines
     */
    public static Map<String, JetCorrectorParameters> readSections(Path path) {
        return parse(TextFiles.read(path), path.getFileName().toString());
    }

    /**
     * Parses the text of a file.
     *
     * @param text the file content
     * @param source the name used in error messages
     * @return section name to parameters, in file order
     * @throws CorrectionFileException with {@code source:line} for malformed lines
     */
    public static Map<String, JetCorrectorParameters> parse(String text, String source) {
        Map<String, JetCorrectorParameters> out = new LinkedHashMap<>();
        String section = "";
        Header header = null;
        int headerLine = 0;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (header != null) {
                    put(out, source, section, header, rows, rowLines, headerLine);
                    header = null;
                    rows = new ArrayList<>();
                    rowLines = new ArrayList<>();
                }
                int close = line.indexOf(']');
                if (close < 0) {
                    throw new CorrectionFileException(source, lineNo, "section line has no ']': " + line);
                }
                section = line.substring(1, close).strip();
                continue;
            }
            if (line.startsWith("{")) {
                if (header != null) {
                    throw new CorrectionFileException(source, lineNo, "second header in section ["
                            + section + "] (first at line " + headerLine + ")");
                }
                header = Header.parse(line, source, lineNo);
                headerLine = lineNo;
                continue;
            }
            if (header == null) {
                throw new CorrectionFileException(source, lineNo, "record before any {…} header: " + abbreviate(line));
            }
            rows.add(parseRecord(line, header.binVariables.size(), source, lineNo));
            rowLines.add(lineNo);
        }
        if (header != null) {
            put(out, source, section, header, rows, rowLines, headerLine);
        }
        if (out.isEmpty()) {
            throw new CorrectionFileException(source, 0, "no {…} header found");
        }
        return Collections.unmodifiableMap(out);
    }

    private static void put(Map<String, JetCorrectorParameters> out, String source, String section, Header header,
            List<double[]> rows, List<Integer> rowLines, int headerLine) {
        if (rows.isEmpty()) {
            throw new CorrectionFileException(source, headerLine, "header without records in section [" + section + "]");
        }
        if (out.containsKey(section)) {
            throw new CorrectionFileException(source, headerLine, "duplicate section [" + section + "]");
        }
        out.put(section, new JetCorrectorParameters(source, section, header, rows, rowLines));
    }

    private static double[] parseRecord(String line, int nBin, String source, int lineNo) {
        String[] tokens = line.split("\\s+");
        double[] row = new double[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
            try {
                row[t] = parseNumber(tokens[t]);
            } catch (NumberFormatException e) {
                throw new CorrectionFileException(source, lineNo, "token " + (t + 1) + " is not a number: '"
                        + tokens[t] + "'");
            }
        }
        if (tokens.length < 2 * nBin + 1) {
            throw new CorrectionFileException(source, lineNo, "record has " + tokens.length + " numbers, needs at least "
                    + (2 * nBin + 1) + " (" + nBin + " bin ranges and a value count)");
        }
        double k = row[2 * nBin];
        int expected = 2 * nBin + 1 + (int) k;
        if (k != Math.rint(k) || k < 0 || tokens.length != expected) {
            throw new CorrectionFileException(source, lineNo, "value count " + tokens[2 * nBin] + " says the record has "
                    + (k != Math.rint(k) || k < 0 ? "?" : Integer.toString(expected)) + " numbers, found "
                    + tokens.length);
        }
        for (int d = 0; d < nBin; d++) {
            if (!(row[2 * d] <= row[2 * d + 1])) {
                throw new CorrectionFileException(source, lineNo, "bin range " + (d + 1) + " has min " + row[2 * d]
                        + " > max " + row[2 * d + 1]);
            }
        }
        return row;
    }

    // C's strtod (used by CMSSW) also accepts nan and inf in any case; some JES source files
    // carry "nan" knots in sections that were never filled.
    static double parseNumber(String token) {
        switch (token.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "-nan", "+nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(token);
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    /** The parsed {@code {…}} header. */
    private record Header(List<String> binVariables, List<String> parVariables, String formula, String level,
            List<String> extra) {
        static Header parse(String line, String source, int lineNo) {
            int close = line.lastIndexOf('}');
            if (close < 0) {
                throw new CorrectionFileException(source, lineNo, "header has no closing '}'");
            }
            String[] t = line.substring(1, close).strip().split("\\s+");
            int p = 0;
            int nBin = count(t, p++, "number of bin variables", source, lineNo);
            List<String> bins = new ArrayList<>();
            for (int i = 0; i < nBin; i++) {
                bins.add(token(t, p++, "bin variable name", source, lineNo));
            }
            int nVar = count(t, p++, "number of formula variables", source, lineNo);
            List<String> vars = new ArrayList<>();
            for (int i = 0; i < nVar; i++) {
                vars.add(token(t, p++, "formula variable name", source, lineNo));
            }
            String formula = token(t, p++, "formula", source, lineNo);
            if (formula.equals("\"\"") || formula.equals("None")) {
                formula = "";
            }
            List<String> rest = new ArrayList<>();
            for (int i = p; i < t.length; i++) {
                rest.add(t[i]);
            }
            String level = "";
            List<String> extra = new ArrayList<>();
            int correction = rest.indexOf("Correction");
            if (correction >= 0 && correction + 1 < rest.size()) {
                level = rest.get(correction + 1);
                extra.addAll(rest.subList(correction + 2, rest.size()));
            } else {
                // JER files: "Resolution", "ScaleFactor", or "13 ScaleFactor TotalDown TotalUp …".
                int i = 0;
                while (i < rest.size() && rest.get(i).matches("[0-9]+")) {
                    i++;
                }
                if (i < rest.size()) {
                    level = rest.get(i);
                    extra.addAll(rest.subList(i + 1, rest.size()));
                }
            }
            return new Header(List.copyOf(bins), List.copyOf(vars), formula, level, List.copyOf(extra));
        }

        private static int count(String[] t, int p, String what, String source, int lineNo) {
            String s = token(t, p, what, source, lineNo);
            try {
                int v = Integer.parseInt(s);
                if (v < 0 || v > 16) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new CorrectionFileException(source, lineNo, "header: " + what + " must be an integer 0..16, got '"
                        + s + "'");
            }
        }

        private static String token(String[] t, int p, String what, String source, int lineNo) {
            if (p >= t.length) {
                throw new CorrectionFileException(source, lineNo, "header ends before the " + what);
            }
            return t[p];
        }
    }

    /** @return the name used in error messages (the file name) */
    public String source() {
        return source;
    }

    /** @return the {@code [Section]} name, or the empty string */
    public String section() {
        return section;
    }

    /** @return the names of the bin variables, e.g. {@code [JetEta, JetPt]} */
    public List<String> binVariables() {
        return binVariables;
    }

    /** @return the names of the formula (or interpolation) variables, e.g. {@code [Rho, JetPt, JetA]} */
    public List<String> parVariables() {
        return parVariables;
    }

    /** @return the formula text; empty for uncertainties and scale factors */
    public String formula() {
        return formula;
    }

    /**
     * @return the level or type: {@code L1FastJet}, {@code L2Relative}, {@code Uncertainty}, {@code
     *     JECSource}, {@code Resolution}, {@code ScaleFactor}, …
     */
    public String level() {
        return level;
    }

    /** @return header tokens after the level (column names of split JER scale factors) */
    public List<String> extraHeader() {
        return extraHeader;
    }

    /** @return the number of records */
    public int size() {
        return records;
    }

    /**
     * @param dimension bin variable index
     * @param record record index
     * @return the lower edge (inclusive)
     */
    public double binMin(int dimension, int record) {
        return binMin[dimension][record];
    }

    /**
     * @param dimension bin variable index
     * @param record record index
     * @return the upper edge (exclusive)
     */
    public double binMax(int dimension, int record) {
        return binMax[dimension][record];
    }

    /**
     * @param record record index
     * @return a copy of the record's values after the value count
     */
    public double[] values(int record) {
        return values[record].clone();
    }

    /**
     * @param record record index
     * @return the 1-based line of the record in its file
     */
    public int line(int record) {
        return lines[record];
    }

    double[][] valuesUnsafe() {
        return values;
    }

    /**
     * Finds the first record whose bin ranges contain the point ({@code min <= x < max}).
     *
     * @param binValues one value per bin variable
     * @param clamp move out-of-range values into the edge bins (coffea) instead of finding none
     * @return the record index, or -1
     */
    public int findRecord(double[] binValues, boolean clamp) {
        if (binValues.length != binVariables.size()) {
            throw new IllegalArgumentException("need one value per bin variable " + binVariables + ", got "
                    + binValues.length);
        }
        return index().find(binValues, clamp);
    }

    BinIndex index() {
        BinIndex i = index;
        if (i == null) {
            i = new BinIndex(binMin, binMax, records);
            index = i;
        }
        return i;
    }

    @Override
    public String toString() {
        return "JetCorrectorParameters[" + source + (section.isEmpty() ? "" : " [" + section + "]") + " " + level
                + " bins=" + binVariables + " vars=" + parVariables + " records=" + records + "]";
    }
}
