package org.crema.io.internal.rntuple;

/**
 * The pages of one physical column in one cluster (an inner list of the page list envelope): where
 * each page is, how many elements it holds, whether an XXH3 checksum follows it, plus the column's
 * first element index in this cluster and its compression setting.
 */
public final class PageRange {
    private final long firstElement;
    private final boolean suppressed;
    private final int compression;
    private final int[] elements;
    private final long[] pageStart;
    private final long[] offsets;
    private final long[] sizes;
    private final boolean[] checksums;

    PageRange(long firstElement, boolean suppressed, int compression, int[] elements, long[] offsets, long[] sizes,
            boolean[] checksums) {
        this.firstElement = firstElement;
        this.suppressed = suppressed;
        this.compression = compression;
        this.elements = elements;
        this.offsets = offsets;
        this.sizes = sizes;
        this.checksums = checksums;
        this.pageStart = new long[elements.length + 1];
        for (int i = 0; i < elements.length; i++) {
            pageStart[i + 1] = pageStart[i] + elements[i];
        }
    }

    /** @return the column's element index of this cluster's first element */
    public long firstElement() {
        return firstElement;
    }

    /** @return true when this representation is inactive in this cluster */
    public boolean suppressed() {
        return suppressed;
    }

    /** @return the compression setting (algorithm * 100 + level), -1 for a suppressed column */
    public int compression() {
        return compression;
    }

    /** @return number of pages */
    public int pageCount() {
        return elements.length;
    }

    /** @return elements of this column in this cluster */
    public long elementCount() {
        return pageStart[elements.length];
    }

    /** @param page page index @return elements in the page */
    public int elements(int page) {
        return elements[page];
    }

    /** @param page page index @return index of the page's first element, counted from the cluster's first */
    public long pageStart(int page) {
        return pageStart[page];
    }

    /** @param page page index @return byte offset of the stored page */
    public long offset(int page) {
        return offsets[page];
    }

    /** @param page page index @return stored bytes of the page (without its checksum) */
    public long size(int page) {
        return sizes[page];
    }

    /** @param page page index @return true when an XXH3-64 checksum follows the page */
    public boolean checksum(int page) {
        return checksums[page];
    }

    /**
     * @param element element index counted from the cluster's first
     * @return the page holding it (binary search)
     */
    public int pageOf(long element) {
        int lo = 0;
        int hi = elements.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pageStart[mid] <= element) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
