package org.crema.configs.internal.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Builds a {@link YNode} tree with source positions from Jackson's YAML token stream. Jackson's own
 * tree model drops positions, and every configuration error must point at its line and column.
 */
public final class YamlTree {
    private final Source source;
    private final JsonParser parser;

    private YamlTree(Source source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /**
     * Parses one YAML document.
     *
     * @param source the text
     * @return the root node (an empty map for an empty document)
     * @throws YamlSyntaxException with line and column when the text is not YAML, or when a map
     *     repeats a key
     */
    public static YNode parse(Source source) {
        try (JsonParser p = YAMLFactory.builder().build().createParser(source.text())) {
            YamlTree t = new YamlTree(source, p);
            JsonToken tok = p.nextToken();
            if (tok == null) {
                return new YNode.YMap(1, 1, new LinkedHashMap<>());
            }
            return t.node(tok);
        } catch (YamlSyntaxException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            throw new YamlSyntaxException(line, col, "not valid YAML: " + firstLine(msg));
        } catch (IOException e) {
            throw new YamlSyntaxException(1, 1, "cannot read YAML: " + e.getMessage());
        }
    }

    /** SnakeYAML's message without its own location lines: "while parsing X: expected Y". */
    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sb.append(sb.isEmpty() ? "" : ": ").append(line.strip());
            }
        }
        return sb.toString();
    }

    private YNode node(JsonToken tok) throws IOException {
        JsonLocation loc = parser.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        switch (tok) {
            case START_OBJECT -> {
                LinkedHashMap<String, YNode.Entry> entries = new LinkedHashMap<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = parser.currentTokenLocation();
                    String key = parser.currentName();
                    YNode value = node(parser.nextToken());
                    if (entries.containsKey(key)) {
                        throw new YamlSyntaxException(kl.getLineNr(), kl.getColumnNr(), "key '" + key
                                + "' is repeated (first at line " + entries.get(key).line() + ")");
                    }
                    entries.put(key, new YNode.Entry(key, kl.getLineNr(), kl.getColumnNr(), value));
                }
                if (entries.isEmpty()) {
                    // "{}" starts at the brace; a block map at its first key.
                    return new YNode.YMap(line, col, entries);
                }
                YNode.Entry first = entries.values().iterator().next();
                boolean flow = source.line(line).length() >= col && source.line(line).charAt(col - 1) == '{';
                return flow ? new YNode.YMap(line, col, entries) : new YNode.YMap(first.line(), first.column(), entries);
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(t));
                }
                return new YNode.YSeq(line, col, items);
            }
            case VALUE_NULL -> {
                return new YNode.YScalar(line, col, "", false, true);
            }
            default -> {
                String text = parser.getText();
                String src = source.line(line);
                boolean quoted = col - 1 < src.length() && (src.charAt(col - 1) == '"' || src.charAt(col - 1) == '\'');
                if (quoted) {
                    col++;
                }
                return new YNode.YScalar(line, col, text, quoted, false);
            }
        }
    }
}
