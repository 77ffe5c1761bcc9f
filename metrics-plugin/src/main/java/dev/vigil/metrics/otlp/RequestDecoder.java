package dev.vigil.metrics.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link ExportMetricsServiceRequest} from a request body: undoes {@code Content-Encoding: gzip}
 * with a hard cap on the decompressed size, then parses protobuf or OTLP JSON with the generated classes.
 *
 * <p>In OTLP JSON, exemplar trace and span ids are hex where proto3 JSON expects base64; hex digits are
 * base64 digits and the ids' 32 and 16 characters are whole base64 groups, so such ids parse (into other
 * bytes) and never fail a request; exemplars are not written anyway.
 */
final class RequestDecoder {

    private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

    private final int maxBytes;

    RequestDecoder(long maxDecompressedBytes) {
        this.maxBytes = Math.toIntExact(maxDecompressedBytes);
    }

    /**
     * The request in {@code body}.
     *
     * @param contentEncoding the {@code Content-Encoding} header, or null
     * @throws RequestRefusedException 415 for an encoding other than gzip or identity, 413 when the body is
     *     larger than the cap once decompressed, 400 when it is not valid gzip or not a valid request
     */
    ExportMetricsServiceRequest decode(byte[] body, OtlpEncoding encoding, @Nullable String contentEncoding)
            throws RequestRefusedException {
        byte[] raw = decompress(body, contentEncoding);
        try {
            if (encoding == OtlpEncoding.PROTOBUF) {
                return ExportMetricsServiceRequest.parseFrom(raw);
            }
            ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
            JSON.merge(new String(raw, StandardCharsets.UTF_8), request);
            return request.build();
        } catch (InvalidProtocolBufferException e) {
            throw RequestRefusedException.badRequest("the body is not a valid " + encoding.contentType()
                    + " ExportMetricsServiceRequest: " + e.getMessage());
        } catch (RuntimeException e) {
            // JsonFormat reports some malformed JSON (bad nesting, wrong types) as unchecked exceptions
            throw RequestRefusedException.badRequest("the body is not a valid " + encoding.contentType()
                    + " ExportMetricsServiceRequest: " + e.getMessage());
        }
    }

    private byte[] decompress(byte[] body, @Nullable String contentEncoding) throws RequestRefusedException {
        String coding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        switch (coding) {
            case "", "identity" -> {
                if (body.length > maxBytes) {
                    throw tooLarge();
                }
                return body;
            }
            case "gzip", "x-gzip" -> {
                return gunzip(body);
            }
            default -> throw RequestRefusedException.unsupportedMediaType("Content-Encoding '" + contentEncoding
                    + "' is not supported; send gzip or no encoding");
        }
    }

    private byte[] gunzip(byte[] body) throws RequestRefusedException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(1024, body.length * 4)));
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw RequestRefusedException.badRequest("the body is not valid gzip: " + e.getMessage());
        }
    }

    private RequestRefusedException tooLarge() {
        return RequestRefusedException.tooLarge("the request body is larger than " + maxBytes
                + " bytes once decompressed (the receiver's maxDecompressedBytes)");
    }
}
