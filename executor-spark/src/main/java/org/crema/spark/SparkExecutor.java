package org.crema.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.crema.processor.Chunk;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.run.ChunkExecutor;
import org.crema.processor.run.ChunkOutcome;
import org.crema.processor.run.ChunkTask;
import org.crema.processor.run.ShippedResults;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Runs chunk tasks on Apache Spark: the chunks, in plan order, are cut into contiguous groups, each
 * group becomes one partition of an RDD and so one Spark task, and every task runs the runner's own
 * {@link ChunkTask} (open the chunk, run the processor, checkpoint) on its chunks. Each outcome comes
 * back to the driver as bytes read through the checkpoint filter ({@link ShippedResults}), the observer
 * sees it as its group finishes, and the results are folded in chunk order exactly as
 * {@link org.crema.processor.run.MultiThreadedExecutor} does, so the merged result is bit-identical to a
 * local run for any grouping, number of executors or task retries.
 *
 * <p><b>Failures.</b> A chunk whose input cannot be read or whose processor throws an exception is an
 * outcome like any other: the runner stops or skips it as it does locally, and Spark does not retry it
 * (the same input would fail again). Anything that escapes the task itself — an {@link Error} thrown by
 * the processor, a lost executor — fails the Spark task, which Spark retries on any executor up to
 * {@code spark.task.maxFailures} times (the {@code F} of {@code local[N,F]} in local mode, where the
 * default is one attempt). When the last attempt fails too, {@link #execute} throws a
 * {@link ChunkExecutor.WorkerError} naming the chunk.
 *
 * <p><b>Files.</b> The driver plans (it opens each file once for its entry count); the executors read
 * the chunks. Both must see the files at the same paths, and checkpoints ({@code --output}) are written
 * by the executors, so the output folder must be on a file system they share.
 *
 * <p>Not thread-safe: run one execution at a time per executor object.
 */
public final class SparkExecutor implements ChunkExecutor, AutoCloseable {
    private static final Pattern LOCAL_WITH_FAILURES = Pattern.compile("local\\[\\s*(\\d+|\\*)\\s*,\\s*(\\d+)\\s*]");

    /** JVM options every executor gets unless the settings already name the Vector API module. */
    static final String EXECUTOR_JAVA_OPTIONS = "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED";

    private final SparkContext context;
    private final boolean ownsContext;
    private final int chunksPerTask;
    private final int maxTaskFailures;

    /**
     * Uses a running Spark context, which the caller keeps and stops.
     *
     * @param context the context (e.g. {@code JavaSparkContext.sc()} or {@code SparkSession.sparkContext()})
     * @param chunksPerTask chunks per Spark task, at least 1, or 0 to choose: about four tasks per
     *     executor core, so that fast executors take more of them
     */
    public SparkExecutor(SparkContext context, int chunksPerTask) {
        this(context, chunksPerTask, false);
    }

    private SparkExecutor(SparkContext context, int chunksPerTask, boolean ownsContext) {
        this.context = Objects.requireNonNull(context, "context");
        if (chunksPerTask < 0) {
            throw new IllegalArgumentException("chunksPerTask must be >= 1, or 0 to choose, got " + chunksPerTask);
        }
        this.chunksPerTask = chunksPerTask;
        this.ownsContext = ownsContext;
        this.maxTaskFailures = maxTaskFailures(context.master(), context.getConf());
    }

    /**
     * Starts a Spark context that {@link #close()} stops.
     *
     * @param master a Spark master URL: {@code local[2]}, {@code local[2,3]} (3 attempts per task),
     *     {@code spark://host:7077}, …, or {@code null} to take {@code spark.master} from the settings or
     *     from {@code spark-submit}
     * @param settings further Spark settings ({@code spark.executor.memory}, …); may be empty
     * @param chunksPerTask chunks per Spark task, or 0 to choose
     * @return the executor
     */
    public static SparkExecutor start(String master, Map<String, String> settings, int chunksPerTask) {
        SparkConf conf = new SparkConf();
        conf.setAppName("crema");
        // Spark logs every stage at INFO; crema prints its own progress and summary.
        conf.setIfMissing("spark.log.level", "WARN");
        settings.forEach(conf::set);
        if (master != null) {
            conf.setMaster(master);
        }
        // Executors in their own JVMs need what the crema launcher gives its JVM: the Vector API module
        // (else the kernels fall back to their scalar twins, slower though identical) and native access.
        String options = conf.get("spark.executor.extraJavaOptions", "");
        if (!options.contains("jdk.incubator.vector")) {
            conf.set("spark.executor.extraJavaOptions", (options + " " + EXECUTOR_JAVA_OPTIONS).strip());
        }
        if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("no Spark master: give one (local[2], spark://host:7077, …) or run"
                    + " under spark-submit");
        }
        return new SparkExecutor(new SparkContext(conf), chunksPerTask, true);
    }

    /** The attempts Spark makes per task: local mode allows one unless the master says {@code local[N,F]}. */
    static int maxTaskFailures(String master, SparkConf conf) {
        Matcher m = LOCAL_WITH_FAILURES.matcher(master.strip());
        if (m.matches()) {
            return Integer.parseInt(m.group(2));
        }
        if (master.equals("local") || master.startsWith("local[")) {
            return 1;
        }
        return conf.getInt("spark.task.maxFailures", 4);
    }

    /** @return the Spark context the tasks run on */
    public SparkContext context() {
        return context;
    }

    @Override
    public String name() {
        return "spark(" + context.master() + ")";
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    /**
     * @param chunks chunks in plan order
     * @return their grouping into tasks: the first chunk index of each group and, last, the number of chunks
     */
    int[] groups(int chunks) {
        int per = chunksPerTask > 0 ? chunksPerTask
                : Math.max(1, (chunks + 4 * parallelism() - 1) / (4 * parallelism()));
        int tasks = (chunks + per - 1) / per;
        int[] starts = new int[tasks + 1];
        for (int t = 0; t < tasks; t++) {
            starts[t] = t * per;
        }
        starts[tasks] = chunks;
        return starts;
    }

    @Override
    public <A extends Accumulator<A>> A execute(List<Chunk> chunks, ChunkTask<A> task,
            Consumer<ChunkOutcome<A>> observer) {
        if (chunks.isEmpty()) {
            return null;
        }
        int[] starts = groups(chunks.size());
        int tasks = starts.length - 1;
        List<ArrayList<Chunk>> slices = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            slices.add(new ArrayList<>(chunks.subList(starts[t], starts[t + 1])));
        }
        // One element per partition (a list of chunks), so the grouping is ours and not the RDD's slicing.
        RDD<ArrayList<Chunk>> rdd = context.parallelize(CollectionConverters.asScala(slices).toSeq(), tasks,
                ClassTag$.MODULE$.apply(ArrayList.class));
        LinkedBlockingQueue<TaskResult> finished = new LinkedBlockingQueue<>();
        List<Object> partitions = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            partitions.add(t);
        }
        context.setJobDescription("crema: " + chunks.size() + " chunks in " + tasks + " tasks");
        SimpleFutureAction<BoxedUnit> job = context.submitJob(rdd, new RunGroup<>(task, maxTaskFailures),
                CollectionConverters.asScala(partitions).toSeq(), (Object partition, TaskResult r) -> {
                    finished.add(r);
                    return BoxedUnit.UNIT;
                }, () -> BoxedUnit.UNIT);
        Map<Integer, ChunkOutcome<A>> done = new HashMap<>();
        Accumulator.Fold<A> acc = null;
        int merged = 0;
        int received = 0;
        boolean ok = false;
        try {
            while (received < tasks) {
                TaskResult r = finished.poll(100, TimeUnit.MILLISECONDS);
                if (r == null) {
                    if (job.isCompleted() && finished.isEmpty()) {
                        throw jobFailure(job, chunks, starts);
                    }
                    continue;
                }
                received++;
                for (byte[] bytes : r.outcomes()) {
                    ChunkOutcome<A> o = ShippedResults.readOutcome(bytes, task);
                    observer.accept(o);
                    done.put(o.chunk().index(), o);
                }
                if (r.error() != null) {
                    Chunk failed = chunks.get(starts[r.group()] + r.outcomes().size());
                    throw new WorkerError(failed, ShippedResults.readThrowable(r.error(), task));
                }
                while (merged < chunks.size() && done.containsKey(chunks.get(merged).index())) {
                    ChunkOutcome<A> m = done.remove(chunks.get(merged).index());
                    if (m.result() != null) {
                        if (acc == null) {
                            acc = m.result().fold();
                        } else {
                            acc.add(m.result());
                        }
                    }
                    merged++;
                }
            }
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SparkExecutorException("interrupted while waiting for Spark tasks", e);
        } finally {
            if (!ok) {
                job.cancel();
            }
        }
        if (merged != chunks.size()) {
            throw new SparkExecutorException("Spark returned " + merged + " of " + chunks.size() + " chunk outcomes");
        }
        return acc == null ? null : acc.result();
    }

    /** The job ended without all its results: Spark gave up on a task, or the job was cancelled. */
    private static RuntimeException jobFailure(SimpleFutureAction<BoxedUnit> job, List<Chunk> chunks, int[] starts) {
        Throwable cause = null;
        try {
            job.get();
        } catch (Exception e) {
            cause = e;
        }
        // A task that Spark gave up on without our last-attempt report (its executor was lost every
        // time): Spark names the task's index, which is its group.
        String message = cause == null ? "the Spark job ended without all results" : String.valueOf(cause.getMessage());
        Matcher m = Pattern.compile("Task (\\d+) in stage").matcher(message);
        if (m.find()) {
            int group = Integer.parseInt(m.group(1));
            if (group < starts.length - 1) {
                Chunk first = chunks.get(starts[group]);
                return new WorkerError(first, new SparkExecutorException("Spark gave up on the task of chunks "
                        + first.index() + "–" + (starts[group + 1] - 1) + ": " + message, cause));
            }
        }
        return new SparkExecutorException("the Spark job failed: " + message, cause);
    }

    /** Stops the Spark context if {@link #start} created it. */
    @Override
    public void close() {
        if (ownsContext) {
            context.stop();
        }
    }

    /**
     * What one task sends back: the outcomes of its group's chunks in order and, when a chunk task threw on
     * the last attempt Spark makes, that exception (the chunk after the last outcome).
     */
    record TaskResult(int group, List<byte[]> outcomes, byte[] error) implements Serializable {
    }

    /** The task body, run on an executor: the chunk task over one group of chunks. */
    static final class RunGroup<A extends Accumulator<A>>
            implements scala.Function1<scala.collection.Iterator<ArrayList<Chunk>>, TaskResult>, Serializable {
        private static final long serialVersionUID = 1L;
        private final ChunkTask<A> task;
        private final int maxTaskFailures;

        RunGroup(ChunkTask<A> task, int maxTaskFailures) {
            this.task = task;
            this.maxTaskFailures = maxTaskFailures;
        }

        @Override
        public TaskResult apply(scala.collection.Iterator<ArrayList<Chunk>> groups) {
            TaskContext context = TaskContext.get();
            List<byte[]> outcomes = new ArrayList<>();
            try {
                while (groups.hasNext()) {
                    for (Chunk c : groups.next()) {
                        ChunkOutcome<A> o;
                        try {
                            o = task.run(c);
                        } catch (RuntimeException | Error e) {
                            if (context == null || context.attemptNumber() + 1 < maxTaskFailures) {
                                throw e; // Spark runs the task again, maybe on another executor
                            }
                            return new TaskResult(context.partitionId(), outcomes, ShippedResults.throwable(e, task));
                        }
                        outcomes.add(ShippedResults.outcome(o, task));
                    }
                }
            } finally {
                task.release();
            }
            return new TaskResult(context == null ? -1 : context.partitionId(), outcomes, null);
        }
    }
}
