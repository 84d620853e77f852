package org.crema.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves one file's bytes with HTTP range requests ({@code Range: bytes=a-b}, answered 206), counting requests. */
final class RangeHandler implements HttpHandler {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");
    private final byte[] bytes;
    private final AtomicInteger requests = new AtomicInteger();

    RangeHandler(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @return requests answered so far */
    int requests() {
        return requests.get();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            Matcher m = RANGE.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
            if (!m.matches()) {
                ex.sendResponseHeaders(416, -1);
                return;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Math.min(Integer.parseInt(m.group(2)), bytes.length - 1);
            int n = b - a + 1;
            ex.getResponseHeaders().add("Content-Range", "bytes " + a + "-" + b + "/" + bytes.length);
            ex.sendResponseHeaders(206, n);
            ex.getResponseBody().write(bytes, a, n);
        }
    }
}
