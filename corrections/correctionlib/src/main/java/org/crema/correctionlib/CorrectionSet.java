package org.crema.correctionlib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A correctionlib schema-v2 file: named {@link Correction}s and {@link CompoundCorrection}s.
 * Loading validates the whole document and compiles every correction once; the set is then
 * immutable and safe to share between threads, so load it once per job, not per chunk.
 *
 * <pre>{@code
 * CorrectionSet set = CorrectionSet.load(Path.of("muon_Z.json.gz"));
 * Correction sf = set.correction("NUM_TightID_DEN_TrackerMuons");
 * }</pre>
 */
public final class CorrectionSet {
    private final String source;
    private final String description;
    private final Map<String, Correction> corrections;
    private final Map<String, CompoundCorrection> compounds;

    CorrectionSet(String source, String description, Map<String, Correction> corrections,
            Map<String, CompoundCorrection> compounds) {
        this.source = source;
        this.description = description;
        this.corrections = java.util.Collections.unmodifiableMap(corrections);
        this.compounds = java.util.Collections.unmodifiableMap(compounds);
    }

    /**
     * Loads a {@code .json} or gzip-compressed {@code .json.gz} file (detected by its magic bytes,
     * not its name). Bare {@code Infinity}, {@code -Infinity} and {@code NaN} tokens are accepted.
     *
     * @param file the file
     * @return the validated, compiled set
     * @throws CorrectionSchemaException when the file cannot be read or does not follow schema v2;
     *     the message gives the JSON path of the offending element
     */
    public static CorrectionSet load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SchemaReader.read(in, file.toString());
        } catch (IOException e) {
            throw new CorrectionSchemaException(file.toString(), "cannot read: " + e, e);
        }
    }

    /**
     * Parses a document held in a string.
     *
     * @param json the JSON text
     * @return the validated, compiled set
     * @throws CorrectionSchemaException when it does not follow schema v2
     */
    public static CorrectionSet parse(String json) {
        return SchemaReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "<string>");
    }

    /**
     * Reads a document from a stream (plain or gzip), which is not closed.
     *
     * @param in the stream
     * @param sourceName how messages name the source
     * @return the validated, compiled set
     */
    public static CorrectionSet read(InputStream in, String sourceName) {
        return SchemaReader.read(in, sourceName);
    }

    /** @return the file name (or "&lt;string&gt;") the set was read from */
    public String source() {
        return source;
    }

    /** @return the description, empty when the file has none */
    public String description() {
        return description;
    }

    /** @return the schema version (always 2) */
    public int schemaVersion() {
        return 2;
    }

    /** @return correction names, in file order */
    public Set<String> names() {
        return corrections.keySet();
    }

    /** @return compound correction names, in file order */
    public Set<String> compoundNames() {
        return compounds.keySet();
    }

    /** @return the corrections, in file order */
    public List<Correction> corrections() {
        return List.copyOf(corrections.values());
    }

    /** @return the compound corrections, in file order */
    public List<CompoundCorrection> compounds() {
        return List.copyOf(compounds.values());
    }

    /**
     * @param name a correction name
     * @return the correction
     * @throws CorrectionException when the set has no such correction (the message lists similar names)
     */
    public Correction correction(String name) {
        Correction c = corrections.get(name);
        if (c == null) {
            throw missing("correction", name, corrections.keySet());
        }
        return c;
    }

    /**
     * @param name a compound correction name
     * @return the compound correction
     * @throws CorrectionException when the set has no such compound correction
     */
    public CompoundCorrection compound(String name) {
        CompoundCorrection c = compounds.get(name);
        if (c == null) {
            throw missing("compound correction", name, compounds.keySet());
        }
        return c;
    }

    /**
     * @param name a correction or compound correction name
     * @return whichever the set holds under that name (corrections first)
     * @throws CorrectionException when neither exists
     */
    public Corrector corrector(String name) {
        Correction c = corrections.get(name);
        if (c != null) {
            return c;
        }
        CompoundCorrection cc = compounds.get(name);
        if (cc != null) {
            return cc;
        }
        List<String> all = new ArrayList<>(corrections.keySet());
        all.addAll(compounds.keySet());
        throw missing("correction or compound correction", name, all);
    }

    private CorrectionException missing(String what, String name, java.util.Collection<String> names) {
        List<String> similar = new ArrayList<>();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String n : names) {
            String l = n.toLowerCase(java.util.Locale.ROOT);
            if (l.contains(lower) || lower.contains(l)) {
                similar.add(n);
            }
        }
        String hint = similar.isEmpty()
                ? (names.size() <= 20 ? "; available: " + names : "; the set has " + names.size() + " of them")
                : "; similar: " + similar.subList(0, Math.min(10, similar.size()));
        return new CorrectionException(source + ": no " + what + " named '" + name + "'" + hint);
    }

    @Override
    public String toString() {
        return "CorrectionSet[" + source + ", " + corrections.size() + " corrections, " + compounds.size() + " compound]";
    }
}
