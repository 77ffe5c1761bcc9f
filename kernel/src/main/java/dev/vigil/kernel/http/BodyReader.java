package dev.vigil.kernel.http;

import dev.vigil.api.http.HttpStatusException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, so a chunked body without Content-Length cannot exhaust memory. */
final class BodyReader {

    private static final int CHUNK = 8192;

    private BodyReader() {
    }

    /**
     * Reads all of {@code in}.
     *
     * @param expectedLength the declared Content-Length, or {@code -1} if unknown
     * @throws HttpStatusException 413 as soon as more than {@code limit} bytes arrive, 400 if the body
     *     cannot be read (the client went away mid-body)
     */
    static byte[] read(InputStream in, long expectedLength, long limit) {
        if (expectedLength > limit) {
            throw tooLarge(limit);
        }
        int initial = (int) Math.min(expectedLength >= 0 ? expectedLength : CHUNK, CHUNK * 8L);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 32));
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new HttpStatusException(400, "cannot read request body");
        }
        return out.toByteArray();
    }

    static HttpStatusException tooLarge(long limit) {
        return new HttpStatusException(413, "request body exceeds " + limit + " bytes");
    }
}
