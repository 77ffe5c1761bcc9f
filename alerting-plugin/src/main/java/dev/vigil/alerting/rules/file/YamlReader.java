package dev.vigil.alerting.rules.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vigil.alerting.rules.file.YamlNode.Entry;
import dev.vigil.alerting.rules.file.YamlNode.Mapping;
import dev.vigil.alerting.rules.file.YamlNode.Scalar;
import dev.vigil.alerting.rules.file.YamlNode.ScalarType;
import dev.vigil.alerting.rules.file.YamlNode.Sequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the first document of a YAML text into {@link YamlNode}s that know their position, using Jackson's
 * streaming YAML parser (Jackson's tree model forgets positions). A key given twice in one mapping is an error, as
 * in Go's YAML decoder. Aliases of anchored mappings and sequences are resolved; Jackson does not report anchors
 * of scalars, so an alias of a scalar is an error. Stateless and thread-safe.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    /**
     * The first document of {@code text}, or empty when it has none (an empty text, or only comments).
     *
     * @throws YamlSyntaxException if the text is not valid YAML, repeats a key or uses an unknown alias
     */
    public static Optional<YamlNode> read(String text) throws YamlSyntaxException {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            return Optional.of(new Builder(parser).node(first));
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string failed", e);
        }
    }

    private static YamlSyntaxException syntaxError(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        Location location = where == null ? Location.START
                : new Location(Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
        return new YamlSyntaxException(location, "yaml: " + condense(e.getOriginalMessage()));
    }

    /** SnakeYAML's messages repeat the source with carets; keep only the sentences. */
    private static String condense(String message) {
        return message.lines()
                .filter(line -> !line.isBlank())
                .filter(line -> !line.startsWith(" in ") && !line.startsWith("    ") && !line.strip().equals("^"))
                .map(String::strip)
                .collect(Collectors.joining(": "));
    }

    private static final class Builder {
        private final YAMLParser parser;
        private final Map<String, YamlNode> anchors = new HashMap<>();

        Builder(YAMLParser parser) {
            this.parser = parser;
        }

        YamlNode node(JsonToken token) throws IOException, YamlSyntaxException {
            Location location = location();
            @Nullable String anchor = parser.getObjectId();
            YamlNode node = switch (token) {
                case START_OBJECT -> mapping(location);
                case START_ARRAY -> sequence(location);
                case VALUE_STRING -> parser.isCurrentAlias() ? alias(location) : scalar(ScalarType.STRING, location);
                case VALUE_NUMBER_INT -> scalar(ScalarType.INT, location);
                case VALUE_NUMBER_FLOAT -> scalar(ScalarType.FLOAT, location);
                case VALUE_TRUE, VALUE_FALSE -> scalar(ScalarType.BOOL, location);
                case VALUE_NULL -> new Scalar("", ScalarType.NULL, location);
                default -> throw new YamlSyntaxException(location, "yaml: unexpected " + token);
            };
            if (anchor != null && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private Scalar scalar(ScalarType type, Location location) throws IOException {
            String text = parser.getText();
            // Jackson follows YAML 1.1 where yes, no, on and off are booleans; Prometheus's decoder reads YAML 1.2.
            if (type == ScalarType.BOOL && !text.equals("true") && !text.equals("false")) {
                type = ScalarType.STRING;
            }
            return new Scalar(text, type, location);
        }

        private YamlNode alias(Location location) throws IOException, YamlSyntaxException {
            String name = parser.getText();
            YamlNode target = anchors.get(name);
            if (target == null) {
                throw new YamlSyntaxException(location,
                        "yaml: alias *" + name + " does not name an anchored mapping or sequence before it");
            }
            return target;
        }

        private Mapping mapping(Location location) throws IOException, YamlSyntaxException {
            List<Entry> entries = new ArrayList<>();
            Map<String, Location> seen = new HashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new YamlSyntaxException(location(), "yaml: expected a key, found " + token);
                }
                Scalar key = new Scalar(parser.getText(), ScalarType.STRING, location());
                Location earlier = seen.putIfAbsent(key.text(), key.location());
                if (earlier != null) {
                    throw new YamlSyntaxException(key.location(), "yaml: mapping key \"" + key.text()
                            + "\" already defined at line " + earlier.line());
                }
                JsonToken value = parser.nextToken();
                if (value == null) {
                    throw new YamlSyntaxException(location(), "yaml: unexpected end of document");
                }
                entries.add(new Entry(key, node(value)));
            }
            return new Mapping(entries, location);
        }

        private Sequence sequence(Location location) throws IOException, YamlSyntaxException {
            List<YamlNode> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new YamlSyntaxException(location(), "yaml: unexpected end of document");
                }
                items.add(node(token));
            }
            return new Sequence(items, location);
        }

        private Location location() {
            JsonLocation where = parser.currentTokenLocation();
            return new Location(Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
        }
    }
}
