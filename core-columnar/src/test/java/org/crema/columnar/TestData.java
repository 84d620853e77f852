package org.crema.columnar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real NanoAOD values for kernel tests: the first events' lists of a branch, as recorded by an
 * independent reader (jsroot) in {@code data/reference/*.json}. This module has no ROOT reader, so
 * the lists are taken from the reference file rather than from the ROOT file itself.
 */
final class TestData {
    private TestData() {}

    static Path root() {
        String root = System.getProperty("crema.root");
        return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
    }

    /**
     * @param reference file name in data/reference, e.g. "nano_dy.json"
     * @param branch branch name, e.g. "Jet_pt"
     * @return the branch's {@code firstLists} (first events' lists)
     */
    static double[][] firstLists(String reference, String branch) {
        String json;
        try {
            json = Files.readString(root().resolve("data/reference").resolve(reference));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = json.indexOf("\"name\": \"" + branch + "\"");
        if (at < 0) {
            throw new IllegalArgumentException("no branch " + branch + " in " + reference);
        }
        int lists = json.indexOf("\"firstLists\":", at);
        int start = json.indexOf('[', lists);
        int depth = 0;
        int end = start;
        for (; end < json.length(); end++) {
            char c = json.charAt(end);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        String body = json.substring(start + 1, end).trim();
        List<double[]> out = new ArrayList<>();
        for (String list : body.split("]\\s*,?\\s*")) {
            String inner = list.replace("[", "").trim();
            if (inner.isEmpty()) {
                out.add(new double[0]);
                continue;
            }
            String[] parts = inner.split(",");
            double[] v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Double.parseDouble(parts[i].trim());
            }
            out.add(v);
        }
        return out.toArray(new double[0][]);
    }

    static ListColumn<FloatColumn> floatLists(String reference, String branch) {
        double[][] lists = firstLists(reference, branch);
        int[] counts = new int[lists.length];
        int total = 0;
        for (int i = 0; i < lists.length; i++) {
            counts[i] = lists[i].length;
            total += counts[i];
        }
        float[] v = new float[total];
        int k = 0;
        for (double[] l : lists) {
            for (double x : l) {
                v[k++] = (float) x;
            }
        }
        return ListColumn.fromCounts(counts, FloatColumn.of(v));
    }

    static ListColumn<IntColumn> intLists(String reference, String branch) {
        double[][] lists = firstLists(reference, branch);
        int[] counts = new int[lists.length];
        int total = 0;
        for (int i = 0; i < lists.length; i++) {
            counts[i] = lists[i].length;
            total += counts[i];
        }
        int[] v = new int[total];
        int k = 0;
        for (double[] l : lists) {
            for (double x : l) {
                v[k++] = (int) x;
            }
        }
        return ListColumn.fromCounts(counts, IntColumn.of(v));
    }

    /** Jets of the first three events of nano_dy. */
    static Kinematics dyJets() {
        return Kinematics.of(floatLists("nano_dy.json", "Jet_pt"), floatLists("nano_dy.json", "Jet_eta"),
                floatLists("nano_dy.json", "Jet_phi"), floatLists("nano_dy.json", "Jet_mass"));
    }

    static float[] flat(ListColumn<FloatColumn> l) {
        return Jagged.floats(l).toArray();
    }
}
