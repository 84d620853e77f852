package org.crema.correctionlib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.crema.correctionlib.internal.DomainError;
import org.crema.correctionlib.internal.Frame;
import org.crema.correctionlib.internal.Node;

/** Runs a correction's node tree over a frame under an error policy. */
final class Engine {
    private static final int MAX_CACHED = 256;

    private Engine() {
    }

    /** Constant inputs of a chunk, used to resolve categories once per chunk. */
    record BoundConstants(String[] strings, boolean[] hasInt, long[] ints) implements Node.Constants {
        @Override
        public String string(int slot) {
            return strings[slot];
        }

        @Override
        public boolean hasInteger(int slot) {
            return hasInt[slot];
        }

        @Override
        public long integer(int slot) {
            return ints[slot];
        }

        boolean any() {
            for (int k = 0; k < strings.length; k++) {
                if (strings[k] != null || hasInt[k]) {
                    return true;
                }
            }
            return false;
        }

        Object key() {
            List<Object> key = new ArrayList<>(strings.length);
            for (int k = 0; k < strings.length; k++) {
                key.add(strings[k] != null ? strings[k] : hasInt[k] ? (Object) ints[k] : null);
            }
            return key;
        }

        BoundConstants project(int[] map) {
            String[] s = new String[map.length];
            boolean[] h = new boolean[map.length];
            long[] v = new long[map.length];
            for (int k = 0; k < map.length; k++) {
                s[k] = strings[map[k]];
                h[k] = hasInt[map[k]];
                v[k] = ints[map[k]];
            }
            return new BoundConstants(s, h, v);
        }
    }

    /** The root specialised for {@code constants}, cached per distinct set of constants. */
    static Node specialise(Node root, Map<Object, Node> cache, BoundConstants constants) {
        if (constants == null || !constants.any()) {
            return root;
        }
        Object key = constants.key();
        Node n = cache.get(key);
        if (n == null) {
            n = root.bindConstants(constants, 0L);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, n);
        }
        return n;
    }

    static Map<Object, Node> newCache() {
        return new ConcurrentHashMap<>();
    }

    /**
     * Evaluates {@code root} on elements {@code 0..f.n-1}.
     *
     * @param errors where COLLECT puts failures (index order); null under FAIL
     * @param failed per element, set when a failure was collected (may be null); elements already
     *     failed are not reported again
     */
    static void run(Correction c, Node root, Frame f, double[] out, List<Evaluation.ElementError> errors, boolean[] failed) {
        int n = f.n;
        try {
            root.evalChunk(f, 0, n, out);
            return;
        } catch (DomainError e) {
            if (errors == null) {
                throw c.toException(e, e.index);
            }
            // Grouped evaluation visits elements in bin order, so which ones were done before the
            // failure is unknown: redo the chunk element by element, collecting every failure.
            for (int i = 0; i < n; i++) {
                try {
                    out[i] = root.eval(f, i);
                } catch (DomainError e2) {
                    collect(c, out, errors, failed, e2, i);
                }
            }
        }
    }

    private static void collect(Correction c, double[] out, List<Evaluation.ElementError> errors, boolean[] failed,
            DomainError e, int i) {
        out[i] = Double.NaN;
        if (failed != null) {
            if (failed[i]) {
                return;
            }
            failed[i] = true;
        }
        errors.add(new Evaluation.ElementError(i, c.toException(e, i).getMessage()));
    }

    static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    static String describe(List<Variable> inputs) {
        return Arrays.toString(inputs.toArray());
    }
}
