/**
 * Example processors, run by the tests and by {@code crema run}:
 * {@link org.crema.examples.ZMuMuProcessor} (Z → μμ with a shape and a weight variation),
 * {@link org.crema.examples.TtbarAgcProcessor} (the Analysis Grand Challenge tt̄ selection
 * with jet energy corrections, JER smearing and JES shape variations) and
 * {@link org.crema.examples.EventCountProcessor} (the smallest processor).
 */
package org.crema.examples;
