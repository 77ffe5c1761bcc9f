package dev.vigil.metrics.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.vigil.api.config.ByteSize;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteWriteSettingsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void defaultsFollowPrometheusQueueConfig() throws Exception {
        RemoteWriteSettings settings = mapper.readValue("{\"url\": \"http://mimir.local:8080/api/v1/push\"}", RemoteWriteSettings.class);

        assertThat(settings).isEqualTo(new RemoteWriteSettings(URI.create("http://mimir.local:8080/api/v1/push"), "mimir.local:8080",
                Map.of(), null, 100_000, 2000, Duration.ofSeconds(5), Duration.ofMillis(30), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        assertThat(RemoteWriteSettings.forUrl(URI.create("https://vm.example/api/v1/write")).name()).isEqualTo("vm.example:443");
    }

    @Test
    void explicitValuesAreKept() throws Exception {
        RemoteWriteSettings settings = mapper.readValue("{\"url\": \"http://a:1/w\", \"name\": \"mimir\", \"headers\": {\"X-Scope-OrgID\": \"t\"},"
                + " \"bearerToken\": \"tok\", \"queueCapacity\": 10, \"maxSamplesPerSend\": 5}", RemoteWriteSettings.class);

        assertThat(settings.name()).isEqualTo("mimir");
        assertThat(settings.headers()).containsEntry("X-Scope-OrgID", "t");
        assertThat(settings.bearerToken()).isEqualTo("tok");
        assertThat(settings.queueCapacity()).isEqualTo(10);
        assertThat(settings.maxSamplesPerSend()).isEqualTo(5);
    }

    @Test
    void refusesAMissingOrNonHttpUrlNamingTheKey() {
        assertThatThrownBy(() -> mapper.readValue("{}", RemoteWriteSettings.class))
                .isInstanceOf(ValueInstantiationException.class).hasMessageContaining("url is required");
        assertThatThrownBy(() -> mapper.readValue("{\"url\": \"ftp://a/b\"}", RemoteWriteSettings.class))
                .hasMessageContaining("url must be an http or https URL").hasMessageContaining("ftp://a/b");
        assertThatThrownBy(() -> mapper.readValue("{\"url\": \"http://a/b\", \"queueCapacity\": 0}", RemoteWriteSettings.class))
                .hasMessageContaining("queueCapacity must be positive, got 0");
        assertThatThrownBy(() -> mapper.readValue("{\"url\": \"http://a/b\", \"headers\": {\"Content-Type\": \"x\"}}", RemoteWriteSettings.class))
                .hasMessageContaining("headers must not set Content-Type");
    }

    @Test
    void receiverDefaultsTo64MiB() throws Exception {
        assertThat(mapper.readValue("{}", ReceiverSettings.class)).isEqualTo(new ReceiverSettings(ByteSize.ofMebibytes(64)));
        assertThat(mapper.readValue("{\"maxDecompressedBytes\": \"1MB\"}", ReceiverSettings.class).maxDecompressedBytes().bytes())
                .isEqualTo(1024 * 1024);
        assertThatThrownBy(() -> new ReceiverSettings(ByteSize.ofBytes(0))).hasMessageContaining("maxDecompressedBytes");
    }
}
