package org.crema.processor.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.UncheckedIOException;
import org.crema.processor.ProcessorException;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.internal.Serialization;

/**
 * Chunk outcomes and task errors as bytes, for executors that run chunk tasks in other processes. They
 * are stored the way checkpoints are: Java serialization on the worker, read back on the driver through
 * the checkpoint filter ({@link Serialization#cremaFilter}), which admits only crema's classes, the JDK's
 * value and collection classes and those loaded from the same jar or folder as the task's
 * {@linkplain ChunkTask#resultOwner() result owner} (the processor). Bytes from a worker are thus never
 * trusted more than a checkpoint file is.
 *
 * <p>An exception can be of any class (a library's, the JDK's {@code java.io} ones), which the filter
 * would refuse on the driver. {@link #outcome} and {@link #throwable} therefore check a failure's cause on
 * the worker and, if the driver could not read it, ship a {@link RemoteException} in its place that keeps
 * the original class name, message and stack trace at every level of the cause chain.
 */
public final class ShippedResults {
    private ShippedResults() {
    }

    /**
     * Serializes an outcome on the worker. A result that cannot be serialized becomes a failed outcome
     * naming its chunk and the reason, so the driver reports it like any failure of the processor's code.
     *
     * @param outcome the outcome of {@code task.run(chunk)}
     * @param task the task that produced it
     * @param <A> accumulator type
     * @return the bytes to send to the driver
     */
    public static <A extends Accumulator<A>> byte[] outcome(ChunkOutcome<A> outcome, ChunkTask<A> task) {
        ChunkOutcome<A> o = outcome;
        if (o.cause() != null) {
            o = new ChunkOutcome<>(o.chunk(), o.result(), o.failure(), o.nanos(), o.bytesRead(), o.fromCheckpoint(),
                    readable(o.cause(), task), o.checkpointProblem());
        }
        try {
            return Serialization.toBytes(o);
        } catch (UncheckedIOException e) {
            ProcessorException why = new ProcessorException("the result cannot be sent to the driver: "
                    + ChunkFailure.messageOf(e.getCause() == null ? e : e.getCause())
                    + " (every field of the accumulator must be serializable)");
            return Serialization.toBytes(new ChunkOutcome<A>(o.chunk(), null, ChunkFailure.of(o.chunk(), false, why),
                    o.nanos(), o.bytesRead(), false, why, o.checkpointProblem()));
        }
    }

    /**
     * Reads an outcome on the driver.
     *
     * @param bytes what {@link #outcome} wrote
     * @param task the task whose result owner's classes are admitted
     * @param <A> accumulator type
     * @return the outcome
     * @throws ProcessorException if the bytes are damaged or hold a class the filter refuses (the message
     *     names it)
     */
    public static <A extends Accumulator<A>> ChunkOutcome<A> readOutcome(byte[] bytes, ChunkTask<A> task) {
        Object o = read(bytes, task, "a chunk outcome");
        if (!(o instanceof ChunkOutcome<?> outcome)) {
            throw new ProcessorException("a worker sent a " + o.getClass().getName() + " where a chunk outcome was"
                    + " expected");
        }
        @SuppressWarnings("unchecked")
        ChunkOutcome<A> typed = (ChunkOutcome<A>) outcome;
        return typed;
    }

    /**
     * Serializes an exception that escaped a task on the worker.
     *
     * @param error what {@code task.run} threw
     * @param task the task
     * @return the bytes to send to the driver
     */
    public static byte[] throwable(Throwable error, ChunkTask<?> task) {
        return Serialization.toBytes(readable(error, task));
    }

    /**
     * Reads an exception on the driver.
     *
     * @param bytes what {@link #throwable} wrote
     * @param task the task whose result owner's classes are admitted
     * @return the exception, or a {@link RemoteException} standing for it
     * @throws ProcessorException if the bytes are damaged or refused by the filter
     */
    public static Throwable readThrowable(byte[] bytes, ChunkTask<?> task) {
        Object o = read(bytes, task, "an exception");
        if (!(o instanceof Throwable t)) {
            throw new ProcessorException("a worker sent a " + o.getClass().getName() + " where an exception was"
                    + " expected");
        }
        return t;
    }

    private static Object read(byte[] bytes, ChunkTask<?> task, String what) {
        Class<?> owner = task.resultOwner();
        try {
            Object o = Serialization.read(new ByteArrayInputStream(bytes), owner.getClassLoader(),
                    Serialization.cremaFilter(owner));
            if (o == null) {
                throw new ProcessorException("a worker sent null where " + what + " was expected");
            }
            return o;
        } catch (IOException e) {
            throw new ProcessorException("cannot read " + what + " sent by a worker (" + bytes.length + " bytes): "
                    + e.getMessage(), e);
        }
    }

    /** @return {@code t} if the driver's filter admits all of it, else a {@link RemoteException} copy */
    static Throwable readable(Throwable t, ChunkTask<?> task) {
        ObjectInputFilter filter = Serialization.cremaFilter(task.resultOwner());
        try {
            // The exact test the driver will make: serialize and read back through the same filter.
            Serialization.read(new ByteArrayInputStream(Serialization.toBytes(t)), task.resultOwner().getClassLoader(),
                    filter);
            return t;
        } catch (IOException | RuntimeException e) {
            return RemoteException.copyOf(t);
        }
    }

    /**
     * Stands for an exception that cannot be sent as itself: it keeps the original class name (in the
     * message and in {@link #originalClass()}), message and stack trace, and the same for its causes.
     */
    public static final class RemoteException extends ProcessorException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        private RemoteException(String originalClass, String message, RemoteException cause) {
            super(originalClass + (message == null ? "" : ": " + message), cause);
            this.originalClass = originalClass;
        }

        static RemoteException copyOf(Throwable t) {
            java.util.IdentityHashMap<Throwable, Boolean> seen = new java.util.IdentityHashMap<>();
            return copy(t, seen);
        }

        private static RemoteException copy(Throwable t, java.util.IdentityHashMap<Throwable, Boolean> seen) {
            seen.put(t, Boolean.TRUE);
            Throwable c = t.getCause();
            RemoteException cause = c == null || seen.containsKey(c) ? null : copy(c, seen);
            RemoteException r = new RemoteException(t.getClass().getName(), t.getMessage(), cause);
            r.setStackTrace(t.getStackTrace());
            return r;
        }

        /** @return the class name of the exception this stands for */
        public String originalClass() {
            return originalClass;
        }
    }
}
