package org.crema.io.internal.column;

import java.util.Objects;
import java.util.function.Function;
import org.crema.io.Tree;

/**
 * From a public {@link Tree} to its {@link TreeReader}, for code of this module's internals and for
 * benchmarks (decompression alone), without widening {@code Tree}'s public API. {@code Tree}
 * registers the accessor when its class is initialised, which happens before any tree exists.
 */
public final class TreeReaders {
    private static volatile Function<Tree, TreeReader> access;

    private TreeReaders() {
    }

    /** @param accessor reads a tree's reader; registered once, by {@code Tree} */
    public static void register(Function<Tree, TreeReader> accessor) {
        if (access == null) {
            access = Objects.requireNonNull(accessor);
        }
    }

    /** @param tree an open tree @return the reader behind it */
    public static TreeReader of(Tree tree) {
        return access.apply(Objects.requireNonNull(tree, "tree"));
    }
}
