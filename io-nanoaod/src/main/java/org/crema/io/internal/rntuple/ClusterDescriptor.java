package org.crema.io.internal.rntuple;

/**
 * One cluster: its entry range (cluster summary record) and the page ranges of every physical
 * column (page locations), indexed by physical column id.
 *
 * @param id cluster id
 * @param firstEntry first entry number
 * @param entries number of entries
 * @param columns page ranges by physical column id; columns added after this cluster was written are absent
 */
public record ClusterDescriptor(long id, long firstEntry, long entries, PageRange[] columns) {

    /** @param physicalId column id @return its pages here, or null when the column has no record in this cluster */
    public PageRange column(int physicalId) {
        return physicalId < columns.length ? columns[physicalId] : null;
    }
}
