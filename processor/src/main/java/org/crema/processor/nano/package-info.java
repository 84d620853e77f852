/**
 * Typed views of NanoAOD collections over one {@link org.crema.processor.Events} chunk: {@link
 * org.crema.processor.nano.Jets}, {@link org.crema.processor.nano.Muons}, {@link
 * org.crema.processor.nano.Electrons}, {@link org.crema.processor.nano.GenJets} and the generic
 * {@link org.crema.processor.nano.PhysicsObjects}. Each field is a jagged column; IDs are kernels
 * over the ID fields; cross-references give the matched objects ({@code jets.matchedGen()}).
 */
package org.crema.processor.nano;
