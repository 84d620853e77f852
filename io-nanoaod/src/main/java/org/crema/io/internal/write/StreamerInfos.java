package org.crema.io.internal.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TStreamerInfo descriptions of every class this writer streams, and the {@code StreamerInfo}
 * record (a TList of TStreamerInfo) that lets readers other than ROOT decode them. Element lists,
 * class versions and checksums are those of the current ROOT classes, as the ROOT I/O specification
 * (root-io-spec, "Streamer-info element lists") publishes them; the checksums of TLeafD/L/B/S/O are
 * those recorded in CMS NanoAOD files. ROOT compares these checksums with its compiled classes, so
 * they must be ROOT's values rather than anything computed here.
 */
public final class StreamerInfos {
    // Element type codes (TVirtualStreamerInfo::EReadWrite).
    static final int K_BASE = 0;
    static final int K_CHAR = 1;
    static final int K_SHORT = 2;
    static final int K_INT = 3;
    static final int K_FLOAT = 5;
    static final int K_COUNTER = 6;
    static final int K_DOUBLE = 8;
    static final int K_USHORT = 12;
    static final int K_LONG64 = 16;
    static final int K_BOOL = 18;
    static final int K_OFFSET_P = 40;
    static final int K_OBJECT = 61;
    static final int K_ANY = 62;
    static final int K_OBJECTP_INPLACE = 63;
    static final int K_OBJECTP = 64;
    static final int K_TSTRING = 65;
    static final int K_TOBJECT = 66;
    static final int K_TNAMED = 67;

    /** One TStreamerElement subclass instance. */
    record Element(String elementClass, int elementVersion, String name, String title, int type, int size,
            String typeName, int baseVersion, int baseChecksum, String countName, String countClass,
            int countVersion) {
    }

    /** One TStreamerInfo: the class, its version, checksum and elements (bases first). */
    record Info(String className, int version, int checksum, List<Element> elements, Set<String> needs) {
    }

    private static final Map<String, Info> INFOS = new LinkedHashMap<>();

    private static Element base(String name, String title, int type, int version, int checksum) {
        return new Element("TStreamerBase", 3, name, title, type, 0, "BASE", version, checksum, null, null, 0);
    }

    private static Element basic(String name, String title, int type, int size, String typeName) {
        return new Element("TStreamerBasicType", 2, name, title, type, size, typeName, 0, 0, null, null, 0);
    }

    private static Element string(String name, String title) {
        return new Element("TStreamerString", 2, name, title, K_TSTRING, 24, "TString", 0, 0, null, null, 0);
    }

    private static Element object(String name, String title, int size, String typeName) {
        return new Element("TStreamerObject", 2, name, title, K_OBJECT, size, typeName, 0, 0, null, null, 0);
    }

    private static Element any(String name, String title, int size, String typeName) {
        return new Element("TStreamerObjectAny", 2, name, title, K_ANY, size, typeName, 0, 0, null, null, 0);
    }

    private static Element pointer(String name, String title, int type, String typeName) {
        return new Element("TStreamerObjectPointer", 2, name, title, type, 8, typeName, 0, 0, null, null, 0);
    }

    private static Element counted(String name, String title, int type, int size, String typeName, String countName,
            String countClass, int countVersion) {
        return new Element("TStreamerBasicPointer", 2, name, title, type, size, typeName, 0, 0, countName, countClass,
                countVersion);
    }

    private static void info(String cls, int version, int checksum, String needs, Element... elements) {
        Set<String> n = new LinkedHashSet<>();
        for (String s : needs.split(" ")) {
            if (!s.isEmpty()) {
                n.add(s);
            }
        }
        INFOS.put(cls, new Info(cls, version, checksum, List.of(elements), n));
    }

    static final int TOBJECT_SUM = 0x901bc02d;
    static final int TNAMED_SUM = 0xdfb74a3c;
    static final int TATTLINE_SUM = 0x94074549;
    static final int TATTFILL_SUM = 0xffd92a92;
    static final int TATTMARKER_SUM = 0x291d8bec;
    static final int TLEAF_SUM = 0x6d1e8152;
    static final int TH1_SUM = 0x1c3740c4;
    static final int TH2_SUM = 0x0182347f;

    static {
        info("TObject", 1, TOBJECT_SUM, "",
                basic("fUniqueID", "object unique identifier", 13, 4, "unsigned int"),
                basic("fBits", "bit field status word", 15, 4, "unsigned int"));
        info("TNamed", 1, TNAMED_SUM, "TObject TString",
                base("TObject", "Basic ROOT object", K_TOBJECT, 1, TOBJECT_SUM),
                string("fName", "object identifier"),
                string("fTitle", "object title"));
        info("TString", 2, 0x00017419, "");
        info("TAttLine", 2, TATTLINE_SUM, "",
                basic("fLineColor", "Line color", K_SHORT, 2, "short"),
                basic("fLineStyle", "Line style", K_SHORT, 2, "short"),
                basic("fLineWidth", "Line width", K_SHORT, 2, "short"));
        info("TAttFill", 2, TATTFILL_SUM, "",
                basic("fFillColor", "Fill area color", K_SHORT, 2, "short"),
                basic("fFillStyle", "Fill area style", K_SHORT, 2, "short"));
        info("TAttMarker", 3, TATTMARKER_SUM, "",
                basic("fMarkerColor", "Marker color", K_SHORT, 2, "short"),
                basic("fMarkerStyle", "Marker style", K_SHORT, 2, "short"),
                basic("fMarkerSize", "Marker size", K_FLOAT, 4, "float"));
        info("TCollection", 3, 0x57e3cb9c, "TObject TString",
                base("TObject", "Basic ROOT object", K_TOBJECT, 1, TOBJECT_SUM),
                string("fName", "name of the collection"),
                basic("fSize", "number of elements in collection", K_INT, 4, "int"));
        info("TSeqCollection", 0, 0xfc6c3bc6, "TCollection",
                base("TCollection", "Collection abstract base class", K_BASE, 3, 0x57e3cb9c));
        info("TList", 5, 0x69c5c3bb, "TSeqCollection",
                base("TSeqCollection", "Sequenceable collection ABC", K_BASE, 0, 0xfc6c3bc6));
        info("THashList", 0, 0xcc7e49c1, "TList",
                base("TList", "Doubly linked list", K_BASE, 5, 0x69c5c3bb));
        info("TObjArray", 3, 0xa99e6552, "TSeqCollection",
                base("TSeqCollection", "Sequenceable collection ABC", K_BASE, 0, 0xfc6c3bc6),
                basic("fLowerBound", "Lower bound of the array", K_INT, 4, "int"),
                basic("fLast", "Last element in array containing an object", K_INT, 4, "int"));
        info("TAttAxis", 4, 0x5c6fff3e, "",
                basic("fNdivisions", "Number of divisions(10000*n3 + 100*n2 + n1)", K_INT, 4, "int"),
                basic("fAxisColor", "Color of the line axis", K_SHORT, 2, "short"),
                basic("fLabelColor", "Color of labels", K_SHORT, 2, "short"),
                basic("fLabelFont", "Font for labels", K_SHORT, 2, "short"),
                basic("fLabelOffset", "Offset of labels", K_FLOAT, 4, "float"),
                basic("fLabelSize", "Size of labels", K_FLOAT, 4, "float"),
                basic("fTickLength", "Length of tick marks", K_FLOAT, 4, "float"),
                basic("fTitleOffset", "Offset of axis title", K_FLOAT, 4, "float"),
                basic("fTitleSize", "Size of axis title", K_FLOAT, 4, "float"),
                basic("fTitleColor", "Color of axis title", K_SHORT, 2, "short"),
                basic("fTitleFont", "Font for axis title", K_SHORT, 2, "short"));
        info("TAxis", 10, 0x5a496e70, "TNamed TAttAxis THashList TList",
                base("TNamed", "The basis for a named object (name, title)", K_TNAMED, 1, TNAMED_SUM),
                base("TAttAxis", "Axis attributes", K_BASE, 4, 0x5c6fff3e),
                basic("fNbins", "Number of bins", K_INT, 4, "int"),
                basic("fXmin", "Low edge of first bin", K_DOUBLE, 8, "double"),
                basic("fXmax", "Upper edge of last bin", K_DOUBLE, 8, "double"),
                any("fXbins", "Bin edges array in X", 24, "TArrayD"),
                basic("fFirst", "First bin to display", K_INT, 4, "int"),
                basic("fLast", "Last bin to display", K_INT, 4, "int"),
                basic("fBits2", "Second bit status word", K_USHORT, 2, "unsigned short"),
                basic("fTimeDisplay", "On/off displaying time values instead of numerics", K_BOOL, 1, "bool"),
                string("fTimeFormat", "Date&time format, ex: 09/12/99 12:34:00"),
                pointer("fLabels", "List of labels", K_OBJECTP, "THashList*"),
                pointer("fModLabs", "List of modified labels", K_OBJECTP, "TList*"));
        info("TH1", 8, TH1_SUM, "TNamed TAttLine TAttFill TAttMarker TAxis TList",
                base("TNamed", "The basis for a named object (name, title)", K_TNAMED, 1, TNAMED_SUM),
                base("TAttLine", "Line attributes", K_BASE, 2, TATTLINE_SUM),
                base("TAttFill", "Fill area attributes", K_BASE, 2, TATTFILL_SUM),
                base("TAttMarker", "Marker attributes", K_BASE, 3, TATTMARKER_SUM),
                basic("fNcells", "Number of bins(1D), cells (2D) +U/Overflows", K_INT, 4, "int"),
                object("fXaxis", "X axis descriptor", 216, "TAxis"),
                object("fYaxis", "Y axis descriptor", 216, "TAxis"),
                object("fZaxis", "Z axis descriptor", 216, "TAxis"),
                basic("fBarOffset", "(1000*offset) for bar charts or legos", K_SHORT, 2, "short"),
                basic("fBarWidth", "(1000*width) for bar charts or legos", K_SHORT, 2, "short"),
                basic("fEntries", "Number of entries", K_DOUBLE, 8, "double"),
                basic("fTsumw", "Total Sum of weights", K_DOUBLE, 8, "double"),
                basic("fTsumw2", "Total Sum of squares of weights", K_DOUBLE, 8, "double"),
                basic("fTsumwx", "Total Sum of weight*X", K_DOUBLE, 8, "double"),
                basic("fTsumwx2", "Total Sum of weight*X*X", K_DOUBLE, 8, "double"),
                basic("fMaximum", "Maximum value for plotting", K_DOUBLE, 8, "double"),
                basic("fMinimum", "Minimum value for plotting", K_DOUBLE, 8, "double"),
                basic("fNormFactor", "Normalization factor", K_DOUBLE, 8, "double"),
                any("fContour", "Array to display contour levels", 24, "TArrayD"),
                any("fSumw2", "Array of sum of squares of weights", 24, "TArrayD"),
                string("fOption", "Histogram options"),
                pointer("fFunctions", "->Pointer to list of functions (fits and user)", K_OBJECTP_INPLACE, "TList*"),
                basic("fBufferSize", "fBuffer size", K_COUNTER, 4, "int"),
                counted("fBuffer", "[fBufferSize] entry buffer", K_DOUBLE + K_OFFSET_P, 8, "double*", "fBufferSize",
                        "TH1", 8),
                basic("fBinStatErrOpt", "Option for bin statistical errors", K_INT, 4, "TH1::EBinErrorOpt"),
                basic("fStatOverflows", "Per object flag to use under/overflows in statistics", K_INT, 4,
                        "TH1::EStatOverflows"));
        info("TH1F", 3, 0xe2939644, "TH1",
                base("TH1", "1-Dim histogram base class", K_BASE, 8, TH1_SUM),
                base("TArrayF", "Array of floats", K_BASE, 1, 0x5a0bf6f1));
        info("TH1D", 3, 0xf9b1569f, "TH1",
                base("TH1", "1-Dim histogram base class", K_BASE, 8, TH1_SUM),
                base("TArrayD", "Array of doubles", K_BASE, 1, 0x7139ef34));
        info("TH2", 5, TH2_SUM, "TH1",
                base("TH1", "1-Dim histogram base class", K_BASE, 8, TH1_SUM),
                basic("fScalefactor", "Scale factor", K_DOUBLE, 8, "double"),
                basic("fTsumwy", "Total Sum of weight*Y", K_DOUBLE, 8, "double"),
                basic("fTsumwy2", "Total Sum of weight*Y*Y", K_DOUBLE, 8, "double"),
                basic("fTsumwxy", "Total Sum of weight*X*Y", K_DOUBLE, 8, "double"));
        info("TH2D", 4, 0x7fba82f0, "TH2",
                base("TH2", "2-Dim histogram base class", K_BASE, 5, TH2_SUM),
                base("TArrayD", "Array of doubles", K_BASE, 1, 0x7139ef34));
        info("ROOT::TIOFeatures", 1, 0x1aa12f10, "",
                basic("fIOBits", "", 11, 1, "unsigned char"));
        info("TLeaf", 2, TLEAF_SUM, "TNamed",
                base("TNamed", "The basis for a named object (name, title)", K_TNAMED, 1, TNAMED_SUM),
                basic("fLen", "Number of fixed length elements in the leaf's data.", K_INT, 4, "int"),
                basic("fLenType", "Number of bytes for this data type", K_INT, 4, "int"),
                basic("fOffset", "Offset in ClonesArray object (if one)", K_INT, 4, "int"),
                basic("fIsRange", "(=true if leaf has a range, false otherwise).  This is equivalent to being a"
                        + " 'leafcount'.  For a TLeafElement the range information is actually store in the"
                        + " TBranchElement.", K_BOOL, 1, "bool"),
                basic("fIsUnsigned", "(=true if unsigned, false otherwise)", K_BOOL, 1, "bool"),
                pointer("fLeafCount", "Pointer to Leaf count if variable length (we do not own the counter)",
                        K_OBJECTP, "TLeaf*"));
        leaf("TLeafO", 0x02ae48d3, K_BOOL, 1, "bool");
        leaf("TLeafB", 0x0f1e4b5e, K_CHAR, 1, "char");
        leaf("TLeafS", 0x150ceecf, K_SHORT, 2, "short");
        leaf("TLeafI", 0x7e6aae19, K_INT, 4, "int");
        leaf("TLeafL", 0xde320862, K_LONG64, 8, "Long64_t");
        leaf("TLeafF", 0x3add9d72, K_FLOAT, 4, "float");
        leaf("TLeafD", 0x118e8776, K_DOUBLE, 8, "double");
        info("TBranch", 13, 0x10978aac, "TNamed TAttFill ROOT::TIOFeatures TObjArray",
                base("TNamed", "The basis for a named object (name, title)", K_TNAMED, 1, TNAMED_SUM),
                base("TAttFill", "Fill area attributes", K_BASE, 2, TATTFILL_SUM),
                basic("fCompress", "Compression level and algorithm", K_INT, 4, "int"),
                basic("fBasketSize", "Initial Size of  Basket Buffer", K_INT, 4, "int"),
                basic("fEntryOffsetLen", "Initial Length of fEntryOffset table in the basket buffers", K_INT, 4,
                        "int"),
                basic("fWriteBasket", "Last basket number written", K_INT, 4, "int"),
                basic("fEntryNumber", "Current entry number (last one filled in this branch)", K_LONG64, 8,
                        "Long64_t"),
                any("fIOFeatures", "IO features for newly-created baskets.", 1, "ROOT::TIOFeatures"),
                basic("fOffset", "Offset of this branch", K_INT, 4, "int"),
                basic("fMaxBaskets", "Maximum number of Baskets so far", K_COUNTER, 4, "int"),
                basic("fSplitLevel", "Branch split level", K_INT, 4, "int"),
                basic("fEntries", "Number of entries", K_LONG64, 8, "Long64_t"),
                basic("fFirstEntry", "Number of the first entry in this branch", K_LONG64, 8, "Long64_t"),
                basic("fTotBytes", "Total number of bytes in all leaves before compression", K_LONG64, 8, "Long64_t"),
                basic("fZipBytes", "Total number of bytes in all leaves after compression", K_LONG64, 8, "Long64_t"),
                object("fBranches", "-> List of Branches of this branch", 64, "TObjArray"),
                object("fLeaves", "-> List of leaves of this branch", 64, "TObjArray"),
                object("fBaskets", "-> List of baskets of this branch", 64, "TObjArray"),
                counted("fBasketBytes", "[fMaxBaskets] Length of baskets on file", K_INT + K_OFFSET_P, 4, "int*",
                        "fMaxBaskets", "TBranch", 13),
                counted("fBasketEntry", "[fMaxBaskets] Table of first entry in each basket", K_LONG64 + K_OFFSET_P,
                        8, "Long64_t*", "fMaxBaskets", "TBranch", 13),
                counted("fBasketSeek", "[fMaxBaskets] Addresses of baskets on file", K_LONG64 + K_OFFSET_P, 8,
                        "Long64_t*", "fMaxBaskets", "TBranch", 13),
                string("fFileName", "Name of file where buffers are stored (\"\" if in same file as Tree header)"));
        info("TTree", 20, 0x7264e07f, "TNamed TAttLine TAttFill TAttMarker ROOT::TIOFeatures TBranch TLeaf TObjArray TList",
                base("TNamed", "The basis for a named object (name, title)", K_TNAMED, 1, TNAMED_SUM),
                base("TAttLine", "Line attributes", K_BASE, 2, TATTLINE_SUM),
                base("TAttFill", "Fill area attributes", K_BASE, 2, TATTFILL_SUM),
                base("TAttMarker", "Marker attributes", K_BASE, 3, TATTMARKER_SUM),
                basic("fEntries", "Number of entries", K_LONG64, 8, "Long64_t"),
                basic("fTotBytes", "Total number of bytes in all branches before compression", K_LONG64, 8,
                        "Long64_t"),
                basic("fZipBytes", "Total number of bytes in all branches after compression", K_LONG64, 8,
                        "Long64_t"),
                basic("fSavedBytes", "Number of autosaved bytes", K_LONG64, 8, "Long64_t"),
                basic("fFlushedBytes", "Number of auto-flushed bytes", K_LONG64, 8, "Long64_t"),
                basic("fWeight", "Tree weight (see TTree::SetWeight)", K_DOUBLE, 8, "double"),
                basic("fTimerInterval", "Timer interval in milliseconds", K_INT, 4, "int"),
                basic("fScanField", "Number of runs before prompting in Scan", K_INT, 4, "int"),
                basic("fUpdate", "Update frequency for EntryLoop", K_INT, 4, "int"),
                basic("fDefaultEntryOffsetLen", "Initial Length of fEntryOffset table in the basket buffers", K_INT,
                        4, "int"),
                basic("fNClusterRange", "Number of Cluster range in addition to the one defined by 'AutoFlush'",
                        K_COUNTER, 4, "int"),
                basic("fMaxEntries", "Maximum number of entries in case of circular buffers", K_LONG64, 8,
                        "Long64_t"),
                basic("fMaxEntryLoop", "Maximum number of entries to process", K_LONG64, 8, "Long64_t"),
                basic("fMaxVirtualSize", "Maximum total size of buffers kept in memory", K_LONG64, 8, "Long64_t"),
                basic("fAutoSave", "Autosave tree when fAutoSave entries written or -fAutoSave (compressed) bytes"
                        + " produced", K_LONG64, 8, "Long64_t"),
                basic("fAutoFlush", "Auto-flush tree when fAutoFlush entries written or -fAutoFlush (compressed)"
                        + " bytes produced", K_LONG64, 8, "Long64_t"),
                basic("fEstimate", "Number of entries to estimate histogram limits", K_LONG64, 8, "Long64_t"),
                counted("fClusterRangeEnd", "[fNClusterRange] Last entry of a cluster range.",
                        K_LONG64 + K_OFFSET_P, 8, "Long64_t*", "fNClusterRange", "TTree", 20),
                counted("fClusterSize", "[fNClusterRange] Number of entries in each cluster for a given range.",
                        K_LONG64 + K_OFFSET_P, 8, "Long64_t*", "fNClusterRange", "TTree", 20),
                any("fIOFeatures", "IO features to define for newly-written baskets and branches.", 1,
                        "ROOT::TIOFeatures"),
                object("fBranches", "List of Branches", 64, "TObjArray"),
                object("fLeaves", "Direct pointers to individual branch leaves", 64, "TObjArray"),
                pointer("fAliases", "List of aliases for expressions based on the tree branches.", K_OBJECTP,
                        "TList*"),
                any("fIndexValues", "Sorted index values", 24, "TArrayD"),
                any("fIndex", "Index of sorted values", 24, "TArrayI"),
                pointer("fTreeIndex", "Pointer to the tree Index (if any)", K_OBJECTP, "TVirtualIndex*"),
                pointer("fFriends", "pointer to list of friend elements", K_OBJECTP, "TList*"),
                pointer("fUserInfo", "pointer to a list of user objects associated to this Tree", K_OBJECTP,
                        "TList*"),
                pointer("fBranchRef", "Branch supporting the TRefTable (if any)", K_OBJECTP, "TBranchRef*"));
    }

    private static void leaf(String cls, int checksum, int type, int size, String typeName) {
        info(cls, 1, checksum, "TLeaf",
                base("TLeaf", "Leaf: description of a Branch data type", K_BASE, 2, TLEAF_SUM),
                basic("fMinimum", "Minimum value if leaf range is specified", type, size, typeName),
                basic("fMaximum", "Maximum value if leaf range is specified", type, size, typeName));
    }

    private StreamerInfos() {
    }

    /** @param cls a class name @return whether this writer has a description of it */
    public static boolean known(String cls) {
        return INFOS.containsKey(cls);
    }

    /**
     * The classes to describe for objects of the given classes: each with everything it reaches
     * through bases and members, in first-seen order.
     *
     * @param classes classes of the streamed objects
     * @return the closure, each class once
     */
    public static List<String> closure(Collection<String> classes) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String c : classes) {
            add(c, out);
        }
        return new ArrayList<>(out);
    }

    private static void add(String cls, Set<String> out) {
        Info i = INFOS.get(cls);
        if (i == null) {
            throw new IllegalArgumentException("no streamer description for class " + cls);
        }
        if (out.add(cls)) {
            for (String n : i.needs()) {
                add(n, out);
            }
        }
    }

    /**
     * Streams the {@code StreamerInfo} TList for the given classes.
     *
     * @param buf buffer positioned at the start of the payload (its origin is the key length)
     * @param classes the classes to describe (see {@link #closure})
     */
    public static void writeList(WriteBuffer buf, List<String> classes) {
        int list = buf.beginObject(5);
        buf.tObject(0);
        buf.string("");
        buf.i32(classes.size());
        for (String cls : classes) {
            Info info = INFOS.get(cls);
            int slot = buf.beginPointer(null, "TStreamerInfo");
            int si = buf.beginObject(9);
            // kIsCompiled, as ROOT persists it on every info it writes.
            buf.tNamed(info.className(), "", 0x00010000);
            buf.i32(info.checksum());
            buf.i32(info.version());
            int arraySlot = buf.beginPointer(null, "TObjArray");
            int arr = buf.beginObject(3);
            buf.tObject(0);
            buf.string("");
            buf.i32(info.elements().size());
            buf.i32(0);
            for (Element e : info.elements()) {
                writeElement(buf, e);
            }
            buf.endObject(arr);
            buf.endObject(arraySlot);
            buf.endObject(si);
            buf.endObject(slot);
            buf.i8(0); // the TList entry's option string, empty
        }
        buf.endObject(list);
    }

    private static void writeElement(WriteBuffer buf, Element e) {
        int slot = buf.beginPointer(null, e.elementClass());
        int outer = buf.beginObject(e.elementVersion());
        int el = buf.beginObject(4);
        buf.tNamed(e.name(), e.title(), 0);
        buf.i32(e.type());
        buf.i32(e.size());
        buf.i32(0); // fArrayLength
        buf.i32(0); // fArrayDim
        buf.i32(0);
        buf.i32(e.elementClass().equals("TStreamerBase") ? e.baseChecksum() : 0);
        buf.i32(0);
        buf.i32(0);
        buf.i32(0);
        buf.string(e.typeName());
        buf.endObject(el);
        if (e.elementClass().equals("TStreamerBase")) {
            buf.i32(e.baseVersion());
        } else if (e.elementClass().equals("TStreamerBasicPointer")) {
            buf.i32(e.countVersion());
            buf.string(e.countName());
            buf.string(e.countClass());
        }
        buf.endObject(outer);
        buf.endObject(slot);
    }
}
