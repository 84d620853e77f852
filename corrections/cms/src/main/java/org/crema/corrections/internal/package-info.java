/**
 * Implementation details, not exported: the first-match bin index, the
 * counter-based random numbers and file reading.
 */
package org.crema.corrections.internal;
