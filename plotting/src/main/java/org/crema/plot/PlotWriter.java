package org.crema.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a {@link Plot} as PNG (Java2D raster, 2× scale for sharp text), SVG (JFreeSVG, text kept as
 * text so it stays searchable) and PDF (JFreePDF, one page; text drawn as vector outlines, since the
 * PDF standard fonts have no Greek letters). Each file is written to a temporary file in the same
 * folder and moved into place, so a reader never sees half a plot.
 */
public final class PlotWriter {
    /** Output formats. */
    public enum Format {
        PNG, SVG, PDF;

        /** All three formats. */
        public static final Set<Format> ALL = EnumSet.allOf(Format.class);

        /** @return the file extension, e.g. {@code png} */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param list comma-separated names, e.g. {@code png,svg,pdf}
         * @return the formats
         */
        public static Set<Format> parse(String list) {
            Set<Format> out = EnumSet.noneOf(Format.class);
            for (String s : list.split(",")) {
                String t = s.strip().toUpperCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Format.valueOf(t));
                } catch (IllegalArgumentException e) {
                    throw new PlotException("unknown plot format '" + s.strip() + "' in '" + list
                            + "': expected png, svg or pdf");
                }
            }
            if (out.isEmpty()) {
                throw new PlotException("no plot format given in '" + list + "': expected png, svg or pdf");
            }
            return out;
        }
    }

    /** PNG pixels per canvas pixel: 2 gives 1600 × 1600 for the default canvas, sharp on slides. */
    public static final int PNG_SCALE = 2;

    private PlotWriter() {}

    /**
     * Writes the plot in each format as {@code base.png}, {@code base.svg}, {@code base.pdf}.
     *
     * @param plot the plot
     * @param base path without extension; its folder is created if needed
     * @param formats formats to write
     * @return the files written
     */
    public static List<Path> write(Plot plot, Path base, Set<Format> formats) {
        List<Path> out = new ArrayList<>();
        for (Format f : formats) {
            Path file = base.resolveSibling(base.getFileName() + "." + f.extension());
            writeAtomically(file, bytes(plot, f));
            out.add(file);
        }
        return out;
    }

    /** @return the plot encoded in one format */
    public static byte[] bytes(Plot plot, Format format) {
        return switch (format) {
            case PNG -> png(plot);
            case SVG -> svg(plot).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(plot);
        };
    }

    /** @return the SVG document */
    public static String svg(Plot plot) {
        SVGGraphics2D g = new SVGGraphics2D(plot.width(), plot.height());
        // the default prefix of clip-path ids is taken from the clock; a fixed one makes equal plots equal files
        g.setDefsKeyPrefix("crema");
        plot.draw(g);
        return g.getSVGDocument();
    }

    private static byte[] png(Plot plot) {
        BufferedImage img = new BufferedImage(plot.width() * PNG_SCALE, plot.height() * PNG_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(PNG_SCALE, PNG_SCALE);
            plot.draw(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bos);
        } catch (IOException e) {
            throw new PlotException("cannot encode PNG: " + e.getMessage(), e);
        }
        return bos.toByteArray();
    }

    private static byte[] pdf(Plot plot) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle("crema plot");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, plot.width(), plot.height()));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        plot.draw(g);
        return withFixedDates(doc.getPDFBytes());
    }

    /**
     * The PDF library stamps the current time as the creation and modification dates; replacing
     * their digits with a fixed date of the same length (so no byte offset in the file moves) makes
     * equal plots equal files, which content-addressed workflows and output comparisons rely on.
     */
    static byte[] withFixedDates(byte[] pdf) {
        byte[] out = pdf.clone();
        for (String key : new String[] {"/CreationDate (D:", "/ModDate (D:"}) {
            fixDate(out, key.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static void fixDate(byte[] pdf, byte[] key) {
        byte[] fixed = "19700101000000".getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + key.length + fixed.length <= pdf.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (pdf[i + k] != key[k]) {
                    continue outer;
                }
            }
            int at = i + key.length;
            for (int k = 0; k < fixed.length; k++) {
                if (pdf[at + k] < '0' || pdf[at + k] > '9') {
                    return;
                }
            }
            System.arraycopy(fixed, 0, pdf, at, fixed.length);
            return;
        }
    }

    /** Writes to a temporary file beside the target, then moves it over the target. */
    static void writeAtomically(Path file, byte[] content) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.write(tmp, content);
            // Temporary files are owner-only; plots are meant to be shared like any output file.
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that is the error to report
                }
            }
            throw new PlotException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
    }
}
