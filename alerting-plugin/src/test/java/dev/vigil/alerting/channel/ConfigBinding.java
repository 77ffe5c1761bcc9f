package dev.vigil.alerting.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.kernel.config.ConfigMappers;

/**
 * Binds channel settings the way the platform binds its configuration file: YAML read into a tree, then bound by the
 * kernel's strict mapper (unknown keys refused, {@code 10s} durations).
 */
public final class ConfigBinding {

    private ConfigBinding() {}

    /**
     * {@code yaml} bound to {@code type}.
     *
     * @throws JsonProcessingException if binding fails, as the platform would report it
     */
    public static <T> T bind(String yaml, Class<T> type) throws JsonProcessingException {
        ObjectMapper strict = ConfigMappers.strict();
        return strict.treeToValue(new YAMLMapper().readTree(yaml), type);
    }

    /** {@code value} written as JSON, as an API showing the configuration would write it. */
    public static String show(Object value) throws JsonProcessingException {
        return new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                .writeValueAsString(value);
    }
}
