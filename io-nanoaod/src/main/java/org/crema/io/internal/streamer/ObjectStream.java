package org.crema.io.internal.streamer;

import java.util.HashMap;
import java.util.Map;
import org.crema.io.internal.buffer.RootBuffer;

/**
 * Reads ROOT's object serialisation from a record: versioned headers with byte counts (so unknown
 * members can be skipped), {@code TObject}/{@code TNamed} bases, and object pointers with their
 * class tags and back-references. The offset → object map lives here, one per record, because
 * back-references are offsets into the record's buffer.
 */
public final class ObjectStream {
    private static final int BYTE_COUNT_MASK = 0x40000000;
    private static final int NEW_CLASS_TAG = 0xFFFFFFFF;
    private static final int CLASS_MASK = 0x80000000;
    private static final int MAP_OFFSET = 2;
    private static final int VERSION_BYTE_COUNT_MASK = 0x4000;
    private static final int IS_REFERENCED = 1 << 4;

    /** Reads one object of a known class at the buffer position (after its pointer header). */
    @FunctionalInterface
    public interface ObjectReader {
        /**
         * @param className class from the pointer's tag
         * @param stream the stream, positioned at the object's own streamer data
         * @param end position where the object ends (from the pointer's byte count), or -1
         * @return the object read (any type), or null when skipped
         */
        Object read(String className, ObjectStream stream, int end);
    }

    /** A versioned header: class version and the end position given by its byte count (-1 if none). */
    public record Header(int version, int end) {
    }

    private final RootBuffer buffer;
    private final Map<Integer, Object> refs = new HashMap<>();

    /** @param buffer the record's bytes */
    public ObjectStream(RootBuffer buffer) {
        this.buffer = buffer;
    }

    /** @return the underlying cursor */
    public RootBuffer buffer() {
        return buffer;
    }

    /** @return a header: optional byte count (flag 0x40000000) followed by a 16-bit version */
    public Header header() {
        int start = buffer.position();
        int bcnt = buffer.i32();
        if ((bcnt & BYTE_COUNT_MASK) != 0) {
            int count = bcnt & ~BYTE_COUNT_MASK;
            int end = start + 4 + count;
            if (count < 2 || end > buffer.limit()) {
                throw buffer.error("object byte count " + count + " runs past the end of the record ("
                        + buffer.limit() + " bytes)");
            }
            int version = buffer.i16();
            return new Header(version, end);
        }
        buffer.seek(start);
        return new Header(buffer.i16(), -1);
    }

    /**
     * Moves to the end of an object whose header was read; checks that reading did not overrun.
     *
     * @param header the object's header
     * @param what the class, for messages
     */
    public void skipTo(Header header, String what) {
        if (header.end() < 0) {
            return;
        }
        if (buffer.position() > header.end()) {
            throw buffer.error(what + " read " + (buffer.position() - header.end())
                    + " bytes past the end given by its byte count");
        }
        buffer.seek(header.end());
    }

    /** Skips a whole object that starts with a byte-counted header. @param what class for messages */
    public void skipObject(String what) {
        Header h = header();
        if (h.end() < 0) {
            throw buffer.error(what + " has no byte count, cannot be skipped");
        }
        buffer.seek(h.end());
    }

    /** Reads a {@code TObject} base: version, unique id, bits, and the pid when referenced. */
    public void tobject() {
        int version = buffer.i16();
        if ((version & VERSION_BYTE_COUNT_MASK) != 0) {
            buffer.skip(4);
        }
        buffer.i32(); // fUniqueID
        int bits = buffer.i32();
        if ((bits & IS_REFERENCED) != 0) {
            buffer.skip(2);
        }
    }

    /** @return {name, title} of a {@code TNamed} base */
    public String[] tnamed() {
        Header h = header();
        tobject();
        String name = buffer.string();
        String title = buffer.string();
        skipTo(h, "TNamed");
        return new String[] {name, title};
    }

    /**
     * Reads an object pointer: null, a back-reference to an object read earlier in this record, or a
     * new object whose class is named (or back-referenced) in the tag.
     *
     * @param reader reads the object's data for its class
     * @return the object, null for a null pointer or a skipped object
     */
    public Object objectAny(ObjectReader reader) {
        int beg = buffer.position();
        int bcnt = buffer.i32();
        int tag;
        int tagPos;
        int end = -1;
        boolean counted;
        if ((bcnt & BYTE_COUNT_MASK) == 0 || bcnt == NEW_CLASS_TAG) {
            tag = bcnt;
            tagPos = beg;
            counted = false;
        } else {
            int count = bcnt & ~BYTE_COUNT_MASK;
            end = beg + 4 + count;
            if (end > buffer.limit()) {
                throw buffer.error("object pointer byte count " + count + " runs past the end of the record ("
                        + buffer.limit() + " bytes)");
            }
            tagPos = buffer.position();
            tag = buffer.i32();
            counted = true;
        }
        if ((tag & CLASS_MASK) == 0) {
            if (tag == 0) {
                return null;
            }
            Object obj = refs.get(tag);
            if (obj == null && tag != 1) {
                throw buffer.error("object back-reference " + tag + " does not point at an object read earlier");
            }
            if (end >= 0) {
                buffer.seek(end);
            }
            return obj;
        }
        String className;
        if (tag == NEW_CLASS_TAG) {
            className = buffer.cString();
            if (counted) {
                refs.put(tagPos + buffer.displacement() + MAP_OFFSET, new ClassRef(className));
            }
        } else {
            int ref = tag & ~CLASS_MASK;
            if (!(refs.get(ref) instanceof ClassRef(String name))) {
                throw buffer.error("class back-reference " + ref + " does not point at a class named earlier");
            }
            className = name;
        }
        if (!counted) {
            throw buffer.error("object of class " + className + " without a byte count is not supported");
        }
        Object obj = reader.read(className, this, end);
        if (obj != null) {
            refs.put(beg + buffer.displacement() + MAP_OFFSET, obj);
        }
        buffer.seek(end);
        return obj;
    }

    /** A class seen in a new-class tag, kept so later class back-references resolve. @param name class */
    private record ClassRef(String name) {
    }
}
