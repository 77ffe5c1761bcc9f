package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.EchoEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import dev.vigil.api.logs.Severity;
import dev.vigil.logging.Masker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;

class LogbackOutputsTest {

    private static final OutputSettings CONSOLE_ONLY = OutputSettings.defaults()
            .withStore(new StoreOutputSettings(false, 16, "vigil", Duration.ZERO));

    @Test
    void takesOverTheRootLoggerAndGivesItsAppendersBackOnClose() {
        try (Fixture f = new Fixture()) {
            Logger log = f.logger("dev.vigil.test.Orders");
            log.info("before");
            assertThat(f.launcher.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("before");

            f.outputs.apply(CONSOLE_ONLY, Masker.NONE);
            log.info("during");
            assertThat(f.launcher.list).hasSize(1);
            assertThat(f.stdout()).contains(" INFO  [" + Thread.currentThread().getName() + "] dev.vigil.test.Orders - during");
            Logger root = f.logger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getAppender("launcher")).isNull();
            assertThat(root.getAppender(PipelineAppender.NAME)).isNotNull();

            f.outputs.close();
            log.info("after");
            assertThat(f.launcher.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("before", "after");
            assertThat(f.stdout()).doesNotContain("after");
            assertThat(root.getAppender(PipelineAppender.NAME)).isNull();
            assertThat(f.launcher.isStarted()).isTrue();
        }
    }

    @Test
    void levelsAreAppliedAndRestored() {
        try (Fixture f = new Fixture()) {
            Logger jetty = f.logger("org.eclipse.jetty");
            jetty.setLevel(Level.WARN);
            f.logger(Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);

            f.outputs.apply(CONSOLE_ONLY.withLevels(Map.of("dev.vigil.metrics", "debug", "org.eclipse.jetty", "error")),
                    Masker.NONE);
            assertThat(f.logger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
            assertThat(f.logger("dev.vigil.metrics.scrape").getEffectiveLevel()).isEqualTo(Level.DEBUG);
            assertThat(jetty.getLevel()).isEqualTo(Level.ERROR);

            // a logger that leaves the configuration gets its own level back
            f.outputs.apply(CONSOLE_ONLY.withLevels(Map.of("dev.vigil.metrics", "debug")), Masker.NONE);
            assertThat(jetty.getLevel()).isEqualTo(Level.WARN);

            f.outputs.close();
            assertThat(f.logger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
            assertThat(f.logger("dev.vigil.metrics").getLevel()).isNull();
            assertThat(jetty.getLevel()).isEqualTo(Level.WARN);
        }
    }

    @Test
    void aChangeOfLevelsAloneKeepsTheOutputs() {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(CONSOLE_ONLY, Masker.NONE);
            List<Appender<ILoggingEvent>> before = pipeline(f).outputs();
            Logger log = f.logger("dev.vigil.test.Orders");
            log.debug("hidden");

            f.outputs.apply(CONSOLE_ONLY.withLevel("debug"), Masker.NONE);
            log.debug("shown");
            assertThat(pipeline(f).outputs()).hasSize(1).isEqualTo(before);
            assertThat(before.get(0).isStarted()).isTrue();
            assertThat(f.stdout()).doesNotContain("hidden").contains("DEBUG [" + Thread.currentThread().getName()
                    + "] dev.vigil.test.Orders - shown");

            // a change of the console's settings rebuilds the console alone
            f.outputs.apply(CONSOLE_ONLY.withConsole(new ConsoleSettings(true, LogFormat.JSON, ColorMode.NEVER,
                    ConsoleTarget.AUTO)), Masker.NONE);
            assertThat(pipeline(f).outputs()).hasSize(1).doesNotContainAnyElementsOf(before);
            assertThat(before.get(0).isStarted()).isFalse();
            log.info("as json");
            assertThat(f.stdoutLines().get(f.stdoutLines().size() - 1)).startsWith("{").contains("\"message\":\"as json\"");
        }
    }

    @Test
    void aLevelSetAtRunTimeHoldsOverConfigurationUntilCleared() {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(CONSOLE_ONLY.withLevels(Map.of("dev.vigil.alerting", "warn")), Masker.NONE);
            f.outputs.setLevel("dev.vigil.alerting", "TRACE");
            f.outputs.setLevel("dev.vigil.new", "debug");
            assertThat(f.logger("dev.vigil.alerting.notify").getEffectiveLevel()).isEqualTo(Level.TRACE);

            f.outputs.apply(CONSOLE_ONLY.withLevels(Map.of("dev.vigil.alerting", "error")), Masker.NONE);
            assertThat(f.logger("dev.vigil.alerting").getLevel()).isEqualTo(Level.TRACE);
            assertThat(f.outputs.levels()).contains(
                    new LoggerLevel("dev.vigil.alerting", "trace", "trace", true),
                    new LoggerLevel("dev.vigil.alerting.notify", null, "trace", false),
                    new LoggerLevel("dev.vigil.new", "debug", "debug", true),
                    new LoggerLevel("ROOT", "info", "info", false));

            f.outputs.setLevel("dev.vigil.alerting", null);
            f.outputs.setLevel("dev.vigil.new", null);
            assertThat(f.logger("dev.vigil.alerting").getLevel()).isEqualTo(Level.ERROR);
            assertThat(f.logger("dev.vigil.new").getLevel()).isNull();
            f.outputs.setLevel("root", "warn");
            assertThat(f.logger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);

            assertThatThrownBy(() -> f.outputs.setLevel("x", "loud"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("level: 'loud' is not a level: expected trace, debug, info, warn, error, fatal (as error) or off");
            assertThatThrownBy(() -> f.outputs.setLevel(" ", "info")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void addsThePluginIdFromTheThreadContextClassLoader() throws Exception {
        try (Fixture f = new Fixture();
                URLClassLoader plugin = new URLClassLoader("plugin:alerting", new URL[0], getClass().getClassLoader())) {
            f.outputs.apply(CONSOLE_ONLY, Masker.NONE);
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(plugin);
            try {
                f.logger("dev.vigil.alerting.Rules").info("rule loaded");
            } finally {
                thread.setContextClassLoader(before);
            }
            f.logger("dev.vigil.kernel.Kernel").info("kernel line");
            assertThat(f.stdout()).contains("rule loaded plugin=alerting");
            assertThat(f.stdoutLines()).filteredOn(l -> l.contains("kernel line")).singleElement()
                    .satisfies(l -> assertThat(l).doesNotContain("plugin="));
        }
    }

    @Test
    void anErrorWithTheFatalMarkerIsFatal() {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(CONSOLE_ONLY, Masker.NONE);
            f.logger("dev.vigil.kernel.Kernel").error(MarkerFactory.getMarker("FATAL"), "cannot go on");
            f.logger("dev.vigil.kernel.Kernel").error("can go on");
            assertThat(f.stdout()).contains(" FATAL [").contains(" ERROR [");
        }
    }

    @Test
    void colouredOnATerminalUnlessNoColorIsSet() {
        try (Fixture f = new Fixture(true, Map.of())) {
            f.outputs.apply(CONSOLE_ONLY, Masker.NONE);
            f.logger("a.B").warn("look");
            assertThat(f.stdout()).contains("\u001b[33mWARN\u001b[0m");
        }
        try (Fixture f = new Fixture(true, Map.of("NO_COLOR", "1"))) {
            f.outputs.apply(CONSOLE_ONLY, Masker.NONE);
            f.logger("a.B").warn("look");
            assertThat(f.stdout()).doesNotContain("\u001b[");
        }
        try (Fixture f = new Fixture(false, Map.of())) {
            f.outputs.apply(CONSOLE_ONLY.withConsole(new ConsoleSettings(true, LogFormat.TEXT, ColorMode.ALWAYS,
                    ConsoleTarget.STDERR)), Masker.NONE);
            f.logger("a.B").error("look");
            assertThat(f.stderr()).contains("\u001b[31mERROR\u001b[0m");
            assertThat(f.stdout()).isEmpty();
        }
    }

    @Test
    void writesToStandardErrorWhenTheLauncherDid() {
        try (Fixture f = new Fixture()) {
            ConsoleAppender<ILoggingEvent> launcherConsole = new ConsoleAppender<>();
            launcherConsole.setContext(f.context);
            launcherConsole.setTarget("System.err");
            launcherConsole.setEncoder(new EchoEncoder<>());
            launcherConsole.start();
            f.logger(Logger.ROOT_LOGGER_NAME).addAppender(launcherConsole);

            f.outputs.apply(CONSOLE_ONLY, Masker.NONE);
            f.logger("a.B").info("to stderr");
            assertThat(f.stderr()).contains("to stderr");
            assertThat(f.stdout()).isEmpty();
        }
    }

    @Test
    void anOutputThatCannotStartLeavesEverythingAsItWas(@TempDir Path dir) throws Exception {
        try (Fixture f = new Fixture()) {
            Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
            OutputSettings broken = CONSOLE_ONLY.withFile(new FileSettings(true, blocker.resolve("vigil.log"),
                    LogFormat.JSON, ByteSize.ofMebibytes(1), 1,
                    ByteSize.ofMebibytes(10), false));
            assertThatThrownBy(() -> f.outputs.apply(broken, Masker.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the file output could not start: ");
            f.logger("a.B").info("still the launcher's");
            assertThat(f.launcher.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("still the launcher's");

            f.outputs.apply(CONSOLE_ONLY, Masker.NONE);
            assertThatThrownBy(() -> f.outputs.apply(broken, Masker.NONE)).isInstanceOf(IllegalStateException.class);
            f.logger("a.B").info("still the console");
            assertThat(f.stdout()).contains("still the console");
            assertThat(pipeline(f).outputs()).hasSize(1).allMatch(Appender::isStarted);
        }
    }

    @Test
    void forThePlatformItTakesTheContextSlf4jIsBoundTo() {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogbackOutputs outputs = LogbackOutputs.forPlatform(Clock.systemUTC());
        try {
            outputs.apply(CONSOLE_ONLY.withConsole(new ConsoleSettings(true, LogFormat.TEXT, ColorMode.NEVER,
                    ConsoleTarget.STDOUT)), Masker.NONE);
            LoggerFactory.getLogger("dev.vigil.test.Platform").info("through slf4j");
        } finally {
            outputs.close();
            System.setOut(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains(" INFO  [" + Thread.currentThread().getName() + "] dev.vigil.test.Platform - through slf4j");
        LoggerContext platform = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(platform.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(PipelineAppender.NAME)).isNull();
    }

    @Test
    void cannotBeUsedOnceClosed() {
        Fixture f = new Fixture();
        f.close();
        assertThatThrownBy(() -> f.outputs.apply(CONSOLE_ONLY, Masker.NONE)).isInstanceOf(IllegalStateException.class);
        f.outputs.close();
    }

    @Test
    void jsonOnTheConsoleHasTheLogstashFields() throws Exception {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(CONSOLE_ONLY.withConsole(new ConsoleSettings(true, LogFormat.JSON, ColorMode.ALWAYS,
                    ConsoleTarget.STDOUT)), Masker.NONE);
            f.logger("dev.vigil.test.Orders").atWarn().addKeyValue("order", 42).log("slow order");
            JsonNode json = new ObjectMapper().readTree(f.stdoutLines().get(0));
            assertThat(json.get("message").asText()).isEqualTo("slow order");
            assertThat(json.get("level").asText()).isEqualTo("WARN");
            assertThat(json.get("logger_name").asText()).isEqualTo("dev.vigil.test.Orders");
            assertThat(json.get("order").asInt()).isEqualTo(42);
            assertThat(f.stdout()).doesNotContain("\u001b[");
        }
    }

    @Test
    void severityIsFatalOnlyForErrorsWithTheMarker() {
        assertThat(Severities.of(Level.ERROR, List.of(MarkerFactory.getMarker("FATAL")))).isEqualTo(Severity.FATAL);
        assertThat(Severities.of(Level.WARN, List.of(MarkerFactory.getMarker("FATAL")))).isEqualTo(Severity.WARN);
        assertThat(Severities.of(Level.ERROR, List.of(MarkerFactory.getMarker("AUDIT")))).isEqualTo(Severity.ERROR);
        assertThat(Severities.of(Level.ERROR, null)).isEqualTo(Severity.ERROR);
        assertThat(Severities.of(Level.TRACE, null)).isEqualTo(Severity.TRACE);
    }

    private static PipelineAppender pipeline(Fixture f) {
        return (PipelineAppender) f.logger(Logger.ROOT_LOGGER_NAME).getAppender(PipelineAppender.NAME);
    }
}
