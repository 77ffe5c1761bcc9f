package dev.vigil.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.metrics.testing.TestingHttpExchange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiJsonTest {

    @Test
    void stringsAreEscapedAsGoEscapesThem() {
        TestingHttpExchange exchange = new TestingHttpExchange(HttpMethod.GET, "/api/v1/labels", new byte[0]);

        ApiJson.success(exchange, (json, numbers) -> json.writeString("<a & b>\t\n\u0001\u001f\u2028\u2029\"\\é"), List.of(), List.of());

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.contentType()).isEqualTo("application/json");
        assertThat(exchange.responseText()).isEqualTo(
                "{\"status\":\"success\",\"data\":\"\\u003ca \\u0026 b\\u003e\\t\\n\\u0001\\u001f\\u2028\\u2029\\\"\\\\é\"}");
    }

    @Test
    void errorsCarryTheirTypeAndStatus() {
        TestingHttpExchange exchange = new TestingHttpExchange(HttpMethod.GET, "/api/v1/query", new byte[0]);

        ApiJson.error(exchange, new QueryException(QueryException.ErrorType.EXECUTION, "too <many> samples"));

        assertThat(exchange.status()).isEqualTo(422);
        assertThat(exchange.responseText())
                .isEqualTo("{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"too \\u003cmany\\u003e samples\"}");
    }

    @Test
    void warningsAndInfosFollowTheData() {
        TestingHttpExchange exchange = new TestingHttpExchange(HttpMethod.GET, "/api/v1/query", new byte[0]);

        ApiJson.success(exchange, (json, numbers) -> json.writeNumber(1), List.of("w"), List.of("i"));

        assertThat(exchange.responseText()).isEqualTo("{\"status\":\"success\",\"data\":1,\"warnings\":[\"w\"],\"infos\":[\"i\"]}");
    }
}
