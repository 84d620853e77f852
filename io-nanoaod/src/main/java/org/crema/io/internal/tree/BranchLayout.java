package org.crema.io.internal.tree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crema.columnar.ElementType;
import org.crema.io.BranchInfo;

/**
 * Turns the streamed branch models into the public {@link BranchInfo} list: flattens sub-branches
 * in tree order, maps leaf classes to ROOT type names and element types, and marks counters.
 */
public final class BranchLayout {
    private final List<BranchInfo> infos;
    private final Map<String, BranchInfo> byName;
    private final Map<String, BranchModel> models;

    /** @param tree the streamed tree */
    public BranchLayout(TreeModel tree) {
        List<BranchModel> flat = new ArrayList<>();
        flatten(tree.branches(), flat);
        Set<String> counters = new HashSet<>();
        for (BranchModel b : flat) {
            for (LeafModel l : b.leaves()) {
                if (l.count() != null) {
                    counters.add(l.count().name());
                }
            }
        }
        List<BranchInfo> list = new ArrayList<>();
        Map<String, BranchInfo> names = new LinkedHashMap<>();
        Map<String, BranchModel> mods = new LinkedHashMap<>();
        for (BranchModel b : flat) {
            BranchInfo info = describe(b, counters);
            list.add(info);
            names.putIfAbsent(info.name(), info);
            mods.putIfAbsent(info.name(), b);
        }
        this.infos = List.copyOf(list);
        this.byName = names;
        this.models = mods;
    }

    private static void flatten(List<BranchModel> branches, List<BranchModel> out) {
        for (BranchModel b : branches) {
            out.add(b);
            flatten(b.branches(), out);
        }
    }

    /** @return every branch in tree order */
    public List<BranchInfo> infos() {
        return infos;
    }

    /** @param name branch name @return its description or null */
    public BranchInfo info(String name) {
        return byName.get(name);
    }

    /** @param name branch name @return its model or null */
    public BranchModel model(String name) {
        return models.get(name);
    }

    private static BranchInfo describe(BranchModel b, Set<String> counters) {
        LeafModel leaf = b.leaves().isEmpty() ? null : b.leaves().get(0);
        String leafClass = leaf == null ? "" : leaf.className();
        boolean unsigned = leaf != null && leaf.unsigned();
        ElementType type = elementType(leafClass, unsigned);
        String typeName = typeName(leafClass, unsigned);
        String reason = null;
        if (!b.className().equals("TBranch")) {
            reason = "branch class " + b.className() + " (objects such as std::vector or std::string) is not supported";
        } else if (b.leaves().size() != 1) {
            reason = "a branch with " + b.leaves().size() + " leaves (a leaf list) is not supported";
        } else if (type == null) {
            reason = "leaf class " + leafClass + " is not supported";
        }
        boolean jagged = leaf != null && leaf.count() != null;
        int fixed = leaf == null ? 1 : Math.max(1, leaf.len());
        return new BranchInfo(b.name(), b.title(), leaf == null ? "" : leaf.title(), leafClass,
                typeName == null ? leafClass : typeName, reason == null ? type : null, jagged,
                jagged ? leaf.count().name() : null, leaf != null && counters.contains(leaf.name()), fixed,
                b.zipBytes(), b.totBytes(), b.writeBasket(), b.embedded().size(), b.compress(), b.className(), reason);
    }

    /**
     * @param leafClass ROOT leaf class
     * @param unsigned the leaf's unsigned flag
     * @return the element type, or null for unsupported leaves
     */
    public static ElementType elementType(String leafClass, boolean unsigned) {
        return switch (leafClass) {
            case "TLeafO" -> ElementType.BOOL;
            case "TLeafB" -> unsigned ? ElementType.UINT8 : ElementType.INT8;
            case "TLeafS" -> unsigned ? ElementType.UINT16 : ElementType.INT16;
            case "TLeafI" -> unsigned ? ElementType.UINT32 : ElementType.INT32;
            case "TLeafL", "TLeafG" -> unsigned ? ElementType.UINT64 : ElementType.INT64;
            case "TLeafF" -> ElementType.FLOAT32;
            case "TLeafD" -> ElementType.FLOAT64;
            default -> null;
        };
    }

    /**
     * @param leafClass ROOT leaf class
     * @param unsigned the leaf's unsigned flag
     * @return the ROOT type name such as {@code UInt_t}, or null for unsupported leaves
     */
    public static String typeName(String leafClass, boolean unsigned) {
        return switch (leafClass) {
            case "TLeafO" -> "Bool_t";
            case "TLeafB" -> unsigned ? "UChar_t" : "Char_t";
            case "TLeafS" -> unsigned ? "UShort_t" : "Short_t";
            case "TLeafI" -> unsigned ? "UInt_t" : "Int_t";
            case "TLeafL" -> unsigned ? "ULong64_t" : "Long64_t";
            case "TLeafG" -> unsigned ? "ULong_t" : "Long_t";
            case "TLeafF" -> "Float_t";
            case "TLeafD" -> "Double_t";
            default -> null;
        };
    }
}
