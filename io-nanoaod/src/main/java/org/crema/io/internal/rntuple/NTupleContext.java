package org.crema.io.internal.rntuple;

import org.crema.io.RootFormatException;
import org.crema.io.UnsupportedRootFeatureException;
import org.crema.io.internal.buffer.ErrorContext;

/**
 * Where an RNTuple read happens: file, then ntuple, field, column, page and byte offset. Each layer
 * adds its part, so that a failed checksum or codec deep inside a page still names the file, the
 * ntuple, the field and the page.
 *
 * @param file file path as given by the user
 * @param ntuple ntuple name or null
 * @param field full field name or null
 * @param column physical column id or -1
 * @param cluster cluster id or -1
 * @param page page index within the column and cluster or -1
 * @param offset byte offset of the record or page being read, or -1
 */
public record NTupleContext(String file, String ntuple, String field, int column, long cluster, int page,
        long offset) {

    /** @param file the file @return a context naming only the file */
    public static NTupleContext ofFile(String file) {
        return new NTupleContext(file, null, null, -1, -1, -1, -1);
    }

    /** @param name ntuple name @return this context inside that ntuple */
    public NTupleContext withNTuple(String name) {
        return new NTupleContext(file, name, null, -1, -1, -1, -1);
    }

    /** @param name full field name @return this context inside that field */
    public NTupleContext withField(String name) {
        return new NTupleContext(file, ntuple, name, -1, -1, -1, -1);
    }

    /** @param id physical column id @return this context at that column */
    public NTupleContext withColumn(int id) {
        return new NTupleContext(file, ntuple, field, id, -1, -1, -1);
    }

    /**
     * @param clusterId cluster id
     * @param pageIndex page index in the column's page list for that cluster
     * @param at byte offset of the page
     * @return this context at that page
     */
    public NTupleContext withPage(long clusterId, int pageIndex, long at) {
        return new NTupleContext(file, ntuple, field, column, clusterId, pageIndex, at);
    }

    /** @param at byte offset of the record being read @return this context at that offset */
    public NTupleContext at(long at) {
        return new NTupleContext(file, ntuple, field, column, cluster, page, at);
    }

    /** @return "file F, ntuple N, field X, column C, cluster K, page P (byte offset O)" without absent parts */
    public String describe() {
        StringBuilder sb = new StringBuilder("file ").append(file);
        if (ntuple != null) {
            sb.append(", ntuple ").append(ntuple);
        }
        if (field != null) {
            sb.append(", field ").append(field);
        }
        if (column >= 0) {
            sb.append(", column ").append(column);
        }
        if (cluster >= 0) {
            sb.append(", cluster ").append(cluster);
        }
        if (page >= 0) {
            sb.append(", page ").append(page);
        }
        if (offset >= 0) {
            sb.append(" (byte offset ").append(offset).append(')');
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

    /**
     * The TTree reader's context type, for the shared file source and codecs: it prints this
     * context's whole description where it would print the file name.
     *
     * @return an error context whose messages start with this context's description
     */
    public ErrorContext legacy() {
        return ErrorContext.ofFile(describe().substring("file ".length()));
    }
}
