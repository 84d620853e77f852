package org.crema.io;

/**
 * The file is valid ROOT but uses a feature this reader does not implement, such as a {@code
 * TBranchElement} holding a {@code std::vector}, a string leaf or an unknown compression codec.
 */
public class UnsupportedRootFeatureException extends RootException {
    private static final long serialVersionUID = 1L;

    /** @param message the feature and where it was met */
    public UnsupportedRootFeatureException(String message) {
        super(message);
    }
}
