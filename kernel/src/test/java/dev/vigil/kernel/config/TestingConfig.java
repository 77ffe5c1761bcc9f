package dev.vigil.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shortcuts for the configuration tests: documents from text, and the problems a call reports. */
final class TestingConfig {

    static final String SOURCE = "conf/vigil.yaml";

    private TestingConfig() {}

    static ConfigDocument parse(String yaml) throws ConfigException {
        return ConfigDocument.parse(SOURCE, yaml, Map.of());
    }

    static ConfigDocument parse(String yaml, Map<String, String> env) throws ConfigException {
        return ConfigDocument.parse(SOURCE, yaml, env);
    }

    static <T> T bind(String yaml, String section, Class<T> type) throws ConfigException {
        return parse(yaml).bind(section, type, ConfigMappers.strict());
    }

    /** The problems {@code call} reports, each as the user sees it. */
    static List<String> problemsOf(ThrowingCallable call) {
        ConfigException thrown = catchThrowableOfType(ConfigException.class, call);
        assertThat(thrown).as("the ConfigException thrown").isNotNull();
        return thrown.problems().stream().map(ConfigProblem::toString).toList();
    }
}
