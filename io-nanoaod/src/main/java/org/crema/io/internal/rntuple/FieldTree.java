package org.crema.io.internal.rntuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.ElementType;

/**
 * The schema as a tree: full dotted names ({@code Jet._0.pt}), children, the columns attached to
 * each field, and for every leaf how to read it: its value column and, when it sits inside a
 * collection, the collection's offset (index) column.
 */
public final class FieldTree {
    /**
     * How to read one leaf field.
     *
     * @param field the leaf
     * @param name full dotted name
     * @param valueColumn the column holding its values (for a cardinality field: the collection's index column)
     * @param indexColumn offset column of the enclosing collection, null for one value per entry
     * @param collectionId id of the enclosing collection field, -1 when none
     * @param cardinality true for {@code ROOT::RNTupleCardinality} fields
     * @param elementType in-memory type, null when not readable
     * @param unsupported why the field cannot be read, null when it can
     */
    public record Leaf(FieldDescriptor field, String name, ColumnDescriptor valueColumn, ColumnDescriptor indexColumn,
            int collectionId, boolean cardinality, ElementType elementType, String unsupported) {
    }

    private final List<FieldDescriptor> fields;
    private final String[] names;
    private final List<List<Integer>> children;
    private final List<List<ColumnDescriptor>> columns;
    private final List<Integer> topLevel = new ArrayList<>();
    private final Map<String, Integer> byName = new LinkedHashMap<>();
    private final List<Leaf> leaves = new ArrayList<>();
    private final Leaf[] leafById;

    /** @param schema the schema */
    public FieldTree(Schema schema) {
        this.fields = schema.fields();
        int n = fields.size();
        names = new String[n];
        children = new ArrayList<>(n);
        columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
            columns.add(new ArrayList<>());
        }
        for (FieldDescriptor f : fields) {
            if (f.topLevel()) {
                topLevel.add(f.id());
            } else {
                children.get(f.parentId()).add(f.id());
            }
        }
        for (ColumnDescriptor c : schema.attachedColumns()) {
            columns.get(c.fieldId()).add(c);
        }
        for (int id : topLevel) {
            name(id, fields.get(id).name());
        }
        leafById = new Leaf[n];
        for (FieldDescriptor f : fields) {
            if (names[f.id()] != null && children.get(f.id()).isEmpty()) {
                Leaf l = plan(f);
                leaves.add(l);
                leafById[f.id()] = l;
            }
        }
    }

    private void name(int id, String full) {
        names[id] = full;
        byName.put(full, id);
        for (int child : children.get(id)) {
            name(child, full + "." + fields.get(child).name());
        }
    }

    /** @param id field id @return its full dotted name, null when unreachable from a top-level field */
    public String name(int id) {
        return names[id];
    }

    /** @param name full dotted name @return the field id, or -1 */
    public int id(String name) {
        Integer id = byName.get(name);
        return id == null ? -1 : id;
    }

    /** @return every full field name, parents before children */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** @param id field id @return ids of its subfields */
    public List<Integer> children(int id) {
        return Collections.unmodifiableList(children.get(id));
    }

    /** @param id field id @return columns attached to it (physical and alias), header then footer order */
    public List<ColumnDescriptor> columns(int id) {
        return Collections.unmodifiableList(columns.get(id));
    }

    /** @return every leaf field in field id order */
    public List<Leaf> leaves() {
        return Collections.unmodifiableList(leaves);
    }

    /** @param id a leaf field id @return its reading plan, or null when the field is not a leaf */
    public Leaf leaf(int id) {
        return id >= 0 && id < leafById.length ? leafById[id] : null;
    }

    private ColumnDescriptor principal(int id) {
        for (ColumnDescriptor c : columns.get(id)) {
            if (c.representation() == 0) {
                return c;
            }
        }
        return null;
    }

    private Leaf plan(FieldDescriptor f) {
        String name = names[f.id()];
        String type = f.typeName();
        boolean cardinality = type.startsWith("ROOT::RNTupleCardinality<");
        ElementType et = elementType(type);
        ColumnDescriptor value = principal(f.id());
        String why = null;
        if (f.role() != FieldDescriptor.LEAF) {
            why = "a " + role(f.role()) + " field without subfields";
        } else if (et == null) {
            why = "type '" + type + "' is not a primitive type";
        } else if (value == null) {
            why = "no column is attached";
        } else if (value.type() == null || value.type().storage() == ColumnType.Storage.NONE || value.type().bits() < 0) {
            why = "column type " + value.typeName() + " is not supported";
        } else if (f.repetitive()) {
            why = "fixed-size arrays are not supported";
        } else if (cardinality && !value.type().isIndex()) {
            why = "cardinality field on a " + value.typeName() + " column";
        } else if (!cardinality && value.type().isIndex()) {
            why = "value column of index type " + value.typeName();
        }
        ColumnDescriptor index = null;
        int collection = -1;
        if (why == null) {
            for (int p = f.parentId(); ; p = fields.get(p).parentId()) {
                FieldDescriptor parent = fields.get(p);
                if (p == f.id()) {
                    break;
                }
                if (parent.role() == FieldDescriptor.COLLECTION) {
                    if (collection >= 0) {
                        why = "collections nested in collections are not supported";
                        break;
                    }
                    collection = p;
                    index = principal(p);
                    if (index == null || index.type() == null || !index.type().isIndex()) {
                        why = "collection " + names[p] + " has no index column";
                        break;
                    }
                } else if (parent.role() != FieldDescriptor.RECORD || parent.repetitive()) {
                    why = "inside a " + role(parent.role()) + (parent.repetitive() ? " array" : "") + " field ("
                            + names[p] + ")";
                    break;
                }
                if (parent.topLevel()) {
                    break;
                }
            }
        }
        return new Leaf(f, name, value, index, collection, cardinality, why == null ? et : null, why);
    }

    /** @param role structural role @return its name */
    public static String role(int role) {
        return switch (role) {
            case FieldDescriptor.LEAF -> "leaf";
            case FieldDescriptor.COLLECTION -> "collection";
            case FieldDescriptor.RECORD -> "record";
            case FieldDescriptor.VARIANT -> "variant";
            case FieldDescriptor.STREAMER -> "streamer";
            default -> "unknown (" + role + ")";
        };
    }

    /** @param type normalized RNTuple type name @return the element type, or null when not a primitive */
    public static ElementType elementType(String type) {
        return switch (type) {
            case "bool" -> ElementType.BOOL;
            case "char", "std::int8_t" -> ElementType.INT8;
            case "std::uint8_t", "std::byte" -> ElementType.UINT8;
            case "std::int16_t" -> ElementType.INT16;
            case "std::uint16_t" -> ElementType.UINT16;
            case "std::int32_t" -> ElementType.INT32;
            case "std::uint32_t", "ROOT::RNTupleCardinality<std::uint32_t>" -> ElementType.UINT32;
            case "std::int64_t" -> ElementType.INT64;
            case "std::uint64_t", "ROOT::RNTupleCardinality<std::uint64_t>" -> ElementType.UINT64;
            case "float" -> ElementType.FLOAT32;
            case "double" -> ElementType.FLOAT64;
            default -> null;
        };
    }
}
