package org.crema.configs;

import java.util.List;

/**
 * The root exception of the configs module: a configuration that cannot be loaded, validated or
 * compiled. The message lists every {@link Diagnostic} (file:line:column, the offending line with a
 * caret, and what was expected), so one run shows every error at once.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    /** @param diagnostics the errors, at least one */
    public ConfigException(List<Diagnostic> diagnostics) {
        super(render(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** @param message an error without a location (e.g. an unreadable file) */
    public ConfigException(String message) {
        super(message);
        this.diagnostics = List.of();
    }

    /** @param message an error without a location @param cause its cause */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.diagnostics = List.of();
    }

    /** @return the located errors (empty for errors without a location) */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String render(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(d.render());
        }
        return sb.toString();
    }
}
