package org.crema.io.internal.buffer;

import org.crema.io.RootFormatException;
import org.crema.io.UnsupportedRootFeatureException;

/**
 * Where a read happens: file, then optionally tree, branch and basket. Each layer adds its part so
 * that an error deep in a codec still tells the user which file, tree, branch and basket failed.
 *
 * @param file file path as given by the user
 * @param tree tree name or null
 * @param branch branch name or null
 * @param basket basket index or -1
 * @param keyOffset byte offset of the record being read (key or basket) or -1
 */
public record ErrorContext(String file, String tree, String branch, int basket, long keyOffset) {

    /** @param file the file path @return a context naming only the file */
    public static ErrorContext ofFile(String file) {
        return new ErrorContext(file, null, null, -1, -1);
    }

    /** @param name tree name @return this context inside that tree */
    public ErrorContext withTree(String name) {
        return new ErrorContext(file, name, null, -1, -1);
    }

    /** @param name branch name @return this context inside that branch */
    public ErrorContext withBranch(String name) {
        return new ErrorContext(file, tree, name, -1, -1);
    }

    /**
     * @param index basket index within the branch
     * @param offset byte offset of the basket's key in the file, -1 for embedded baskets
     * @return this context inside that basket
     */
    public ErrorContext withBasket(int index, long offset) {
        return new ErrorContext(file, tree, branch, index, offset);
    }

    /** @param offset byte offset of the record being read @return this context at that record */
    public ErrorContext atRecord(long offset) {
        return new ErrorContext(file, tree, branch, basket, offset);
    }

    /** @return "file F, tree T, branch B, basket N (key at byte offset O)" with absent parts left out */
    public String describe() {
        StringBuilder sb = new StringBuilder("file ").append(file);
        if (tree != null) {
            sb.append(", tree ").append(tree);
        }
        if (branch != null) {
            sb.append(", branch ").append(branch);
        }
        if (basket >= 0) {
            sb.append(", basket ").append(basket);
        }
        if (keyOffset >= 0) {
            sb.append(basket >= 0 ? " (key at byte offset " : " (record at byte offset ").append(keyOffset).append(')');
        } else if (basket >= 0) {
            sb.append(" (embedded in the tree record)");
        }
        return sb.toString();
    }

    /** @param problem what went wrong @return a format exception naming this context */
    public RootFormatException format(String problem) {
        return new RootFormatException(describe() + ": " + problem);
    }

    /** @param problem what went wrong @param cause underlying failure @return a format exception naming this context */
    public RootFormatException format(String problem, Throwable cause) {
        return new RootFormatException(describe() + ": " + problem, cause);
    }

    /** @param feature the unsupported feature @return an exception naming this context */
    public UnsupportedRootFeatureException unsupported(String feature) {
        return new UnsupportedRootFeatureException(describe() + ": " + feature);
    }
}
