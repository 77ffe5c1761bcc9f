package dev.vigil.logging.logql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * LogQL's {@code json} parser. Without extractions every field of the line's JSON object becomes a label: nested keys
 * are joined with {@code _} ({@code {"a":{"b":1}}} gives {@code a_b="1"}), characters a label name cannot hold become
 * {@code _}, arrays are left out, strings are unescaped and numbers and booleans kept as written. With extractions,
 * each label takes the value at its path ({@code a.b}, {@code a[0]}, {@code a["b c"]}); an object or array is
 * kept as JSON. A line that is not a JSON object gets the error {@code JSONParserErr}. Thread-safe.
 */
final class JsonFields {

    static final String ERROR = "JSONParserErr";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final List<String> labels = new ArrayList<>();
    private final List<List<Object>> paths = new ArrayList<>();

    /**
     * @param extractions the labels to extract; empty for every field
     * @throws LogqlException if a path is not a valid JSON path
     */
    JsonFields(List<Stage.Extraction> extractions) {
        for (Stage.Extraction extraction : extractions) {
            labels.add(extraction.label());
            paths.add(path(extraction));
        }
    }

    /** Adds the labels of {@code line} to {@code entry}, or its error. */
    void parse(String line, EntryLabels entry) {
        try {
            if (paths.isEmpty()) {
                flatten(line, entry);
            } else {
                extract(line, entry);
            }
        } catch (IOException e) {
            entry.setError(ERROR, firstLine(e.getMessage()));
        }
    }

    private static void flatten(String line, EntryLabels entry) throws IOException {
        try (JsonParser parser = FACTORY.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("Value looks like a " + describe(parser.currentToken()) + ", not an object");
            }
            object(parser, "", entry);
        }
    }

    private static void object(JsonParser parser, String prefix, EntryLabels entry) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = sanitize(parser.currentName(), prefix.isEmpty());
            String name = prefix.isEmpty() ? key : prefix + "_" + key;
            JsonToken value = parser.nextToken();
            switch (value) {
                case START_OBJECT -> object(parser, name, entry);
                case START_ARRAY -> parser.skipChildren();
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> entry.addParsed(name, parser.getText());
                default -> {
                    // null: no label
                }
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("unexpected end of JSON input");
        }
    }

    private void extract(String line, EntryLabels entry) throws IOException {
        JsonNode root = MAPPER.readTree(line);
        if (root == null) {
            throw new IOException("unexpected end of JSON input");
        }
        for (int i = 0; i < paths.size(); i++) {
            JsonNode node = root;
            for (Object step : paths.get(i)) {
                node = step instanceof Integer index ? node.path(index) : node.path((String) step);
            }
            if (node.isMissingNode() || node.isNull()) {
                continue;
            }
            entry.addParsed(labels.get(i), node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** A label name from a JSON key: characters other than letters, digits and {@code _} become {@code _}. */
    static String sanitize(String key, boolean first) {
        String k = key.strip();
        if (k.isEmpty()) {
            return k;
        }
        StringBuilder out = new StringBuilder(k.length() + 1);
        if (first && k.charAt(0) >= '0' && k.charAt(0) <= '9') {
            out.append('_');
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            out.append(valid ? c : '_');
        }
        return out.toString();
    }

    /** The steps of a path such as {@code a.b[0]["c d"]}: field names and array indexes. */
    private static List<Object> path(Stage.Extraction extraction) {
        String text = extraction.expression();
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                if (i == 0 || i + 1 >= text.length()) {
                    throw badPath(extraction);
                }
                i++;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw badPath(extraction);
                }
                String inside = text.substring(i + 1, close).strip();
                if (inside.length() >= 2 && inside.startsWith("\"") && inside.endsWith("\"")) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        steps.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw badPath(extraction);
                    }
                }
                i = close + 1;
            } else {
                int start = i;
                while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    i++;
                }
                steps.add(text.substring(start, i));
            }
        }
        if (steps.isEmpty()) {
            throw badPath(extraction);
        }
        return steps;
    }

    private static LogqlException badPath(Stage.Extraction extraction) {
        return LogqlParseException.of("stage '| json " + extraction + "' : cannot parse expression ["
                + extraction.expression() + "]: not a valid JSON path");
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> "null";
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
