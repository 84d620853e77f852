package org.crema.io;

import org.crema.columnar.ElementType;

/**
 * What a branch holds, read from the tree's metadata without touching its baskets.
 *
 * @param name branch name, e.g. {@code Jet_pt}
 * @param title branch title (NanoAOD's documentation string)
 * @param leafTitle leaf title, e.g. {@code Jet_pt[nJet]}
 * @param leafClass ROOT leaf class, e.g. {@code TLeafF}
 * @param typeName ROOT type name, e.g. {@code Float_t}; the leaf class for unsupported leaves
 * @param elementType the column element type, or null when the branch cannot be read
 * @param jagged true when the leaf has a counter ({@code fLeafCount}) and so a variable length
 * @param counter name of the counter leaf, or null
 * @param isCounter true when some jagged leaf of the tree counts with this branch
 * @param fixedLength values per entry for non-jagged leaves (1 for scalars)
 * @param compressedBytes bytes of all baskets on disk (fZipBytes)
 * @param uncompressedBytes bytes of all baskets after decompression (fTotBytes)
 * @param basketCount baskets written to their own keys (fWriteBasket)
 * @param embeddedBasketCount baskets stored inside the tree record
 * @param branchCompress the branch's compression setting (algorithm * 100 + level)
 * @param branchClass ROOT branch class, e.g. {@code TBranch}
 * @param unsupportedReason why the branch cannot be read, or null when it can
 */
public record BranchInfo(String name, String title, String leafTitle, String leafClass, String typeName,
        ElementType elementType, boolean jagged, String counter, boolean isCounter, int fixedLength,
        long compressedBytes, long uncompressedBytes, int basketCount, int embeddedBasketCount, int branchCompress,
        String branchClass, String unsupportedReason) {

    /** @return true when {@link Tree#read} can decode this branch */
    public boolean readable() {
        return unsupportedReason == null;
    }
}
