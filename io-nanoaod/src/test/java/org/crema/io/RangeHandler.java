package org.crema.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one file's bytes with HTTP range requests ({@code Range: bytes=a-b}, answered 206; anything
 * else 416), counting requests; it can drop the connection in the middle of chosen answers.
 */
final class RangeHandler implements HttpHandler {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");
    private volatile byte[] bytes;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closeMidBody = new AtomicInteger();

    /** @param bytes the file served until {@link #serve} changes it */
    RangeHandler(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @param file the bytes to serve from now on */
    void serve(byte[] file) {
        this.bytes = file;
    }

    /** @return requests answered so far */
    int requests() {
        return requests.get();
    }

    /** The next {@code n} answers stop after half their body, which drops the connection. */
    AtomicInteger closeMidBody() {
        return closeMidBody;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        byte[] file = bytes;
        try (ex) {
            Matcher m = RANGE.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
            if (!m.matches()) {
                ex.sendResponseHeaders(416, -1);
                return;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Math.min(Integer.parseInt(m.group(2)), file.length - 1);
            int n = b - a + 1;
            ex.getResponseHeaders().add("Content-Range", "bytes " + a + "-" + b + "/" + file.length);
            ex.sendResponseHeaders(206, n);
            OutputStream out = ex.getResponseBody();
            if (closeMidBody.getAndDecrement() > 0) {
                out.write(file, a, n / 2);
                out.flush();
                return; // the exchange closes with bytes missing: the connection drops
            }
            out.write(file, a, n);
        }
    }
}
