package dev.vigil.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.metrics.store.StoreSamples.Sample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedSampleSurvivesAKill() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashingWriter.class.getName());
        command.add(dir.resolve("store").toString());
        long start = System.currentTimeMillis() - 60_000;
        command.add(Long.toString(start));
        Process child = new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
        long acknowledged = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged * CrashingWriter.SERIES < 5000 && (line = lines.readLine()) != null) {
                // the child's log may share its standard output; only the counts matter here
                String count = line.trim();
                if (!count.isEmpty() && count.chars().allMatch(Character::isDigit)) {
                    acknowledged = Long.parseLong(count);
                }
            }
            // SIGKILL: no shutdown hook, no close, no flush of anything but what commit already wrote
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged * CrashingWriter.SERIES).as("acknowledged samples; the child said: %s",
                java.nio.file.Files.readString(dir.resolve("child.err"))).isGreaterThanOrEqualTo(5000);

        try (Tsdb db = Tsdb.open(dir.resolve("store"), StoreSettings.defaults(), new SimpleMeterRegistry(), Clock.systemUTC())) {
            for (int s = 0; s < CrashingWriter.SERIES; s++) {
                List<Sample> samples = StoreSamples.read(db, CrashingWriter.series(s));
                assertThat(samples.size()).as("series %d", s).isGreaterThanOrEqualTo((int) acknowledged);
                for (int b = 0; b < acknowledged; b++) {
                    assertThat(samples.get(b)).isEqualTo(Sample.of(start + b, CrashingWriter.value(b, s)));
                }
            }
        }
    }
}
