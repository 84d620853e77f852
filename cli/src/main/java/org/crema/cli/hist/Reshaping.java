package org.crema.cli.hist;

import java.util.List;
import java.util.stream.IntStream;
import org.crema.cli.processors.ProcessorCatalog;
import org.crema.hist.Axis;
import org.crema.hist.ContinuousAxis;
import org.crema.hist.Hist;

/** {@code --project AXIS} and {@code --rebin N} on a slice, done by the histogram library's own reshaping. */
final class Reshaping {
    private Reshaping() {
    }

    /**
     * @param s a slice
     * @param project the axis to keep, summing over the others with their flow bins, or {@code null}
     * @param rebin bins of every continuous axis merged into one (1 leaves them)
     * @return the histogram to show
     * @throws HistQueryException for an axis the histogram lacks or a factor that does not divide
     */
    static Hist apply(HistSelection.Slice s, String project, int rebin) {
        Hist h = s.hist();
        if (project != null) {
            List<String> axes = h.axes().stream().map(Axis::name).toList();
            if (!axes.contains(project)) {
                String close = ProcessorCatalog.closest(project, axes);
                throw new HistQueryException(s.entry().key() + " has no axis \"" + project + "\""
                        + (s.at().containsKey(project) ? " to project on: it is a category axis (choose its bins with --"
                                + project + ")" : close != null ? "; did you mean " + close + "?" : "")
                        + " (axes to project on: " + String.join(", ", axes) + ")");
            }
            h = h.project(project);
        }
        if (rebin != 1) {
            for (Axis a : h.axes()) {
                if (a instanceof ContinuousAxis c) {
                    if (c.size() % rebin != 0) {
                        throw new HistQueryException("--rebin " + rebin + " does not divide the " + c.size()
                                + " bins of axis \"" + c.name() + "\" of " + s.entry().key() + ": choose one of "
                                + divisors(c.size()));
                    }
                    h = h.rebin(c.name(), rebin);
                }
            }
        }
        return h;
    }

    private static String divisors(int n) {
        return String.join(", ", IntStream.rangeClosed(1, n).filter(d -> n % d == 0).mapToObj(Integer::toString)
                .toList());
    }
}
