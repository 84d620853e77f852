/**
 * crema on Apache Spark: {@link org.crema.spark.SparkExecutor} runs the runner's chunk tasks as Spark
 * tasks and folds their results on the driver in chunk order, so a run on a cluster gives the result a
 * run on one machine gives.
 *
 * <pre>{@code
 * try (SparkExecutor spark = SparkExecutor.start("spark://head:7077", Map.of("spark.executor.memory", "4g"), 0)) {
 *     RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults(), new RootInputProvider(), spark)
 *             .run(new ZMuMuProcessor(), Fileset.read(Path.of("zmumu.json")));
 * }
 * }</pre>
 *
 * <p>This module has no {@code module-info}: Spark's jars are not modules, and names such as
 * {@code spark-core_2.13} give no valid automatic module name, so it lives on the class path, where
 * {@code spark-submit} puts it anyway. See docs/scale-out.md for the JVM options, the jars and the
 * commands.
 */
package org.crema.spark;
