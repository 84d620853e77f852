package org.crema.configs;

/**
 * One error or warning about a configuration, with its place in the source.
 *
 * @param severity error or warning
 * @param file file name as given to the loader
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong and what was expected
 * @param sourceLine the text of that line (without its line break), or empty
 */
public record Diagnostic(Severity severity, String file, int line, int column, String message, String sourceLine) {

    /** Error or warning. */
    public enum Severity {
        /** The configuration cannot run. */
        ERROR,
        /** The configuration runs, but probably not as meant (systematics lint). */
        WARNING
    }

    /** @return {@code file:line:column} */
    public String where() {
        return file + ":" + line + ":" + column;
    }

    /**
     * @return {@code file:line:column: error: message}, then the source line and a caret under the
     *     column
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(where()).append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ")
                .append(message);
        if (!sourceLine.isEmpty()) {
            sb.append("\n    ").append(sourceLine).append("\n    ");
            for (int i = 1; i < column; i++) {
                sb.append(i - 1 < sourceLine.length() && sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
            }
            sb.append('^');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
