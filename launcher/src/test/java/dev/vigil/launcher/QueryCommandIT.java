package dev.vigil.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vigil query} against the assembled distribution running with its metrics plugin: the platform stores
 * its own meters every second, and the command finds the API from the same configuration file.
 */
class QueryCommandIT {

    private static final Pattern READY = Pattern.compile("Ready\\s+http://");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static Process vigil;
    private static Path config;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void runThePlatform() throws Exception {
        config = Files.writeString(dir.resolve("vigil.yaml"), "kernel:\n  http:\n    port: " + PrometheusServer.freePort()
                + "\n  otlp:\n    enabled: false\nmetrics:\n  selfScrapeInterval: 1s\n");
        Path log = dir.resolve("vigil.log");
        vigil = new ProcessBuilder(Path.of(System.getProperty("vigil.distribution")).resolve("bin/vigil").toString(), "run",
                "--config", config.toString(), "--data", dir.resolve("data").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!READY.matcher(Files.readString(log)).find()) {
            if (!vigil.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("vigil did not start:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopThePlatform() throws InterruptedException {
        if (vigil != null) {
            vigil.destroy();
            if (!vigil.waitFor(30, TimeUnit.SECONDS)) {
                vigil.destroyForcibly();
            }
        }
    }

    @Test
    void anInstantQueryOfThePlatformsOwnMeters() throws Exception {
        awaitSuccess("query", "--config", config.toString(), "up{job=\"vigil\"}");

        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString()).startsWith("  SERIES").contains("up{instance=\"").contains("job=\"vigil\"}").endsWith("  1\n");
    }

    @Test
    void aRangeQueryOverTheLastMinute() throws Exception {
        awaitSuccess("query", "--config", config.toString(), "--since", "1m", "--step", "1s", "sum(up)");

        assertThat(out.toString()).startsWith("{}\n  TIME").contains("  1\n");
        awaitSuccess("query", "--config", config.toString(), "--output", "json", "--since", "30s", "sum(up)");
        assertThat(out.toString()).startsWith("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[");
    }

    @Test
    void aMalformedQueryShowsTheErrorAndExitsOne() {
        assertThat(vigil("query", "--config", config.toString(), "sum(up")).isEqualTo(1);

        assertThat(err.toString()).startsWith("vigil: bad_data: invalid parameter \"query\": 1:").contains("parse error");
    }

    private void awaitSuccess(String... args) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            if (vigil(args) == 0 && !out.toString().contains("(empty result)")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("vigil " + String.join(" ", args) + " did not succeed:\n" + out + err);
            }
            Thread.sleep(200);
        }
    }

    private int vigil(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }
}
