package dev.vigil.kernel.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.time.Duration;

/** The {@link ObjectMapper} used to bind configuration sections. */
public final class ConfigMappers {

    private ConfigMappers() {}

    /**
     * A new strict mapper for binding configuration:
     * <ul>
     *   <li>unknown keys are errors, and so are nulls for primitives (a primitive component without a default
     *       must be given), null elements in lists and null values in maps, numbers for enums and booleans,
     *       floating-point numbers for integers, and empty strings for anything but a string;</li>
     *   <li>enum constants match case-insensitively;</li>
     *   <li>{@link java.util.Optional} is supported, a missing value being {@code Optional.empty()};</li>
     *   <li>a {@link Duration} is written {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d} or
     *       in ISO-8601 such as {@code PT10S}, and a bad one is reported with the forms accepted;</li>
     *   <li>strings holding a number or boolean (as produced by {@code ${PORT}}) bind to numbers and booleans.</li>
     * </ul>
     *
     * <p>A new mapper per call, on purpose: Jackson caches what it learns about types per mapper, so a
     * long-lived mapper would keep a plugin's configuration types, and with them the plugin's class loader,
     * after the plugin is unloaded. Use one mapper for one reading of the file and let it go.
     */
    public static ObjectMapper strict() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .withCoercionConfigDefaults(coercion ->
                        coercion.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, coercion ->
                        coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(new Jdk8Module())
                .addModule(new SimpleModule("vigil-config").addDeserializer(Duration.class, new DurationDeserializer()))
                .build();
    }
}
