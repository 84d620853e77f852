/**
 * Analysis tools used inside {@code process}: {@link org.crema.processor.analysis.Weights} (named factors
 * and their up/down variations), {@link org.crema.processor.analysis.PackedSelection} (named cuts as bits,
 * N−1 and cutflow masks) and {@link org.crema.processor.analysis.Categories} (standard and cartesian).
 *
 * <p>They work on columns only and depend on no other package of the processor module.
 */
package org.crema.processor.analysis;
