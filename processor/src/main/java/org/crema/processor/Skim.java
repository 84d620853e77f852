package org.crema.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A skim a processor declares ({@link AnalysisProcessor#skimOutput()}): the events passing a named
 * selection, with the chosen input branches, written at the end of the run as one NanoAOD-shaped
 * ROOT file per dataset ({@code skims/<dataset>.root}: an {@code Events} tree with flat branches and
 * jagged ones with their counters, and for simulation a {@code Runs} tree carrying Σ genWeight of
 * every event read, so the skim can still be normalised).
 *
 * <pre>{@code
 * protected Skim skimOutput() {
 *     return Skim.of("2mu", "run", "luminosityBlock", "event", "genWeight", "Muon_*", "MET_pt");
 * }
 * }</pre>
 *
 * @param selection a category name (events passing the preselection and that category, in the
 *     nominal pass), or {@link #PRESELECTION} for every preselected event
 * @param branches input branch names; a name ending in {@code *} is a prefix ({@code Muon_*}). A
 *     jagged branch brings its counter ({@code nMuon}) along.
 */
public record Skim(String selection, List<String> branches) {
    /** The selection of every event passing the preselection. */
    public static final String PRESELECTION = "preselection";

    /** Checks and copies. */
    public Skim {
        Objects.requireNonNull(selection, "selection");
        branches = List.copyOf(branches);
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("skim of '" + selection + "' names no branch");
        }
    }

    /**
     * @param selection category name or {@link #PRESELECTION}
     * @param branches branch names or prefixes ending in {@code *}
     * @return the skim
     */
    public static Skim of(String selection, String... branches) {
        return new Skim(selection, List.of(branches));
    }

    /**
     * The branches to write: each name in order, each prefix's matches sorted, without repeats.
     *
     * @param available the input's branch names
     * @return resolved names
     * @throws NoSuchColumnException if a name, or a prefix, matches no branch
     */
    public List<String> resolve(Collection<String> available) {
        List<String> out = new ArrayList<>();
        for (String b : branches) {
            if (b.endsWith("*")) {
                String prefix = b.substring(0, b.length() - 1);
                TreeSet<String> m = new TreeSet<>();
                for (String a : available) {
                    if (a.startsWith(prefix)) {
                        m.add(a);
                    }
                }
                if (m.isEmpty()) {
                    throw new NoSuchColumnException("skim of '" + selection + "': no branch matches '" + b + "'");
                }
                m.stream().filter(x -> !out.contains(x)).forEach(out::add);
            } else if (!available.contains(b)) {
                throw new NoSuchColumnException("skim of '" + selection + "': no branch '" + b + "'");
            } else if (!out.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }
}
