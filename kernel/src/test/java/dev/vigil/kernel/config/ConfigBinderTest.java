package dev.vigil.kernel.config;

import static dev.vigil.kernel.config.TestingConfig.SOURCE;
import static dev.vigil.kernel.config.TestingConfig.parse;
import static dev.vigil.kernel.config.TestingConfig.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigBinderTest {

    @Test
    void bindsEverySection() throws ConfigException {
        ConfigBinder binder = new ConfigBinder(parse("""
                hello: {greeting: Hi}
                kernel: {http: {port: 8080}}
                """), ConfigMappers.strict())
                .bind("kernel", KernelConfig.class)
                .bind("hello", HelloConfig.class)
                .bind("absent", HelloConfig.class);

        Map<String, Object> results = binder.results();

        assertThat(binder.problems()).isEmpty();
        assertThat(results).containsOnlyKeys("kernel", "hello", "absent");
        assertThat(results.keySet()).containsExactly("kernel", "hello", "absent");
        assertThat(((KernelConfig) results.get("kernel")).http().port()).isEqualTo(8080);
        assertThat(((HelloConfig) results.get("hello")).greeting()).isEqualTo("Hi");
        assertThat(((HelloConfig) results.get("absent")).greeting()).isEqualTo("Hello");
    }

    @Test
    void reportsTheProblemsOfEverySectionTogetherInFileOrder() throws ConfigException {
        ConfigBinder binder = new ConfigBinder(parse("""
                hello:
                  repeat: many
                kernel:
                  http:
                    prot: 8080
                  startTimeout: soon
                """), ConfigMappers.strict())
                .bind("kernel", KernelConfig.class)
                .bind("hello", HelloConfig.class);

        assertThat(binder.problems()).extracting(ConfigProblem::path)
                .containsExactly("hello.repeat", "kernel.http.prot", "kernel.startTimeout");
        assertThat(problemsOf(binder::throwIfProblems)).hasSize(3);
        assertThat(problemsOf(binder::results)).hasSize(3);
    }

    @Test
    void aSectionIsBoundOnce() {
        ConfigBinder binder = new ConfigBinder(ConfigDocument.empty(SOURCE), ConfigMappers.strict()).bind("kernel", KernelConfig.class);

        assertThatThrownBy(() -> binder.bind("kernel", KernelConfig.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("section 'kernel' is already bound");
    }
}
