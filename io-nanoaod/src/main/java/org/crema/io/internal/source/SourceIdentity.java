package org.crema.io.internal.source;

import java.time.Instant;

/**
 * What identifies the bytes of a source at open: a reader that caches metadata, or re-opens a file
 * for a later chunk, compares identities to notice that the file changed in between (a remote
 * source would take these from an HTTP response's Content-Length and Last-Modified or ETag).
 *
 * @param location the path or URL as given by the user
 * @param size number of bytes
 * @param modified last modification time, or null when the source has none (bytes in memory)
 */
public record SourceIdentity(String location, long size, Instant modified) {
}
