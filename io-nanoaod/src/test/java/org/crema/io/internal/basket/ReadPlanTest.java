package org.crema.io.internal.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.source.ByteSource;
import org.crema.io.internal.source.MemorySource;
import org.crema.io.internal.source.SourceIdentity;
import org.junit.jupiter.api.Test;

/** How a read plan merges basket ranges, serves reads from them and falls back for others. */
class ReadPlanTest {
    private static final ErrorContext WHERE = ErrorContext.ofFile("mem.root");

    /** Counts the reads reaching the underlying bytes. */
    private static class Counting implements ByteSource {
        final MemorySource inner;
        final AtomicInteger reads = new AtomicInteger();
        final List<long[]> ranges = new ArrayList<>();

        Counting(byte[] bytes) {
            inner = new MemorySource("mem.root", bytes);
        }

        @Override
        public SourceIdentity identity() {
            return inner.identity();
        }

        @Override
        public synchronized void readInto(long offset, int length, byte[] dst, int dstOffset, ErrorContext where) {
            reads.incrementAndGet();
            ranges.add(new long[] {offset, length});
            inner.readInto(offset, length, dst, dstOffset, where);
        }

        @Override
        public void close() {
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static byte[] read(ByteSource s, long offset, int length) {
        byte[] out = new byte[length];
        s.readInto(offset, length, out, 0, WHERE);
        return out;
    }

    @Test
    void basketsCloserThanTheGapShareOneRead() {
        byte[] data = bytes(1 << 20);
        Counting source = new Counting(data);
        // Three baskets with gaps 100 and 1000, one far away, one listed twice, in no order.
        List<long[]> baskets = List.of(new long[] {5000, 300}, new long[] {1000, 200}, new long[] {1300, 3600},
                new long[] {900_000, 50}, new long[] {1000, 200});
        ReadPlan plan = ReadPlan.of(source, baskets, 1000, 1 << 20, WHERE);
        assertThat(plan.ranges()).isEqualTo(2);
        assertThat(plan.plannedBytes()).isEqualTo(5300 - 1000 + 50);
        for (long[] b : List.of(new long[] {1000, 200}, new long[] {5000, 300}, new long[] {1300, 3600},
                new long[] {900_000, 50})) {
            assertThat(read(plan, b[0], (int) b[1])).isEqualTo(Arrays.copyOfRange(data, (int) b[0],
                    (int) (b[0] + b[1])));
        }
        assertThat(source.reads.get()).as("one read per range").isEqualTo(2);
        assertThat(source.ranges.get(0)).containsExactly(1000, 4300);
    }

    @Test
    void aGapAboveTheThresholdSplitsTheRanges() {
        Counting source = new Counting(bytes(10_000));
        ReadPlan plan = ReadPlan.of(source, List.of(new long[] {0, 100}, new long[] {201, 100}), 100, 1 << 20, WHERE);
        assertThat(plan.ranges()).isEqualTo(2);
        assertThat(ReadPlan.of(source, List.of(new long[] {0, 100}, new long[] {200, 100}), 100, 1 << 20, WHERE)
                .ranges()).isEqualTo(1);
    }

    @Test
    void readsOutsideThePlanAndAfterARangeWasDroppedGoToTheSource() {
        byte[] data = bytes(10_000);
        Counting source = new Counting(data);
        ReadPlan plan = ReadPlan.of(source, List.of(new long[] {100, 50}, new long[] {160, 40}), 64, 1 << 20, WHERE);
        assertThat(read(plan, 100, 50)).isEqualTo(Arrays.copyOfRange(data, 100, 150));
        assertThat(read(plan, 160, 40)).isEqualTo(Arrays.copyOfRange(data, 160, 200));
        assertThat(source.reads.get()).isEqualTo(1);
        // Every basket of the range has been read: it is dropped, and a second read goes to the source.
        assertThat(read(plan, 160, 40)).isEqualTo(Arrays.copyOfRange(data, 160, 200));
        assertThat(read(plan, 5000, 10)).isEqualTo(Arrays.copyOfRange(data, 5000, 5010));
        assertThat(read(plan, 190, 20)).isEqualTo(Arrays.copyOfRange(data, 190, 210)); // crosses the range end
        assertThat(source.reads.get()).isEqualTo(4);
    }

    @Test
    void theNextRangeIsFetchedAheadWhenItFits() throws Exception {
        Counting source = new Counting(bytes(100_000));
        List<long[]> baskets = List.of(new long[] {0, 1000}, new long[] {50_000, 1000}, new long[] {90_000, 1000});
        ReadPlan plan = ReadPlan.of(source, baskets, 0, 2000, WHERE);
        read(plan, 0, 1000);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (source.reads.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(source.reads.get()).as("range 1 fetched ahead").isEqualTo(2);
        Thread.sleep(50);
        assertThat(source.reads.get()).as("range 2 not yet: the bound is two ranges").isEqualTo(2);
        Counting quiet = new Counting(bytes(100_000));
        read(ReadPlan.of(quiet, baskets, 0, 0, WHERE), 0, 1000);
        Thread.sleep(50);
        assertThat(quiet.reads.get()).as("no prefetch with a zero bound").isEqualTo(1);
    }

    @Test
    void aFailedRangeFailsTheReadWithTheSourceError() {
        ByteSource failing = new Counting(bytes(1000)) {
            @Override
            public synchronized void readInto(long offset, int length, byte[] dst, int dstOffset, ErrorContext where) {
                throw new RootException(where.describe() + ": http://example/file.root: bytes [" + offset + ", "
                        + (offset + length) + "): connection reset");
            }
        };
        ReadPlan plan = ReadPlan.of(failing, List.of(new long[] {10, 20}, new long[] {40, 20}), 64, 1 << 20, WHERE);
        assertThatThrownBy(() -> read(plan, 10, 20)).isInstanceOf(RootException.class)
                .hasMessageContaining("http://example/file.root: bytes [10, 60): connection reset");
    }
}
