package dev.vigil.metrics.otlp;

import dev.vigil.metrics.testing.TestingHttpExchange;

/** OTLP/HTTP exchanges for receiver tests. */
final class OtlpExchanges {

    private OtlpExchanges() {}

    /** A {@code POST /v1/metrics} with {@code body} and no headers. */
    static TestingHttpExchange post(byte[] body) {
        return TestingHttpExchange.post("/v1/metrics", body);
    }

    /** A {@code POST /v1/metrics} of an uncompressed protobuf {@code body}. */
    static TestingHttpExchange protobuf(byte[] body) {
        return post(body).header("Content-Type", "application/x-protobuf");
    }
}
