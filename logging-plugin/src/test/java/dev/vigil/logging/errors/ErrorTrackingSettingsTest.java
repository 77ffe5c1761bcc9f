package dev.vigil.logging.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.kernel.config.ConfigMappers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTrackingSettingsTest {

    static ErrorTrackingSettings bind(String yaml) throws Exception {
        return ConfigMappers.strict().treeToValue(new YAMLMapper().readTree(yaml), ErrorTrackingSettings.class);
    }

    @Test
    void defaults() throws Exception {
        ErrorTrackingSettings d = ErrorTrackingSettings.defaults();
        assertThat(d).isEqualTo(new ErrorTrackingSettings(true, List.of(), List.of(), 1000, 1000, Duration.ofSeconds(5)));
        assertThat(bind("{}")).isEqualTo(d);
    }

    @Test
    void bindsEachKeyAndKeepsDefaultsForTheRest() throws Exception {
        assertThat(bind("""
                inAppPackages: [com.example]
                excludePackages: [com.example.generated]
                maxIssues: 50
                saveInterval: 30s
                """)).isEqualTo(new ErrorTrackingSettings(true, List.of("com.example"), List.of("com.example.generated"), 50, 1000,
                Duration.ofSeconds(30)));
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertRefused("maxIssues: 0", "maxIssues must be positive, got 0");
        assertRefused("maxUsersPerIssue: -1", "maxUsersPerIssue must be positive, got -1");
        assertRefused("inAppPackages: ['com example']", "inAppPackages[0] is not a package name: 'com example'");
        assertRefused("excludePackages: [' ']", "excludePackages[0] is not a package name");
        assertRefused("maxIssue: 3", "maxIssue");
        assertRefused("saveInterval: soon", "saveInterval");
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> bind(yaml)).as(yaml).satisfies(e -> {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            assertThat(all.toString()).contains(message);
        });
    }
}
