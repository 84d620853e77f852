package org.crema.corrections.lumi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.corrections.CorrectionFileException;
import org.crema.corrections.internal.TextFiles;

/**
 * The certified-luminosity ("golden JSON") mask: {@code {"run": [[firstLumi, lastLumi], …], …}}
 * with inclusive luminosity-section ranges. An event passes when its (run, luminosityBlock) lies
 * in one of the ranges.
 *
 * <p>Ranges are stored as one sorted, merged array of 64-bit keys {@code run << 32 | lumi}, so a
 * look-up is one binary search with no per-event objects or map look-ups. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * LumiMask golden = LumiMask.read(Path.of("Cert_294927-306462_13TeV_EOY2017ReReco_Collisions17_JSON.txt"));
 * BoolColumn pass = golden.apply(events.run(), events.luminosityBlock());
 * }</pre>
 */
public final class LumiMask {
    private final String source;
    private final long[] starts;
    private final long[] ends;
    private final int runs;

    private LumiMask(String source, long[] starts, long[] ends, int runs) {
        this.source = source;
        this.starts = starts;
        this.ends = ends;
        this.runs = runs;
    }

    /**
     * @param path a golden JSON file (plain or gzip)
     * @return the mask
     * @throws CorrectionFileException when the file is not a run → ranges object
     */
    public static LumiMask read(Path path) {
        return parse(TextFiles.read(path), path.getFileName().toString());
    }

    /**
     * @param json the JSON text
     * @param source name used in error messages
     * @return the mask
     * @throws CorrectionFileException naming the run and range that are malformed
     */
    public static LumiMask parse(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new CorrectionFileException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CorrectionFileException(source, 0, "expected a JSON object {\"run\": [[first, last], …]}");
        }
        List<long[]> ranges = new ArrayList<>();
        int runs = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long run;
            try {
                run = Long.parseLong(e.getKey().strip());
            } catch (NumberFormatException ex) {
                throw new CorrectionFileException(source, 0, "run key must be an integer, got \"" + e.getKey() + "\"");
            }
            if (run < 0 || run > 0xFFFFFFFFL) {
                throw new CorrectionFileException(source, 0, "run " + run + " is outside 0..4294967295");
            }
            runs++;
            JsonNode list = e.getValue();
            if (!list.isArray()) {
                throw new CorrectionFileException(source, 0, "run " + run + ": expected a list of [first, last] ranges");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                if (!r.isArray() || r.size() != 2 || !r.get(0).canConvertToLong() || !r.get(1).canConvertToLong()) {
                    throw new CorrectionFileException(source, 0, "run " + run + " range " + i
                            + ": expected [first, last] integers, got " + r);
                }
                long lo = r.get(0).asLong();
                long hi = r.get(1).asLong();
                if (lo < 0 || hi < lo || hi > 0xFFFFFFFFL) {
                    throw new CorrectionFileException(source, 0, "run " + run + " range " + i
                            + ": need 0 <= first <= last <= 4294967295, got [" + lo + ", " + hi + "]");
                }
                ranges.add(new long[] {run << 32 | lo, run << 32 | hi});
            }
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        // Merge overlapping or adjacent ranges so a single binary search decides membership.
        long[] s = new long[ranges.size()];
        long[] t = new long[ranges.size()];
        int n = 0;
        for (long[] r : ranges) {
            if (n > 0 && r[0] <= t[n - 1] + 1) {
                t[n - 1] = Math.max(t[n - 1], r[1]);
            } else {
                s[n] = r[0];
                t[n] = r[1];
                n++;
            }
        }
        return new LumiMask(source, java.util.Arrays.copyOf(s, n), java.util.Arrays.copyOf(t, n), runs);
    }

    /**
     * @param run run number (unsigned 32-bit)
     * @param luminosityBlock luminosity section (unsigned 32-bit)
     * @return whether the pair is certified
     */
    public boolean contains(long run, long luminosityBlock) {
        if (run < 0 || run > 0xFFFFFFFFL || luminosityBlock < 0 || luminosityBlock > 0xFFFFFFFFL) {
            return false;
        }
        return containsKey(run << 32 | luminosityBlock);
    }

    private boolean containsKey(long key) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1; // last range with start <= key
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= key) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && key <= ends[found];
    }

    /**
     * Vectorised mask over arrays of NanoAOD {@code run} and {@code luminosityBlock} (both {@code
     * UInt_t}, read as Java {@code int} bit patterns and treated as unsigned).
     *
     * @param run per event
     * @param luminosityBlock per event
     * @param n number of events
     * @return a new array: true where the event is certified
     */
    public boolean[] apply(int[] run, int[] luminosityBlock, int n) {
        if (run.length < n || luminosityBlock.length < n) {
            throw new IllegalArgumentException("run and luminosityBlock need n=" + n + " entries, have " + run.length
                    + " and " + luminosityBlock.length);
        }
        boolean[] out = new boolean[n];
        long lastKeyRun = -1;
        boolean lastPass = false;
        long lastLumi = -1;
        for (int i = 0; i < n; i++) {
            long r = Integer.toUnsignedLong(run[i]);
            long l = Integer.toUnsignedLong(luminosityBlock[i]);
            // Events come in long stretches of one (run, lumi): reuse the previous answer.
            if (r == lastKeyRun && l == lastLumi) {
                out[i] = lastPass;
                continue;
            }
            lastPass = containsKey(r << 32 | l);
            lastKeyRun = r;
            lastLumi = l;
            out[i] = lastPass;
        }
        return out;
    }

    /**
     * Column form of {@link #apply(int[], int[], int)}; accepts {@code IntColumn} (signed or
     * unsigned) or {@code LongColumn} inputs.
     *
     * @param run the {@code run} column
     * @param luminosityBlock the {@code luminosityBlock} column, same length
     * @return the mask column
     */
    public BoolColumn apply(PrimitiveColumn run, PrimitiveColumn luminosityBlock) {
        if (run.length() != luminosityBlock.length()) {
            throw new IllegalArgumentException("run and luminosityBlock must have equal length: " + run.length()
                    + " != " + luminosityBlock.length());
        }
        int n = run.length();
        if (run instanceof IntColumn r && luminosityBlock instanceof IntColumn l && r.offset() == 0
                && l.offset() == 0) {
            return BoolColumn.of(apply(r.array(), l.array(), n));
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = contains(unsigned(run, i), unsigned(luminosityBlock, i));
        }
        return BoolColumn.of(out);
    }

    private static long unsigned(PrimitiveColumn c, int i) {
        if (c instanceof IntColumn ic) {
            return Integer.toUnsignedLong(ic.get(i));
        }
        if (c instanceof LongColumn lc) {
            return lc.get(i);
        }
        return c.getLong(i);
    }

    /** @return the number of runs in the file */
    public int runCount() {
        return runs;
    }

    /** @return the number of certified luminosity sections */
    public long lumiSectionCount() {
        long total = 0;
        for (int i = 0; i < starts.length; i++) {
            total += ends[i] - starts[i] + 1;
        }
        return total;
    }

    @Override
    public String toString() {
        return "LumiMask[" + source + " runs=" + runs + " ranges=" + starts.length + "]";
    }
}
