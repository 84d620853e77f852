package org.crema.configs.internal.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crema.configs.internal.expr.Type.Kind;
import org.crema.io.BranchInfo;
import org.crema.io.RootFile;
import org.crema.io.Tree;

/** The one place the configurator reads input files (for their schema only). */
public final class Inputs {
    private Inputs() {
    }

    /**
     * Lists the branches of one tree from its metadata; no basket is read.
     *
     * @param file a ROOT file
     * @param treeName the tree, e.g. {@code Events}
     * @return the schema
     */
    public static Schema schema(Path file, String treeName) {
        try (RootFile f = RootFile.open(file)) {
            Tree t = f.tree(treeName);
            Map<String, Kind> flat = new LinkedHashMap<>();
            Map<String, Map<String, Kind>> collections = new LinkedHashMap<>();
            for (BranchInfo b : t.branches()) {
                if (!b.readable() || b.elementType() == null) {
                    continue;
                }
                Kind k = Schema.kind(b.elementType());
                if (b.jagged()) {
                    // NanoAOD counts X_* with nX; some writers give each branch its own nX_field.
                    String counter = b.counter();
                    int us = b.name().indexOf('_');
                    if (counter != null && us > 0) {
                        String coll = b.name().substring(0, us);
                        if (counter.equals("n" + coll) || counter.startsWith("n" + coll + "_")) {
                            collections.computeIfAbsent(coll, x -> new LinkedHashMap<>())
                                    .put(b.name().substring(us + 1), k);
                        }
                    }
                } else if (b.fixedLength() == 1) {
                    flat.put(b.name(), k);
                }
            }
            return new Schema(flat, collections);
        }
    }
}
