package org.crema.processor.run;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.crema.columnar.Column;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;

/** In-memory "files" for runner tests: file name → columns, with cluster starts and injectable failures. */
final class MemoryInput implements InputProvider {
    private static final long serialVersionUID = 1L;

    record MemFile(Map<String, Column> columns, long[] clusterStarts, int length) {
    }

    private final transient Map<String, MemFile> files = new HashMap<>();
    /** Files whose inspection fails (like a truncated ROOT file). */
    final transient Set<String> unreadable = new java.util.HashSet<>();
    /** Files whose column reads fail after planning (like a corrupt basket). */
    final transient Set<String> corruptBaskets = new java.util.HashSet<>();

    MemoryInput add(String file, Map<String, Column> columns, long... clusterStarts) {
        int n = columns.values().iterator().next().length();
        files.put(file, new MemFile(new LinkedHashMap<>(columns), clusterStarts, n));
        return this;
    }

    @Override
    public FileInfo inspect(String file, String treeName) {
        if (unreadable.contains(file) || !files.containsKey(file)) {
            throw new IllegalStateException("not a ROOT file: " + file);
        }
        MemFile f = files.get(file);
        return new FileInfo(f.length(), f.clusterStarts(), 0);
    }

    @Override
    public Set<String> columnNames(String file, String treeName) {
        MemFile f = files.get(file);
        return f == null ? null : f.columns().keySet();
    }

    @Override
    public ColumnSource open(Chunk chunk) {
        MemFile f = files.get(chunk.file());
        int from = (int) chunk.entryStart();
        int len = (int) chunk.entries();
        boolean corrupt = corruptBaskets.contains(chunk.file());
        return new ColumnSource() {
            @Override
            public int length() {
                return len;
            }

            @Override
            public Set<String> columnNames() {
                return f.columns().keySet();
            }

            @Override
            public Column column(String name) {
                if (corrupt) {
                    throw new IllegalStateException("basket of " + name + " is corrupt");
                }
                return f.columns().get(name).region(from, len);
            }

            @Override
            public long bytesRead() {
                return 8L * len;
            }
        };
    }
}
