package org.crema.io.rntuple;

/**
 * One cluster: a range of entries whose pages can be read independently of other clusters.
 *
 * @param id cluster id
 * @param firstEntry first entry
 * @param entries number of entries
 */
public record ClusterInfo(long id, long firstEntry, long entries) {
}
