package dev.vigil.alerting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bound channel settings as a JSON tree for the API, written from the configuration object rather than from the
 * file, so that every {@link dev.vigil.api.alerting.Secret} appears as {@code <secret>}. A new mapper each time,
 * for the reason given in {@link ChannelSettingsBinder}. Thread-safe.
 */
final class SettingsView {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsView.class);

    private SettingsView() {}

    /** {@code config} as a tree, or empty when it cannot be written as JSON (it is then not shown at all). */
    static Optional<JsonNode> of(Object config) {
        try {
            JsonMapper mapper = JsonMapper.builder()
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .addModule(new Jdk8Module())
                    .addModule(new SimpleModule("vigil-settings-view").addSerializer(Duration.class, new DurationSerializer()))
                    .build();
            return Optional.of(mapper.valueToTree(config));
        } catch (IllegalArgumentException e) {
            LOG.debug("Settings of type {} cannot be shown as JSON: {}", config.getClass().getName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes a duration as the configuration file would, such as {@code 10s} or {@code 1500ms}. */
    private static final class DurationSerializer extends StdSerializer<Duration> {

        private static final long serialVersionUID = 1L;

        DurationSerializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(ConfigDurations.format(value));
        }
    }
}
