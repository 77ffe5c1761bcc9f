package dev.vigil.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled distribution, run as users run it: {@code bin/vigil run}, then SIGTERM. */
class DistributionIT {

    private static final Pattern READY_URL = Pattern.compile("Ready\\s+(http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void theDistributionShipsTheSubsystemPlugins() throws Exception {
        for (String id : List.of("metrics", "alerting", "logging", "tracing")) {
            Path jar = distribution().resolve("plugins/" + id + ".jar");
            assertThat(jar).isRegularFile();
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Vigil-Plugin-Id")).isEqualTo(id);
            }
        }
    }

    @Test
    void theShippedPluginsRunTogetherAndThePlatformTracesItsOwnRequests() throws Exception {
        Path log = dir.resolve("vigil.log");
        Process vigil = run(distribution().resolve("plugins"), log);
        try {
            URI ready = awaitReadyUrl(log, vigil);
            HttpClient http = HttpClient.newHttpClient();
            String plugins = http.send(HttpRequest.newBuilder(ready.resolve("/api/v1/plugins")).build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.Map<String, String> states = new java.util.TreeMap<>();
            for (com.fasterxml.jackson.databind.JsonNode plugin : new com.fasterxml.jackson.databind.ObjectMapper().readTree(plugins).path("plugins")) {
                states.put(plugin.path("id").asText(), plugin.path("state").asText());
            }
            assertThat(states).as(plugins).containsEntry("metrics", "ACTIVE").containsEntry("alerting", "ACTIVE")
                    .containsEntry("logging", "ACTIVE").containsEntry("tracing", "ACTIVE");
            // the request above ran in a server span, which the default SDK settings keep in the platform's trace store
            URI search = ready.resolve("/api/v1/traces?service=vigil&operation=GET%20/api/v1/plugins");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String traces = "";
            while (System.nanoTime() < deadline && !traces.contains("\"traceId\"")) {
                Thread.sleep(200);
                traces = http.send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(traces).as(traces).contains("\"traceId\"");

            vigil.destroy();
            assertThat(vigil.waitFor(30, TimeUnit.SECONDS)).as("vigil exited after SIGTERM").isTrue();
            assertThat(vigil.exitValue()).as(Files.readString(log)).isZero();
        } finally {
            vigil.destroyForcibly();
        }
    }

    @Test
    void runServesUntilSigtermThenStopsPluginsInReverseDependencyOrderAndExitsZero() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(example("vigil-hello-plugin.jar"), plugins.resolve("vigil-hello-plugin.jar"));
        Files.copy(example("vigil-hello-consumer-plugin.jar"), plugins.resolve("vigil-hello-consumer-plugin.jar"));
        Path log = dir.resolve("vigil.log");

        Process vigil = run(plugins, log);
        try {
            URI ready = awaitReadyUrl(log, vigil);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ready.getHost()).isEqualTo("127.0.0.1");
            assertThat(http.send(HttpRequest.newBuilder(ready.resolve("/api/v1/hello-consumer")).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("Hello, consumer!");
            String output = Files.readString(log);
            assertThat(output).contains("PLUGIN").contains("hello-consumer").contains("ACTIVE");

            vigil.destroy();

            assertThat(vigil.waitFor(30, TimeUnit.SECONDS)).as("vigil exited after SIGTERM").isTrue();
            assertThat(vigil.exitValue()).isZero();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int consumerStopped = indexOf(lines, "plugin hello-consumer 0.1.0-SNAPSHOT stopped");
            int helloStopped = indexOf(lines, "plugin hello 0.1.0-SNAPSHOT stopped");
            assertThat(consumerStopped).as("hello-consumer stopped").isNotNegative();
            assertThat(helloStopped).as("hello stopped after hello-consumer").isGreaterThan(consumerStopped);
        } finally {
            vigil.destroyForcibly();
        }
    }

    @Test
    void configCheckFailsWithFileLinePathAndReason() throws Exception {
        Path bad = Files.writeString(dir.resolve("vigil.yaml"), "kernel:\n  http:\n    prot: 9400\n");

        Process check = new ProcessBuilder(distribution().resolve("bin/vigil").toString(), "config", "check", bad.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor()).isEqualTo(1);
        assertThat(output).contains(bad + ":3:5: kernel.http.prot: unknown key 'prot'");
    }

    @Test
    void readmeRunCommandStartsThisDistribution() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("vigil.readme")));
        assertThat(readme).contains("launcher/target/vigil/bin/vigil run");
        assertThat(Files.isExecutable(distribution().resolve("bin/vigil"))).isTrue();
        assertThat(distribution().resolve("conf/vigil.yaml")).isRegularFile();
        assertThat(distribution().resolve("plugins")).isDirectory();
        assertThat(distribution().resolve("lib")).isDirectory();
    }

    /** {@code bin/vigil run} on free ports with {@code plugins}, a data folder under the test's, its output in {@code log}. */
    private Process run(Path plugins, Path log) throws IOException {
        return new ProcessBuilder(distribution().resolve("bin/vigil").toString(), "run",
                "--plugins", plugins.toString(), "--data", dir.resolve("data").toString(), "--port", "0", "--otlp-port", "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static URI awaitReadyUrl(Path log, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("vigil exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Matcher m = READY_URL.matcher(Files.readString(log));
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("vigil printed no Ready URL:\n" + Files.readString(log));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static Path distribution() {
        return Path.of(System.getProperty("vigil.distribution"));
    }

    private static Path example(String name) {
        return Path.of(System.getProperty("vigil.examples"), name);
    }
}
