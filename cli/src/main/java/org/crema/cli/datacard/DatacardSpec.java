package org.crema.cli.datacard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Combine datacard is made of, as read from a small YAML file:
 *
 * <pre>{@code
 * observable: dimuonMass            # the histogram to fit
 * channels: [baseline, zWindow]     # categories; default: every category
 * processes:
 *   DY:     {signal: true, datasets: [DYJetsToLL_M50_2018]}
 *   ttbar:  {datasets: [TTTo2L2Nu_2018]}
 * data: {datasets: [DoubleMuon_2018]}   # or: data: asimov (sum of all processes)
 * systematics:
 *   lumi:   {type: lnN, value: 1.025}              # every process
 *   dyXsec: {type: lnN, processes: {DY: 0.95/1.05}} # asymmetric, one process
 *   muonSF: {type: shape}                          # variations muonSFUp / muonSFDown
 *   jetScale: {type: shape, up: pt_scale_up, symmetrize: true}   # one-sided, mirrored
 * autoMCStats: {threshold: 10, includeSignal: 0, histMode: 1}
 * rateParams:
 *   - {name: SF_ttbar, process: ttbar, channel: "*", value: 1.0, range: [0, 5]}
 * negativeBins: keep                # or zero
 * }</pre>
 *
 * @param observable histogram name
 * @param channels categories to use (empty: all)
 * @param processes process name → its definition, in card order
 * @param dataDatasets datasets summed into data_obs; empty means Asimov data
 * @param systematics the nuisances, in card order
 * @param autoMCStats the autoMCStats line, or null for none
 * @param rateParams rateParam lines
 * @param zeroNegativeBins set negative bin contents to zero (default: keep them)
 */
public record DatacardSpec(String observable, List<String> channels, Map<String, Process> processes,
        List<String> dataDatasets, List<Systematic> systematics, AutoMCStats autoMCStats, List<RateParam> rateParams,
        boolean zeroNegativeBins) {

    /** @param signal signal process (id ≤ 0) @param datasets datasets summed into it */
    public record Process(boolean signal, List<String> datasets) {
    }

    /**
     * @param name nuisance name (for shape: the variation stem, {@code <name>Up/Down})
     * @param type {@code lnN} or {@code shape}
     * @param value lnN value for every process ("1.025" or "0.95/1.05"), or null
     * @param perProcess lnN value per process, or the processes a shape applies to (value "1")
     * @param up shape: the variation used as the up shift (default {@code <name>Up})
     * @param down shape: the variation used as the down shift (default {@code <name>Down})
     * @param symmetrize shape: where a process has only one of the two, mirror it around the nominal
     *     (missing = 2·nominal − present) instead of failing
     */
    public record Systematic(String name, String type, String value, Map<String, String> perProcess, String up,
            String down, boolean symmetrize) {
        /** An lnN systematic, or a shape with the default variation names. */
        public Systematic(String name, String type, String value, Map<String, String> perProcess) {
            this(name, type, value, perProcess, name + "Up", name + "Down", false);
        }
    }

    private static final List<String> SYSTEMATIC_KEYS = List.of("type", "value", "processes", "up", "down",
            "symmetrize");

    /** @param threshold event threshold @param includeSignal 0 or 1 @param histMode 1 */
    public record AutoMCStats(double threshold, int includeSignal, int histMode) {
    }

    /**
     * @param name parameter name
     * @param channel channel or {@code *}
     * @param process process or {@code *}
     * @param value initial value
     * @param low range low
     * @param high range high
     */
    public record RateParam(String name, String channel, String process, double value, double low, double high) {
    }

    private static final Set<String> TOP = Set.of("observable", "channels", "processes", "data", "systematics",
            "autoMCStats", "rateParams", "negativeBins");

    /**
     * @param file the YAML file
     * @return the spec
     * @throws IllegalArgumentException naming the file and the key when something is missing or wrong
     */
    public static DatacardSpec read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read datacard description " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a YAML mapping with keys " + TOP);
        }
        String where = file.toString();
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "'; allowed: " + new java.util.TreeSet<>(TOP));
            }
        }
        String observable = text(root, "observable", where);
        List<String> channels = strings(root.get("channels"), where + ": channels");
        JsonNode procs = root.get("processes");
        if (procs == null || !procs.isObject() || procs.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'processes' must map each process name to {signal, datasets}");
        }
        Map<String, Process> processes = new LinkedHashMap<>();
        procs.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            List<String> ds = strings(p.get("datasets"), where + ": processes." + e.getKey() + ".datasets");
            if (ds.isEmpty()) {
                throw new IllegalArgumentException(where + ": process '" + e.getKey() + "' needs datasets: [...]");
            }
            processes.put(e.getKey(), new Process(p.path("signal").asBoolean(false), ds));
        });
        if (processes.values().stream().noneMatch(Process::signal)) {
            throw new IllegalArgumentException(where + ": no signal process; mark one with 'signal: true'");
        }
        List<String> data = List.of();
        JsonNode d = root.get("data");
        if (d != null && !(d.isTextual() && d.asText().equals("asimov"))) {
            data = strings(d.get("datasets"), where + ": data.datasets");
        }
        List<Systematic> systs = new ArrayList<>();
        JsonNode sys = root.get("systematics");
        if (sys != null) {
            sys.fields().forEachRemaining(e -> {
                JsonNode s = e.getValue();
                s.fieldNames().forEachRemaining(k -> {
                    if (!SYSTEMATIC_KEYS.contains(k)) {
                        throw new IllegalArgumentException(where + ": systematics." + e.getKey() + ": unknown key '" + k
                                + "'; expected one of " + SYSTEMATIC_KEYS);
                    }
                });
                String type = s.path("type").asText("");
                if (!type.equals("lnN") && !type.equals("shape")) {
                    throw new IllegalArgumentException(where + ": systematics." + e.getKey()
                            + ".type must be lnN or shape, got '" + type + "'");
                }
                Map<String, String> per = new LinkedHashMap<>();
                JsonNode ps = s.get("processes");
                if (ps != null && ps.isObject()) {
                    ps.fields().forEachRemaining(pe -> per.put(pe.getKey(), pe.getValue().asText()));
                } else if (ps != null) {
                    strings(ps, where + ": systematics." + e.getKey() + ".processes").forEach(p -> per.put(p, "1"));
                }
                for (String p : per.keySet()) {
                    if (!processes.containsKey(p)) {
                        throw new IllegalArgumentException(where + ": systematics." + e.getKey()
                                + " names unknown process '" + p + "'; processes: " + processes.keySet());
                    }
                }
                String value = s.has("value") ? s.get("value").asText() : null;
                if (type.equals("lnN") && value == null && per.isEmpty()) {
                    throw new IllegalArgumentException(where + ": lnN systematic '" + e.getKey()
                            + "' needs 'value' or 'processes: {name: value}'");
                }
                if (type.equals("lnN") && (s.has("up") || s.has("down") || s.has("symmetrize"))) {
                    throw new IllegalArgumentException(where + ": systematics." + e.getKey()
                            + ": up, down and symmetrize belong to shape systematics, not lnN");
                }
                systs.add(new Systematic(e.getKey(), type, value, per, s.path("up").asText(e.getKey() + "Up"),
                        s.path("down").asText(e.getKey() + "Down"), s.path("symmetrize").asBoolean(false)));
            });
        }
        AutoMCStats mc = null;
        JsonNode a = root.get("autoMCStats");
        if (a != null && !(a.isBoolean() && !a.asBoolean())) {
            mc = new AutoMCStats(a.path("threshold").asDouble(10), a.path("includeSignal").asInt(0),
                    a.path("histMode").asInt(1));
        }
        List<RateParam> rps = new ArrayList<>();
        JsonNode r = root.get("rateParams");
        if (r != null) {
            for (JsonNode rp : r) {
                JsonNode range = rp.path("range");
                rps.add(new RateParam(text(rp, "name", where + ": rateParams"), rp.path("channel").asText("*"),
                        text(rp, "process", where + ": rateParams"), rp.path("value").asDouble(1.0),
                        range.size() == 2 ? range.get(0).asDouble() : 0, range.size() == 2 ? range.get(1).asDouble() : 5));
            }
        }
        String neg = root.path("negativeBins").asText("keep");
        if (!neg.equals("keep") && !neg.equals("zero")) {
            throw new IllegalArgumentException(where + ": negativeBins must be keep or zero, got '" + neg + "'");
        }
        return new DatacardSpec(observable, channels, processes, data, systs, mc, rps, neg.equals("zero"));
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isValueNode() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(where + ": missing '" + key + "'");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n, String where) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(where + " must be a list of names");
        }
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
