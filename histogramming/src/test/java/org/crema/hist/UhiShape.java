package org.crema.hist;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An independent check of the UHI serialization shape (schema version 1), written from the
 * specification at https://uhi.readthedocs.io/en/latest/serialization.html and the typed
 * intermediate representation of scikit-hep/uhi (BSD-3-Clause): required and allowed keys of each
 * axis and storage type, value types, metadata values limited to strings/numbers/booleans, and
 * storage arrays nested one level per axis with the flow bins the axis declares. Returns the list
 * of violations (empty when the document conforms).
 */
final class UhiShape {
    private UhiShape() {}

    static List<String> check(JsonNode h) {
        List<String> errors = new ArrayList<>();
        allowed(h, "$", Set.of("uhi_schema", "axes", "storage", "metadata", "writer_info"), errors);
        if (!h.path("uhi_schema").isInt() || h.get("uhi_schema").asInt() != 1) {
            errors.add("$.uhi_schema must be the integer 1");
        }
        metadata(h, "$", errors);
        JsonNode axes = h.get("axes");
        List<Integer> extents = new ArrayList<>();
        if (axes == null || !axes.isArray()) {
            errors.add("$.axes must be an array");
        } else {
            for (int k = 0; k < axes.size(); k++) {
                extents.add(axis(axes.get(k), "$.axes[" + k + "]", errors));
            }
        }
        JsonNode st = h.get("storage");
        if (st == null || !st.isObject()) {
            errors.add("$.storage must be an object");
            return errors;
        }
        String type = st.path("type").asText();
        Set<String> arrays = switch (type) {
            case "int", "double" -> Set.of("values");
            case "weighted" -> Set.of("values", "variances");
            case "mean" -> Set.of("counts", "values", "variances");
            case "weighted_mean" -> Set.of("sum_of_weights", "sum_of_weights_squared", "values", "variances");
            default -> {
                errors.add("$.storage.type unknown: " + type);
                yield Set.of();
            }
        };
        Set<String> keys = new java.util.HashSet<>(arrays);
        keys.add("type");
        keys.add("index");
        allowed(st, "$.storage", keys, errors);
        for (String a : arrays) {
            if (st.has(a)) {
                nested(st.get(a), extents, 0, "$.storage." + a, type.equals("int"), errors);
            } else if (st.size() > 1) {
                errors.add("$.storage." + a + " is required for " + type + " storage with data");
            }
        }
        return errors;
    }

    private static int axis(JsonNode a, String p, List<String> errors) {
        String type = a.path("type").asText();
        metadata(a, p, errors);
        switch (type) {
            case "regular" -> {
                allowed(a, p, Set.of("type", "lower", "upper", "bins", "underflow", "overflow", "circular", "metadata",
                        "writer_info"), errors);
                required(a, p, errors, "lower", "upper", "bins", "underflow", "overflow", "circular");
                number(a, "lower", p, errors);
                number(a, "upper", p, errors);
                if (!a.path("bins").isInt() || a.get("bins").asInt() < 0) {
                    errors.add(p + ".bins must be an integer >= 0");
                }
                return a.path("bins").asInt() + flows(a, p, errors);
            }
            case "variable" -> {
                allowed(a, p, Set.of("type", "edges", "underflow", "overflow", "circular", "metadata", "writer_info"),
                        errors);
                required(a, p, errors, "edges", "underflow", "overflow", "circular");
                JsonNode e = a.path("edges");
                if (!e.isArray() || e.size() < 2) {
                    errors.add(p + ".edges must be an array of at least 2 numbers");
                    return 0;
                }
                for (int i = 0; i < e.size(); i++) {
                    if (!e.get(i).isNumber() || (i > 0 && !(e.get(i).asDouble() > e.get(i - 1).asDouble()))) {
                        errors.add(p + ".edges[" + i + "] must be a number above the previous edge");
                    }
                }
                return e.size() - 1 + flows(a, p, errors);
            }
            case "category_str", "category_int" -> {
                allowed(a, p, Set.of("type", "categories", "flow", "metadata", "writer_info"), errors);
                required(a, p, errors, "categories", "flow");
                JsonNode c = a.path("categories");
                Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < c.size(); i++) {
                    boolean ok = type.equals("category_str") ? c.get(i).isTextual() : c.get(i).isIntegralNumber();
                    if (!ok) {
                        errors.add(p + ".categories[" + i + "] has the wrong type for " + type);
                    }
                    if (!seen.add(c.get(i).asText())) {
                        errors.add(p + ".categories must be unique: " + c.get(i));
                    }
                }
                if (!a.path("flow").isBoolean()) {
                    errors.add(p + ".flow must be a boolean");
                }
                return c.size() + (a.path("flow").asBoolean() ? 1 : 0);
            }
            case "boolean" -> {
                allowed(a, p, Set.of("type", "metadata", "writer_info"), errors);
                return 2;
            }
            default -> {
                errors.add(p + ".type unknown: " + type);
                return 0;
            }
        }
    }

    private static int flows(JsonNode a, String p, List<String> errors) {
        for (String f : new String[] {"underflow", "overflow", "circular"}) {
            if (!a.path(f).isBoolean()) {
                errors.add(p + "." + f + " must be a boolean");
            }
        }
        return (a.path("underflow").asBoolean() ? 1 : 0) + (a.path("overflow").asBoolean() ? 1 : 0);
    }

    private static void metadata(JsonNode n, String p, List<String> errors) {
        JsonNode m = n.get("metadata");
        if (m != null) {
            if (!m.isObject()) {
                errors.add(p + ".metadata must be an object");
                return;
            }
            m.properties().forEach(e -> {
                if (!(e.getValue().isTextual() || e.getValue().isNumber() || e.getValue().isBoolean())) {
                    errors.add(p + ".metadata." + e.getKey() + " must be a string, number or boolean");
                }
            });
        }
        JsonNode w = n.get("writer_info");
        if (w != null) {
            w.properties().forEach(lib -> {
                if (!lib.getValue().isObject()) {
                    errors.add(p + ".writer_info." + lib.getKey() + " must be an object");
                } else {
                    lib.getValue().properties().forEach(e -> {
                        if (!(e.getValue().isTextual() || e.getValue().isNumber() || e.getValue().isBoolean())) {
                            errors.add(p + ".writer_info." + lib.getKey() + "." + e.getKey() + " must be scalar");
                        }
                    });
                }
            });
        }
    }

    private static void nested(JsonNode v, List<Integer> extents, int k, String p, boolean integers, List<String> errors) {
        if (k == extents.size()) {
            if (integers ? !v.isIntegralNumber() : !v.isNumber()) {
                errors.add(p + " must be " + (integers ? "an integer" : "a number") + ", got " + v);
            }
            return;
        }
        if (!v.isArray() || v.size() != extents.get(k)) {
            errors.add(p + " must be an array of " + extents.get(k) + " entries, got " + v.getNodeType()
                    + (v.isArray() ? " of " + v.size() : ""));
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            nested(v.get(i), extents, k + 1, p + "[" + i + "]", integers, errors);
        }
    }

    private static void allowed(JsonNode n, String p, Set<String> keys, List<String> errors) {
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!keys.contains(k)) {
                errors.add(p + " has unexpected key \"" + k + "\"");
            }
        }
    }

    private static void required(JsonNode n, String p, List<String> errors, String... keys) {
        for (String k : keys) {
            if (!n.has(k)) {
                errors.add(p + "." + k + " is required");
            }
        }
    }

    private static void number(JsonNode n, String k, String p, List<String> errors) {
        if (!n.path(k).isNumber()) {
            errors.add(p + "." + k + " must be a number");
        }
    }
}
