package org.crema.processor.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crema.processor.Chunk;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.internal.Serialization;

/**
 * What a run output needs to be merged exactly with runs over other parts of the same datasets: the
 * processor, its merged accumulator <em>before</em> {@link Processor#postprocess} (exact sums:
 * histograms' {@code ExactSum} state, cutflows, Σ genWeight) and the entry ranges it covered.
 * {@link RunOutput#write(Path, RunAccumulators)} stores it as the file {@value #FILE}, framed with its
 * SHA-256 like a checkpoint and listed in the manifest.
 *
 * <p>Why not merge the written result: post-processing scales simulation by
 * {@code luminosity × xsec / Σ genWeight} of the whole dataset, and a run over part of a dataset only
 * knows its own part's Σ genWeight. Merging the unnormalised accumulators and post-processing once
 * gives, for any split into disjoint parts, the result a single run over all parts gives, bit for bit
 * (every accumulator's merge is exact and order-independent).
 *
 * @param processor the run's processor, which post-processes the merged accumulators
 * @param unnormalised the merged chunk results before post-processing, without event rows (skims and
 *     saved columns are written as files, not merged); {@code null} when no chunk succeeded
 * @param covered every chunk that succeeded, in plan order
 * @param eventFiles whether the run wrote skims or saved columns beside its result
 * @param <A> accumulator type
 */
public record RunAccumulators<A extends Accumulator<A>>(Processor<A> processor, A unnormalised,
        List<Coverage> covered, boolean eventFiles) implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Name of the file in a run output folder. */
    public static final String FILE = "accumulators";

    /**
     * One chunk a run processed.
     *
     * @param dataset dataset name
     * @param file the file as the fileset names it (absolute when the fileset gave a relative path)
     * @param tree tree name
     * @param entryStart first entry
     * @param entryStop one past the last entry
     */
    public record Coverage(String dataset, String file, String tree, long entryStart, long entryStop)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        static Coverage of(Chunk c) {
            return new Coverage(c.dataset().name(), c.file(), c.treeName(), c.entryStart(), c.entryStop());
        }

        /**
         * Whether both read an entry of the same file, or are the same (possibly empty) range: an empty
         * file's one empty chunk still carries its file's Σ genWeight from the {@code Runs} tree.
         *
         * @param o another range
         * @return whether merging both would count something twice
         */
        public boolean overlaps(Coverage o) {
            if (!sameFile(file, o.file) || !tree.equals(o.tree)) {
                return false;
            }
            return entryStart < o.entryStop && o.entryStart < entryStop
                    || entryStart == o.entryStart && entryStop == o.entryStop;
        }

        private static boolean sameFile(String a, String b) {
            if (a.equals(b)) {
                return true;
            }
            if (a.contains("://") || b.contains("://")) {
                return false;
            }
            try {
                return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath().normalize());
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "dataset '" + dataset + "', file " + file + ", tree " + tree + ", entries " + entryStart + "-"
                    + entryStop;
        }
    }

    /** Copies the list. */
    public RunAccumulators {
        Objects.requireNonNull(processor, "processor");
        covered = List.copyOf(covered);
    }

    /**
     * The state of a run from its chunks.
     *
     * @param processor the processor
     * @param unnormalised merged chunk results before post-processing, without event rows
     * @param chunks the chunks that succeeded, in any order
     * @param eventFiles whether the run wrote skims or saved columns
     * @param <A> accumulator type
     * @return the state, with the chunks in plan order
     */
    static <A extends Accumulator<A>> RunAccumulators<A> of(Processor<A> processor, A unnormalised,
            List<Chunk> chunks, boolean eventFiles) {
        List<Chunk> sorted = new ArrayList<>(chunks);
        sorted.sort(Comparator.comparingInt(Chunk::index));
        return new RunAccumulators<>(processor, unnormalised, sorted.stream().map(Coverage::of).toList(), eventFiles);
    }

    /**
     * Merges another part: the accumulators merge exactly; the coverages are concatenated.
     *
     * @param other a run over another part, with the same processor
     * @return the merged state
     */
    public RunAccumulators<A> merge(RunAccumulators<A> other) {
        A merged = unnormalised == null ? other.unnormalised
                : other.unnormalised == null ? unnormalised : unnormalised.merge(other.unnormalised);
        List<Coverage> all = new ArrayList<>(covered);
        all.addAll(other.covered);
        return new RunAccumulators<>(processor, merged, all, eventFiles || other.eventFiles);
    }

    /** @return the post-processed result, as a run writes it; {@code null} when no chunk succeeded */
    public A postprocessed() {
        return unnormalised == null ? null : processor.postprocess(unnormalised);
    }

    byte[] toBytes() {
        return Serialization.frame(Serialization.toBytes(this));
    }

    /**
     * Reads the {@value #FILE} file of a run output. Deserialization admits only crema's classes and
     * those from the same jar or folder as the processor class the output names.
     *
     * @param dir the output folder, for messages
     * @param files the folder's files as {@link RunOutput#verify} returned them
     * @param processorClass the class name the output's configuration records
     * @return the state, or {@code null} when the output has no {@value #FILE} file (written before
     *     crema stored it)
     * @throws UncheckedIOException naming the file when it is damaged or its processor class is not on
     *     the class path
     */
    public static RunAccumulators<?> read(Path dir, Map<String, byte[]> files, String processorClass) {
        byte[] framed = files.get(FILE);
        if (framed == null) {
            return null;
        }
        Path file = dir.resolve(FILE);
        try {
            Class<?> owner;
            try {
                owner = Class.forName(processorClass, false, RunAccumulators.class.getClassLoader());
            } catch (ClassNotFoundException | NullPointerException e) {
                throw new IOException("its processor class " + processorClass + " is not on the class path (add the"
                        + " analysis jar)");
            }
            Object o = Serialization.read(new ByteArrayInputStream(Serialization.unframe(framed)),
                    owner.getClassLoader(), Serialization.cremaFilter(owner));
            if (!(o instanceof RunAccumulators<?> r) || !r.processor().getClass().getName().equals(processorClass)) {
                throw new IOException("not the accumulators of a " + processorClass + " run");
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
