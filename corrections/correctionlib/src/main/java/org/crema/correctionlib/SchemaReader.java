package org.crema.correctionlib;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.crema.correctionlib.internal.Axis;
import org.crema.correctionlib.internal.BinningNode;
import org.crema.correctionlib.internal.ConstNode;
import org.crema.correctionlib.internal.Expr;
import org.crema.correctionlib.internal.Flow;
import org.crema.correctionlib.internal.FormulaNode;
import org.crema.correctionlib.internal.FormulaParser;
import org.crema.correctionlib.internal.HashPrngNode;
import org.crema.correctionlib.internal.IntCategoryNode;
import org.crema.correctionlib.internal.MultiBinningNode;
import org.crema.correctionlib.internal.Node;
import org.crema.correctionlib.internal.StringCategoryNode;
import org.crema.correctionlib.internal.TransformNode;

/**
 * Reads a schema-v2 document, validates it and compiles every correction. Errors carry the JSON
 * path of the offending element.
 */
final class SchemaReader {
    // Official POG files write bare Infinity / -Infinity / NaN tokens, which strict JSON forbids.
    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactory())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final String source;

    private SchemaReader(String source) {
        this.source = source;
    }

    /** Reads a document from {@code in}, gunzipping when it starts with the gzip magic bytes. */
    static CorrectionSet read(InputStream in, String source) {
        JsonNode doc;
        try {
            BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
            b.mark(2);
            int m0 = b.read();
            int m1 = b.read();
            b.reset();
            InputStream body = m0 == 0x1f && m1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16) : b;
            doc = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new CorrectionSchemaException(source, "JSON parse error" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CorrectionSchemaException(source, "cannot read: " + e.getMessage(), e);
        }
        if (doc == null || doc.isMissingNode()) {
            throw new CorrectionSchemaException(source, "", "empty document");
        }
        return new SchemaReader(source).document(doc);
    }

    private CorrectionSchemaException error(String path, String problem) {
        return new CorrectionSchemaException(source, path, problem);
    }

    private static String kindOf(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "string \"" + n.asText() + "\"";
        }
        if (n.isNumber()) {
            return "number " + n.asText();
        }
        if (n.isBoolean()) {
            return "boolean " + n.asText();
        }
        return n.isArray() ? "an array" : "an object";
    }

    private JsonNode field(JsonNode obj, String name, String path) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            throw error(path, "required field '" + name + "' is missing");
        }
        return v;
    }

    private static JsonNode optional(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private String string(JsonNode obj, String name, String path) {
        JsonNode v = field(obj, name, path);
        if (!v.isTextual()) {
            throw error(join(path, name), "must be a string, got " + kindOf(v));
        }
        return v.asText();
    }

    private String optionalString(JsonNode obj, String name, String path) {
        JsonNode v = optional(obj, name);
        if (v == null) {
            return "";
        }
        if (!v.isTextual()) {
            throw error(join(path, name), "must be a string, got " + kindOf(v));
        }
        return v.asText();
    }

    private long integer(JsonNode v, String path) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        // Lenient: 2.0 where an integer is meant.
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 0x1p53) {
            return (long) v.asDouble();
        }
        throw error(path, "must be an integer, got " + kindOf(v));
    }

    private double number(JsonNode v, String path) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        throw error(path, "must be a number, got " + kindOf(v));
    }

    private JsonNode array(JsonNode obj, String name, String path) {
        JsonNode v = field(obj, name, path);
        if (!v.isArray()) {
            throw error(join(path, name), "must be an array, got " + kindOf(v));
        }
        return v;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private CorrectionSet document(JsonNode doc) {
        if (!doc.isObject()) {
            throw error("", "the document must be a JSON object, got " + kindOf(doc));
        }
        JsonNode version = doc.get("schema_version");
        if (version == null || version.isNull()) {
            throw error("", "required field 'schema_version' is missing");
        }
        if (!version.isIntegralNumber() || version.asInt() != 2) {
            throw error("schema_version", "must be 2 (schema versions are neither forward nor backward compatible), got "
                    + kindOf(version));
        }
        String description = optionalString(doc, "description", "");
        JsonNode corrs = array(doc, "corrections", "");
        Map<String, Correction> corrections = new LinkedHashMap<>();
        Map<String, String> firstPath = new HashMap<>();
        for (int k = 0; k < corrs.size(); k++) {
            String path = "corrections[" + k + "]";
            Correction c = correction(corrs.get(k), path);
            if (corrections.containsKey(c.name())) {
                throw error(path + ".name", "duplicate correction name '" + c.name() + "' (also " + firstPath.get(c.name()) + ")");
            }
            corrections.put(c.name(), c);
            firstPath.put(c.name(), path);
        }
        Map<String, CompoundCorrection> compounds = new LinkedHashMap<>();
        JsonNode comps = optional(doc, "compound_corrections");
        if (comps != null) {
            if (!comps.isArray()) {
                throw error("compound_corrections", "must be an array, got " + kindOf(comps));
            }
            for (int k = 0; k < comps.size(); k++) {
                String path = "compound_corrections[" + k + "]";
                CompoundCorrection c = compound(comps.get(k), path, corrections);
                if (compounds.containsKey(c.name())) {
                    throw error(path + ".name", "duplicate compound correction name '" + c.name() + "'");
                }
                compounds.put(c.name(), c);
            }
        }
        return new CorrectionSet(source, description, corrections, compounds);
    }

    private Variable variable(JsonNode v, String path) {
        if (!v.isObject()) {
            throw error(path, "must be an object with name and type, got " + kindOf(v));
        }
        String name = string(v, "name", path);
        String type = string(v, "type", path);
        VariableType t = VariableType.fromJson(type);
        if (t == null) {
            throw error(path + ".type", "must be \"real\", \"int\" or \"string\", got \"" + type + "\"");
        }
        return new Variable(name, t, optionalString(v, "description", path));
    }

    private List<Variable> variables(JsonNode obj, String path) {
        JsonNode arr = array(obj, "inputs", path);
        List<Variable> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < arr.size(); k++) {
            Variable v = variable(arr.get(k), path + ".inputs[" + k + "]");
            if (!seen.add(v.name())) {
                throw error(path + ".inputs[" + k + "].name", "duplicate input name '" + v.name() + "'");
            }
            out.add(v);
        }
        return out;
    }

    private Variable output(JsonNode obj, String path) {
        Variable out = variable(field(obj, "output", path), path + ".output");
        if (out.type() != VariableType.REAL) {
            throw error(path + ".output.type", "must be \"real\", got \"" + out.type() + "\"");
        }
        return out;
    }

    /** Per-correction context: its inputs and generic formulas. */
    private record Context(List<Variable> inputs, List<Expr> generic, List<Integer> genericMaxParam) {
        int slot(String name) {
            for (int k = 0; k < inputs.size(); k++) {
                if (inputs.get(k).name().equals(name)) {
                    return k;
                }
            }
            return -1;
        }

        String names() {
            List<String> n = new ArrayList<>();
            for (Variable v : inputs) {
                n.add(v.name());
            }
            return n.toString();
        }
    }

    private Correction correction(JsonNode c, String path) {
        if (!c.isObject()) {
            throw error(path, "must be an object, got " + kindOf(c));
        }
        String name = string(c, "name", path);
        String description = optionalString(c, "description", path);
        long version = integer(field(c, "version", path), path + ".version");
        if (version != (int) version) {
            throw error(path + ".version", "must fit in a 32-bit integer, got " + version);
        }
        List<Variable> inputs = variables(c, path);
        Variable output = output(c, path);
        Context ctx = new Context(inputs, new ArrayList<>(), new ArrayList<>());
        JsonNode generic = optional(c, "generic_formulas");
        if (generic != null) {
            if (!generic.isArray()) {
                throw error(path + ".generic_formulas", "must be an array, got " + kindOf(generic));
            }
            for (int k = 0; k < generic.size(); k++) {
                String gp = path + ".generic_formulas[" + k + "]";
                JsonNode g = generic.get(k);
                if (!g.isObject()) {
                    throw error(gp, "must be a formula object, got " + kindOf(g));
                }
                Expr e = parseFormula(g, gp, ctx);
                ctx.generic.add(e);
                ctx.genericMaxParam.add(FormulaParser.maxParameter(e));
            }
        }
        Node root = content(field(c, "data", path), path + ".data", ctx);
        return new Correction(name, description, (int) version, inputs, output, root);
    }

    private int inputSlot(JsonNode node, String field, String path, Context ctx, boolean allowReal, boolean allowInt,
            boolean allowString) {
        JsonNode v = field(node, field, path);
        return resolveInput(v, join(path, field), ctx, allowReal, allowInt, allowString);
    }

    private int resolveInput(JsonNode v, String path, Context ctx, boolean allowReal, boolean allowInt, boolean allowString) {
        if (!v.isTextual()) {
            throw error(path, "must be an input name, got " + kindOf(v));
        }
        int slot = ctx.slot(v.asText());
        if (slot < 0) {
            throw error(path, "'" + v.asText() + "' is not an input of this correction; inputs are " + ctx.names());
        }
        VariableType t = ctx.inputs.get(slot).type();
        boolean ok = t == VariableType.REAL ? allowReal : t == VariableType.INT ? allowInt : allowString;
        if (!ok) {
            List<String> allowed = new ArrayList<>();
            if (allowReal) {
                allowed.add("real");
            }
            if (allowInt) {
                allowed.add("int");
            }
            if (allowString) {
                allowed.add("string");
            }
            throw error(path, "input '" + v.asText() + "' is " + t + ", but this node needs " + String.join(" or ", allowed));
        }
        return slot;
    }

    private Node content(JsonNode n, String path, Context ctx) {
        if (n.isNumber()) {
            return new ConstNode(n.asDouble());
        }
        if (!n.isObject() || n.get("nodetype") == null) {
            throw error(path, "content must be a number or an object with a nodetype, got " + kindOf(n));
        }
        String type = string(n, "nodetype", path);
        return switch (type) {
            case "binning" -> binning(n, path, ctx);
            case "multibinning" -> multibinning(n, path, ctx);
            case "category" -> category(n, path, ctx);
            case "formula" -> formula(n, path, ctx);
            case "formularef" -> formulaRef(n, path, ctx);
            case "transform" -> transform(n, path, ctx);
            case "hashprng" -> hashprng(n, path, ctx);
            default -> throw error(path + ".nodetype", "unsupported nodetype \"" + type
                    + "\"; supported: binning, multibinning, category, formula, formularef, transform, hashprng");
        };
    }

    private Axis axis(JsonNode e, String path, boolean wrap) {
        if (e.isObject()) {
            long nb = integer(field(e, "n", path), path + ".n");
            double low = number(field(e, "low", path), path + ".low");
            double high = number(field(e, "high", path), path + ".high");
            if (nb <= 0 || nb > Integer.MAX_VALUE) {
                throw error(path + ".n", "must be a positive number of bins, got " + nb);
            }
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw error(path, "uniform binning needs finite low < high, got low = " + low + ", high = " + high);
            }
            return Axis.uniform((int) nb, low, high, wrap);
        }
        if (!e.isArray()) {
            throw error(path, "must be a list of edges or a uniform binning {n, low, high}, got " + kindOf(e));
        }
        if (e.size() < 2) {
            throw error(path, "needs at least 2 edges, got " + e.size());
        }
        double[] edges = new double[e.size()];
        for (int k = 0; k < edges.length; k++) {
            JsonNode x = e.get(k);
            String p = path + "[" + k + "]";
            if (x.isTextual()) {
                edges[k] = switch (x.asText()) {
                    case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    default -> throw error(p, "an edge string must be \"inf\", \"+inf\" or \"-inf\", got \"" + x.asText() + "\"");
                };
            } else {
                edges[k] = number(x, p);
            }
            if (Double.isNaN(edges[k])) {
                throw error(p, "an edge must not be NaN");
            }
            if (k > 0 && !(edges[k] > edges[k - 1])) {
                throw error(path, "must be increasing: edges[" + k + "] = " + edges[k] + " <= edges[" + (k - 1) + "] = " + edges[k - 1]);
            }
        }
        if (wrap && !(Double.isFinite(edges[0]) && Double.isFinite(edges[edges.length - 1]))) {
            throw error(path, "flow \"wrap\" needs finite first and last edges, got " + edges[0] + " and " + edges[edges.length - 1]);
        }
        return Axis.ofEdges(edges, wrap);
    }

    private record FlowSpec(Flow flow, Node node) {
    }

    private FlowSpec flow(JsonNode n, String path, Context ctx) {
        JsonNode f = field(n, "flow", path);
        if (f.isTextual()) {
            return switch (f.asText()) {
                case "clamp" -> new FlowSpec(Flow.CLAMP, null);
                case "error" -> new FlowSpec(Flow.ERROR, null);
                case "wrap" -> new FlowSpec(Flow.WRAP, null);
                default -> throw error(path + ".flow", "must be \"clamp\", \"error\", \"wrap\" or a content node, got \"" + f.asText() + "\"");
            };
        }
        return new FlowSpec(Flow.NODE, content(f, path + ".flow", ctx));
    }

    private Node[] contents(JsonNode n, String path, Context ctx, int expected, String what) {
        JsonNode arr = array(n, "content", path);
        if (arr.size() != expected) {
            throw error(path + ".content", "must have " + expected + " entries (" + what + "), got " + arr.size());
        }
        Node[] out = new Node[expected];
        for (int k = 0; k < expected; k++) {
            out[k] = content(arr.get(k), path + ".content[" + k + "]", ctx);
        }
        return out;
    }

    private Node binning(JsonNode n, String path, Context ctx) {
        int slot = inputSlot(n, "input", path, ctx, true, true, false);
        FlowSpec flow = flow(n, path, ctx);
        Axis axis = axis(field(n, "edges", path), path + ".edges", flow.flow == Flow.WRAP);
        Node[] content = contents(n, path, ctx, axis.nbins(), "one per bin");
        return new BinningNode(slot, axis, content, flow.flow, flow.node);
    }

    private Node multibinning(JsonNode n, String path, Context ctx) {
        JsonNode ins = array(n, "inputs", path);
        JsonNode edges = array(n, "edges", path);
        if (ins.isEmpty()) {
            throw error(path + ".inputs", "needs at least one input");
        }
        if (edges.size() != ins.size()) {
            throw error(path + ".edges", "must have one entry per input (" + ins.size() + "), got " + edges.size());
        }
        FlowSpec flow = flow(n, path, ctx);
        int[] slots = new int[ins.size()];
        Axis[] axes = new Axis[ins.size()];
        long total = 1;
        for (int k = 0; k < slots.length; k++) {
            slots[k] = resolveInput(ins.get(k), path + ".inputs[" + k + "]", ctx, true, true, false);
            axes[k] = axis(edges.get(k), path + ".edges[" + k + "]", flow.flow == Flow.WRAP);
            total *= axes[k].nbins();
            if (total > Integer.MAX_VALUE) {
                throw error(path + ".edges", "too many bins: " + total);
            }
        }
        Node[] content = contents(n, path, ctx, (int) total, "the product of the bin counts, row-major");
        return new MultiBinningNode(slots, axes, content, flow.flow, flow.node);
    }

    private Node category(JsonNode n, String path, Context ctx) {
        int slot = inputSlot(n, "input", path, ctx, false, true, true);
        boolean isString = ctx.inputs.get(slot).type() == VariableType.STRING;
        JsonNode arr = array(n, "content", path);
        JsonNode def = optional(n, "default");
        Node fallback = def == null ? null : content(def, path + ".default", ctx);
        if (isString) {
            LinkedHashMap<String, Node> table = new LinkedHashMap<>();
            for (int k = 0; k < arr.size(); k++) {
                String p = path + ".content[" + k + "]";
                JsonNode item = arr.get(k);
                if (!item.isObject()) {
                    throw error(p, "must be an object {key, value}, got " + kindOf(item));
                }
                JsonNode key = field(item, "key", p);
                if (!key.isTextual()) {
                    throw error(p + ".key", "must be a string (the input '" + ctx.inputs.get(slot).name() + "' is a string), got " + kindOf(key));
                }
                if (table.containsKey(key.asText())) {
                    throw error(p + ".key", "duplicate key \"" + key.asText() + "\"");
                }
                table.put(key.asText(), content(field(item, "value", p), p + ".value", ctx));
            }
            return new StringCategoryNode(slot, table, fallback);
        }
        long[] keys = new long[arr.size()];
        Node[] values = new Node[arr.size()];
        Set<Long> seen = new HashSet<>();
        for (int k = 0; k < arr.size(); k++) {
            String p = path + ".content[" + k + "]";
            JsonNode item = arr.get(k);
            if (!item.isObject()) {
                throw error(p, "must be an object {key, value}, got " + kindOf(item));
            }
            JsonNode key = field(item, "key", p);
            if (!key.isIntegralNumber() || !key.canConvertToLong()) {
                throw error(p + ".key", "must be an integer (the input '" + ctx.inputs.get(slot).name() + "' is an int), got " + kindOf(key));
            }
            keys[k] = key.asLong();
            if (!seen.add(keys[k])) {
                throw error(p + ".key", "duplicate key " + keys[k]);
            }
            values[k] = content(field(item, "value", p), p + ".value", ctx);
        }
        return new IntCategoryNode(slot, keys, values, fallback);
    }

    private Expr parseFormula(JsonNode n, String path, Context ctx) {
        String expression = string(n, "expression", path);
        String parser = string(n, "parser", path);
        if (!parser.equals("TFormula")) {
            throw error(path + ".parser", "only \"TFormula\" is supported, got \"" + parser + "\"");
        }
        JsonNode vars = array(n, "variables", path);
        int[] slots = new int[vars.size()];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = resolveInput(vars.get(k), path + ".variables[" + k + "]", ctx, true, false, false);
        }
        try {
            return FormulaParser.parse(expression, slots);
        } catch (FormulaParser.SyntaxError e) {
            throw error(path + ".expression", "cannot parse \"" + expression + "\" at position " + e.position + ": " + e.getMessage());
        }
    }

    private double[] parameters(JsonNode n, String path, boolean required) {
        JsonNode p = required ? array(n, "parameters", path) : optional(n, "parameters");
        if (p == null) {
            return new double[0];
        }
        if (!p.isArray()) {
            throw error(path + ".parameters", "must be an array of numbers, got " + kindOf(p));
        }
        double[] out = new double[p.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = number(p.get(k), path + ".parameters[" + k + "]");
        }
        return out;
    }

    private static Node compiled(Expr bound) {
        FormulaNode f = new FormulaNode(bound);
        // A formula without variables (e.g. the constant residual "1") becomes a constant leaf, so the
        // binning above it can use its whole-chunk form.
        return f.folded() ? new ConstNode(f.foldedValue()) : f;
    }

    private Node formula(JsonNode n, String path, Context ctx) {
        Expr e = parseFormula(n, path, ctx);
        double[] params = parameters(n, path, false);
        int max = FormulaParser.maxParameter(e);
        if (max >= params.length) {
            throw error(path + ".parameters", "insufficient parameters: the expression uses [" + max + "], but "
                    + params.length + " parameters are given");
        }
        return compiled(FormulaParser.bind(e, params));
    }

    private Node formulaRef(JsonNode n, String path, Context ctx) {
        long index = integer(field(n, "index", path), path + ".index");
        if (index < 0 || index >= ctx.generic.size()) {
            throw error(path + ".index", "must refer to one of the " + ctx.generic.size() + " generic formulas, got " + index);
        }
        double[] params = parameters(n, path, true);
        int max = ctx.genericMaxParam.get((int) index);
        if (max >= params.length) {
            throw error(path + ".parameters", "insufficient parameters: generic formula " + index + " uses [" + max + "], but "
                    + params.length + " parameters are given");
        }
        return compiled(FormulaParser.bind(ctx.generic.get((int) index), params));
    }

    private Node transform(JsonNode n, String path, Context ctx) {
        int slot = inputSlot(n, "input", path, ctx, true, true, false);
        Node rule = content(field(n, "rule", path), path + ".rule", ctx);
        Node content = content(field(n, "content", path), path + ".content", ctx);
        return new TransformNode(slot, ctx.inputs.get(slot).type() == VariableType.INT, rule, content);
    }

    private Node hashprng(JsonNode n, String path, Context ctx) {
        JsonNode ins = array(n, "inputs", path);
        if (ins.isEmpty()) {
            throw error(path + ".inputs", "needs at least one input");
        }
        int[] slots = new int[ins.size()];
        boolean[] isInt = new boolean[ins.size()];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = resolveInput(ins.get(k), path + ".inputs[" + k + "]", ctx, true, true, false);
            isInt[k] = ctx.inputs.get(slots[k]).type() == VariableType.INT;
        }
        String d = string(n, "distribution", path);
        HashPrngNode.Distribution dist = switch (d) {
            case "stdflat" -> HashPrngNode.Distribution.STDFLAT;
            case "normal" -> HashPrngNode.Distribution.NORMAL;
            case "stdnormal" -> throw error(path + ".distribution", "\"stdnormal\" is implementation-defined in the reference"
                    + " (its values differ between platforms) and is not supported; use \"normal\"");
            default -> throw error(path + ".distribution", "must be \"stdflat\" or \"normal\", got \"" + d + "\"");
        };
        return new HashPrngNode(slots, isInt, dist);
    }

    private CompoundCorrection compound(JsonNode c, String path, Map<String, Correction> corrections) {
        if (!c.isObject()) {
            throw error(path, "must be an object, got " + kindOf(c));
        }
        String name = string(c, "name", path);
        String description = optionalString(c, "description", path);
        List<Variable> inputs = variables(c, path);
        Variable output = output(c, path);
        Map<String, Variable> byName = new HashMap<>();
        for (Variable v : inputs) {
            byName.put(v.name(), v);
        }
        JsonNode upd = array(c, "inputs_update", path);
        List<String> update = new ArrayList<>();
        for (int k = 0; k < upd.size(); k++) {
            String p = path + ".inputs_update[" + k + "]";
            JsonNode u = upd.get(k);
            if (!u.isTextual() || !byName.containsKey(u.asText())) {
                throw error(p, "must name an input of the compound correction, got " + kindOf(u));
            }
            if (byName.get(u.asText()).type() != VariableType.REAL) {
                throw error(p, "input '" + u.asText() + "' is " + byName.get(u.asText()).type() + ", only real inputs can be updated");
            }
            update.add(u.asText());
        }
        String in = string(c, "input_op", path);
        CompoundCorrection.Op inputOp = CompoundCorrection.Op.fromJson(in);
        if (inputOp == null || inputOp == CompoundCorrection.Op.LAST) {
            throw error(path + ".input_op", "must be \"+\", \"*\" or \"/\", got \"" + in + "\"");
        }
        String out = string(c, "output_op", path);
        CompoundCorrection.Op outputOp = CompoundCorrection.Op.fromJson(out);
        if (outputOp == null) {
            throw error(path + ".output_op", "must be \"+\", \"*\", \"/\" or \"last\", got \"" + out + "\"");
        }
        JsonNode st = array(c, "stack", path);
        if (st.isEmpty()) {
            throw error(path + ".stack", "needs at least one correction");
        }
        List<Correction> stack = new ArrayList<>();
        for (int k = 0; k < st.size(); k++) {
            String p = path + ".stack[" + k + "]";
            JsonNode s = st.get(k);
            Correction corr = s.isTextual() ? corrections.get(s.asText()) : null;
            if (corr == null) {
                throw error(p, "must name a correction of this set, got " + kindOf(s));
            }
            for (Variable v : corr.inputs()) {
                Variable mine = byName.get(v.name());
                if (mine == null || mine.type() != v.type()) {
                    throw error(p, "correction '" + corr.name() + "' needs input " + v + ", which the compound's inputs "
                            + inputs + " do not provide");
                }
            }
            stack.add(corr);
        }
        return new CompoundCorrection(name, description, inputs, output, stack, update, inputOp, outputOp);
    }
}
