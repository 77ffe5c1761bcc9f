package dev.vigil.kernel.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML configuration document token by token into a tree, recording where each key and value was
 * written, substituting environment variables in string values, and collecting every problem on the way:
 * duplicate keys, aliases, a top level that is not a mapping, a second document, and bad syntax.
 *
 * <p>Only {@code true} and {@code false} are booleans (YAML 1.2), so {@code country: NO} stays a string, and
 * an empty plain value ({@code key:}) is null. One instance reads one document.
 */
final class YamlTreeReader {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final EnvSubstitution substitution;
    private final Locations locations = new Locations();
    private final List<ConfigProblem> problems = new ArrayList<>();

    private YamlTreeReader(String source, EnvSubstitution substitution) {
        this.source = source;
        this.substitution = substitution;
    }

    /** What was read: the top-level mapping (empty if the document could not be read) and the problems. */
    record Result(ObjectNode root, Locations locations, List<ConfigProblem> problems) {}

    static Result read(String source, String yaml, Map<String, String> env) {
        return new YamlTreeReader(source, new EnvSubstitution(env)).read(yaml);
    }

    private Result read(String yaml) {
        ObjectNode root = NODES.objectNode();
        try (JsonParser parser = YAML.createParser(yaml)) {
            try {
                root = readDocument(parser);
            } catch (IOException failure) {
                problems.add(YamlSyntaxProblems.from(source, yaml, failure, Position.of(parser.currentLocation())));
            }
        } catch (IOException failure) {
            problems.add(YamlSyntaxProblems.from(source, yaml, failure, Position.UNKNOWN));
        }
        return new Result(root, locations, problems);
    }

    private ObjectNode readDocument(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        ObjectNode root = NODES.objectNode();
        if (first == JsonToken.START_OBJECT) {
            root = readMapping(parser, NodePath.ROOT);
        } else if (first != null && first != JsonToken.VALUE_NULL) {
            problem(parser, NodePath.ROOT, "the top level must be a mapping of section names (such as 'kernel:'), got "
                    + describeStart(first));
            return root;
        }
        if (parser.nextToken() != null) {
            problem(parser, NodePath.ROOT, "only one YAML document is allowed, but a second one starts here");
        }
        return root;
    }

    private JsonNode readValue(JsonParser parser, NodePath path) throws IOException {
        JsonToken token = parser.currentToken();
        locations.recordValue(path, Position.of(parser.currentTokenLocation()));
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problem(parser, path, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
            return NullNode.getInstance();
        }
        return switch (token) {
            case START_OBJECT -> readMapping(parser, path);
            case START_ARRAY -> readList(parser, path);
            case VALUE_STRING -> TextNode.valueOf(
                    substitution.substitute(parser.getText(), reason -> problem(parser, path, reason)));
            case VALUE_NUMBER_INT -> readInteger(parser);
            case VALUE_NUMBER_FLOAT -> readDecimal(parser);
            case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(parser.getBooleanValue());
            case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject() instanceof byte[] bytes
                    ? BinaryNode.valueOf(bytes)
                    : TextNode.valueOf(parser.getText());
            default -> NullNode.getInstance();
        };
    }

    private ObjectNode readMapping(JsonParser parser, NodePath path) throws IOException {
        ObjectNode mapping = NODES.objectNode();
        Map<String, Position> keys = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Position keyPosition = Position.of(parser.currentTokenLocation());
            NodePath child = path.key(key);
            parser.nextToken();
            Position first = keys.putIfAbsent(key, keyPosition);
            if (first != null) {
                problems.add(ConfigProblem.at(source, keyPosition, child,
                        "duplicate key '" + key + "' (first defined at line " + first.line() + ")"));
                parser.skipChildren();
                continue;
            }
            locations.recordKey(child, keyPosition);
            mapping.set(key, readValue(parser, child));
        }
        return mapping;
    }

    private ArrayNode readList(JsonParser parser, NodePath path) throws IOException {
        ArrayNode list = NODES.arrayNode();
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            list.add(readValue(parser, path.index(index)));
        }
        return list;
    }

    private static JsonNode readInteger(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private static JsonNode readDecimal(JsonParser parser) throws IOException {
        try {
            // keeps the digits as written, so "1.10" bound to a string stays "1.10"
            return DecimalNode.valueOf(parser.getDecimalValue());
        } catch (NumberFormatException notFinite) {
            return DoubleNode.valueOf(parser.getDoubleValue());
        }
    }

    private void problem(JsonParser parser, NodePath path, String reason) {
        problems.add(ConfigProblem.at(source, Position.of(parser.currentTokenLocation()), path, reason));
    }

    private static String describeStart(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "a single value";
        };
    }
}
