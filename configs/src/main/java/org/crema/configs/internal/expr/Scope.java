package org.crema.configs.internal.expr;

import java.util.Collection;
import java.util.Map;

/** What names mean where an expression is compiled. */
public interface Scope {
    /** @param name a name @return the type of a defined variable, or null */
    Type variable(String name);

    /** @param name a name @return the fields (name → kind) of a collection visible here, or null */
    Map<String, Type.Kind> collection(String name);

    /** @param name a name @return the kind of a flat branch, or null */
    Type.Kind branch(String name);

    /** @return the collection whose fields may be written bare (an object's {@code where}), or null */
    String self();

    /**
     * A cross-reference of a collection, e.g. {@code matchedGen} of {@code Jet}.
     *
     * @param collection a collection visible here
     * @param name the reference name
     * @return the index field and the target collection, e.g. {@code [genJetIdx, GenJet]}, or null
     */
    default String[] reference(String collection, String name) {
        return null;
    }

    /** @return every name visible here, for "did you mean" */
    Collection<String> names();

    /**
     * Records that a field of a collection is read, so that only those branches are loaded.
     *
     * @param collection collection name
     * @param field field name
     */
    void use(String collection, String field);
}
