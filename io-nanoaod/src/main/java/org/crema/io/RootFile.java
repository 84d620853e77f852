package org.crema.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crema.io.internal.basket.BasketCache;
import org.crema.io.internal.basket.ReadSettings;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.buffer.RootBuffer;
import org.crema.io.internal.directory.Directory;
import org.crema.io.internal.header.FileHeader;
import org.crema.io.internal.key.Key;
import org.crema.io.internal.column.TreeReader;
import org.crema.io.internal.source.ByteSource;
import org.crema.io.internal.source.LocalFileSource;
import org.crema.io.internal.source.Locations;
import org.crema.io.internal.streamer.StreamerInfoList;
import org.crema.io.internal.tree.TreeParser;

/**
 * An open ROOT file. Opening reads only the header and the top directory's key list; a tree's
 * metadata is read the first time {@link #tree} asks for it, and branch data only when a column is
 * read.
 *
 * <p>Thread-safe: trees and their branches may be read from many threads at once (reads are
 * positional, so threads never share a file pointer). Close the file when done; reading a closed
 * file fails.
 *
 * <p>Baskets that a read of an entry range uses only in part (those spanning a chunk boundary) are
 * kept decompressed, so that reading the file chunk after chunk decompresses each basket once. The
 * cache is bounded by {@code crema.io.basketCacheBytes} (default 64 MiB per file; 0 disables it). A
 * remote file's baskets are fetched in merged ranges (see docs/remote.md).
 *
 * <p>A file that is shorter than its header says (a copy that stopped early) is refused at open,
 * naming both sizes; {@link Option#ALLOW_TRUNCATED} opens it anyway, to read what is there.
 *
 * <pre>{@code
 * try (RootFile file = RootFile.open(Path.of("nano_dy.root"))) {
 *     Tree events = file.tree("Events");
 *     Column nJet = events.read("nJet", 0, events.entries());
 * }
 * }</pre>
 */
public final class RootFile implements AutoCloseable {

    /** How to open a file. */
    public enum Option {
        /**
         * Open a file that is shorter than its header's end-of-file offset (fEND) says, instead of
         * refusing it. Records beyond the end fail when they are read, each naming its offset.
         */
        ALLOW_TRUNCATED
    }

    private final Path path;
    private final String location;
    private final ByteSource source;
    private final FileHeader header;
    private final Directory top;
    private final ErrorContext context;
    private final ReadSettings settings;
    private final BasketCache cache;
    private final Map<String, Tree> trees = new ConcurrentHashMap<>();
    private volatile Map<String, Integer> classVersions;

    private RootFile(Path path, ByteSource source, FileHeader header, Directory top, ErrorContext context,
            ReadSettings settings) {
        this.settings = settings;
        this.cache = new BasketCache(settings.basketCacheBytes());
        this.path = path;
        this.location = path != null ? path.toString() : context.file();
        this.source = source;
        this.header = header;
        this.top = top;
        this.context = context;
    }

    /**
     * Opens a file and reads its header and top-level key list.
     *
     * @param path a local ROOT file
     * @return the open file
     * @throws RootFormatException if the file is not a readable ROOT file, or is truncated
     * @throws RootException if it cannot be opened (the message says why, e.g. "no such file")
     */
    public static RootFile open(Path path) {
        return open(path, new Option[0]);
    }

    /**
     * Opens a file with options and reads its header and top-level key list.
     *
     * @param path a local ROOT file
     * @param options e.g. {@link Option#ALLOW_TRUNCATED}
     * @return the open file
     * @throws RootFormatException if the file is not a readable ROOT file, or is truncated and
     *     {@link Option#ALLOW_TRUNCATED} was not given
     * @throws RootException if it cannot be opened (the message says why, e.g. "no such file")
     */
    public static RootFile open(Path path, Option... options) {
        Objects.requireNonNull(path, "path");
        ErrorContext context = ErrorContext.ofFile(path.toString());
        return open(path, new LocalFileSource(path, context), context, options);
    }

    /**
     * Opens a local path or a remote URL: {@code https://} and {@code http://} are read with range
     * requests, {@code root://host//path} through the server's HTTP door by the rewrite rule in
     * {@code crema.rootUrlRule} / {@code CREMA_ROOT_URL_RULE} (docs/remote.md).
     *
     * @param location a path or URL
     * @param options e.g. {@link Option#ALLOW_TRUNCATED}
     * @return the open file; {@link #path} is null for a URL, {@link #location} is what was given
     * @throws RootFormatException if the file is not a readable ROOT file
     * @throws RootException if it cannot be opened (the message names the URL and why)
     */
    public static RootFile open(String location, Option... options) {
        Objects.requireNonNull(location, "location");
        if (!Locations.isRemote(location)) {
            return open(Path.of(location), options);
        }
        ErrorContext context = ErrorContext.ofFile(location);
        return open(null, Locations.open(location, context), context, options);
    }

    /** Opens the bytes of a source (tests read damaged copies from memory); closes it on failure. */
    static RootFile open(Path path, ByteSource source, ErrorContext context, Option... options) {
        return open(path, source, context, ReadSettings.fromSystemProperties(), options);
    }

    /** Opens the bytes of a source with given read settings (tests compare settings on one file). */
    static RootFile open(Path path, ByteSource source, ErrorContext context, ReadSettings settings,
            Option... options) {
        Set<Option> opts = options.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(List.of(options));
        try {
            FileHeader header = FileHeader.read(source, context);
            if (header.end() > source.size() && !opts.contains(Option.ALLOW_TRUNCATED)) {
                throw context.format("file is truncated: its header says it ends at byte " + header.end()
                        + " (fEND) but it has " + source.size() + " bytes (" + (header.end() - source.size())
                        + " missing); open with RootFile.Option.ALLOW_TRUNCATED to read what is there");
            }
            Directory top = Directory.readAt(source, (long) header.begin() + header.nbytesName(), context);
            return new RootFile(path, source, header, top, context, settings);
        } catch (RootException e) {
            source.close();
            throw e;
        } catch (RuntimeException e) {
            source.close();
            throw context.format("cannot read the file header or key list: " + e, e);
        }
    }

    /** @return the path given to {@link #open}, or null when the file was opened by URL */
    public Path path() {
        return path;
    }

    /** @return the path or URL the file was opened from */
    public String location() {
        return location;
    }

    /** @return the ROOT version that wrote the file, e.g. 61800 */
    public int rootVersion() {
        return header.version();
    }

    /** @return the file's default compression setting (algorithm * 100 + level), e.g. 209 for LZMA-9 */
    public int compression() {
        return header.compress();
    }

    /** @return the file size in bytes */
    public long size() {
        return source.size();
    }

    /**
     * @return true when the file is shorter than its header says (possible only when opened with
     *     {@link Option#ALLOW_TRUNCATED})
     */
    public boolean truncated() {
        return header.end() > source.size();
    }

    /** @return the top directory's keys in file order, every cycle included */
    public List<KeyInfo> keys() {
        return top.keys().stream().map(k -> new KeyInfo(k.name(), k.cycle(), k.className(), k.title())).toList();
    }

    /** @return names of the TTrees in the top directory, in key order, each once */
    public List<String> treeNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Key k : top.keys()) {
            if (k.className().equals("TTree") || k.className().equals("TNtuple")) {
                names.add(k.name());
            }
        }
        return List.copyOf(names);
    }

    /**
     * The tree called {@code name} (highest cycle); {@code "dir/sub/name"} looks inside directories.
     * The tree's metadata is read once and cached.
     *
     * @param name tree name or path
     * @return the tree
     * @throws RootFormatException if there is no such tree (the message suggests close names)
     */
    public Tree tree(String name) {
        Objects.requireNonNull(name, "name");
        Tree cached = trees.get(name);
        if (cached != null) {
            return cached;
        }
        Tree t;
        try {
            t = loadTree(name);
        } catch (RootException e) {
            throw e;
        } catch (RuntimeException e) {
            throw context.withTree(name).format("cannot read the tree's metadata: " + e, e);
        }
        Tree prior = trees.putIfAbsent(name, t);
        return prior != null ? prior : t;
    }

    private Tree loadTree(String name) {
        String[] parts = name.split("/");
        Directory dir = top;
        for (int i = 0; i < parts.length - 1; i++) {
            Key k = find(dir, parts[i], "directory");
            if (!k.className().startsWith("TDirectory")) {
                throw context.format("'" + parts[i] + "' is a " + k.className() + ", not a directory");
            }
            RootBuffer payload = k.payloadBuffer(source, context);
            dir = Directory.parse(payload, source, context);
        }
        Key key = find(dir, parts[parts.length - 1], "tree");
        if (!key.className().equals("TTree") && !key.className().equals("TNtuple")) {
            throw context.format("'" + name + "' is a " + key.className() + ", not a TTree");
        }
        ErrorContext where = context.withTree(name);
        RootBuffer payload = key.payloadBuffer(source, where);
        return new Tree(new TreeReader(source, TreeParser.parse(payload), where, settings, cache));
    }

    private Key find(Directory dir, String name, String what) {
        List<Key> matches = new ArrayList<>();
        for (Key k : dir.keys()) {
            if (k.name().equals(name)) {
                matches.add(k);
            }
        }
        if (matches.isEmpty()) {
            List<String> close = NameSuggestions.closest(name, dir.keys().stream().map(Key::name).distinct().toList(), 5);
            throw context.format("no " + what + " named '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        }
        return matches.stream().max(Comparator.comparingInt(Key::cycle)).orElseThrow();
    }

    /**
     * Class versions recorded in the file's streamer-info list (read on first call), for checking
     * which versions of TTree, TBranch and the leaf classes the writer used.
     *
     * @return class name → version
     */
    public Map<String, Integer> streamerClassVersions() {
        Map<String, Integer> v = classVersions;
        if (v == null) {
            ErrorContext where = context.atRecord(header.seekInfo());
            Key key = Key.readAt(source, header.seekInfo(), where);
            v = Map.copyOf(StreamerInfoList.classVersions(key.payloadBuffer(source, where)));
            classVersions = v;
        }
        return v;
    }

    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "RootFile[" + location + "]";
    }
}
