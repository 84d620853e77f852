package org.crema.benchmarks.processor;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.crema.processor.DatasetInfo;
import org.crema.processor.run.Fileset;

/** A one-dataset MC fileset that lists the same file several times, to make a benchmark input of any size. */
final class RepeatedFileset {
    private RepeatedFileset() {}

    static Fileset of(String dataset, String year, double xsec, Path file, int copies) {
        List<String> files = Collections.nCopies(copies, file.toAbsolutePath().toString());
        DatasetInfo info = new DatasetInfo(dataset, dataset, year, true, xsec, "", Map.of());
        return new Fileset(null, Map.of(dataset, new Fileset.Dataset(info, files, Collections.nCopies(copies, "Events"))));
    }
}
