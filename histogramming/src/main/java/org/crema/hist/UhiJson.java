package org.crema.hist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes histograms in the JSON form of the UHI serialization (schema version 1), the
 * format Python's {@code hist} and {@code boost-histogram} load with {@code uhi.io.json}: see
 * https://uhi.readthedocs.io/en/latest/serialization.html.
 *
 * <p>Layout: {@code {"uhi_schema": 1, "writer_info": {"crema": {...}}, "metadata": {...}, "axes":
 * [...], "storage": {"type": ..., "values": ..., ...}}}. Storage arrays are nested lists, one level
 * per axis, and include every flow bin that is switched on (underflow first, overflow last), exactly
 * like {@code h.view(flow=True)}. A file holds either one histogram at the top level or an object
 * mapping names to histograms; both are read. Axis names, labels and units are kept in each axis's
 * {@code metadata}; crema-only details that UHI has no field for (integer axes, log-spaced regular
 * axes, growing categories) are recorded in {@code writer_info.crema} and restored on reading,
 * while other readers see an equivalent standard axis. NaN and ±∞ are written as the bare tokens
 * {@code NaN}/{@code Infinity} that Python's {@code json} module reads.
 *
 * <p>Files are written atomically: to a temporary file in the target directory, then moved over the
 * target, so a reader never sees half a file.
 */
public final class UhiJson {
    /** The UHI schema version written and the newest one read. */
    public static final int SCHEMA_VERSION = 1;
    private static final String WRITER = "crema";
    private static final String EXACT_SUMS = "exact_sums";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private UhiJson() {}

    // ------------------------------------------------------------------ writing

    /**
     * @param h a histogram
     * @return its UHI JSON text (single-histogram form)
     */
    public static String toJson(Hist h) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            writeHist(g, h, false);
        } catch (IOException e) {
            throw new HistFormatException("cannot serialize " + h, e);
        }
        return w.toString();
    }

    /**
     * The UHI JSON text plus the exact state of every sum, so that reading it back gives a histogram
     * whose later fills and merges are bit-identical to those of {@code h} itself (checkpoints,
     * partial results shipped between machines). Other readers see an ordinary UHI histogram: the
     * exact state sits in {@code writer_info.crema.exact_sums} (base64), and this reader uses it only
     * if it still rounds to the values and variances in the file, so a file whose contents were
     * edited elsewhere falls back to those contents.
     *
     * @param h a histogram
     * @return its UHI JSON text with the exact sums (single-histogram form)
     */
    public static String toJsonExact(Hist h) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            writeHist(g, h, true);
        } catch (IOException e) {
            throw new HistFormatException("cannot serialize " + h, e);
        }
        return w.toString();
    }

    private static String encodeLongs(long[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * v.length);
        b.asLongBuffer().put(v);
        return java.util.Base64.getEncoder().encodeToString(b.array());
    }

    private static long[] decodeLongs(String s) {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length % 8 != 0) {
            return null;
        }
        long[] v = new long[bytes.length / 8];
        java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(v);
        return v;
    }

    /**
     * Writes one histogram (single-histogram form) to a stream, leaving the stream open.
     *
     * @param out destination
     * @param h the histogram
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, Hist h) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            writeHist(g, h, false);
        }
    }

    /**
     * Writes one histogram to {@code file} atomically (single-histogram form).
     *
     * @param file destination; its directory must exist
     * @param h the histogram
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Hist h) throws IOException {
        atomicWrite(file, w -> {
            try (JsonGenerator g = FACTORY.createGenerator(w)) {
                writeHist(g, h, false);
            }
        });
    }

    /**
     * Writes several named histograms to {@code file} atomically, as a JSON object name → histogram.
     *
     * @param file destination; its directory must exist
     * @param hists histograms by name, written in iteration order
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Map<String, Hist> hists) throws IOException {
        for (String k : hists.keySet()) {
            if ("uhi_schema".equals(k)) {
                throw new IllegalArgumentException("a histogram cannot be named \"uhi_schema\" in a UHI file");
            }
        }
        atomicWrite(file, w -> {
            try (JsonGenerator g = FACTORY.createGenerator(w)) {
                g.writeStartObject();
                for (Map.Entry<String, Hist> e : hists.entrySet()) {
                    g.writeFieldName(e.getKey());
                    writeHist(g, e.getValue(), false);
                }
                g.writeEndObject();
            }
        });
    }

    private interface WriterBody {
        void write(Writer w) throws IOException;
    }

    private static void atomicWrite(Path file, WriterBody body) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        // Not Files.createTempFile: it makes owner-only files, and histograms are shared like any output.
        Path tmp = dir.resolve("." + abs.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                body.write(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeHist(JsonGenerator g, Hist h, boolean exact) throws IOException {
        g.writeStartObject();
        g.writeNumberField("uhi_schema", SCHEMA_VERSION);
        g.writeObjectFieldStart("writer_info");
        g.writeObjectFieldStart(WRITER);
        g.writeStringField("version", version());
        if (exact && h.storage() != Storage.INT64) {
            g.writeArrayFieldStart(EXACT_SUMS);
            for (long[] state : h.store().exactState()) {
                g.writeString(encodeLongs(state));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
        if (!h.name().isEmpty() || !h.label().isEmpty()) {
            g.writeObjectFieldStart("metadata");
            if (!h.name().isEmpty()) {
                g.writeStringField("name", h.name());
            }
            if (!h.label().isEmpty()) {
                g.writeStringField("label", h.label());
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("axes");
        for (Axis a : h.axes()) {
            writeAxis(g, a);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("storage");
        g.writeStringField("type", h.storage().uhiType());
        int[] extents = h.axes().stream().mapToInt(Axis::extent).toArray();
        BinStore store = h.store();
        if (store instanceof Int64Store c) {
            g.writeFieldName("values");
            writeNested(g, extents, 0, 0, null, c.counts);
        } else {
            double[][] arrays = visible(store);
            String[] names = visibleNames(h.storage());
            for (int i = 0; i < names.length; i++) {
                g.writeFieldName(names[i]);
                writeNested(g, extents, 0, 0, arrays[i], null);
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The storage arrays of the UHI layout, in the order of {@link #visibleNames}. */
    private static double[][] visible(BinStore store) {
        return switch (store) {
            case DoubleStore d -> new double[][] {d.values()};
            case WeightStore w -> new double[][] {w.values(), w.variances()};
            case MeanStore m -> new double[][] {m.counts(), m.values(), m.sampleVariances()};
            case Int64Store c -> new double[0][];
        };
    }

    private static String[] visibleNames(Storage s) {
        return switch (s) {
            case DOUBLE -> new String[] {"values"};
            case WEIGHT -> new String[] {"values", "variances"};
            case MEAN -> new String[] {"counts", "values", "variances"};
            case INT64 -> new String[] {"values"};
        };
    }

    /** Writes the row-major block starting at {@code base} for axes {@code k…} as nested lists. */
    private static int writeNested(JsonGenerator g, int[] extents, int k, int base, double[] d, long[] l)
            throws IOException {
        if (k == extents.length) {
            if (d != null) {
                g.writeNumber(d[base]);
            } else {
                g.writeNumber(l[base]);
            }
            return base + 1;
        }
        g.writeStartArray();
        int pos = base;
        for (int i = 0; i < extents[k]; i++) {
            pos = writeNested(g, extents, k + 1, pos, d, l);
        }
        g.writeEndArray();
        return pos;
    }

    private static void writeAxis(JsonGenerator g, Axis a) throws IOException {
        g.writeStartObject();
        switch (a) {
            case RegularAxis r when r.isLog() -> {
                g.writeStringField("type", "variable");
                writeEdges(g, r);
                writeFlow(g, r);
                writeMetadata(g, a);
                g.writeObjectFieldStart("writer_info");
                g.writeObjectFieldStart(WRITER);
                g.writeStringField("type", "regular_log");
                g.writeNumberField("bins", r.bins());
                g.writeNumberField("lower", r.lower());
                g.writeNumberField("upper", r.upper());
                g.writeEndObject();
                g.writeEndObject();
            }
            case RegularAxis r -> {
                g.writeStringField("type", "regular");
                g.writeNumberField("lower", r.lower());
                g.writeNumberField("upper", r.upper());
                g.writeNumberField("bins", r.bins());
                writeFlow(g, r);
                writeMetadata(g, a);
            }
            case IntegerAxis r -> {
                g.writeStringField("type", "regular");
                g.writeNumberField("lower", (double) r.low());
                g.writeNumberField("upper", (double) r.high());
                g.writeNumberField("bins", r.size());
                writeFlow(g, r);
                writeMetadata(g, a);
                writeCremaType(g, "integer");
            }
            case VariableAxis v -> {
                g.writeStringField("type", "variable");
                writeEdges(g, v);
                writeFlow(g, v);
                writeMetadata(g, a);
            }
            case StrCategoryAxis c -> {
                g.writeStringField("type", "category_str");
                g.writeArrayFieldStart("categories");
                for (String s : c.categories()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeBooleanField("flow", c.hasOverflow());
                writeMetadata(g, a);
                if (c.isGrowing()) {
                    writeGrowth(g);
                }
            }
            case IntCategoryAxis c -> {
                g.writeStringField("type", "category_int");
                g.writeArrayFieldStart("categories");
                for (int v : c.categories()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
                g.writeBooleanField("flow", c.hasOverflow());
                writeMetadata(g, a);
                if (c.isGrowing()) {
                    writeGrowth(g);
                }
            }
            case BooleanAxis b -> {
                g.writeStringField("type", "boolean");
                writeMetadata(g, a);
            }
        }
        g.writeEndObject();
    }

    private static void writeEdges(JsonGenerator g, ContinuousAxis c) throws IOException {
        g.writeArrayFieldStart("edges");
        for (double e : c.edges) {
            g.writeNumber(e);
        }
        g.writeEndArray();
    }

    private static void writeFlow(JsonGenerator g, ContinuousAxis c) throws IOException {
        g.writeBooleanField("underflow", c.hasUnderflow());
        g.writeBooleanField("overflow", c.hasOverflow());
        g.writeBooleanField("circular", false);
    }

    private static void writeMetadata(JsonGenerator g, Axis a) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("name", a.name());
        if (!a.label().isEmpty()) {
            g.writeStringField("label", a.label());
        }
        if (!a.unit().isEmpty()) {
            g.writeStringField("unit", a.unit());
        }
        g.writeEndObject();
    }

    private static void writeCremaType(JsonGenerator g, String type) throws IOException {
        g.writeObjectFieldStart("writer_info");
        g.writeObjectFieldStart(WRITER);
        g.writeStringField("type", type);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeGrowth(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("writer_info");
        g.writeObjectFieldStart(WRITER);
        g.writeBooleanField("growth", true);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String version() {
        String v = UhiJson.class.getPackage() == null ? null : UhiJson.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Parses one histogram from UHI JSON text: the single-histogram form, or a name → histogram
     * object holding exactly one histogram.
     *
     * @param json the text
     * @return the histogram
     * @throws HistFormatException naming the JSON location of the problem
     */
    public static Hist fromJson(String json) {
        return single(parseAll(readTree(json, "<string>"), "<string>"), "<string>");
    }

    /**
     * Reads one histogram from a file (see {@link #fromJson}).
     *
     * @param file a UHI JSON file
     * @return the histogram
     * @throws IOException if the file cannot be read
     * @throws HistFormatException naming the file and JSON location of a format problem
     */
    public static Hist read(Path file) throws IOException {
        return single(readAll(file), file.toString());
    }

    /**
     * Reads every histogram of a file. A single-histogram file gives one entry named after the
     * histogram's {@code metadata.name}, or the file name without extension.
     *
     * @param file a UHI JSON file
     * @return histograms by name, in file order
     * @throws IOException if the file cannot be read
     * @throws HistFormatException naming the file and JSON location of a format problem
     */
    public static Map<String, Hist> readAll(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Hist> m = parseAll(readTree(text, file.toString()), file.toString());
        if (m.size() == 1 && m.containsKey("")) {
            String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
            return Map.of(stem, m.get(""));
        }
        return m;
    }

    private static Hist single(Map<String, Hist> m, String where) {
        if (m.size() != 1) {
            throw new HistFormatException(where + ": expected one histogram, found " + m.size() + " " + m.keySet());
        }
        return m.values().iterator().next();
    }

    private static JsonNode readTree(String text, String where) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonNode n = MAPPER.readTree(p);
            if (n == null || !n.isObject()) {
                throw new HistFormatException(where + ": top level must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new HistFormatException(where + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Hist> parseAll(JsonNode root, String where) {
        Map<String, Hist> out = new LinkedHashMap<>();
        if (root.has("uhi_schema")) {
            Hist h = parseHist((ObjectNode) root, where + ": $");
            out.put(h.name(), h);
            return out;
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getValue().isObject()) {
                throw new HistFormatException(where + ": $." + e.getKey() + " must be a histogram object");
            }
            out.put(e.getKey(), parseHist((ObjectNode) e.getValue(), where + ": $." + e.getKey()));
        }
        return out;
    }

    private static Hist parseHist(ObjectNode n, String path) {
        JsonNode schema = n.get("uhi_schema");
        if (schema == null || !schema.canConvertToInt()) {
            throw new HistFormatException(path + ".uhi_schema must be an integer, got " + schema);
        }
        if (schema.asInt() > SCHEMA_VERSION || schema.asInt() < 1) {
            throw new HistFormatException(path + ".uhi_schema is " + schema.asInt() + "; this reader supports 1.."
                    + SCHEMA_VERSION);
        }
        JsonNode meta = n.path("metadata");
        String name = meta.path("name").asText("");
        String label = meta.path("label").asText("");
        JsonNode axesNode = require(n, "axes", path);
        if (!axesNode.isArray()) {
            throw new HistFormatException(path + ".axes must be an array");
        }
        List<Axis> axes = new ArrayList<>();
        for (int k = 0; k < axesNode.size(); k++) {
            axes.add(parseAxis(axesNode.get(k), k, path + ".axes[" + k + "]"));
        }
        Axis[] ax = axes.toArray(Axis[]::new);
        JsonNode st = require(n, "storage", path);
        String type = require(st, "type", path + ".storage").asText();
        String sp = path + ".storage";
        int[] extents = axes.stream().mapToInt(Axis::extent).toArray();
        int total = 1;
        for (int e : extents) {
            total *= e;
        }
        switch (type) {
            case "int" -> {
                long[] c = st.has("values") ? readLongs(st.get("values"), extents, total, sp + ".values") : null;
                Int64Store store = new Int64Store(total);
                if (c != null) {
                    System.arraycopy(c, 0, store.counts, 0, total);
                }
                return Hist.restore(ax, Storage.INT64, name, label, store);
            }
            case "double" -> {
                double[] v = optDoubles(st, "values", extents, total, sp);
                BinStore exact = exactIfConsistent(n, Storage.DOUBLE, total, v);
                return Hist.restore(ax, Storage.DOUBLE, name, label,
                        exact != null ? exact : v == null ? null : DoubleStore.restore(v));
            }
            case "weighted" -> {
                double[] v = optDoubles(st, "values", extents, total, sp);
                double[] w2 = optDoubles(st, "variances", extents, total, sp);
                BinStore exact = exactIfConsistent(n, Storage.WEIGHT, total, v, w2);
                return Hist.restore(ax, Storage.WEIGHT, name, label, exact != null ? exact
                        : WeightStore.restore(v == null ? new double[total] : v, w2 == null ? new double[total] : w2));
            }
            case "mean" -> {
                double[] cnt = optDoubles(st, "counts", extents, total, sp);
                double[] mean = optDoubles(st, "values", extents, total, sp);
                double[] var = optDoubles(st, "variances", extents, total, sp);
                if (cnt == null || mean == null || var == null) {
                    return Hist.restore(ax, Storage.MEAN, name, label, null);
                }
                BinStore exact = exactIfConsistent(n, Storage.MEAN, total, cnt, mean, var);
                if (exact != null) {
                    return Hist.restore(ax, Storage.MEAN, name, label, exact);
                }
                double[] swx = new double[total];
                double[] swx2 = new double[total];
                for (int i = 0; i < total; i++) {
                    swx[i] = mean[i] * cnt[i];
                    swx2[i] = var[i] * (cnt[i] - 1) + mean[i] * mean[i] * cnt[i];
                }
                return Hist.restore(ax, Storage.MEAN, name, label, MeanStore.restore(cnt, swx, swx2));
            }
            default -> throw new HistFormatException(sp + ".type is \"" + type
                    + "\"; supported storages are int, double, weighted, mean");
        }
    }

    /**
     * The exact sums recorded by {@link #toJsonExact}, if present, well formed and still rounding to
     * the arrays of the file (bit for bit); otherwise {@code null} and the file's arrays are used.
     */
    private static BinStore exactIfConsistent(JsonNode hist, Storage kind, int total, double[]... read) {
        JsonNode node = hist.path("writer_info").path(WRITER).path(EXACT_SUMS);
        if (!node.isArray()) {
            return null;
        }
        for (double[] r : read) {
            if (r == null) {
                return null;
            }
        }
        long[][] state = new long[node.size()][];
        for (int i = 0; i < state.length; i++) {
            state[i] = node.get(i).isTextual() ? decodeLongs(node.get(i).asText()) : null;
            if (state[i] == null) {
                return null;
            }
        }
        BinStore candidate = BinStore.fromExact(kind, total, state);
        if (candidate == null) {
            return null;
        }
        double[][] shown = visible(candidate);
        for (int i = 0; i < read.length; i++) {
            for (int b = 0; b < total; b++) {
                if (Double.doubleToLongBits(shown[i][b]) != Double.doubleToLongBits(read[i][b])) {
                    return null;
                }
            }
        }
        return candidate;
    }

    private static JsonNode require(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new HistFormatException(path + "." + key + " is missing");
        }
        return v;
    }

    private static Axis parseAxis(JsonNode n, int k, String path) {
        String type = require(n, "type", path).asText();
        JsonNode meta = n.path("metadata");
        String name = meta.path("name").asText("axis" + k);
        String label = meta.path("label").asText("");
        String unit = meta.path("unit").asText("");
        JsonNode crema = n.path("writer_info").path(WRITER);
        String cremaType = crema.path("type").asText("");
        boolean growth = crema.path("growth").asBoolean(false);
        try {
            Axis a = switch (type) {
                case "regular" -> {
                    boolean under = require(n, "underflow", path).asBoolean();
                    boolean over = require(n, "overflow", path).asBoolean();
                    if (n.path("circular").asBoolean(false)) {
                        throw new HistFormatException(path + ": circular axes are not supported");
                    }
                    double lo = require(n, "lower", path).asDouble();
                    double hi = require(n, "upper", path).asDouble();
                    int bins = require(n, "bins", path).asInt();
                    if ("integer".equals(cremaType)) {
                        yield IntegerAxis.of(name, (int) lo, (int) hi).withUnderflow(under).withOverflow(over);
                    }
                    yield RegularAxis.of(name, bins, lo, hi).withUnderflow(under).withOverflow(over);
                }
                case "variable" -> {
                    boolean under = require(n, "underflow", path).asBoolean();
                    boolean over = require(n, "overflow", path).asBoolean();
                    if (n.path("circular").asBoolean(false)) {
                        throw new HistFormatException(path + ": circular axes are not supported");
                    }
                    JsonNode en = require(n, "edges", path);
                    if (!en.isArray()) {
                        throw new HistFormatException(path + ".edges must be an inline array (out-of-band data is not supported)");
                    }
                    double[] e = new double[en.size()];
                    for (int i = 0; i < e.length; i++) {
                        e[i] = en.get(i).asDouble();
                    }
                    if ("regular_log".equals(cremaType)) {
                        yield RegularAxis.log(name, crema.path("bins").asInt(), crema.path("lower").asDouble(),
                                crema.path("upper").asDouble()).withUnderflow(under).withOverflow(over);
                    }
                    yield VariableAxis.of(name, e).withUnderflow(under).withOverflow(over);
                }
                case "category_str" -> {
                    JsonNode cn = require(n, "categories", path);
                    String[] cats = new String[cn.size()];
                    for (int i = 0; i < cats.length; i++) {
                        cats[i] = cn.get(i).asText();
                    }
                    boolean flow = require(n, "flow", path).asBoolean();
                    yield growth ? StrCategoryAxis.growing(name, cats) : StrCategoryAxis.of(name, cats).withFlow(flow);
                }
                case "category_int" -> {
                    JsonNode cn = require(n, "categories", path);
                    int[] cats = new int[cn.size()];
                    for (int i = 0; i < cats.length; i++) {
                        cats[i] = cn.get(i).asInt();
                    }
                    boolean flow = require(n, "flow", path).asBoolean();
                    yield growth ? IntCategoryAxis.growing(name, cats) : IntCategoryAxis.of(name, cats).withFlow(flow);
                }
                case "boolean" -> BooleanAxis.of(name);
                default -> throw new HistFormatException(path + ".type is \"" + type
                        + "\"; supported axes are regular, variable, category_str, category_int, boolean");
            };
            return a.withLabel(label).withUnit(unit);
        } catch (IllegalArgumentException e) {
            throw new HistFormatException(path + ": invalid axis: " + e.getMessage(), e);
        }
    }

    private static double[] optDoubles(JsonNode st, String key, int[] extents, int total, String sp) {
        JsonNode v = st.get(key);
        if (v == null) {
            return null;
        }
        double[] out = new double[total];
        fillNested(v, extents, 0, 0, out, null, sp + "." + key);
        return out;
    }

    private static long[] readLongs(JsonNode v, int[] extents, int total, String path) {
        long[] out = new long[total];
        fillNested(v, extents, 0, 0, null, out, path);
        return out;
    }

    private static int fillNested(JsonNode v, int[] extents, int k, int pos, double[] d, long[] l, String path) {
        if (k == extents.length) {
            if (!v.isNumber()) {
                throw new HistFormatException(path + " must be a number, got " + v);
            }
            if (d != null) {
                d[pos] = v.asDouble();
            } else {
                if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                    throw new HistFormatException(path + " must be an integer for int storage, got " + v);
                }
                l[pos] = v.asLong();
            }
            return pos + 1;
        }
        if (!v.isArray() || v.size() != extents[k]) {
            throw new HistFormatException(path + " must be an array of " + extents[k]
                    + " entries (axis " + k + " with flow bins), got " + (v.isArray() ? v.size() + " entries" : v.getNodeType()));
        }
        for (int i = 0; i < extents[k]; i++) {
            pos = fillNested(v.get(i), extents, k + 1, pos, d, l, path + "[" + i + "]");
        }
        return pos;
    }
}
