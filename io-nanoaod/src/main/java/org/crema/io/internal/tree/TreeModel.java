package org.crema.io.internal.tree;

import java.util.List;

/**
 * A TTree as stored: name, entry count, cluster layout and branches.
 *
 * @param name tree name
 * @param title tree title
 * @param version TTree class version
 * @param entries number of entries
 * @param autoFlush entries per cluster after the explicit ranges (> 0), or a byte count (< 0)
 * @param clusterRangeEnd last entry (inclusive) of each explicit cluster range
 * @param clusterSize cluster size within each explicit range
 * @param branches top-level branches in order
 */
public record TreeModel(String name, String title, int version, long entries, long autoFlush,
        long[] clusterRangeEnd, long[] clusterSize, List<BranchModel> branches) {
}
