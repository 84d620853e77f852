package org.crema.nano;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.RootFormatException;

/**
 * The NanoAOD naming scheme, described once as data and used by every reader path ({@link
 * NanoEvents}, the processor's {@code Events}) and every typed view:
 *
 * <ul>
 *   <li><b>collections</b>: {@code X} exists when a counter {@code nX} exists; its fields are the
 *       jagged {@code X_*} branches counted by {@code nX} ({@link #counter}, {@link #isField});</li>
 *   <li><b>singletons</b>: flat {@code X_*} branches without a counter, such as {@code MET};</li>
 *   <li><b>counter → offsets</b>: {@link #offsets} is the one place that turns {@code nX} into list
 *       offsets;</li>
 *   <li><b>cross-references</b>: index fields ({@code Jet_genJetIdx}) point into a target collection
 *       ({@link #target}); {@link #resolve} applies coffea's local → global rule: an index {@code k}
 *       of event {@code e} becomes {@code targetOffsets[e] + k} when {@code 0 <= k < nTarget[e]},
 *       and −1 otherwise. NanoAOD stores −1 for "no match", and also indices past the objects it kept
 *       ({@code genJetIdx} is set before the GenJet pt cut); both become −1, so a cross-reference
 *       never points at an object that is not there;</li>
 *   <li><b>mixin kinds</b>: which typed view a collection gets ({@link #kind}), as coffea's
 *       {@code NanoAODSchema.mixins}.</li>
 * </ul>
 *
 * <pre>{@code
 * NanoSchema s = NanoSchema.nanoAOD();
 * s.target("Jet", "genJetIdx", names);  // "GenJet"
 * s.kind("Muon");                       // Kind.MUON
 * }</pre>
 */
public final class NanoSchema {
    /** The typed view a collection gets. */
    public enum Kind {
        /** {@code Jet}: four-vector, jet ID bits, b-tag, {@code genJetIdx}. */
        JET,
        /** {@code FatJet}: large-radius jets. */
        FAT_JET,
        /** {@code Muon}: charge, ID flags, isolation, {@code jetIdx}, {@code genPartIdx}. */
        MUON,
        /** {@code Electron}: charge, cut-based ID level, {@code jetIdx}, {@code photonIdx}. */
        ELECTRON,
        /** {@code Photon}. */
        PHOTON,
        /** {@code Tau}: hadronic taus. */
        TAU,
        /** {@code GenPart}: generator particles, {@code genPartIdxMother}. */
        GEN_PARTICLE,
        /** {@code GenJet}, {@code GenJetAK8}: generator jets. */
        GEN_JET,
        /** {@code MET}, {@code PuppiMET}, …: one missing-momentum record per event (pt, phi). */
        MISSING_ET,
        /** Any other collection: a generic record view (four-vector when it has pt, eta, phi, mass). */
        OTHER
    }

    private static final NanoSchema NANOAOD = new NanoSchema(kinds(), targets());

    private final Map<String, Kind> kinds;
    private final Map<String, String> targets;

    private NanoSchema(Map<String, Kind> kinds, Map<String, String> targets) {
        this.kinds = Map.copyOf(kinds);
        this.targets = Map.copyOf(targets);
    }

    /** @return the schema of CMS NanoAOD (Run 2 v9 to Run 3 v12+) */
    public static NanoSchema nanoAOD() {
        return NANOAOD;
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> k = new LinkedHashMap<>();
        k.put("Jet", Kind.JET);
        k.put("CorrT1METJet", Kind.OTHER);
        k.put("FatJet", Kind.FAT_JET);
        k.put("SubJet", Kind.JET);
        k.put("Muon", Kind.MUON);
        k.put("Electron", Kind.ELECTRON);
        k.put("LowPtElectron", Kind.ELECTRON);
        k.put("Photon", Kind.PHOTON);
        k.put("Tau", Kind.TAU);
        k.put("GenPart", Kind.GEN_PARTICLE);
        k.put("GenJet", Kind.GEN_JET);
        k.put("GenJetAK8", Kind.GEN_JET);
        for (String m : List.of("MET", "PuppiMET", "RawMET", "RawPuppiMET", "CaloMET", "ChsMET", "TkMET",
                "DeepMETResolutionTune", "DeepMETResponseTune", "GenMET")) {
            k.put(m, Kind.MISSING_ET);
        }
        return k;
    }

    /** Index fields whose target the name rule cannot find (field name → target collection). */
    private static Map<String, String> targets() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("genPartIdx", "GenPart");
        t.put("genPartIdxMother", "GenPart");
        t.put("genJetIdx", "GenJet");
        t.put("genJetAK8Idx", "GenJetAK8");
        t.put("jetIdx", "Jet");
        t.put("jetIdx1", "Jet");
        t.put("jetIdx2", "Jet");
        t.put("muonIdx", "Muon");
        t.put("muonIdx1", "Muon");
        t.put("muonIdx2", "Muon");
        t.put("electronIdx", "Electron");
        t.put("electronIdx1", "Electron");
        t.put("electronIdx2", "Electron");
        t.put("photonIdx", "Photon");
        t.put("tauIdx", "Tau");
        t.put("fatJetIdx", "FatJet");
        t.put("subJetIdx1", "SubJet");
        t.put("subJetIdx2", "SubJet");
        return t;
    }

    /**
     * @param collection collection name, e.g. {@code Muon}
     * @return its typed view kind, {@link Kind#OTHER} when the schema has none
     */
    public Kind kind(String collection) {
        return kinds.getOrDefault(collection, Kind.OTHER);
    }

    /**
     * @param collection collection name, e.g. {@code Jet}
     * @return its counter branch, {@code nJet}
     */
    public String counter(String collection) {
        return "n" + collection;
    }

    /**
     * Whether a jagged branch is a field of a collection: it is named {@code collection_field} (or
     * the collection's own name) and counted by {@code nCollection}; files written by uproot give
     * each jagged branch its own counter ({@code nJet_pt}), which counts too.
     *
     * @param collection collection name
     * @param branch branch name
     * @param counterOfBranch the branch's counter ({@code nJet}), or null for a flat branch
     * @return true if the branch belongs to the collection
     */
    public boolean isField(String collection, String branch, String counterOfBranch) {
        if (counterOfBranch == null) {
            return false;
        }
        boolean counted = counterOfBranch.equals(counter(collection)) || counterOfBranch.equals("n" + branch);
        return counted && (branch.startsWith(collection + "_") || branch.equals(collection));
    }

    /**
     * @param collection collection name
     * @param branch a field branch of it
     * @return the field name, e.g. {@code pt} for {@code Jet_pt}
     */
    public String fieldName(String collection, String branch) {
        return branch.equals(collection) ? collection : branch.substring(collection.length() + 1);
    }

    /**
     * Collection names of a set of branches: every {@code X} with a counter {@code nX} and at least
     * one {@code X_*} branch.
     *
     * @param branchNames every branch name
     * @return collection names in the order of their first field
     */
    public List<String> collectionNames(Collection<String> branchNames) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String n : branchNames) {
            int us = n.indexOf('_');
            if (us > 0 && branchNames.contains(counter(n.substring(0, us)))) {
                out.add(n.substring(0, us));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The collection an index field points into: the schema's table first ({@code genJetIdx} →
     * {@code GenJet}), then the name rule (the field without {@code Idx}, trailing digits and a
     * {@code Mother} suffix, matched case-insensitively against the collection names).
     *
     * @param source the collection holding the field (for messages)
     * @param idxField e.g. {@code genJetIdx}, {@code muonIdx2}, {@code genPartIdxMother}
     * @param collections collection names of the input
     * @return the target collection, or null when none matches
     */
    public String target(String source, String idxField, Collection<String> collections) {
        String t = targets.get(idxField);
        if (t != null && collections.contains(t)) {
            return t;
        }
        int at = idxField.lastIndexOf("Idx");
        if (at <= 0) {
            return null;
        }
        String rest = idxField.substring(at + 3);
        if (!rest.isEmpty() && !rest.equals("Mother") && !rest.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String stem = idxField.substring(0, at).toLowerCase(Locale.ROOT);
        for (String c : collections) {
            if (c.toLowerCase(Locale.ROOT).equals(stem)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The one counter → offsets conversion: {@code offsets[e+1] = offsets[e] + counts[e]}.
     *
     * @param counts the counter column ({@code nJet}), any integer type
     * @param where what is being read, for messages (e.g. {@code "file.root, tree Events, counter nJet"})
     * @param firstEntry the entry number of {@code counts[0]} in its tree, for messages
     * @return {@code counts.length() + 1} offsets starting at 0
     * @throws RootFormatException for a negative count or a total beyond 2^31 − 1
     */
    public static int[] offsets(PrimitiveColumn counts, String where, long firstEntry) {
        if (counts instanceof BoolColumn || counts.elementType().isFloatingPoint()) {
            throw new RootFormatException(where + ": a counter must be an integer column, got "
                    + counts.elementType());
        }
        int n = counts.length();
        int[] o = new int[n + 1];
        if (counts instanceof IntColumn i && !i.isUnsigned()) {
            int[] a = i.array();
            int base = i.offset();
            long total = 0;
            for (int e = 0; e < n; e++) {
                int c = a[base + e];
                total += c;
                if (c < 0 || total > Integer.MAX_VALUE) {
                    throw badCount(where, firstEntry + e, c);
                }
                o[e + 1] = (int) total;
            }
            return o;
        }
        long total = 0;
        for (int e = 0; e < n; e++) {
            long c = counts.getLong(e);
            total += c;
            if (c < 0 || total > Integer.MAX_VALUE) {
                throw badCount(where, firstEntry + e, c);
            }
            o[e + 1] = (int) total;
        }
        return o;
    }

    private static RootFormatException badCount(String where, long entry, long c) {
        return new RootFormatException(where + ": counts must be >= 0 and sum to less than 2^31, got " + c
                + " at entry " + entry);
    }

    /**
     * Resolves an index field against its target with coffea's local → global rule (see the class
     * comment): out-of-range indices become −1 in both the local and the global result.
     *
     * @param source source collection, e.g. {@code Jet}
     * @param field index field, e.g. {@code genJetIdx}
     * @param target target collection, e.g. {@code GenJet}
     * @param index the index field's lists (any integer type), one list per event
     * @param targetOffsets the target's offsets ({@link #offsets}), one more than events
     * @return the cross-reference
     */
    public static CrossReference resolve(String source, String field, String target, ListColumn<?> index,
            int[] targetOffsets) {
        if (!(index.content() instanceof PrimitiveColumn raw) || raw instanceof BoolColumn
                || raw.elementType().isFloatingPoint()) {
            throw new RootFormatException(source + "_" + field + ": an index field must hold integers");
        }
        int n = index.length();
        if (targetOffsets.length != n + 1) {
            throw new IllegalArgumentException("resolve: target offsets must have one entry per event plus one, got "
                    + targetOffsets.length + " for " + n + " events");
        }
        int[] so = index.zeroBasedOffsets();
        int base = index.offsets()[index.offsetsFrom()];
        int[] local = new int[so[n]];
        int[] global = new int[local.length];
        int bad = 0;
        for (int e = 0; e < n; e++) {
            int count = targetOffsets[e + 1] - targetOffsets[e];
            for (int j = so[e]; j < so[e + 1]; j++) {
                long k = raw.getLong(base + j);
                if (k >= 0 && k < count) {
                    local[j] = (int) k;
                    global[j] = targetOffsets[e] + (int) k;
                } else {
                    local[j] = -1;
                    global[j] = -1;
                    bad += k == -1 ? 0 : 1;
                }
            }
        }
        return new CrossReference(source, field, target, ListColumn.ofTrusted(so, IntColumn.of(local)),
                ListColumn.ofTrusted(so, IntColumn.of(global)), bad);
    }
}
