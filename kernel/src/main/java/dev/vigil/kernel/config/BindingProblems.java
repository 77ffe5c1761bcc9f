package dev.vigil.kernel.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns Jackson's binding failures into problems a user can act on: the path of the offending node in the
 * document, where it was written, and a reason in the file's own terms ("unknown key", "cannot convert",
 * "expected a list") rather than in Java's.
 */
final class BindingProblems {

    /** How the configuration's records report a missing value: {@code requireNonNull(x, "x is null")}. */
    private static final Pattern IS_NULL = Pattern.compile("(\\w+) is null");
    private static final Pattern QUOTED_TYPE = Pattern.compile("`([^`]*)`");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+([A-Za-z_][\\w$]*)");
    private static final Pattern JACKSON_ADVICE =
            Pattern.compile("\\s*\\((?:set|disable|enable|but could|for POJO)[^()]*\\)");

    /**
     * One binding failure, described.
     *
     * @param path the document path the problem is about
     * @param valueAtFault whether the value at {@code path} is what is wrong, so that binding can go on
     *     without it; false when the type itself cannot be bound
     */
    record Finding(NodePath path, ConfigProblem problem, boolean valueAtFault) {}

    private final String source;
    private final Locations locations;
    private final NodePath section;
    /** The document as read, with the section as its only top-level entry, to look at the values at fault. */
    private final ObjectNode document;

    BindingProblems(ConfigDocument document, String section) {
        this.source = document.source();
        this.locations = document.locations();
        this.section = NodePath.ROOT.key(section);
        this.document = JsonNodeFactory.instance.objectNode();
        this.document.set(section, document.sectionTree(section));
    }

    /** The document path of the node Jackson's exception is about. */
    static NodePath pathOf(NodePath section, JsonMappingException failure) {
        NodePath path = section;
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path = path.key(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path = path.index(reference.getIndex());
            }
        }
        return path;
    }

    /**
     * Describes {@code failure}.
     *
     * @param path the document path Jackson's failure is about; the section's path for a failure without one
     */
    Finding describe(NodePath path, IOException failure) {
        if (!(failure instanceof JsonMappingException mapping)) {
            return new Finding(path, atEntry(path, clean(failure)), false);
        }
        if (failure instanceof InvalidDefinitionException badType) {
            JavaType type = badType.getType();
            String name = type == null ? "the configuration type" : type.getRawClass().getSimpleName();
            return new Finding(path, atEntry(path, name + " cannot be bound from configuration: " + clean(failure)), false);
        }
        if (failure instanceof ValueInstantiationException refused) {
            return refusedByType(path, refused);
        }
        return new Finding(path, describeValue(path, mapping), true);
    }

    /** A problem with the section as a whole. */
    ConfigProblem sectionProblem(String reason) {
        return atEntry(section, reason);
    }

    private ConfigProblem describeValue(NodePath path, JsonMappingException failure) {
        if (failure instanceof PropertyBindingException unknown) {
            return atEntry(path, unknownKey(unknown));
        }
        if (failure instanceof RejectedValueException rejected) {
            return atValue(path, rejected.reason());
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mismatch(path, mismatch.getTargetType());
        }
        if (failure.getCause() instanceof InputCoercionException outOfRange && outOfRange.getTargetType() != null) {
            JsonNode node = path.find(document);
            String value = node == null ? "the value" : TypeWords.shown(node);
            return atValue(path, "cannot convert " + value + " to "
                    + TypeWords.scalarName(outOfRange.getTargetType()) + " (out of range)");
        }
        return atEntry(path, clean(failure));
    }

    private static String unknownKey(PropertyBindingException unknown) {
        Collection<Object> known = unknown.getKnownPropertyIds();
        String knownKeys = known == null || known.isEmpty()
                ? "no keys are allowed here"
                : "known keys: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        return "unknown key '" + unknown.getPropertyName() + "' (" + knownKeys + ")";
    }

    private ConfigProblem mismatch(NodePath path, Class<?> target) {
        JsonNode node = path.find(document);
        if (node == null) {
            return atEntry(path, "required key is missing (expected " + TypeWords.expected(target) + ")");
        }
        if (node.isNull()) {
            return atValue(path, "expected " + TypeWords.expected(target) + ", got null");
        }
        if (node.isContainerNode() || TypeWords.isStructured(target)) {
            return atEntry(path, "expected " + TypeWords.expected(target) + ", got " + TypeWords.kindOf(node));
        }
        return atValue(path, "cannot convert " + TypeWords.shown(node) + " to " + TypeWords.scalarName(target)
                + TypeWords.acceptedHint(target));
    }

    /** The type's constructor or factory refused the values, usually with an {@link IllegalArgumentException}. */
    private Finding refusedByType(NodePath path, ValueInstantiationException refused) {
        Throwable cause = refused.getCause() == null ? refused : refused.getCause();
        String message = cause.getMessage();
        if (cause instanceof NullPointerException && message != null) {
            Matcher isNull = IS_NULL.matcher(message);
            if (isNull.matches() && isComponent(refused.getType(), isNull.group(1))) {
                NodePath component = path.key(isNull.group(1));
                ConfigProblem problem = component.find(document) == null
                        ? atEntry(component, "required key is missing")
                        : atValue(component, "a value is required, got null");
                return new Finding(component, problem, true);
            }
        }
        String reason = message == null || message.isBlank()
                ? "invalid value (" + cause.getClass().getSimpleName() + ")"
                : message.strip();
        return new Finding(path, atEntry(path, reason), true);
    }

    private static boolean isComponent(@Nullable JavaType type, String name) {
        if (type == null || !type.getRawClass().isRecord()) {
            return false;
        }
        return Arrays.stream(type.getRawClass().getRecordComponents())
                .map(RecordComponent::getName)
                .anyMatch(name::equals);
    }

    /** Jackson's own message when nothing better is known, without Java package names and Jackson's advice. */
    private static String clean(IOException failure) {
        String message = failure instanceof JsonProcessingException jackson
                ? jackson.getOriginalMessage()
                : failure.getMessage();
        if (message == null || message.isBlank()) {
            return "invalid value (" + failure.getClass().getSimpleName() + ")";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        Matcher quoted = QUOTED_TYPE.matcher(firstLine);
        StringBuilder plain = new StringBuilder();
        while (quoted.find()) {
            String simple = QUALIFIED_NAME.matcher(quoted.group(1))
                    .replaceAll(match -> Matcher.quoteReplacement(match.group(1).replace('$', '.')));
            quoted.appendReplacement(plain, Matcher.quoteReplacement(simple));
        }
        quoted.appendTail(plain);
        String text = JACKSON_ADVICE.matcher(plain).replaceAll("").strip();
        return text.isEmpty() ? "invalid value" : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    private ConfigProblem atEntry(NodePath path, String reason) {
        return ConfigProblem.at(source, locations.ofEntry(path), path, reason);
    }

    private ConfigProblem atValue(NodePath path, String reason) {
        return ConfigProblem.at(source, locations.ofValue(path), path, reason);
    }
}
