package org.crema.corrections.btag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.crema.corrections.CorrectionFileException;
import org.crema.correctionlib.formula.Formula;
import org.crema.correctionlib.formula.FormulaSyntaxException;
import org.crema.corrections.internal.TextFiles;
import org.crema.corrections.text.OutOfRangePolicy;

/**
 * A BTV scale-factor file in the BTagCalibration CSV format (plain or gzip): one header line,
 * optionally prefixed {@code Tagger;}, then rows {@code OperatingPoint, measurementType, sysType,
 * jetFlavor, etaMin, etaMax, ptMin, ptMax, discrMin, discrMax, "formula"}. The formula is a
 * function of pt for fixed working points and of the discriminant for the shape ({@code
 * iterativefit}, operating point 3).
 *
 * <p>{@code jetFlavor} uses the BTV enumeration (0 = b, 1 = c, 2 = udsg); readers take NanoAOD's
 * {@code hadronFlavour} (5, 4, 0) and map it. Immutable and thread-safe.
 *
 * <pre>{@code
 * BTagCalibration csv = BTagCalibration.read(Path.of("DeepCSV_2016LegacySF_V1.csv.gz"));
 * BTagCalibrationReader shape = csv.reader(BTagCalibration.SHAPE, "iterativefit");
 * double sf = shape.evaluate("central", 5, 0.5, 50.0, 0.9);
 * }</pre>
 */
public final class BTagCalibration {
    /** Loose working point. */
    public static final int LOOSE = 0;
    /** Medium working point. */
    public static final int MEDIUM = 1;
    /** Tight working point. */
    public static final int TIGHT = 2;
    /** Shape (reshaping, {@code iterativefit}). */
    public static final int SHAPE = 3;

    /** One row of the file. */
    record Entry(int operatingPoint, String measurementType, String sysType, int btvFlavor, double etaMin,
            double etaMax, double ptMin, double ptMax, double discrMin, double discrMax, Formula formula, int line) {
    }

    private final String source;
    private final String tagger;
    private final List<Entry> entries;

    private BTagCalibration(String source, String tagger, List<Entry> entries) {
        this.source = source;
        this.tagger = tagger;
        this.entries = entries;
    }

    /**
     * @param path the CSV file, optionally gzip-compressed
     * @return the parsed file
     * @throws CorrectionFileException with {@code file:line} for malformed rows
     */
    public static BTagCalibration read(Path path) {
        return parse(TextFiles.read(path), path.getFileName().toString());
    }

    /**
     * @param text the CSV content
     * @param source name used in error messages
     * @return the parsed file
     */
    public static BTagCalibration parse(String text, String source) {
        String[] lines = text.split("\r?\n", -1);
        String tagger = "";
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (entries.isEmpty() && !Character.isDigit(line.charAt(0))) {
                int semicolon = line.indexOf(';');
                if (semicolon > 0) {
                    tagger = line.substring(0, semicolon).strip();
                }
                continue; // the header line
            }
            entries.add(parseRow(line, source, lineNo));
        }
        if (entries.isEmpty()) {
            throw new CorrectionFileException(source, 0, "no rows");
        }
        return new BTagCalibration(source, tagger, List.copyOf(entries));
    }

    private static Entry parseRow(String line, String source, int lineNo) {
        List<String> cells = splitCsv(line, source, lineNo);
        if (cells.size() != 11) {
            throw new CorrectionFileException(source, lineNo, "row has " + cells.size()
                    + " columns, expected 11 (OperatingPoint, measurementType, sysType, jetFlavor, etaMin, etaMax,"
                    + " ptMin, ptMax, discrMin, discrMax, formula)");
        }
        int op = (int) number(cells, 0, "OperatingPoint", source, lineNo);
        int flavor = (int) number(cells, 3, "jetFlavor", source, lineNo);
        if (op < 0 || op > 3) {
            throw new CorrectionFileException(source, lineNo, "OperatingPoint must be 0..3, got " + cells.get(0));
        }
        if (flavor < 0 || flavor > 2) {
            throw new CorrectionFileException(source, lineNo, "jetFlavor must be 0 (b), 1 (c) or 2 (udsg), got "
                    + cells.get(3));
        }
        Formula formula;
        try {
            formula = Formula.parse(cells.get(10), 4, Formula.Dialect.ROOT);
        } catch (FormulaSyntaxException e) {
            throw new CorrectionFileException(source, lineNo, e.getMessage());
        }
        return new Entry(op, cells.get(1), cells.get(2), flavor, number(cells, 4, "etaMin", source, lineNo),
                number(cells, 5, "etaMax", source, lineNo), number(cells, 6, "ptMin", source, lineNo),
                number(cells, 7, "ptMax", source, lineNo), number(cells, 8, "discrMin", source, lineNo),
                number(cells, 9, "discrMax", source, lineNo), formula, lineNo);
    }

    private static double number(List<String> cells, int i, String name, String source, int lineNo) {
        try {
            return Double.parseDouble(cells.get(i));
        } catch (NumberFormatException e) {
            throw new CorrectionFileException(source, lineNo, name + " is not a number: '" + cells.get(i) + "'");
        }
    }

    private static List<String> splitCsv(String line, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new CorrectionFileException(source, lineNo, "unterminated quote in formula");
        }
        out.add(cell.toString().strip());
        return out;
    }

    /** @return the tagger named before {@code ;} in the header, or the empty string */
    public String tagger() {
        return tagger;
    }

    /** @return the file name */
    public String source() {
        return source;
    }

    /** @return the number of rows */
    public int size() {
        return entries.size();
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * @param operatingPoint {@link #LOOSE} … {@link #SHAPE}
     * @return the measurement types present for that operating point
     */
    public Set<String> measurementTypes(int operatingPoint) {
        Set<String> out = new TreeSet<>();
        for (Entry e : entries) {
            if (e.operatingPoint == operatingPoint) {
                out.add(e.measurementType);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * @param operatingPoint {@link #LOOSE} … {@link #SHAPE}
     * @param measurementType e.g. {@code comb}, {@code incl}, {@code iterativefit}
     * @return the systematic types present, {@code central} included
     */
    public Set<String> sysTypes(int operatingPoint, String measurementType) {
        Set<String> out = new TreeSet<>();
        for (Entry e : entries) {
            if (e.operatingPoint == operatingPoint && e.measurementType.equals(measurementType)) {
                out.add(e.sysType);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * A reader using the same measurement type for every flavour (the shape method).
     *
     * @param operatingPoint {@link #LOOSE} … {@link #SHAPE}
     * @param measurementType e.g. {@code iterativefit}
     * @return a reader with CMSSW semantics
     */
    public BTagCalibrationReader reader(int operatingPoint, String measurementType) {
        return reader(operatingPoint, measurementType, measurementType, measurementType, OutOfRangePolicy.CMSSW);
    }

    /**
     * A reader choosing the measurement per flavour, e.g. {@code comb} for b and c jets and {@code
     * incl} for light jets.
     *
     * @param operatingPoint {@link #LOOSE} … {@link #SHAPE}
     * @param measurementB measurement type for b jets
     * @param measurementC measurement type for c jets
     * @param measurementLight measurement type for light jets
     * @param policy {@link OutOfRangePolicy#CMSSW}: pt outside the measured range is evaluated at
     *     the edge and the uncertainty doubled, η outside gives 0; {@link OutOfRangePolicy#CLAMP}
     *     (coffea): every input is clipped into the nearest bin, no doubling
     * @return the reader
     */
    public BTagCalibrationReader reader(int operatingPoint, String measurementB, String measurementC,
            String measurementLight, OutOfRangePolicy policy) {
        return new BTagCalibrationReader(this, operatingPoint, new String[] {measurementB, measurementC,
            measurementLight}, policy);
    }

    /**
     * @param hadronFlavour NanoAOD {@code Jet_hadronFlavour}: 5 (b), 4 (c), anything else light
     * @return the BTV enumeration: 0 (b), 1 (c), 2 (udsg)
     */
    public static int btvFlavor(int hadronFlavour) {
        return hadronFlavour == 5 ? 0 : hadronFlavour == 4 ? 1 : 2;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BTagCalibration[%s tagger=%s rows=%d]", source, tagger, entries.size());
    }
}
