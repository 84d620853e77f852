package org.crema.io;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;

/**
 * Writes {@link BranchStatistics} as JSON in exactly the shape and number formatting of the
 * reference {@code stats} objects ({@code data/reference/*.json}), so that crema's output can be
 * compared with an independent reader's text for text. Numbers are printed as JavaScript prints
 * them (shortest round-trip digits, integers without a fraction, exponents from 1e21 and below
 * 1e-6); NaN and infinities appear as the strings {@code "NaN"}, {@code "Infinity"}, {@code
 * "-Infinity"} in value lists.
 */
public final class StatsJson {
    /**
     * Branches whose first three lists are always written in full ({@code firstLists}), whatever
     * their size: the reference files' "key branches".
     */
    public static final Set<String> KEY_BRANCHES = Set.of("run", "luminosityBlock", "event", "nElectron",
            "Electron_eta", "Electron_phi", "Electron_pt", "Electron_charge", "Electron_cutBased", "nGenJet",
            "GenJet_eta", "GenJet_mass", "GenJet_phi", "GenJet_pt", "genWeight", "LHEWeight_originalXWGTUP",
            "nPSWeight", "PSWeight", "nJet", "Jet_area", "Jet_btagDeepB", "Jet_btagDeepFlavB", "Jet_eta", "Jet_mass",
            "Jet_phi", "Jet_pt", "Jet_rawFactor", "Jet_jetId", "Jet_puId", "MET_phi", "MET_pt", "nMuon", "Muon_eta",
            "Muon_mass", "Muon_pfRelIso04_all", "Muon_phi", "Muon_pt", "Muon_charge", "Muon_tightId",
            "Pileup_nTrueInt", "Pileup_nPU", "PuppiMET_phi", "PuppiMET_pt", "RawMET_pt", "fixedGridRhoFastjetAll",
            "fixedGridRhoFastjetCentral", "PV_npvs", "PV_npvsGood", "GenJet_partonFlavour", "GenJet_hadronFlavour",
            "Jet_genJetIdx", "Jet_hadronFlavour", "Jet_partonFlavour", "Flag_goodVertices", "HLT_IsoMu24",
            "genEventCount", "genEventSumw", "genEventSumw2", "Rho_fixedGridRhoFastjetCentral",
            "Rho_fixedGridRhoFastjetAll", "Jet_btagPNetB");

    /** Lists of more elements than this in the first three entries are summarised by counts. */
    static final int SMALL_LISTS = 64;
    static final int FIRST_FLAT = 5;
    static final int FIRST_LISTS = 3;
    static final int FIRST_VALUES = 10;

    private StatsJson() {
    }

    /**
     * @param name branch name (decides {@code firstLists} versus {@code firstCounts}/{@code firstValues})
     * @param s the statistics
     * @return the {@code stats} object as compact JSON
     */
    public static String stats(String name, BranchStatistics s) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"entries\":").append(s.entries());
        if (s.jagged()) {
            sb.append(",\"totalCount\":").append(s.totalCount());
        }
        sb.append(",\"sum\":").append(number(s.sum()));
        sb.append(",\"min\":").append(Double.isNaN(s.min()) ? "null" : number(s.min()));
        sb.append(",\"max\":").append(Double.isNaN(s.max()) ? "null" : number(s.max()));
        if (s.nonFiniteCount() > 0) {
            sb.append(",\"nonFiniteCount\":").append(s.nonFiniteCount());
        }
        Column c = s.values();
        if (!s.jagged()) {
            PrimitiveColumn p = (PrimitiveColumn) c;
            sb.append(",\"first\":");
            values(sb, p, 0, Math.min(FIRST_FLAT, p.length()));
        } else {
            ListColumn<?> list = (ListColumn<?>) c;
            PrimitiveColumn content = (PrimitiveColumn) list.content();
            int lists = Math.min(FIRST_LISTS, list.length());
            long firstTotal = 0;
            for (int i = 0; i < lists; i++) {
                firstTotal += list.count(i);
            }
            if (KEY_BRANCHES.contains(name) || firstTotal <= SMALL_LISTS || list.length() <= 1) {
                sb.append(",\"firstLists\":[");
                for (int i = 0; i < lists; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    values(sb, content, list.start(i), list.end(i));
                }
                sb.append(']');
            } else {
                sb.append(",\"firstCounts\":[");
                for (int i = 0; i < lists; i++) {
                    sb.append(i > 0 ? "," : "").append(list.count(i));
                }
                int start = list.start(0);
                int end = Math.min(list.end(list.length() - 1), start + FIRST_VALUES);
                sb.append("],\"firstValues\":");
                values(sb, content, start, end);
            }
        }
        return sb.append('}').toString();
    }

    /**
     * The whole document of {@code crema stats --json}: entries and, for every branch, name, type,
     * jagged, counter (jagged only) and stats.
     *
     * @param file file path to record
     * @param tree the tree
     * @param branches branches in the order to write
     * @return the JSON document (one branch per line)
     */
    public static String document(String file, Tree tree, List<BranchInfo> branches) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"file\":").append(string(file)).append(",\"tree\":").append(string(tree.name()))
                .append(",\"entries\":").append(tree.entries()).append(",\"branches\":[");
        boolean first = true;
        for (BranchInfo b : branches) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"name\":").append(string(b.name())).append(",\"type\":").append(string(b.typeName()))
                    .append(",\"jagged\":").append(b.jagged());
            if (b.jagged()) {
                sb.append(",\"counter\":").append(string(b.counter()));
            }
            if (b.readable()) {
                sb.append(",\"stats\":").append(stats(b.name(), BranchStatistics.of(tree, b.name())));
            } else {
                sb.append(",\"unsupported\":").append(string(b.unsupportedReason()));
            }
            sb.append('}');
        }
        return sb.append("\n]}\n").toString();
    }

    private static void values(StringBuilder sb, PrimitiveColumn p, int from, int to) {
        sb.append('[');
        boolean bool = p instanceof BoolColumn;
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            if (bool) {
                sb.append(((BoolColumn) p).get(i));
            } else {
                double v = p.getDouble(i);
                sb.append(Double.isFinite(v) ? number(v) : "\"" + (Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity") + "\"");
            }
        }
        sb.append(']');
    }

    /**
     * @param s a string
     * @return it as a JSON string literal
     */
    public static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Formats a finite double as JavaScript's {@code Number.prototype.toString} does.
     *
     * @param v a finite value
     * @return its shortest round-trip decimal text
     */
    public static String number(double v) {
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e21) {
            return new BigDecimal(v).toPlainString();
        }
        // Java's Double.toString gives the shortest round-trip digits (JDK 19+); re-lay them out.
        String j = Double.toString(Math.abs(v));
        int e = j.indexOf('E');
        String mantissa = e < 0 ? j : j.substring(0, e);
        int exp10 = e < 0 ? 0 : Integer.parseInt(j.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int pointPos = dot + exp10; // digits[0..pointPos) are the integer part
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            pointPos--;
        }
        digits = digits.substring(lead);
        int trail = digits.length();
        while (trail > 1 && digits.charAt(trail - 1) == '0') {
            trail--;
        }
        digits = digits.substring(0, trail);
        int k = digits.length();
        int n = pointPos;
        StringBuilder sb = new StringBuilder(v < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            sb.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return sb.toString();
    }
}
