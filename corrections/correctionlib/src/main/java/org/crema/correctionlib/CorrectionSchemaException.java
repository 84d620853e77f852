package org.crema.correctionlib;

/**
 * A correction file that cannot be read or does not follow schema v2. The message starts with the
 * file and the JSON path of the offending element, e.g.
 * {@code muon.json: corrections[3].data.content[2].edges: must be increasing: edges[4] = 2.0 <= edges[3] = 2.5}.
 */
public final class CorrectionSchemaException extends CorrectionException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;

    /**
     * @param source the file (or "&lt;string&gt;")
     * @param path JSON path of the offending element, empty for the whole document
     * @param problem what must hold and what was found
     */
    public CorrectionSchemaException(String source, String path, String problem) {
        super(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        this.source = source;
        this.path = path;
    }

    /**
     * @param source the file
     * @param problem what went wrong
     * @param cause the I/O or parse error
     */
    public CorrectionSchemaException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.path = "";
    }

    /** @return the file, or "&lt;string&gt;" */
    public String source() {
        return source;
    }

    /** @return the JSON path of the offending element, e.g. {@code corrections[3].data.edges} */
    public String path() {
        return path;
    }
}
