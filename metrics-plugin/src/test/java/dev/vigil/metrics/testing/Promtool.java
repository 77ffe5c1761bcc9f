package dev.vigil.metrics.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code promtool}, which {@code .ci/run} installs with the {@code prometheus} package. */
public final class Promtool {

    /** What promtool printed (both streams) and how it exited. */
    public record Result(int exitCode, String output) {}

    private static final Path BINARY = Path.of("/usr/bin/promtool");

    private Promtool() {}

    /** {@code promtool check metrics}, reading {@code exposition} from standard input. */
    public static Result checkMetrics(String exposition) throws IOException, InterruptedException {
        requireInstalled();
        Process process = new ProcessBuilder(BINARY.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool did not finish within 60s");
        }
        return new Result(process.exitValue(), output);
    }

    private static void requireInstalled() {
        PrometheusProcess.requireInstalled(BINARY);
    }
}
