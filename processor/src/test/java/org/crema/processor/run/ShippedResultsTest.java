package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.crema.processor.Chunk;
import org.crema.processor.DatasetInfo;
import org.crema.processor.ProcessorException;
import org.crema.processor.TestData;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Counter;
import org.crema.processor.internal.Serialization;
import org.junit.jupiter.api.Test;

class ShippedResultsTest {
    final ProcessingTask<AccumulatorMap> task = new ProcessingTask<>(new ShippableCount(), new RootInputProvider(),
            null, false);

    Chunk chunk() {
        Path dy = TestData.nanoaod("nano_dy.root");
        return new Chunk(0, DatasetInfo.of("DY", true), dy.toString(), "Events", 0, 40, 40);
    }

    @Test
    void anOutcomeComesBackEqualThroughTheCheckpointFilter() {
        ChunkOutcome<AccumulatorMap> o = task.run(chunk());
        task.release();
        assertThat(o.succeeded()).isTrue();
        ChunkOutcome<AccumulatorMap> back = ShippedResults.readOutcome(ShippedResults.outcome(o, task), task);
        assertThat(back.result()).isEqualTo(o.result());
        assertThat(back.result().get("events", Counter.class).value()).isEqualTo(40);
        assertThat(back.chunk()).isEqualTo(o.chunk());
        assertThat(task.resultOwner()).isEqualTo(ShippableCount.class);
    }

    @Test
    void aCauseTheDriverWouldRefuseIsSentAsARemoteExceptionKeepingItsClassMessageAndTrace() {
        Chunk c = chunk();
        UncheckedIOException io = new UncheckedIOException("disk full", new IOException("no space left"));
        ChunkOutcome<AccumulatorMap> failed = new ChunkOutcome<>(c, null, ChunkFailure.of(c, false, io), 5, 0, false,
                io);
        ChunkOutcome<AccumulatorMap> back = ShippedResults.readOutcome(ShippedResults.outcome(failed, task), task);
        assertThat(back.failure()).isEqualTo(failed.failure());
        assertThat(back.cause()).isInstanceOf(ShippedResults.RemoteException.class)
                .hasMessage("java.io.UncheckedIOException: disk full");
        assertThat(((ShippedResults.RemoteException) back.cause()).originalClass())
                .isEqualTo("java.io.UncheckedIOException");
        assertThat(back.cause().getStackTrace()).isEqualTo(io.getStackTrace());
        assertThat(back.cause().getCause()).hasMessage("java.io.IOException: no space left");
    }

    @Test
    void anAdmittedCauseIsSentAsItself() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Throwable back = ShippedResults.readThrowable(ShippedResults.throwable(oom, task), task);
        assertThat(back).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
    }

    @Test
    void bytesHoldingAForeignClassAreRefusedNamingIt() {
        byte[] foreign = Serialization.toBytes(new java.io.File("/etc/passwd"));
        assertThatThrownBy(() -> ShippedResults.readOutcome(foreign, task)).isInstanceOf(ProcessorException.class)
                .hasMessageStartingWith("cannot read a chunk outcome sent by a worker (")
                .hasMessageContaining("holds a java.io.File, which is neither a crema class nor one of the"
                        + " processor's");
        byte[] notAnOutcome = Serialization.toBytes("hello");
        assertThatThrownBy(() -> ShippedResults.readOutcome(notAnOutcome, task))
                .hasMessage("a worker sent a java.lang.String where a chunk outcome was expected");
    }
}
