package dev.vigil.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.TestKernel;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to a test kernel's API, with answers read as JSON. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status and a body read as JSON. */
    record Answer(int status, JsonNode body) {
        /** The {@code data} member of a successful answer. */
        JsonNode data() {
            return body.path("data");
        }
    }

    private final TestKernel kernel;

    ApiClient(TestKernel kernel) {
        this.kernel = kernel;
    }

    Answer get(String path) {
        return answer(kernel.get(path));
    }

    /** {@code POST} with the admin token and a JSON body. */
    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(kernel.uri().resolve(path)).header("Authorization", "Bearer " + TestKernel.ADMIN_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code POST} without credentials. */
    Answer postWithoutToken(String path, String json) {
        return answer(kernel.post(path, json));
    }

    /** {@code DELETE} with the admin token. */
    Answer delete(String path) {
        return send(HttpRequest.newBuilder(kernel.uri().resolve(path)).header("Authorization", "Bearer " + TestKernel.ADMIN_TOKEN).DELETE());
    }

    Answer send(HttpRequest.Builder request) {
        return answer(kernel.send(request));
    }

    private static Answer answer(HttpResponse<String> response) {
        try {
            return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
