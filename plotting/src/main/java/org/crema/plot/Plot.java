package org.crema.plot;

import java.awt.Graphics2D;

/**
 * Something drawable on a canvas of a fixed size in pixels; {@link PlotWriter} writes it as PNG, SVG
 * or PDF by drawing it once per format onto that format's {@link Graphics2D}.
 */
public interface Plot {
    /** @return canvas width in pixels (PDF points) */
    int width();

    /** @return canvas height in pixels (PDF points) */
    int height();

    /** Draws the whole plot, white background included, onto a canvas of {@link #width()} × {@link #height()}. */
    void draw(Graphics2D g);
}
