package dev.vigil.metrics.remotewrite;

import dev.vigil.metrics.testing.TestingHttpExchange;

/** Remote write exchanges for receiver tests. */
final class RemoteWriteExchanges {

    private RemoteWriteExchanges() {}

    /** A {@code POST /api/v1/write} with {@code body} and no headers. */
    static TestingHttpExchange withoutHeaders(byte[] body) {
        return TestingHttpExchange.post("/api/v1/write", body);
    }

    /** A remote write request with the headers Prometheus sends. */
    static TestingHttpExchange remoteWrite(byte[] body) {
        return withoutHeaders(body)
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0");
    }
}
