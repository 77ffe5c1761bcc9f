package dev.vigil.otlp;

import com.google.protobuf.Message;
import dev.vigil.api.http.HttpExchange;
import java.util.function.Supplier;

/**
 * The steps every OTLP/HTTP export handler takes: find the request's encoding, read the request, and answer in the
 * request's encoding, with a {@code google.rpc.Status} when it is refused.
 */
public final class OtlpCalls {

    private OtlpCalls() {}

    /**
     * The encoding the request's {@code Content-Type} names.
     *
     * @throws RequestRefusedException 415 for any other content type; answer it in {@link OtlpEncoding#JSON}, the
     *     readable one, as the client's is unknown
     */
    public static OtlpEncoding encoding(HttpExchange exchange) throws RequestRefusedException {
        String contentType = exchange.header("Content-Type").orElse("");
        return OtlpEncoding.ofContentType(contentType).orElseThrow(() -> RequestRefusedException.unsupportedMediaType(
                "Content-Type '" + contentType + "' is not supported; send application/x-protobuf or application/json"));
    }

    /**
     * The request in the exchange's body, decompressed as its {@code Content-Encoding} says.
     *
     * @param builders a new builder of the request type, such as {@code ExportLogsServiceRequest::newBuilder}
     * @throws RequestRefusedException as {@link OtlpRequestDecoder#decode} says
     */
    public static <T extends Message> T read(HttpExchange exchange, OtlpEncoding encoding, OtlpRequestDecoder decoder,
            Supplier<? extends Message.Builder> builders) throws RequestRefusedException {
        return decoder.decode(exchange.body(), encoding, exchange.header("Content-Encoding").orElse(null), builders);
    }

    /** Answers a refused request with its status and a {@code google.rpc.Status} naming the reason. */
    public static void refuse(HttpExchange exchange, OtlpEncoding encoding, RequestRefusedException refused) {
        respond(exchange, encoding, refused.status(), RpcStatus.of(refused.rpcCode(), refused.getMessage()));
    }

    /** Answers with {@code status} and {@code body} in {@code encoding}. */
    public static void respond(HttpExchange exchange, OtlpEncoding encoding, int status, Message body) {
        exchange.respond(status, encoding.contentType(), encoding.encode(body));
    }
}
