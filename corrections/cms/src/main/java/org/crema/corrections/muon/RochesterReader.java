package org.crema.corrections.muon;

import java.nio.file.Path;
import java.util.Arrays;
import org.crema.corrections.CorrectionFileException;
import org.crema.corrections.internal.TextFiles;

/**
 * Parses a RoccoR text file: a header of keyword lines ({@code NSET}, {@code NMEM}, {@code TVAR},
 * {@code CPHI}, {@code CETA}, {@code RMIN}, {@code RTRK}, {@code RETA}) followed by parameter lines
 * {@code set member tag indices… values…}, where the tag says which table the values belong to:
 * {@code C type var etaBin} (nPhi scale values, var 0 = M, 1 = A), {@code F type} (nAbsEta
 * resolution ratios), {@code R var absEtaBin} (nTrk resolution parameters: 0–2 the sigma
 * polynomial, 3–5 the Crystal Ball s, a, n) and {@code T type absEtaBin} (tracker-layer fractions,
 * checked but unused by the corrections offered here). Every table of every member must be present.
 */
final class RochesterReader {
    private final String source;
    private int nSet = -1;
    private int[] nMem;
    private int[] tVar;
    private int nPhi = -1;
    private double[] etaEdges;
    private int rMin = -1;
    private int nTrk = -1;
    private double[] absEtaEdges;
    private RochesterMember[][] members;
    private boolean[][][] seen;

    private RochesterReader(String source) {
        this.source = source;
    }

    static RochesterCorrection read(Path file) {
        return parse(file.toString(), TextFiles.read(file));
    }

    static RochesterCorrection parse(String source, String text) {
        RochesterReader r = new RochesterReader(source);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                r.line(i + 1, line.split("\\s+"));
            }
        }
        return r.finish(lines.length);
    }

    private void line(int no, String[] w) {
        switch (w[0]) {
            case "NSET" -> {
                nSet = positive(no, w, 1);
                count(no, w, 2);
            }
            case "NMEM" -> nMem = perSet(no, w);
            case "TVAR" -> tVar = perSet(no, w);
            case "CPHI" -> {
                nPhi = positive(no, w, 1);
                count(no, w, 2);
            }
            case "CETA" -> etaEdges = edges(no, w);
            case "RMIN" -> {
                rMin = integer(no, w, 1);
                count(no, w, 2);
            }
            case "RTRK" -> {
                nTrk = positive(no, w, 1);
                count(no, w, 2);
            }
            case "RETA" -> absEtaEdges = edges(no, w);
            default -> parameters(no, w);
        }
    }

    private void parameters(int no, String[] w) {
        if (members == null) {
            start(no);
        }
        if (w.length < 3) {
            throw error(no, "expected 'set member tag …' or a header keyword, found '" + String.join(" ", w) + "'");
        }
        int set = index(no, w, 0, nSet, "set");
        int member = index(no, w, 1, nMem[set], "member of set " + set);
        RochesterMember p = members[set][member];
        boolean[][] done = seen[set];
        int nEta = etaEdges.length - 1;
        int nAbsEta = absEtaEdges.length - 1;
        switch (w[2]) {
            case "C" -> {
                int type = index(no, w, 3, 2, "type");
                int var = index(no, w, 4, 2, "variable");
                int bin = index(no, w, 5, nEta, "eta bin");
                double[] v = values(no, w, 6, nPhi);
                double[] target = var == 0 ? p.m[type] : p.a[type];
                for (int f = 0; f < nPhi; f++) {
                    // RoccoR stores percent deviations: M = 1 + x/100, A = x/100
                    target[bin * nPhi + f] = var == 0 ? 1 + v[f] / 100 : v[f] / 100;
                }
                mark(done, member, ((type * 2 + var) * nEta) + bin);
            }
            case "F" -> {
                int type = index(no, w, 3, 2, "type");
                System.arraycopy(values(no, w, 4, nAbsEta), 0, p.kRes[type], 0, nAbsEta);
                mark(done, member, 4 * nEta + type);
            }
            case "R" -> {
                int var = index(no, w, 3, 6, "variable");
                int bin = index(no, w, 4, nAbsEta, "|eta| bin");
                double[] v = values(no, w, 5, nTrk);
                for (int t = 0; t < nTrk; t++) {
                    int cell = bin * nTrk + t;
                    if (var < 3) {
                        p.sigma[var][cell] = var == 2 ? v[t] / 100 : v[t];
                    } else {
                        shapeParameters[var - 3][set][member][cell] = v[t];
                    }
                }
                mark(done, member, 4 * nEta + 2 + var * nAbsEta + bin);
            }
            case "T" -> {
                index(no, w, 3, 2, "type");
                index(no, w, 4, nAbsEta, "|eta| bin");
                values(no, w, 5, nTrk + 1);
            }
            default -> throw error(no, "unknown tag '" + w[2] + "'; expected C, F, R or T");
        }
    }

    /** {@code shapeParameters[s|a|n][set][member][cell]}, turned into Crystal Balls at the end. */
    private double[][][][] shapeParameters;

    private void start(int no) {
        if (nSet < 0 || nMem == null || tVar == null || nPhi < 0 || etaEdges == null || rMin < 0 || nTrk < 0
                || absEtaEdges == null) {
            throw error(no, "parameters before the complete header (NSET, NMEM, TVAR, CPHI, CETA, RMIN, RTRK, RETA)");
        }
        int nEta = etaEdges.length - 1;
        int nAbsEta = absEtaEdges.length - 1;
        members = new RochesterMember[nSet][];
        seen = new boolean[nSet][][];
        shapeParameters = new double[3][nSet][][];
        for (int s = 0; s < nSet; s++) {
            members[s] = new RochesterMember[nMem[s]];
            seen[s] = new boolean[nMem[s]][4 * nEta + 2 + 6 * nAbsEta];
            for (int k = 0; k < 3; k++) {
                shapeParameters[k][s] = new double[nMem[s]][nAbsEta * nTrk];
            }
            for (int m = 0; m < nMem[s]; m++) {
                members[s][m] = new RochesterMember(nEta, nPhi, nAbsEta, nTrk);
            }
        }
    }

    private RochesterCorrection finish(int lines) {
        if (members == null) {
            throw error(0, "no parameter lines");
        }
        for (int s = 0; s < nSet; s++) {
            for (int m = 0; m < nMem[s]; m++) {
                boolean[] done = seen[s][m];
                for (int i = 0; i < done.length; i++) {
                    if (!done[i]) {
                        throw error(0, "set " + s + " member " + m + " lacks the parameter line " + describe(i));
                    }
                }
                RochesterMember p = members[s][m];
                for (int cell = 0; cell < p.shape.length; cell++) {
                    p.shape[cell] = new CrystalBall(shapeParameters[0][s][m][cell], shapeParameters[1][s][m][cell],
                            shapeParameters[2][s][m][cell]);
                }
            }
        }
        return new RochesterCorrection(source, nMem, tVar, etaEdges, nPhi, absEtaEdges, rMin, nTrk, members);
    }

    private String describe(int slot) {
        int nEta = etaEdges.length - 1;
        int nAbsEta = absEtaEdges.length - 1;
        if (slot < 4 * nEta) {
            return "'C " + slot / (2 * nEta) + " " + (slot / nEta) % 2 + " " + slot % nEta + "'";
        }
        slot -= 4 * nEta;
        if (slot < 2) {
            return "'F " + slot + "'";
        }
        slot -= 2;
        return "'R " + slot / nAbsEta + " " + slot % nAbsEta + "'";
    }

    private void mark(boolean[][] done, int member, int slot) {
        done[member][slot] = true;
    }

    private int[] perSet(int no, String[] w) {
        if (nSet < 0) {
            throw error(no, w[0] + " before NSET");
        }
        count(no, w, nSet + 1);
        int[] out = new int[nSet];
        for (int s = 0; s < nSet; s++) {
            out[s] = integer(no, w, s + 1);
        }
        return out;
    }

    private double[] edges(int no, String[] w) {
        int n = positive(no, w, 1);
        count(no, w, n + 3);
        double[] e = values(no, w, 2, n + 1);
        for (int i = 0; i < n; i++) {
            if (!(e[i] < e[i + 1])) {
                throw error(no, w[0] + " edges must increase: " + Arrays.toString(e));
            }
        }
        return e;
    }

    private double[] values(int no, String[] w, int from, int n) {
        count(no, w, from + n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                v[i] = Double.parseDouble(w[from + i]);
            } catch (NumberFormatException e) {
                throw error(no, "value " + (i + 1) + " is not a number: '" + w[from + i] + "'");
            }
        }
        return v;
    }

    private void count(int no, String[] w, int expected) {
        if (w.length != expected) {
            throw error(no, "expected " + expected + " fields on a '" + w[0] + (w.length > 2 ? " " + w[1] + " " + w[2] : "")
                    + "' line, found " + w.length);
        }
    }

    private int index(int no, String[] w, int at, int bound, String what) {
        int i = integer(no, w, at);
        if (i < 0 || i >= bound) {
            throw error(no, what + " " + i + " out of range [0, " + bound + ")");
        }
        return i;
    }

    private int positive(int no, String[] w, int at) {
        int i = integer(no, w, at);
        if (i <= 0) {
            throw error(no, w[0] + " must be positive, found " + i);
        }
        return i;
    }

    private int integer(int no, String[] w, int at) {
        if (at >= w.length) {
            throw error(no, "missing field " + (at + 1) + " on a '" + w[0] + "' line");
        }
        try {
            return Integer.parseInt(w[at]);
        } catch (NumberFormatException e) {
            throw error(no, "field " + (at + 1) + " is not an integer: '" + w[at] + "'");
        }
    }

    private CorrectionFileException error(int no, String message) {
        return new CorrectionFileException(source, no, message);
    }
}
