package org.crema.io.internal.rntuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema description: fields, physical columns and alias columns, from the header and then the
 * footer's schema extension (ids continue where the header stopped).
 */
public final class Schema {
    private final List<FieldDescriptor> fields = new ArrayList<>();
    private final List<ColumnDescriptor> physical = new ArrayList<>();
    private final List<ColumnDescriptor> attached = new ArrayList<>();

    /** @return every field by id */
    public List<FieldDescriptor> fields() {
        return fields;
    }

    /** @return every physical column by id */
    public List<ColumnDescriptor> physicalColumns() {
        return physical;
    }

    /** @return physical and alias columns in the order they are attached to fields (header, then footer) */
    public List<ColumnDescriptor> attachedColumns() {
        return attached;
    }

    /** Reads the four list frames of a schema description (header, or footer extension). */
    void readDescription(EnvelopeBuffer b) {
        int[] list = b.listFrame();
        for (int i = 0; i < list[1]; i++) {
            fields.add(FieldDescriptor.read(b, fields.size()));
        }
        b.seek(list[0]);
        list = b.listFrame();
        for (int i = 0; i < list[1]; i++) {
            ColumnDescriptor c = ColumnDescriptor.read(b, physical.size());
            physical.add(c);
            attached.add(c);
        }
        b.seek(list[0]);
        list = b.listFrame();
        for (int i = 0; i < list[1]; i++) {
            int end = b.recordFrame();
            long physicalId = b.u32();
            long fieldId = b.u32();
            b.seek(end);
            if (physicalId >= physical.size()) {
                throw b.error("alias column " + i + " of field " + fieldId + " names physical column " + physicalId
                        + " but only " + physical.size() + " exist");
            }
            ColumnDescriptor p = physical.get((int) physicalId);
            attached.add(new ColumnDescriptor(p.physicalId(), (int) fieldId, p.type(), p.typeId(), p.bits(), p.flags(),
                    p.representation(), p.firstElement(), true));
        }
        b.seek(list[0]);
        list = b.listFrame();
        // Extra type information (streamer infos of streamed fields) is not needed to read NanoAOD.
        b.seek(list[0]);
    }

    /** Checks that every parent, source and column field id exists. */
    void validate(EnvelopeBuffer b) {
        int n = fields.size();
        for (FieldDescriptor f : fields) {
            if (f.parentId() < 0 || f.parentId() >= n) {
                throw b.error("field " + f.id() + " (" + f.name() + ") has parent id " + f.parentId() + " of " + n
                        + " fields");
            }
            if (f.projected() && (f.sourceFieldId() < 0 || f.sourceFieldId() >= n)) {
                throw b.error("projected field " + f.id() + " (" + f.name() + ") has source id " + f.sourceFieldId());
            }
        }
        for (ColumnDescriptor c : attached) {
            if (c.fieldId() < 0 || c.fieldId() >= n) {
                throw b.error("column " + c.physicalId() + " is attached to field " + c.fieldId() + " of " + n);
            }
        }
    }
}
