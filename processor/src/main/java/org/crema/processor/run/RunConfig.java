package org.crema.processor.run;

import java.nio.file.Path;

/**
 * Options of a run. Create with {@link #defaults()} and change with the {@code with…} methods.
 *
 * @param chunkSize target entries per chunk (chunks follow cluster boundaries, so they are at most this
 *     long unless a single cluster is longer, in which case it is split evenly)
 * @param workers threads; 1 selects the {@link IterativeExecutor}
 * @param maxFiles files per dataset to use, or -1 for all (only those files are inspected)
 * @param maxChunks chunks per dataset to process, or -1 for all
 * @param skipBadFiles skip and record chunks and files whose input cannot be read instead of stopping
 * @param resume reuse checkpointed chunk results from a previous run with the same output folder
 * @param output output folder, or {@code null} to write nothing (and checkpoint nothing)
 * @param progress print a progress line when a terminal is attached
 * @param treeName event tree name when the fileset does not say
 * @param unnormalised allow simulated datasets that cannot be normalised (no cross-section, or no
 *     luminosity for their year): their histograms stay unscaled and the output lists them; without it
 *     such a dataset stops the run before any event is read
 * @param configurationText the text of the configuration that built the processor (e.g. a YAML
 *     file), or {@code null}; it enters the checkpoints' fingerprint, so editing it invalidates them
 */
public record RunConfig(long chunkSize, int workers, int maxFiles, int maxChunks, boolean skipBadFiles,
        boolean resume, Path output, boolean progress, String treeName, boolean unnormalised,
        String configurationText) {

    /** Validates the options. */
    public RunConfig {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        if (maxFiles == 0 || maxFiles < -1 || maxChunks == 0 || maxChunks < -1) {
            throw new IllegalArgumentException("maxFiles and maxChunks must be >= 1 or -1 (all), got maxFiles="
                    + maxFiles + ", maxChunks=" + maxChunks);
        }
        if (resume && output == null) {
            throw new IllegalArgumentException("resume needs an output folder (the checkpoints live there)");
        }
    }

    /** @return 100 000 entries per chunk, one worker per core, all files, no output folder */
    public static RunConfig defaults() {
        return new RunConfig(100_000, Runtime.getRuntime().availableProcessors(), -1, -1, false, false, null, true,
                "Events", false, null);
    }

    /** @param v entries per chunk @return a copy with that value */
    public RunConfig withChunkSize(long v) {
        return new RunConfig(v, workers, maxFiles, maxChunks, skipBadFiles, resume, output, progress, treeName,
                unnormalised, configurationText);
    }

    /** @param v worker threads @return a copy with that value */
    public RunConfig withWorkers(int v) {
        return new RunConfig(chunkSize, v, maxFiles, maxChunks, skipBadFiles, resume, output, progress, treeName,
                unnormalised, configurationText);
    }

    /** @param v files per dataset, -1 for all @return a copy with that value */
    public RunConfig withMaxFiles(int v) {
        return new RunConfig(chunkSize, workers, v, maxChunks, skipBadFiles, resume, output, progress, treeName,
                unnormalised, configurationText);
    }

    /** @param v chunks per dataset, -1 for all @return a copy with that value */
    public RunConfig withMaxChunks(int v) {
        return new RunConfig(chunkSize, workers, maxFiles, v, skipBadFiles, resume, output, progress, treeName,
                unnormalised, configurationText);
    }

    /** @param v skip unreadable input @return a copy with that value */
    public RunConfig withSkipBadFiles(boolean v) {
        return new RunConfig(chunkSize, workers, maxFiles, maxChunks, v, resume, output, progress, treeName,
                unnormalised, configurationText);
    }

    /** @param v reuse checkpoints @return a copy with that value */
    public RunConfig withResume(boolean v) {
        return new RunConfig(chunkSize, workers, maxFiles, maxChunks, skipBadFiles, v, output, progress, treeName,
                unnormalised, configurationText);
    }

    /** @param v output folder or null @return a copy with that value */
    public RunConfig withOutput(Path v) {
        return new RunConfig(chunkSize, workers, maxFiles, maxChunks, skipBadFiles, resume, v, progress, treeName,
                unnormalised, configurationText);
    }

    /** @param v show a progress line on a terminal @return a copy with that value */
    public RunConfig withProgress(boolean v) {
        return new RunConfig(chunkSize, workers, maxFiles, maxChunks, skipBadFiles, resume, output, v, treeName,
                unnormalised, configurationText);
    }

    /** @param v keep unnormalisable simulated datasets unscaled instead of refusing the run @return a copy */
    public RunConfig withUnnormalised(boolean v) {
        return new RunConfig(chunkSize, workers, maxFiles, maxChunks, skipBadFiles, resume, output, progress, treeName,
                v, configurationText);
    }

    /** @param v the processor's configuration text, or null @return a copy with that value */
    public RunConfig withConfigurationText(String v) {
        return new RunConfig(chunkSize, workers, maxFiles, maxChunks, skipBadFiles, resume, output, progress, treeName,
                unnormalised, v);
    }
}
