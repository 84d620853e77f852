package org.crema.configs.internal.yaml;

import java.util.List;

/**
 * The text of a configuration file, kept to show the offending line under an error.
 *
 * @param name file name as the user gave it
 * @param text the whole text
 * @param lines the text split at line breaks
 */
public record Source(String name, String text, List<String> lines) {

    /** @param name file name @param text its text @return the source */
    public static Source of(String name, String text) {
        return new Source(name, text, List.of(text.split("\r?\n", -1)));
    }

    /** @param line 1-based line @return its text, or empty when out of range */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
