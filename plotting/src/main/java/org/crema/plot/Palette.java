package org.crema.plot;

import java.awt.Color;
import java.util.List;

/**
 * The colour sequences CMS recommends for plots (M. Petroff, "Accessible Color Sequences for Data
 * Visualization", arXiv:2107.02270): chosen to stay distinguishable under the common colour-vision
 * deficiencies and in greyscale, and ordered so that the first colours of a sequence work together.
 */
public final class Palette {
    /** Petroff 6-colour sequence. */
    public static final List<Color> PETROFF_6 = hex("#5790fc", "#f89c20", "#e42536", "#964a8b", "#9c9ca1", "#7a21dd");
    /** Petroff 8-colour sequence. */
    public static final List<Color> PETROFF_8 = hex("#1845fb", "#ff5e02", "#c91f16", "#c849a9", "#adad7d", "#86c8dd",
            "#578dff", "#656364");
    /** Petroff 10-colour sequence. */
    public static final List<Color> PETROFF_10 = hex("#3f90da", "#ffa90e", "#bd1f01", "#94a4a2", "#832db6", "#a96b59",
            "#e76300", "#b9ac70", "#717581", "#92dadd");

    private Palette() {}

    /**
     * @param n number of colours needed
     * @return the smallest Petroff sequence with at least {@code n} colours (the 10-colour one, cycled,
     *     beyond ten)
     */
    public static List<Color> forCount(int n) {
        return n <= 6 ? PETROFF_6 : n <= 8 ? PETROFF_8 : PETROFF_10;
    }

    /** @return the i-th colour of the sequence suited to n colours */
    public static Color color(int i, int n) {
        List<Color> seq = forCount(n);
        return seq.get(Math.floorMod(i, seq.size()));
    }

    private static List<Color> hex(String... codes) {
        return java.util.Arrays.stream(codes).map(Color::decode).toList();
    }
}
