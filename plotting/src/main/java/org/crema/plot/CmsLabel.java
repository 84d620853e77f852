package org.crema.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.Locale;

/**
 * The experiment label of a CMS plot: "CMS" in bold, then the status ("Preliminary", "Simulation",
 * "Simulation Preliminary", "Work in progress" or empty for a publication) in italic, at the top
 * left; the integrated luminosity and centre-of-mass energy, "59.8 fb⁻¹ (13 TeV)", at the top right.
 *
 * @param status italic text after "CMS" (may be empty)
 * @param lumiInverseFb integrated luminosity in fb⁻¹, or NaN to show only the energy (simulation)
 * @param sqrtsTeV √s in TeV
 */
public record CmsLabel(String status, double lumiInverseFb, double sqrtsTeV) {
    /** @return the label for data plots: "CMS Preliminary", lumi and energy */
    public static CmsLabel preliminary(double lumiInverseFb, double sqrtsTeV) {
        return new CmsLabel("Preliminary", lumiInverseFb, sqrtsTeV);
    }

    /** @return the label for simulation-only plots: "CMS Simulation", energy only */
    public static CmsLabel simulation(double sqrtsTeV) {
        return new CmsLabel("Simulation", Double.NaN, sqrtsTeV);
    }

    /** @return the right-hand text as TeX, e.g. {@code 59.8 fb^{-1} (13 TeV)} */
    public String lumiText() {
        String e = "(" + number(sqrtsTeV) + " TeV)";
        return Double.isNaN(lumiInverseFb) ? e : number(lumiInverseFb) + " fb^{-1} " + e;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+$", "");
    }

    /**
     * Draws both parts above a frame.
     *
     * @param left x of the frame's left edge
     * @param right x of the frame's right edge
     * @param baseline y of the text baseline (just above the frame)
     * @param size font size of "CMS"
     */
    void draw(Graphics2D g, double left, double right, double baseline, float size) {
        Font saved = g.getFont();
        g.setFont(new Font(Style.FONT, Font.BOLD, Math.round(size)));
        g.drawString("CMS", (float) left, (float) baseline);
        double w = g.getFontMetrics().getStringBounds("CMS", g).getWidth();
        if (!status.isEmpty()) {
            g.setFont(new Font(Style.FONT, Font.ITALIC, Math.round(size * 0.76f)));
            g.drawString(status, (float) (left + w + size * 0.3), (float) baseline);
        }
        g.setFont(new Font(Style.FONT, Font.PLAIN, Math.round(size * 0.76f)));
        String text = lumiText();
        TexLabel.draw(g, text, right - TexLabel.width(g, text), baseline);
        g.setFont(saved);
    }
}
