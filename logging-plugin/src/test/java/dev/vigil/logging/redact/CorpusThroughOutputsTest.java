package dev.vigil.logging.redact;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.logging.logback.ConsoleSettings;
import dev.vigil.logging.logback.FileSettings;
import dev.vigil.logging.logback.LogFormat;
import dev.vigil.logging.logback.LogbackOutputs;
import dev.vigil.logging.logback.OutputSettings;
import dev.vigil.logging.redact.PiiCorpusTest.CorpusFile;
import dev.vigil.logging.store.LogStore;
import dev.vigil.logging.store.LogStoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PII corpus through the platform's real outputs: every entry logged as a message, as an argument, as an MDC value,
 * as a key/value argument and as an exception's message, into a JSON file, a text file and the log store. No listed
 * secret may be found in anything they wrote.
 */
class CorpusThroughOutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void noListedSecretReachesAFileOrTheStore() throws Exception {
        List<CorpusFile> corpus = PiiCorpusTest.corpus();
        List<String> written = new ArrayList<>();
        for (LogFormat format : LogFormat.values()) {
            Path file = dir.resolve("out-" + format + ".log");
            try (LogStore store = LogStore.open(dir.resolve("store-" + format), LogStoreSettings.defaults(), Clock.systemUTC())) {
                LoggerContext context = new LoggerContext();
                context.setMDCAdapter(new LogbackMDCAdapter());
                LogbackOutputs outputs = new LogbackOutputs(context, Clock.systemUTC());
                outputs.setSink(store);
                outputs.apply(OutputSettings.defaults()
                        .withConsole(new ConsoleSettings(false, LogFormat.TEXT, ConsoleSettings.defaults().color(), ConsoleSettings.defaults().target()))
                        .withFile(new FileSettings(true, file, format, ByteSize.ofMebibytes(100), 0, ByteSize.ofBytes(0), false)),
                        Redactor.withDefaults());
                Logger log = context.getLogger("shop.Orders");
                for (CorpusFile part : corpus) {
                    for (String entry : part.entries()) {
                        log.info(entry);
                        log.warn("request failed: {}", entry);
                        context.getMDCAdapter().put("detail", entry);
                        log.info("with context");
                        context.getMDCAdapter().remove("detail");
                        log.atInfo().addKeyValue("payload", entry).log("with a key/value");
                        log.error("call failed", new IllegalStateException(entry, new IllegalArgumentException(entry)));
                    }
                }
                outputs.close();
                context.stop();
                written.add(Files.readString(file));
                if (format == LogFormat.JSON) {
                    for (String line : Files.readAllLines(file)) {
                        strings(JSON.readTree(line), written);
                    }
                }
                LogSearch search = LogSearch.newestFirst(LogFilter.between(Instant.EPOCH, Instant.now().plusSeconds(60)), LogSearch.MAX_LIMIT);
                int stored = 0;
                for (LogPage page = store.search(search); ; page = store.search(search.after(page))) {
                    for (LogRecord record : page.records()) {
                        written.add(record.body());
                        written.addAll(record.attributes().values());
                        stored++;
                    }
                    if (page.next().isEmpty()) {
                        break;
                    }
                }
                int entries = corpus.stream().mapToInt(c -> c.entries().size()).sum();
                assertThat(stored).as("records in the store").isEqualTo(entries * 5);
            }
        }

        List<String> leaked = new ArrayList<>();
        for (CorpusFile part : corpus) {
            for (String secret : part.secrets()) {
                if (written.stream().anyMatch(text -> text.contains(secret))) {
                    leaked.add(part.name() + ": " + secret);
                }
            }
        }
        assertThat(leaked).as("secrets found in the outputs").isEmpty();
        assertThat(corpus.stream().mapToInt(c -> c.secrets().size()).sum()).isGreaterThan(300);
    }

    /** Every string value of a JSON document, unescaped. */
    private static void strings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> strings(child, out));
    }
}
