package dev.vigil.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The two encodings of OTLP/HTTP: binary protobuf and OTLP JSON. */
public enum OtlpEncoding {
    /** {@code application/x-protobuf}. */
    PROTOBUF("application/x-protobuf"),
    /** {@code application/json}: proto3 JSON with lowerCamelCase keys, as {@link JsonFormat} reads and writes it. */
    JSON("application/json");

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final String contentType;

    OtlpEncoding(String contentType) {
        this.contentType = contentType;
    }

    /** The media type of this encoding. */
    public String contentType() {
        return contentType;
    }

    /** The encoding named by a {@code Content-Type} header (parameters ignored), if it is one of the two. */
    public static Optional<OtlpEncoding> ofContentType(String header) {
        int semicolon = header.indexOf(';');
        String mediaType = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        for (OtlpEncoding encoding : values()) {
            if (encoding.contentType.equals(mediaType)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }

    /** {@code message} in this encoding. */
    public byte[] encode(Message message) {
        if (this == PROTOBUF) {
            return message.toByteArray();
        }
        try {
            return PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            // only messages holding an Any without its type can fail, and these have none
            throw new IllegalStateException("cannot write " + message.getDescriptorForType().getFullName() + " as JSON", e);
        }
    }
}
