package org.crema.io.internal.write;

import org.crema.io.write.RootHistogram;

/**
 * Streams TH1F, TH1D and TH2D at their current class versions (TH1 8, TH2 5, TH1x 3, TH2D 4, TAxis
 * 10), member by member as the ROOT I/O specification's "Writing histograms" lists them.
 */
public final class HistogramStreamer {
    /** ROOT's "not set" value for fMaximum and fMinimum: ROOT then computes the range from the data. */
    private static final double UNSET = -1111;

    private HistogramStreamer() {
    }

    /**
     * @param b buffer whose origin is the record's key length
     * @param name object name
     * @param h the histogram
     */
    public static void write(WriteBuffer b, String name, RootHistogram h) {
        switch (h.kind()) {
            case TH1D, TH1F -> {
                int p = b.beginObject(3);
                th1(b, name, h);
                if (h.kind() == RootHistogram.Kind.TH1D) {
                    doubles(b, h.contents());
                } else {
                    b.i32(h.cells());
                    for (double v : h.contents()) {
                        b.f32((float) v);
                    }
                }
                b.endObject(p);
            }
            case TH2D -> {
                int p = b.beginObject(4);
                int p2 = b.beginObject(5);
                th1(b, name, h);
                RootHistogram.Statistics s = h.statistics();
                b.f64(1.0); // fScalefactor: written by every ROOT constructor, read by nothing
                b.f64(s.sumwy()).f64(s.sumwy2()).f64(s.sumwxy());
                b.endObject(p2);
                doubles(b, h.contents());
                b.endObject(p);
            }
            default -> throw new IllegalArgumentException("unsupported histogram kind " + h.kind());
        }
    }

    /** @param kind histogram kind @return the class names whose descriptions the file needs */
    public static String className(RootHistogram.Kind kind) {
        return kind.name();
    }

    private static void th1(WriteBuffer b, String name, RootHistogram h) {
        int p = b.beginObject(8);
        // kMustCleanup (bit 3), as ROOT leaves on anything a directory owns.
        b.tNamed(name, h.title(), 0x8);
        int line = b.beginObject(2);
        b.i16(602).i16(1).i16(1);
        b.endObject(line);
        int fill = b.beginObject(2);
        b.i16(0).i16(1001);
        b.endObject(fill);
        int marker = b.beginObject(3);
        b.i16(1).i16(1).f32(1.0f);
        b.endObject(marker);
        b.i32(h.cells());
        axis(b, "xaxis", h.x(), 1.0f);
        // fYaxis and fZaxis are present in every histogram; unused ones have one bin over [0, 1].
        axis(b, "yaxis", h.y() != null ? h.y() : RootHistogram.Axis.regular("", 1, 0, 1), 0f);
        axis(b, "zaxis", RootHistogram.Axis.regular("", 1, 0, 1), 1.0f);
        b.i16(0).i16(1000); // fBarOffset, fBarWidth
        RootHistogram.Statistics s = h.statistics();
        b.f64(s.entries()).f64(s.sumw()).f64(s.sumw2()).f64(s.sumwx()).f64(s.sumwx2());
        b.f64(UNSET).f64(UNSET); // fMaximum, fMinimum
        b.f64(0); // fNormFactor
        b.i32(0); // fContour: an empty TArrayD
        if (h.sumw2() != null) {
            doubles(b, h.sumw2());
        } else {
            b.i32(0);
        }
        b.string(""); // fOption
        // fFunctions is declared "->": the TList is streamed in place, never as a pointer slot.
        int list = b.beginObject(5);
        b.tObject(0x00014000);
        b.string("");
        b.i32(0);
        b.endObject(list);
        b.i32(0); // fBufferSize
        b.i8(0); // fBuffer: a counted array of fBufferSize doubles, flagged absent
        b.i32(0); // fBinStatErrOpt: kNormal
        b.i32(2); // fStatOverflows: kNeutral
        b.endObject(p);
    }

    private static void axis(WriteBuffer b, String name, RootHistogram.Axis a, float titleOffset) {
        int p = b.beginObject(10);
        b.tNamed(name, a.title(), 0);
        int att = b.beginObject(4);
        b.i32(510).i16(1).i16(1).i16(42);
        b.f32(0.005f).f32(0.035f).f32(0.03f).f32(titleOffset).f32(0.035f);
        b.i16(1).i16(42);
        b.endObject(att);
        b.i32(a.bins()).f64(a.low()).f64(a.high());
        if (a.edges() != null) {
            doubles(b, a.edges());
        } else {
            b.i32(0);
        }
        b.i32(0).i32(0); // fFirst, fLast: no display range
        b.i16(0); // fBits2
        b.i8(0); // fTimeDisplay, one byte
        b.string(""); // fTimeFormat
        b.nullPointer(); // fLabels
        b.nullPointer(); // fModLabs
        b.endObject(p);
    }

    private static void doubles(WriteBuffer b, double[] v) {
        // A TArray: fN then the values, with no byte count and no version.
        b.i32(v.length);
        for (double d : v) {
            b.f64(d);
        }
    }
}
