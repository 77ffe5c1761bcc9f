package dev.vigil.kernel.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a request path into percent-decoded segments for matching. */
final class RequestPath {

    private RequestPath() {
    }

    /**
     * The decoded, non-empty segments of a raw request path: {@code /a//b%20c/} gives {@code [a, b c]}.
     *
     * @throws IllegalArgumentException when an escape is malformed, the bytes are not UTF-8, or a segment
     *     is {@code .} or {@code ..} (which a route parameter must never receive)
     */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String segment = decode(part);
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("dot segment in path");
            }
            segments.add(segment);
        }
        return segments;
    }

    private static String decode(String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        int i = 0;
        while (i < part.length()) {
            int escape = part.indexOf('%', i);
            if (escape < 0) {
                escape = part.length();
            }
            bytes.writeBytes(part.substring(i, escape).getBytes(StandardCharsets.UTF_8));
            if (escape == part.length()) {
                break;
            }
            if (escape + 2 >= part.length()) {
                throw new IllegalArgumentException("truncated escape in path");
            }
            int high = Character.digit(part.charAt(escape + 1), 16);
            int low = Character.digit(part.charAt(escape + 2), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("invalid escape in path");
            }
            bytes.write(high << 4 | low);
            i = escape + 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("path is not UTF-8", e);
        }
    }
}
