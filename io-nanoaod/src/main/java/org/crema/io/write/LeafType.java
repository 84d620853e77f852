package org.crema.io.write;

import org.crema.columnar.ElementType;

/**
 * The primitive types a NanoAOD-shaped TTree branch can hold, with ROOT's type name, leaf-list
 * letter and leaf class.
 */
public enum LeafType {
    /** Float_t, TLeafF. */
    FLOAT("Float_t", 'F', "TLeafF", ElementType.FLOAT32),
    /** Double_t, TLeafD. */
    DOUBLE("Double_t", 'D', "TLeafD", ElementType.FLOAT64),
    /** Int_t, TLeafI. */
    INT("Int_t", 'I', "TLeafI", ElementType.INT32),
    /** UInt_t, TLeafI with fIsUnsigned. */
    UINT("UInt_t", 'i', "TLeafI", ElementType.UINT32),
    /** Short_t, TLeafS. */
    SHORT("Short_t", 'S', "TLeafS", ElementType.INT16),
    /** UShort_t, TLeafS with fIsUnsigned. */
    USHORT("UShort_t", 's', "TLeafS", ElementType.UINT16),
    /** Long64_t, TLeafL. */
    LONG64("Long64_t", 'L', "TLeafL", ElementType.INT64),
    /** ULong64_t, TLeafL with fIsUnsigned (NanoAOD's {@code event}). */
    ULONG64("ULong64_t", 'l', "TLeafL", ElementType.UINT64),
    /** Bool_t, TLeafO. */
    BOOL("Bool_t", 'O', "TLeafO", ElementType.BOOL),
    /** Char_t, TLeafB. */
    CHAR("Char_t", 'B', "TLeafB", ElementType.INT8),
    /** UChar_t, TLeafB with fIsUnsigned. */
    UCHAR("UChar_t", 'b', "TLeafB", ElementType.UINT8);

    private final String rootName;
    private final char letter;
    private final String leafClass;
    private final ElementType elementType;

    LeafType(String rootName, char letter, String leafClass, ElementType elementType) {
        this.rootName = rootName;
        this.letter = letter;
        this.leafClass = leafClass;
        this.elementType = elementType;
    }

    /** @return ROOT's type name, e.g. {@code Float_t} */
    public String rootName() {
        return rootName;
    }

    /** @return the leaf-list letter, e.g. {@code F} in {@code pt/F} */
    public char letter() {
        return letter;
    }

    /** @return the leaf class, e.g. {@code TLeafF} */
    public String leafClass() {
        return leafClass;
    }

    /** @return the column element type that holds values of this type */
    public ElementType elementType() {
        return elementType;
    }

    /** @return bytes per value on disk */
    public int size() {
        return elementType.byteSize();
    }

    /** @return whether ROOT marks the leaf unsigned */
    public boolean unsigned() {
        return elementType.isUnsigned();
    }

    /** @param type a column element type @return the leaf type that stores it */
    public static LeafType of(ElementType type) {
        for (LeafType t : values()) {
            if (t.elementType == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("no ROOT leaf type for " + type);
    }

    /** @param rootName e.g. {@code UInt_t} @return the leaf type */
    public static LeafType ofRootName(String rootName) {
        for (LeafType t : values()) {
            if (t.rootName.equals(rootName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported ROOT type '" + rootName + "'; supported: Float_t, Double_t,"
                + " Int_t, UInt_t, Short_t, UShort_t, Long64_t, ULong64_t, Bool_t, Char_t, UChar_t");
    }
}
