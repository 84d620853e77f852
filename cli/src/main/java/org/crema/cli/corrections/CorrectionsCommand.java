package org.crema.cli.corrections;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.crema.correctionlib.CompoundCorrection;
import org.crema.correctionlib.Correction;
import org.crema.correctionlib.CorrectionException;
import org.crema.correctionlib.CorrectionSet;
import org.crema.correctionlib.Corrector;
import org.crema.correctionlib.Variable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema corrections FILE}: lists the corrections and compound corrections of a correctionlib
 * file with their inputs, output and version. With {@code --eval NAME} it reads CSV rows of inputs
 * from standard input (the header names the inputs, in any order) and prints one output per row, or
 * that row's error, so a scale factor can be checked without writing code.
 */
@Command(name = "corrections", mixinStandardHelpOptions = true,
        description = {"List the corrections of a correctionlib JSON file (.json or .json.gz),",
            "or evaluate one over CSV rows read from standard input (--eval)."},
        footer = {"", "Example:", "  printf 'pt,syst\\n25,nominal\\n5,MuonEffUp\\n' | crema corrections mycorrections.json --eval ptweight",
            "", "Exit status: 0 when every row evaluates, 1 when the file is invalid or any row fails."})
public final class CorrectionsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a correctionlib schema-v2 file")
    Path file;

    @Option(names = "--eval", paramLabel = "NAME",
            description = "evaluate this correction or compound correction over CSV rows from standard input")
    String eval;

    private final InputStream stdin;

    /** Reads rows from {@link System#in}. */
    public CorrectionsCommand() {
        this(null);
    }

    /**
     * @param stdin where {@code --eval} reads its rows (null for {@link System#in}); for tests
     */
    public CorrectionsCommand(InputStream stdin) {
        this.stdin = stdin;
        this.stdinIsTerminal = stdin == null ? CorrectionsCommand::consoleIsTerminal : () -> false;
    }

    /** Whether {@code --eval} reads from a terminal; replaced by tests. */
    java.util.function.BooleanSupplier stdinIsTerminal;

    private static boolean consoleIsTerminal() {
        // System.console() is non-null since JDK 22 even when redirected; isTerminal() tells.
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CorrectionSet set;
        try {
            set = CorrectionSet.load(file);
        } catch (CorrectionException e) {
            err.println("crema corrections: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (eval == null) {
            list(set, out);
            out.flush();
            return 0;
        }
        Corrector c;
        try {
            c = set.corrector(eval);
        } catch (CorrectionException e) {
            err.println("crema corrections: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (stdinIsTerminal.getAsBoolean()) {
            // Without a pipe the command would look hung: say what it waits for and how to end.
            err.println("crema corrections: waiting for CSV rows on standard input: a header line naming the inputs ("
                    + String.join(",", c.inputs().stream().map(v -> v.name()).toList()) + "), then one row per"
                    + " line; end with Ctrl-D (or pipe a file: crema corrections " + file + " --eval " + eval
                    + " < rows.csv)");
            err.flush();
        }
        try {
            int status = evaluate(c, new BufferedReader(new InputStreamReader(stdin != null ? stdin : System.in,
                    StandardCharsets.UTF_8)), out, err);
            out.flush();
            err.flush();
            return status;
        } catch (IOException e) {
            err.println("crema corrections: cannot read standard input: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static void list(CorrectionSet set, PrintWriter out) {
        out.printf("%s: %d corrections, %d compound corrections%n", set.source(), set.names().size(),
                set.compoundNames().size());
        if (!set.description().isEmpty()) {
            out.println(set.description());
        }
        for (Correction c : set.corrections()) {
            out.println();
            out.printf("correction %s (version %d)%n", c.name(), c.version());
            describe(c, out);
            domains(c, out);
        }
        for (CompoundCorrection c : set.compounds()) {
            out.println();
            out.printf("compound correction %s%n", c.name());
            describe(c, out);
            List<String> stack = new ArrayList<>();
            for (Correction s : c.stack()) {
                stack.add(s.name());
            }
            out.printf("  stack: %s%n", String.join(", ", stack));
            out.printf("  inputs_update: %s, input_op: %s, output_op: %s%n", c.inputsUpdate(), c.inputOp().jsonName(),
                    c.outputOp().jsonName());
        }
    }

    private static void describe(Corrector c, PrintWriter out) {
        if (!c.description().isEmpty()) {
            out.printf("  %s%n", c.description().replace("\n", "\n  "));
        }
        out.println("  inputs:");
        for (Variable v : c.inputs()) {
            out.printf("    %-24s %-7s %s%n", v.name(), v.type(), v.description().replace("\n", " "));
        }
        Variable o = c.output();
        out.printf("  output: %s (%s)%s%n", o.name(), o.type(), o.description().isEmpty() ? "" : " " + o.description());
    }

    /** The range of each binned input and the keys of each category input, like correctionlib's summary. */
    private static void domains(Correction c, PrintWriter out) {
        List<Correction.InputDomain> domains = c.domains().stream()
                .filter(d -> d.binned() || !d.intKeys().isEmpty() || !d.stringKeys().isEmpty()).toList();
        if (!domains.isEmpty()) {
            out.println("  domain:");
        }
        for (Correction.InputDomain d : domains) {
            if (d.binned()) {
                out.printf("    %-24s range [%s, %s]%n", d.name(), number(d.low()), number(d.high()));
            }
            if (!d.intKeys().isEmpty()) {
                out.printf("    %-24s values %s%n", d.name(), d.intKeys());
            }
            if (!d.stringKeys().isEmpty()) {
                out.printf("    %-24s values %s%n", d.name(), String.join(", ", d.stringKeys()));
            }
        }
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static int evaluate(Corrector c, BufferedReader in, PrintWriter out, PrintWriter err) throws IOException {
        String header = nextLine(in);
        if (header == null) {
            err.println("crema corrections: no CSV header on standard input; expected the input names "
                    + names(c.inputs()));
            return 1;
        }
        // A UTF-8 byte-order mark (spreadsheet exports write one) is not part of the first column's name.
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> columns = split(header);
        for (int i = 0; i < columns.size(); i++) {
            int first = columns.indexOf(columns.get(i));
            if (first != i) {
                err.println("crema corrections: CSV column '" + columns.get(i) + "' appears twice in the header (columns "
                        + (first + 1) + " and " + (i + 1) + "); each input must be given once");
                return 1;
            }
        }
        List<Variable> inputs = c.inputs();
        int[] columnOf = new int[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            columnOf[k] = columns.indexOf(inputs.get(k).name());
            if (columnOf[k] < 0) {
                err.println("crema corrections: the CSV header " + columns + " lacks input '" + inputs.get(k).name()
                        + "'; " + c.name() + " needs " + names(inputs));
                return 1;
            }
        }
        for (String col : columns) {
            if (c.inputIndex(col) < 0) {
                err.println("crema corrections: CSV column '" + col + "' is not an input of " + c.name() + "; inputs are "
                        + names(inputs));
                return 1;
            }
        }
        int status = 0;
        int row = 0;
        for (String line = nextLine(in); line != null; line = nextLine(in)) {
            row++;
            List<String> cells = split(line);
            try {
                if (cells.size() != columns.size()) {
                    throw new IllegalArgumentException("has " + cells.size() + " fields, the header has " + columns.size());
                }
                Object[] args = new Object[inputs.size()];
                for (int k = 0; k < inputs.size(); k++) {
                    args[k] = parse(inputs.get(k), cells.get(columnOf[k]));
                }
                out.println(c.evaluate(args));
            } catch (CorrectionException | IllegalArgumentException e) {
                out.println("error: row " + row + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    private static Object parse(Variable v, String cell) {
        String s = cell.trim();
        switch (v.type()) {
            case STRING:
                return cell;
            case INT:
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("input '" + v.name() + "' is int, got \"" + cell + "\"");
                }
            default:
                return parseReal(v, cell, s);
        }
    }

    /**
     * Plain decimal numbers as correctionlib's users write them: an optional sign, digits with an
     * optional fraction and exponent, or inf / infinity / nan with an optional sign. Java's own
     * literal forms ({@code 1f}, {@code 1d}, hexadecimal {@code 0x1p4}) are refused, and so is a
     * finite-looking number that overflows a double ({@code 1e400}).
     */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static double parseReal(Variable v, String cell, String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan":
                return Double.NaN;
            default:
                break;
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("input '" + v.name() + "' is real, got \"" + cell
                    + "\" (expected a decimal number such as 25, -1.5 or 3e2, or inf, -inf, nan)");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new IllegalArgumentException("input '" + v.name() + "' is real, got \"" + cell
                    + "\", which is beyond the range of a double (write inf for infinity)");
        }
        return d;
    }

    private static String names(List<Variable> vars) {
        List<String> n = new ArrayList<>();
        for (Variable v : vars) {
            n.add(v.name() + " (" + v.type() + ")");
        }
        return String.join(", ", n);
    }

    /** Next line that is neither blank nor a {@code #} comment. */
    private static String nextLine(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return line;
            }
        }
        return null;
    }

    /** Splits one CSV line; fields may be double-quoted (a doubled quote inside stands for one). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                out.add(wasQuoted ? cur.toString() : cur.toString().strip());
                cur.setLength(0);
                wasQuoted = false;
            } else {
                cur.append(ch);
            }
        }
        out.add(wasQuoted ? cur.toString() : cur.toString().strip());
        return out;
    }
}
