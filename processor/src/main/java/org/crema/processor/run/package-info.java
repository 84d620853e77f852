/**
 * Running processors: {@link org.crema.processor.run.Fileset} (PocketCoffea-style dataset JSON),
 * {@link org.crema.processor.run.ChunkPlanner} (cluster-aligned chunks),
 * {@link org.crema.processor.run.ChunkExecutor} with {@link org.crema.processor.run.IterativeExecutor}
 * and {@link org.crema.processor.run.MultiThreadedExecutor} (chunk-order merge: results do not depend
 * on the thread count), hash-checked checkpoints and {@code resume}, failure policy
 * ({@code skipBadFiles}), the normalisation check before any event is read, and the
 * {@link org.crema.processor.run.RunOutput} with its {@link org.crema.processor.run.RunMetrics},
 * published as one unit into a locked output folder.
 *
 * <pre>{@code
 * RunConfig cfg = RunConfig.defaults().withWorkers(8).withChunkSize(100_000).withOutput(Path.of("out"));
 * RunOutput<AccumulatorMap> out = new Runner(cfg).run(new ZMuMuProcessor(),
 *         Fileset.read(Path.of("data/filesets/zmumu.json")));
 * System.out.print(RunSummary.text(out));
 * }</pre>
 */
package org.crema.processor.run;
