package dev.vigil.logging.logback;

import static dev.vigil.logging.logback.TestingMasker.EMAIL;
import static dev.vigil.logging.logback.TestingMasker.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.logging.syslog.Facility;
import dev.vigil.logging.syslog.Rfc5424Formatter;
import dev.vigil.logging.syslog.Rfc5424Parser;
import dev.vigil.logging.syslog.SyslogProtocol;
import dev.vigil.logging.syslog.SyslogSettings;
import dev.vigil.logging.syslog.UdpReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/** No output sees what the masker hides: not in the message, the MDC, the key/value pairs or an exception. */
class RedactionTest {

    @Test
    void everyOutputGetsTheMaskedEventOnly(@TempDir Path dir) throws Exception {
        Path jsonFile = dir.resolve("vigil.log");
        Path textFile = dir.resolve("text").resolve("vigil.txt");
        TestingSink sink = new TestingSink();
        try (UdpReceiver syslog = new UdpReceiver(); Fixture f = new Fixture()) {
            OutputSettings settings = OutputSettings.defaults()
                    .withFile(new FileSettings(true, jsonFile, LogFormat.JSON, ByteSize.ofMebibytes(10), 7,
                            ByteSize.ofMebibytes(100), true))
                    .withSyslog(new SyslogSettings(true, "127.0.0.1", syslog.port(), SyslogProtocol.UDP, Facility.LOCAL3,
                            "vigil", ByteSize.ofBytes(16384)));
            f.outputs.setSink(sink);
            f.outputs.apply(settings, new TestingMasker());
            Logger log = f.logger("dev.vigil.test.Mailer");

            Exception failure = new IllegalStateException("cannot mail " + EMAIL,
                    new IOException("token " + TOKEN + " rejected"));
            MDC.put("user", EMAIL);
            try {
                log.atError().addMarker(MarkerFactory.getMarker("FATAL"))
                        .addKeyValue("recipient", EMAIL).addKeyValue("auth", "Bearer " + TOKEN).addKeyValue("attempt", 3)
                        .setCause(failure).log("sending to {} with {}", EMAIL, TOKEN);
            } finally {
                MDC.remove("user");
            }

            // console, as text
            String console = f.stdout();
            assertThat(console).doesNotContain(EMAIL).doesNotContain(TOKEN)
                    .contains("FATAL [").contains("sending to [email] with [token]")
                    .contains("recipient=[email]").contains("auth=\"Bearer [token]\"").contains("attempt=3")
                    .contains("user=[email]")
                    .contains("java.lang.IllegalStateException: cannot mail [email]")
                    .contains("Caused by: java.io.IOException: token [token] rejected");

            // syslog
            Rfc5424Parser.Message message = Rfc5424Parser.parse(syslog.next(Duration.ofSeconds(10)));
            assertThat(message.facility()).isEqualTo(19);
            assertThat(message.severity()).isEqualTo(2);
            assertThat(message.msgId()).isEqualTo("Mailer");
            assertThat(message.text()).startsWith("sending to [email] with [token]\njava.lang.IllegalStateException: cannot mail [email]")
                    .contains("Caused by: java.io.IOException: token [token] rejected").doesNotContain(EMAIL).doesNotContain(TOKEN);
            assertThat(message.param(Rfc5424Formatter.SD_ID, "user")).contains("[email]");
            assertThat(message.param(Rfc5424Formatter.SD_ID, "recipient")).contains("[email]");
            assertThat(message.param(Rfc5424Formatter.SD_ID, "auth")).contains("Bearer [token]");
            assertThat(message.param(Rfc5424Formatter.SD_ID, "logger")).contains("dev.vigil.test.Mailer");

            // the store
            LogRecord stored = sink.await(r -> r.scope().equals("dev.vigil.test.Mailer"));
            assertThat(stored.severity()).isEqualTo(Severity.FATAL);
            assertThat(stored.severityText()).isEqualTo("FATAL");
            assertThat(stored.body()).isEqualTo("sending to [email] with [token]");
            assertThat(stored.attributes())
                    .containsEntry("user", "[email]")
                    .containsEntry("recipient", "[email]")
                    .containsEntry("auth", "Bearer [token]")
                    .containsEntry("attempt", "3")
                    .containsEntry("exception.type", "java.lang.IllegalStateException")
                    .containsEntry("exception.message", "cannot mail [email]");
            assertThat(stored.attributes().get("exception.stacktrace"))
                    .startsWith("java.lang.IllegalStateException: cannot mail [email]\n\tat ")
                    .contains("\nCaused by: java.io.IOException: token [token] rejected\n");
            assertThat(stored.toString()).doesNotContain(EMAIL).doesNotContain(TOKEN);

            f.outputs.close();
            // the JSON file
            List<String> lines = Files.readAllLines(jsonFile, StandardCharsets.UTF_8);
            assertThat(String.join("\n", lines)).doesNotContain(EMAIL).doesNotContain(TOKEN);
            JsonNode json = new ObjectMapper().readTree(lines.get(0));
            assertThat(json.get("message").asText()).isEqualTo("sending to [email] with [token]");
            assertThat(json.get("user").asText()).isEqualTo("[email]");
            assertThat(json.get("recipient").asText()).isEqualTo("[email]");
            assertThat(json.get("attempt").asInt()).isEqualTo(3);
            assertThat(json.get("stack_trace").asText()).contains("cannot mail [email]").contains("token [token] rejected");
            assertThat(json.get("tags").get(0).asText()).isEqualTo("FATAL");
        }
        // a text file, under a folder that did not exist
        try (Fixture f = new Fixture()) {
            f.outputs.apply(OutputSettings.defaults()
                    .withConsole(new ConsoleSettings(false, LogFormat.TEXT, ColorMode.NEVER, ConsoleTarget.AUTO))
                    .withStore(new StoreOutputSettings(false, 1, "vigil", Duration.ZERO))
                    .withFile(new FileSettings(true, textFile, LogFormat.TEXT, ByteSize.ofMebibytes(10), 7,
                            ByteSize.ofMebibytes(100), true)), new TestingMasker());
            f.logger("a.B").warn("mail {} failed", EMAIL, new IllegalArgumentException(TOKEN));
        }
        String text = Files.readString(textFile, StandardCharsets.UTF_8);
        assertThat(text).contains("WARN  [").contains("mail [email] failed")
                .contains("java.lang.IllegalArgumentException: [token]").doesNotContain(EMAIL).doesNotContain(TOKEN);
    }

    @Test
    void valuesAreMaskedWithTheirKeys() throws Exception {
        TestingSink sink = new TestingSink();
        try (Fixture f = new Fixture()) {
            f.outputs.setSink(sink);
            f.outputs.apply(OutputSettings.defaults(), new TestingMasker());
            MDC.put("db.password", "hunter2");
            try {
                f.logger("a.B").atInfo().addKeyValue("password", "s3cret").addKeyValue("attempts", 2).log("login");
            } finally {
                MDC.remove("db.password");
            }
            assertThat(f.stdout()).contains("login password=[secret] attempts=2 db.password=[secret]")
                    .doesNotContain("hunter2").doesNotContain("s3cret");
            assertThat(sink.await("login").attributes()).containsEntry("password", "[secret]")
                    .containsEntry("db.password", "[secret]").containsEntry("attempts", "2");
        }
    }

    @Test
    void aMaskerThatThrowsLetsNothingThroughAndIsCounted() {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(OutputSettings.defaults().withStore(new StoreOutputSettings(false, 1, "vigil", Duration.ZERO)),
                    text -> {
                        if (text.contains("@")) {
                            throw new IllegalStateException("broken pattern");
                        }
                        return text;
                    });
            f.logger("a.B").info("mail {}", EMAIL);
            f.logger("a.B").info("plain");
            MDC.put("to", EMAIL);
            try {
                f.logger("a.B").atInfo().addKeyValue("cc", EMAIL).log("with fields");
            } finally {
                MDC.remove("to");
            }
            assertThat(f.stdout()).doesNotContain(EMAIL).contains("- " + EventRedactor.MASK_FAILED).contains("- plain")
                    .contains("with fields cc=\"" + EventRedactor.MASK_FAILED + "\" to=\"" + EventRedactor.MASK_FAILED + "\"");
            assertThat(f.outputs.stats().maskFailures()).isEqualTo(3);
        }
    }

    @Test
    void argumentsAreNotPassedOnUnmasked() {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(OutputSettings.defaults()
                    .withConsole(new ConsoleSettings(true, LogFormat.JSON, ColorMode.NEVER, ConsoleTarget.STDOUT))
                    .withStore(new StoreOutputSettings(false, 1, "vigil", Duration.ZERO)), new TestingMasker());
            f.logger("a.B").info("user {} with {}", EMAIL, StructuredArguments.kv("token", TOKEN));
            assertThat(f.stdout()).doesNotContain(EMAIL).doesNotContain(TOKEN).contains("user [email] with token=[token]");
        }
    }
}
