package org.crema.configs.internal.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node with its place in the source: maps keep key order and each key's own position, so
 * errors can point at a misspelled key as well as at a bad value.
 */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {

    /** @return 1-based line of the node's first character */
    int line();

    /** @return 1-based column of the node's first character */
    int column();

    /** @return what the node is, for messages: "a map", "a list", "a string" */
    String describe();

    /**
     * A key of a map with its position.
     *
     * @param key the key text
     * @param line 1-based line of the key
     * @param column 1-based column of the key
     * @param value the value
     */
    record Entry(String key, int line, int column, YNode value) {
    }

    /** A mapping; keys in source order. */
    record YMap(int line, int column, LinkedHashMap<String, Entry> entries) implements YNode {
        /** @return key → value in source order */
        public Map<String, Entry> map() {
            return entries;
        }

        /** @param key a key @return its value, or null */
        public YNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A sequence. */
    record YSeq(int line, int column, List<YNode> items) implements YNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar.
     *
     * @param line 1-based line
     * @param column 1-based column of the first character of the value (after an opening quote)
     * @param text the value's text; empty for null
     * @param quoted true when written in quotes (then always a string)
     * @param isNull true for {@code ~}, {@code null} or an empty value
     */
    record YScalar(int line, int column, String text, boolean quoted, boolean isNull) implements YNode {
        @Override
        public String describe() {
            return isNull ? "empty" : "'" + text + "'";
        }
    }
}
