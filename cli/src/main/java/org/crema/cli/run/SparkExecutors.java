package org.crema.cli.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.crema.processor.run.ChunkExecutor;

/**
 * Starts the Apache Spark executor for {@code crema run --executor spark}. It is loaded by name: Spark,
 * Scala and Hadoop weigh over a hundred megabytes that the command line does not carry, so the Spark
 * executor comes with its own jar ({@code crema-spark.jar}, see docs/scale-out.md), which holds this
 * command line as well.
 */
final class SparkExecutors {
    static final String CLASS = "org.crema.spark.SparkExecutor";
    private static final String HOW = "run crema from executor-spark/target/crema-spark.jar with spark-submit, or"
            + " with java -cp and Spark's jars (see docs/scale-out.md)";

    private SparkExecutors() {
    }

    /**
     * @param master Spark master URL, or {@code null} to take the one spark-submit sets
     * @param settings further Spark settings
     * @return a running executor, also {@link AutoCloseable} (closing it stops Spark)
     * @throws IllegalArgumentException when Spark or the executor is not on the class path, or Spark
     *     refuses the master or a setting; the message says what to do
     */
    static ChunkExecutor start(String master, Map<String, String> settings) {
        Class<?> c;
        try {
            c = Class.forName(CLASS, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("--executor spark: the Spark executor (" + CLASS + ") is not on the"
                    + " class path; " + HOW);
        } catch (LinkageError e) {
            throw new IllegalArgumentException("--executor spark: Spark is not on the class path (" + e + "); " + HOW);
        }
        try {
            Method start = c.getMethod("start", String.class, Map.class, int.class);
            return (ChunkExecutor) start.invoke(null, master, settings, 0);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LinkageError) {
                throw new IllegalArgumentException("--executor spark: a part of Spark is missing from the class path ("
                        + cause + "); " + HOW, cause);
            }
            throw new IllegalArgumentException("--executor spark: Spark did not start: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("--executor spark: " + CLASS + " is not the executor this crema"
                    + " expects (" + e + "); use the crema-spark.jar of the same build", e);
        }
    }
}
