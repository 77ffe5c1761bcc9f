package dev.vigil.alerting;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Binds a channel's settings to its factory's configuration type with the rules the platform applies to the whole
 * configuration file: unknown keys, nulls in lists and maps, numbers for enums and booleans, fractions for integers
 * and empty strings for non-strings are errors; enums match case-insensitively; {@code Optional} is supported;
 * durations are written {@code 10s} or {@code 1h30m}.
 *
 * <p>A new mapper per binding, on purpose: Jackson caches what it learns about a type in its mapper, and a mapper
 * kept here would hold the configuration types, and with them the class loaders, of channel plugins that have
 * since been undeployed. Thread-safe.
 */
final class ChannelSettingsBinder {

    private static final Pattern IS_NULL = Pattern.compile("(\\w+) is null");

    private ChannelSettingsBinder() {}

    /**
     * {@code settings} bound to {@code type}.
     *
     * @throws SettingsException naming the key at fault and why
     */
    static <C> C bind(ObjectNode settings, Class<C> type) throws SettingsException {
        try {
            C value = mapper().treeToValue(settings, type);
            if (value == null) {
                throw new SettingsException("", "no settings could be made of this");
            }
            return value;
        } catch (JsonMappingException e) {
            String path = path(e);
            if (e instanceof PropertyBindingException unknown && !lastKey(path).equals(unknown.getPropertyName())) {
                // Jackson leaves the unknown key itself out of the path when a creator binds the object
                path = join(path, unknown.getPropertyName());
            }
            String missing = missingComponent(e);
            if (missing != null) {
                throw new SettingsException(join(path, missing), "required key is missing");
            }
            throw new SettingsException(path, reason(e));
        } catch (JsonProcessingException e) {
            throw new SettingsException("", firstLine(e.getOriginalMessage()));
        }
    }

    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .withCoercionConfigDefaults(coercion -> coercion.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean,
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(new Jdk8Module())
                .addModule(new SimpleModule("vigil-channel-settings").addDeserializer(Duration.class, new ConfigDurations.Deserializer()))
                .build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The record component whose absence made the type's constructor refuse the value, as records report it:
     * {@code requireNonNull(x, "x is null")}.
     */
    private static @Nullable String missingComponent(JsonMappingException e) {
        if (!(e instanceof ValueInstantiationException refused) || !(refused.getCause() instanceof NullPointerException npe)
                || npe.getMessage() == null || refused.getType() == null || !refused.getType().getRawClass().isRecord()) {
            return null;
        }
        Matcher isNull = IS_NULL.matcher(npe.getMessage());
        if (!isNull.matches()) {
            return null;
        }
        String name = isNull.group(1);
        return Arrays.stream(refused.getType().getRawClass().getRecordComponents()).anyMatch(c -> c.getName().equals(name)) ? name : null;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String lastKey(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof PropertyBindingException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "unknown key '" + unknown.getPropertyName() + "' (" + (known == null || known.isEmpty() ? "no keys are allowed here"
                    : "known keys: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))) + ")";
        }
        if (e instanceof ValueInstantiationException refused && refused.getCause() != null && refused.getCause().getMessage() != null) {
            return firstLine(refused.getCause().getMessage());
        }
        if (e instanceof InvalidFormatException format) {
            String message = firstLine(format.getOriginalMessage());
            return message.startsWith("cannot convert") ? message
                    : "cannot convert '" + format.getValue() + "' to " + typeName(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + typeName(mismatch.getTargetType());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "a duration such as 10s";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        return "a value of type " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message).strip();
        return line.isEmpty() ? "invalid value" : line;
    }

    /** Settings that could not be bound. */
    static final class SettingsException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String path;

        SettingsException(String path, String reason) {
            super(reason);
            this.path = path;
        }

        /** The key at fault within the settings, such as {@code basicAuth.password}; {@code ""} for the settings as a whole. */
        String path() {
            return path;
        }
    }
}
