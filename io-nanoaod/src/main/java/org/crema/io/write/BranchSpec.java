package org.crema.io.write;

import java.util.Objects;
import org.crema.io.BranchInfo;

/**
 * One branch of a tree to write: a flat branch ({@code counter == null}, one value per entry) or a
 * jagged one whose per-entry length is the value of the counter branch, NanoAOD style:
 * {@code nJet} (UInt_t) and {@code Jet_pt[nJet]} (Float_t).
 *
 * @param name branch name
 * @param type value type
 * @param counter name of the counter branch for a jagged branch, else {@code null}
 * @param title branch title (NanoAOD's documentation string); empty: the leaf list, e.g. {@code pt/F}
 */
public record BranchSpec(String name, LeafType type, String counter, String title) {

    /** Checks the names. */
    public BranchSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        title = title == null ? "" : title;
        if (name.isEmpty() || name.contains("/") || name.contains("[")) {
            throw new IllegalArgumentException("invalid branch name '" + name + "': must be non-empty, without / or [");
        }
        if (counter != null && counter.equals(name)) {
            throw new IllegalArgumentException("branch '" + name + "' cannot count itself");
        }
    }

    /** @param name name @param type type @return a flat branch */
    public static BranchSpec flat(String name, LeafType type) {
        return new BranchSpec(name, type, null, "");
    }

    /** @param name name @param type type @param counter counter branch @return a jagged branch */
    public static BranchSpec jagged(String name, LeafType type, String counter) {
        return new BranchSpec(name, type, Objects.requireNonNull(counter, "counter"), "");
    }

    /** @param doc title @return this branch with that title */
    public BranchSpec withTitle(String doc) {
        return new BranchSpec(name, type, counter, doc);
    }

    /**
     * The same branch as one read by crema's reader: type, counter and documentation title.
     *
     * @param info branch metadata of an existing tree
     * @return the spec
     */
    public static BranchSpec like(BranchInfo info) {
        if (info.fixedLength() != 1 && !info.jagged()) {
            throw new IllegalArgumentException("branch '" + info.name() + "' has " + info.fixedLength()
                    + " values per entry; fixed-size arrays are not written");
        }
        return new BranchSpec(info.name(), LeafType.ofRootName(info.typeName()), info.jagged() ? info.counter() : null,
                info.title());
    }

    /** @return whether values come in per-entry lists */
    public boolean isJagged() {
        return counter != null;
    }

    /** @return the leaf title: the name, with {@code [counter]} for a jagged branch */
    public String leafTitle() {
        return counter == null ? name : name + "[" + counter + "]";
    }

    /** @return the leaf list ROOT would be given, e.g. {@code Jet_pt[nJet]/F} */
    public String leafList() {
        return leafTitle() + "/" + type.letter();
    }
}
