package org.crema.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Compares JSON trees: same keys, same array lengths, numbers equal as doubles (exactly). */
final class JsonCompare {
    private JsonCompare() {
    }

    /** @return the differences as "path: expected X, got Y" lines (empty when equal) */
    static List<String> diff(String path, JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff(path, expected, actual, out);
        return out;
    }

    private static void diff(String path, JsonNode e, JsonNode a, List<String> out) {
        if (out.size() > 20) {
            return;
        }
        if (e == null || a == null || e.isNull() || a.isNull()) {
            boolean en = e == null || e.isNull();
            boolean an = a == null || a.isNull();
            if (en != an) {
                out.add(path + ": expected " + e + ", got " + a);
            }
            return;
        }
        if (e.isNumber() && a.isNumber()) {
            if (Double.doubleToLongBits(e.doubleValue()) != Double.doubleToLongBits(a.doubleValue())
                    && !(e.doubleValue() == 0 && a.doubleValue() == 0)) {
                out.add(path + ": expected " + e + ", got " + a);
            }
            return;
        }
        if (e.isObject() && a.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            e.fieldNames().forEachRemaining(keys::add);
            a.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (!e.has(k) || !a.has(k)) {
                    out.add(path + "." + k + ": present only in " + (e.has(k) ? "reference" : "crema"));
                } else {
                    diff(path + "." + k, e.get(k), a.get(k), out);
                }
            }
            return;
        }
        if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                out.add(path + ": expected " + e.size() + " elements " + e + ", got " + a.size() + " " + a);
                return;
            }
            Iterator<JsonNode> ie = e.elements();
            Iterator<JsonNode> ia = a.elements();
            int i = 0;
            while (ie.hasNext()) {
                diff(path + "[" + i++ + "]", ie.next(), ia.next(), out);
            }
            return;
        }
        if (!e.equals(a)) {
            out.add(path + ": expected " + e + ", got " + a);
        }
    }
}
