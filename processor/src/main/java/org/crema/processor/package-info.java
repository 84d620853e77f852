/**
 * The analyst's API: a {@link org.crema.processor.Processor} turns the {@link
 * org.crema.processor.Events} of one chunk into an {@link org.crema.processor.accumulate.Accumulator}; the
 * runner ({@link org.crema.processor.run.Runner}) merges the chunks' results in chunk order and calls
 * {@link org.crema.processor.Processor#postprocess} once.
 *
 * <p>Building blocks: {@link org.crema.processor.analysis.Weights} (named factors and their up/down
 * variations), {@link org.crema.processor.analysis.PackedSelection} (named cuts as bits, N−1 and cutflow
 * masks), {@link org.crema.processor.analysis.Categories} (standard and cartesian), and the accumulators
 * {@link org.crema.processor.accumulate.HistAccumulator}, {@link org.crema.processor.accumulate.Cutflow},
 * {@link org.crema.processor.accumulate.Counter}, {@link org.crema.processor.accumulate.Sum},
 * {@link org.crema.processor.accumulate.SetAccumulator}, {@link org.crema.processor.accumulate.ColumnListAccumulator} and
 * {@link org.crema.processor.accumulate.AccumulatorMap}. {@link org.crema.processor.AnalysisProcessor} chains
 * them in PocketCoffea's order (skim → per shape variation: calibrate → objects → variables →
 * preselection → categories → weights → histograms → cutflow).
 *
 * <pre>{@code
 * public final class EventCountProcessor implements Processor<AccumulatorMap> {
 *     public AccumulatorMap process(Events events) {
 *         return AccumulatorMap.empty().with("events", Counter.of(events.size()));
 *     }
 * }
 * RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults())
 *         .run(new EventCountProcessor(), Fileset.read(Path.of("datasets.json")));
 * }</pre>
 */
package org.crema.processor;
