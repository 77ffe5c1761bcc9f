package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kernel.KernelStartException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration errors stop the platform with file, line, path and reason; valid edits apply at run time. */
class ConfigurationTest {

    @Test
    void editingAGreetingChangesTheRouteWithoutARestart() throws Exception {
        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).config("hello:\n  greeting: Hello\n").start()) {
            assertThat(kernel.awaitStatus("/api/v1/hello", 200, Duration.ofSeconds(2)).body()).contains("Hello, world!");
            String before = kernel.status("hello").orElseThrow().since().toString();

            kernel.writeConfig("hello:\n  greeting: Bonjour\n" + kernelSection());

            Await.until("the new greeting", Duration.ofSeconds(2), () -> kernel.get("/api/v1/hello?name=Ada").body(),
                    body -> body.contains("Bonjour, Ada!"));
            assertThat(kernel.status("hello").orElseThrow().since().toString()).as("hello was not restarted").isEqualTo(before);
        }
    }

    @Test
    void anInvalidEditIsRefusedAndTheRunningConfigurationStays() throws Exception {
        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).config("hello:\n  greeting: Hello\n").start()) {
            kernel.awaitStatus("/api/v1/hello", 200, Duration.ofSeconds(2));

            kernel.writeConfig("hello:\n  greting: Hola\n" + kernelSection());
            kernel.writeConfig("hello:\n  greting: Hola\n  greeting: Hola\n" + kernelSection());
            kernel.writeConfig("hello:\n  greeting: Salut\n" + kernelSection());

            Await.until("the last valid greeting", Duration.ofSeconds(2), () -> kernel.get("/api/v1/hello").body(),
                    body -> body.contains("Salut, world!"));
        }
    }

    @Test
    void unknownKeyStopsStartWithFileLinePathAndReason() {
        assertThatThrownBy(() -> TestKernel.builder().config("kernel:\n  http:\n    prot: 9400\n").start())
                .isInstanceOf(KernelStartException.class)
                .hasMessageContaining("vigil.yaml:3:5: kernel.http.prot: unknown key 'prot'");
    }

    @Test
    void wrongTypeStopsStartWithFileLinePathAndReason() {
        assertThatThrownBy(() -> TestKernel.builder().config("kernel:\n  http:\n    port: ninety\n").start())
                .isInstanceOf(KernelStartException.class)
                .hasMessageContaining("vigil.yaml:3:11: kernel.http.port: ")
                .hasMessageContaining("ninety");
    }

    @Test
    void badYamlStopsStartWithFileAndLine() {
        assertThatThrownBy(() -> TestKernel.builder().config("kernel:\n  http:\n    port: [9400\n").start())
                .isInstanceOf(KernelStartException.class)
                .hasMessageContaining("vigil.yaml:");
    }

    @Test
    void aPluginSectionWithAnUnknownKeyFailsThatPluginOnly() throws Exception {
        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).config("hello:\n  gretting: Hi\n").start()) {
            String error = kernel.status("hello").orElseThrow().error();
            assertThat(error).startsWith("has invalid configuration: ").contains("vigil.yaml:2:3: hello.gretting: unknown key 'gretting'");
            assertThat(kernel.get("/health/ready").statusCode()).isEqualTo(200);
        }
    }

    private static String kernelSection() {
        return "kernel:\n  watch:\n    pollInterval: 50ms\n    quietPeriod: 100ms\n";
    }
}
