package dev.vigil.kernel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/** Writes the server's error answers: {@code {"status":"error","error":"<reason>"}} as JSON. */
final class ErrorResponses {

    static final String JSON = "application/json";

    private final ObjectMapper json;

    ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    static byte[] body(ObjectMapper json, String reason) {
        try {
            return json.writeValueAsBytes(json.createObjectNode().put("status", "error").put("error", reason));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Context ctx, int status, String reason) {
        ctx.status(status).contentType(JSON).result(body(json, reason));
    }

    /** Discards whatever a failed handler had set (status, headers, body) and writes the error instead. */
    void replace(Context ctx, int status, String reason) {
        if (!ctx.res().isCommitted()) {
            ctx.res().reset();
        }
        write(ctx, status, reason);
    }
}
