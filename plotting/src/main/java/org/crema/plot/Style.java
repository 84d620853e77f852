package org.crema.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/** Shared sizes and colours of the CMS style (in pixels of an 800-pixel-wide canvas). */
final class Style {
    /** Logical font: DejaVu Sans on Linux, which has the Greek letters and script digits we need. */
    static final String FONT = "SansSerif";
    static final float TICK_LABEL = 20f;
    static final float AXIS_LABEL = 23f;
    static final float LEGEND = 19f;
    static final float CMS = 30f;
    static final Stroke FRAME = new BasicStroke(1.6f);
    static final Stroke THIN = new BasicStroke(1.2f);
    static final Stroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    /** The band is hatched grey in CMS plots; a translucent grey fill reads the same in PNG, SVG and PDF. */
    static final Color BAND = new Color(0x60, 0x60, 0x60, 0x50);
    static final Color HATCH = new Color(0x40, 0x40, 0x40, 0xb0);
    static final Color BLINDED = new Color(0xdd, 0xdd, 0xdd);

    private Style() {}
}
