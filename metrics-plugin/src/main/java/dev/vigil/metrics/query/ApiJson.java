package dev.vigil.metrics.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.metrics.QueryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the envelope of Prometheus's API with Jackson's streaming generator:
 * {@code {"status":"success","data":...,"warnings":[...],"infos":[...]}}, the last two only when not empty, and
 * {@code {"status":"error","errorType":"bad_data","error":"..."}} with the HTTP status of the error type.
 * Strings are escaped as Go's {@code encoding/json} escapes them ({@code <}, {@code >} and {@code &} as
 * {@code \u003c} and so on), so the bytes match Prometheus's. Thread-safe.
 */
final class ApiJson {

    /** The content type of every answer. */
    static final String CONTENT_TYPE = "application/json";

    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new GoEscapes());

    /** Writes the {@code data} value of a successful answer. */
    @FunctionalInterface
    interface DataWriter {
        /** Writes one JSON value with {@code json}; {@code numbers} formats numbers as Prometheus does. */
        void write(JsonGenerator json, ApiNumbers numbers) throws IOException;
    }

    private ApiJson() {}

    /** Answers 200 with {@code data}, and the warnings and infos when there are any. */
    static void success(HttpExchange exchange, DataWriter data, List<String> warnings, List<String> infos) {
        ResponseBuffer body = new ResponseBuffer();
        try (JsonGenerator json = FACTORY.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("status", "success");
            json.writeFieldName("data");
            data.write(json, new ApiNumbers());
            writeStrings(json, "warnings", warnings);
            writeStrings(json, "infos", infos);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the response", e);
        }
        exchange.respond(200, CONTENT_TYPE, body.toByteArray());
    }

    /** Answers with the status of the error's type, its {@code errorType} and its message. */
    static void error(HttpExchange exchange, QueryException error) {
        ResponseBuffer body = new ResponseBuffer();
        try (JsonGenerator json = FACTORY.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("status", "error");
            json.writeStringField("errorType", error.type().apiName());
            json.writeStringField("error", String.valueOf(error.getMessage()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the response", e);
        }
        exchange.respond(error.type().httpStatus(), CONTENT_TYPE, body.toByteArray());
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** Go's escapes: {@code <}, {@code >}, {@code &}, U+2028, U+2029 and control characters, in lower-case hex. */
    private static final class GoEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii = standardAsciiEscapesForJSON();
        private final SerializableString[] custom = new SerializableString[128];

        GoEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                    escape(c);
                }
            }
            escape('<');
            escape('>');
            escape('&');
        }

        private void escape(int c) {
            ascii[c] = ESCAPE_CUSTOM;
            custom[c] = new SerializedString(String.format("\\u%04x", c));
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            if (ch < custom.length) {
                return custom[ch];
            }
            if (ch == 0x2028) {
                return LINE_SEPARATOR;
            }
            return ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }
}
