package org.crema.io.rntuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.crema.io.NameSuggestions;
import org.crema.io.RootException;
import org.crema.io.RootFile;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.directory.Directory;
import org.crema.io.internal.header.FileHeader;
import org.crema.io.internal.key.Key;
import org.crema.io.internal.rntuple.Anchor;
import org.crema.io.internal.rntuple.NTupleContext;
import org.crema.io.internal.rntuple.NTupleDescriptor;
import org.crema.io.internal.rntuple.PageSource;
import org.crema.io.internal.source.ByteSource;
import org.crema.io.internal.source.LocalFileSource;
import org.crema.io.internal.source.Locations;

/**
 * Reads the RNTuples of a ROOT file (RNTuple binary format 1.0, ROOT 6.34 and later). Each ntuple
 * is found through its anchor, a {@code ROOT::RNTuple} object in the top directory; its header,
 * footer and page lists are read (and their checksums verified) the first time {@link #ntuple}
 * asks for it, pages only when a field is read.
 *
 * <p>Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (RNTupleReader reader = RNTupleReader.open(Path.of("nano.root"))) {
 *     RNTuple events = reader.ntuple("Events");
 *     Column pt = events.read("Jet._0.pt", 0, events.entries());
 * }
 * }</pre>
 */
public final class RNTupleReader implements AutoCloseable {
    /** Class name of the anchor object. */
    public static final String ANCHOR_CLASS = "ROOT::RNTuple";

    private final Path path;
    private final ByteSource source;
    private final Directory top;
    private final NTupleContext context;
    private final Map<String, RNTuple> ntuples = new ConcurrentHashMap<>();

    private RNTupleReader(Path path, ByteSource source, Directory top, NTupleContext context) {
        this.path = path;
        this.source = source;
        this.top = top;
        this.context = context;
    }

    /**
     * Opens a file and reads its header and top-level key list.
     *
     * @param path a local ROOT file
     * @return the reader
     * @throws org.crema.io.RootFormatException if the file is not a readable ROOT file
     */
    public static RNTupleReader open(Path path) {
        Objects.requireNonNull(path, "path");
        ErrorContext legacy = ErrorContext.ofFile(path.toString());
        return open(path, new LocalFileSource(path, legacy), legacy);
    }

    /**
     * Opens a local path or a remote URL ({@code https://}, {@code http://}, or {@code root://}
     * through the rewrite rule described in docs/remote.md).
     *
     * @param location a path or URL
     * @return the reader; {@link #path} is null for a URL
     * @throws org.crema.io.RootFormatException if the file is not a readable ROOT file
     * @throws RootException if it cannot be opened (the message names the URL and why)
     */
    public static RNTupleReader open(String location) {
        Objects.requireNonNull(location, "location");
        if (!Locations.isRemote(location)) {
            return open(Path.of(location));
        }
        ErrorContext legacy = ErrorContext.ofFile(location);
        return open(null, Locations.open(location, legacy), legacy);
    }

    private static RNTupleReader open(Path path, ByteSource source, ErrorContext legacy) {
        NTupleContext context = NTupleContext.ofFile(legacy.file());
        try {
            FileHeader header = FileHeader.read(source, legacy);
            Directory top = Directory.readAt(source, (long) header.begin() + header.nbytesName(), legacy);
            return new RNTupleReader(path, source, top, context);
        } catch (RuntimeException e) {
            source.close();
            if (e instanceof RootException) {
                throw e;
            }
            throw context.format("cannot read the file header or key list: " + e, e);
        }
    }

    /**
     * Opens the RNTuples of an already open file (through a file channel of its own).
     *
     * @param file an open ROOT file
     * @return the reader
     */
    public static RNTupleReader open(RootFile file) {
        return file.path() != null ? open(file.path()) : open(file.location());
    }

    /**
     * @param file an open ROOT file
     * @return true when its top directory holds at least one RNTuple anchor
     */
    public static boolean hasNTuples(RootFile file) {
        return file.keys().stream().anyMatch(k -> k.className().equals(ANCHOR_CLASS));
    }

    /**
     * Whether the events of {@code name} are an RNTuple: the top directory holds an RNTuple anchor
     * of that name and no TTree of that name (a TTree wins, as in {@code crema stats}).
     *
     * @param file an open ROOT file
     * @param name tree or ntuple name, e.g. {@code Events}
     * @return true to read {@code name} with {@link #ntuple}, false to read it as a TTree
     */
    public static boolean isNTuple(RootFile file, String name) {
        boolean anchor = false;
        for (org.crema.io.KeyInfo k : file.keys()) {
            if (k.name().equals(name) && k.className().equals(ANCHOR_CLASS)) {
                anchor = true;
            }
        }
        return anchor && !file.treeNames().contains(name);
    }

    /** @return the path given to {@link #open}, or null when opened by URL */
    public Path path() {
        return path;
    }

    /** @return names of the RNTuples in the top directory, in key order, each once */
    public List<String> ntupleNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Key k : top.keys()) {
            if (k.className().equals(ANCHOR_CLASS)) {
                names.add(k.name());
            }
        }
        return List.copyOf(names);
    }

    /**
     * The RNTuple called {@code name} (highest cycle). Its metadata is read once and cached.
     *
     * @param name ntuple name
     * @return the ntuple
     * @throws org.crema.io.RootFormatException if there is none, or its metadata is corrupt
     */
    public RNTuple ntuple(String name) {
        Objects.requireNonNull(name, "name");
        RNTuple cached = ntuples.get(name);
        if (cached != null) {
            return cached;
        }
        NTupleContext where = context.withNTuple(name);
        RNTuple nt;
        try {
            nt = load(name, where);
        } catch (RootException e) {
            throw e;
        } catch (RuntimeException e) {
            throw where.format("cannot read the ntuple's metadata: " + e, e);
        }
        RNTuple prior = ntuples.putIfAbsent(name, nt);
        return prior != null ? prior : nt;
    }

    private RNTuple load(String name, NTupleContext where) {
        List<Key> matches = new ArrayList<>();
        for (Key k : top.keys()) {
            if (k.name().equals(name) && k.className().equals(ANCHOR_CLASS)) {
                matches.add(k);
            }
        }
        if (matches.isEmpty()) {
            List<String> close = NameSuggestions.closest(name, ntupleNames(), 5);
            throw context.format("no RNTuple named '" + name + "'"
                    + (close.isEmpty() ? " (the file has none)" : "; did you mean " + String.join(", ", close) + "?"));
        }
        Key key = matches.stream().max(Comparator.comparingInt(Key::cycle)).orElseThrow();
        byte[] payload = key.payload(source, where.legacy());
        Anchor anchor = Anchor.parse(payload, where, key.seekKey());
        NTupleDescriptor d = NTupleDescriptor.read(source, anchor, where);
        return new RNTuple(d, new PageSource(source, d), where);
    }

    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "RNTupleReader[" + source.identity().location() + "]";
    }
}
