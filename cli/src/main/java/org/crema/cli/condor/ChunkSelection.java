package org.crema.cli.condor;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.crema.processor.Chunk;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.run.ChunkExecutor;
import org.crema.processor.run.ChunkOutcome;
import org.crema.processor.run.ChunkTask;

/**
 * A set of chunk indices of a run's plan, written {@code 0-9,12,20-24}: what one batch job runs
 * ({@code crema run --chunks LIST}). Chunk indices are stable for a given fileset, chunk size and
 * file contents, because the plan is (files in fileset order, split at basket clusters).
 *
 * @param indices the selected chunk indices
 */
public record ChunkSelection(BitSet indices) {

    /**
     * @param list e.g. {@code 0-9,12}
     * @return the selection
     * @throws IllegalArgumentException naming the bad element
     */
    public static ChunkSelection parse(String list) {
        BitSet b = new BitSet();
        for (String part : list.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
                if (from < 0 || to < from) {
                    throw new NumberFormatException();
                }
                b.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--chunks: '" + p + "' in '" + list + "' is not a chunk index or"
                        + " range; expected e.g. 0-9,12");
            }
        }
        return new ChunkSelection(b);
    }

    /**
     * @param from first index
     * @param to last index, inclusive
     * @return {@code from-to}, or {@code from} when they are equal
     */
    static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    /**
     * Runs only the selected chunks of the plan on a delegate executor; the fold over them keeps
     * chunk order.
     *
     * @param delegate the executor that runs them
     * @return the executor
     */
    public ChunkExecutor executor(ChunkExecutor delegate) {
        return new ChunkExecutor() {
            @Override
            public String name() {
                return delegate.name() + " chunks " + ChunkSelection.this;
            }

            @Override
            public int parallelism() {
                return delegate.parallelism();
            }

            @Override
            public <A extends Accumulator<A>> A execute(List<Chunk> chunks, ChunkTask<A> task,
                    Consumer<ChunkOutcome<A>> observer) {
                int last = indices.length() - 1;
                if (last >= chunks.size()) {
                    throw new IllegalArgumentException("--chunks " + ChunkSelection.this + ": the plan has "
                            + chunks.size() + " chunks (0-" + (chunks.size() - 1) + "); was the job list made with"
                            + " another fileset or chunk size?");
                }
                List<Chunk> kept = new ArrayList<>();
                for (Chunk c : chunks) {
                    if (indices.get(c.index())) {
                        kept.add(c);
                    }
                }
                return delegate.execute(kept, task, observer);
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = indices.nextSetBit(0); i >= 0; ) {
            int end = indices.nextClearBit(i) - 1;
            sb.append(sb.isEmpty() ? "" : ",").append(range(i, end));
            i = indices.nextSetBit(end + 1);
        }
        return sb.toString();
    }
}
