package org.crema.io.internal.tree;

import java.util.List;

/**
 * A TBranch as stored: the fields needed to locate and decode its baskets.
 *
 * @param className {@code TBranch}, or e.g. {@code TBranchElement} (not readable)
 * @param name branch name
 * @param title branch title (NanoAOD puts the documentation string here)
 * @param compress branch compression setting
 * @param entryOffsetLen > 0 when baskets carry an entry-offset table
 * @param writeBasket number of baskets written to their own keys
 * @param entries number of entries
 * @param totBytes uncompressed bytes of all baskets
 * @param zipBytes compressed bytes of all baskets
 * @param basketBytes on-disk size of each written basket ({@code writeBasket} valid)
 * @param basketEntry first entry of each basket ({@code writeBasket + 1} valid)
 * @param basketSeek file offset of each written basket
 * @param embedded baskets stored inside the tree record, in order, after the written ones
 * @param leaves the branch's leaves
 * @param branches sub-branches
 */
public record BranchModel(String className, String name, String title, int compress, int entryOffsetLen,
        int writeBasket, long entries, long totBytes, long zipBytes, int[] basketBytes, long[] basketEntry,
        long[] basketSeek, List<EmbeddedBasket> embedded, List<LeafModel> leaves, List<BranchModel> branches) {
}
