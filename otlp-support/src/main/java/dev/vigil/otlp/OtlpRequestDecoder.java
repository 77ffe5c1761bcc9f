package dev.vigil.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads an OTLP export request from a request body: undoes {@code Content-Encoding: gzip} with a hard cap on the
 * decompressed size, then parses protobuf or OTLP JSON with the generated classes. Unknown JSON fields are ignored,
 * as the specification asks of receivers. Thread-safe.
 *
 * <p>In OTLP JSON, trace and span ids are hex where proto3 JSON expects base64. Receivers that need the ids read
 * them with {@link #hexId(byte[], int, OtlpEncoding)}, which undoes the base64 reading of hex text.
 */
public final class OtlpRequestDecoder {

    private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

    private final int maxBytes;

    /**
     * A decoder refusing bodies larger than {@code maxDecompressedBytes} once decompressed.
     *
     * @throws IllegalArgumentException if the cap is not positive or not below 2 GiB
     */
    public OtlpRequestDecoder(long maxDecompressedBytes) {
        if (maxDecompressedBytes <= 0 || maxDecompressedBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive and below 2GiB, got " + maxDecompressedBytes);
        }
        this.maxBytes = (int) maxDecompressedBytes;
    }

    /**
     * The request in {@code body}.
     *
     * @param builders a new builder of the request type, such as {@code ExportLogsServiceRequest::newBuilder}
     * @param contentEncoding the {@code Content-Encoding} header, or null
     * @throws RequestRefusedException 415 for an encoding other than gzip or identity, 413 when the body is larger
     *     than the cap once decompressed, 400 when it is not valid gzip or not a valid request
     */
    @SuppressWarnings("unchecked")
    public <T extends Message> T decode(byte[] body, OtlpEncoding encoding, @Nullable String contentEncoding,
            Supplier<? extends Message.Builder> builders) throws RequestRefusedException {
        byte[] raw = decompress(body, contentEncoding);
        Message.Builder builder = builders.get();
        String type = builder.getDescriptorForType().getName();
        try {
            if (encoding == OtlpEncoding.PROTOBUF) {
                builder.mergeFrom(raw);
            } else {
                JSON.merge(new String(raw, StandardCharsets.UTF_8), builder);
            }
            return (T) builder.build();
        } catch (InvalidProtocolBufferException e) {
            throw RequestRefusedException.badRequest("the body is not a valid " + encoding.contentType() + " " + type + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // JsonFormat reports some malformed JSON (bad nesting, wrong types) as unchecked exceptions
            throw RequestRefusedException.badRequest("the body is not a valid " + encoding.contentType() + " " + type + ": " + e.getMessage());
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

    /**
     * The lower-case hex form of a trace or span id from a decoded request: the bytes as sent in protobuf, or, when
     * an OTLP JSON request wrote the id in hex (as the specification says) and the parser read it as base64, that hex
     * text again. Empty for an empty or all-zero id.
     *
     * @param expectedLength 16 for a trace id, 8 for a span id
     */
    public static String hexId(byte[] id, int expectedLength, OtlpEncoding encoding) {
        byte[] bytes = id;
        if (encoding == OtlpEncoding.JSON && id.length == expectedLength * 2 * 3 / 4) {
            // 32 hex digits parsed as base64 give 24 bytes (16 hex digits give 12): write them back as base64 text
            bytes = hexFromBase64(id);
            if (bytes == null) {
                return "";
            }
        }
        if (bytes.length != expectedLength) {
            return "";
        }
        StringBuilder out = new StringBuilder(expectedLength * 2);
        boolean zero = true;
        for (byte b : bytes) {
            zero &= b == 0;
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return zero ? "" : out.toString();
    }

    private static byte @Nullable [] hexFromBase64(byte[] misread) {
        String text = Base64.getEncoder().encodeToString(misread).toLowerCase(Locale.ROOT);
        if (text.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
