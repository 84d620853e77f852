/**
 * HTCondor job arrays: {@code crema submit --condor} splits a run's chunks into jobs that each run
 * {@code crema run --chunks LIST}; {@code crema status} lists finished, failed and missing jobs and
 * merges the finished ones into the result of a local run.
 *
 * <pre>{@code
 * crema submit --condor analysis.yaml --chunks-per-job 20 --dir condor --jar cli/target/crema.jar
 * cd condor && condor_submit crema.sub
 * crema status condor --merge out/analysis
 * }</pre>
 */
package org.crema.cli.condor;
