package org.crema.correctionlib;

/** The type of a correction input or output, as spelled in the JSON {@code "type"} field. */
public enum VariableType {
    /** A double-precision value ({@code "real"}). */
    REAL("real"),
    /** A 64-bit signed integer ({@code "int"}). */
    INT("int"),
    /** A string ({@code "string"}). */
    STRING("string");

    private final String json;

    VariableType(String json) {
        this.json = json;
    }

    /** @return the JSON spelling: real, int or string */
    public String jsonName() {
        return json;
    }

    /**
     * @param json real, int or string
     * @return the type, or null when {@code json} is none of them
     */
    static VariableType fromJson(String json) {
        for (VariableType t : values()) {
            if (t.json.equals(json)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return json;
    }
}
