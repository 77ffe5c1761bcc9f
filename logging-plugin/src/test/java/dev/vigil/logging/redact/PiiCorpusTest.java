package dev.vigil.logging.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Masks the corpus in {@code src/test/resources/redact} (see its README): no listed secret survives, and entries
 * without one are not touched.
 */
class PiiCorpusTest {

    private static final Pattern EXCEPTION_HEADER = Pattern.compile("^([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)(: .*)?$");

    private final Redactor redactor = Redactor.withDefaults();

    /** One file of the corpus: its entries and the secrets they hold. */
    record CorpusFile(String name, List<String> entries, List<String> secrets) {}

    static List<CorpusFile> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(PiiCorpusTest.class.getResource("/redact/README.md")).toURI()).getParent();
        List<CorpusFile> files = new ArrayList<>();
        try (Stream<Path> logs = Files.list(folder)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                String name = log.getFileName().toString().replace(".log", "");
                List<String> secrets = Files.readAllLines(folder.resolve(name + ".secrets")).stream().filter(s -> !s.isEmpty()).toList();
                files.add(new CorpusFile(name, entries(Files.readAllLines(log)), secrets));
            }
        }
        return files;
    }

    /** Joins continuation lines to the entry they belong to. */
    static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = null;
        for (String line : lines) {
            boolean continuation = entry != null && (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("Caused by:")
                    || EXCEPTION_HEADER.matcher(line).matches());
            if (continuation) {
                entry.append('\n').append(line);
            } else {
                if (entry != null) {
                    entries.add(entry.toString());
                }
                entry = new StringBuilder(line);
            }
        }
        if (entry != null) {
            entries.add(entry.toString());
        }
        return entries;
    }

    @Test
    void noListedSecretSurvivesAndEntriesWithoutOneAreUnchanged() throws Exception {
        List<CorpusFile> corpus = corpus();
        List<String> leaks = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        List<String> notIdempotent = new ArrayList<>();
        int entries = 0;
        int withSecrets = 0;
        int secrets = 0;
        for (CorpusFile file : corpus) {
            for (String secret : file.secrets()) {
                secrets++;
                if (file.entries().stream().noneMatch(e -> e.contains(secret))) {
                    unused.add(file.name() + ": " + secret);
                }
            }
            for (String entry : file.entries()) {
                entries++;
                String masked = redactor.mask(entry);
                List<String> held = file.secrets().stream().filter(entry::contains).toList();
                if (held.isEmpty()) {
                    if (!masked.equals(entry)) {
                        falsePositives.add(file.name() + ": " + entry + "\n  became: " + masked);
                    }
                } else {
                    withSecrets++;
                    for (String secret : held) {
                        if (masked.contains(secret)) {
                            leaks.add(file.name() + ": " + secret + "\n  in: " + masked);
                        }
                    }
                }
                if (!redactor.mask(masked).equals(masked)) {
                    notIdempotent.add(masked);
                }
            }
        }
        System.out.printf("PII corpus: %d files, %d entries (%d with PII, %d without), %d secrets; %d leaked, %d false positives%n",
                corpus.size(), entries, withSecrets, entries - withSecrets, secrets, leaks.size(), falsePositives.size());

        assertThat(corpus).hasSize(7);
        assertThat(entries).isGreaterThanOrEqualTo(500);
        assertThat(withSecrets).isGreaterThanOrEqualTo(200);
        assertThat(unused).as("secrets listed but found in no entry").isEmpty();
        assertThat(leaks).as("secrets that survived masking").isEmpty();
        assertThat(falsePositives).as("entries without PII that were changed").isEmpty();
        assertThat(notIdempotent).as("masked entries that a second pass changes").isEmpty();
    }

    @Test
    void entriesJoinStackTracesAndIndentedBlocks() {
        List<String> entries = entries(List.of("2026-01-15 ERROR failed", "java.lang.IllegalStateException: boom",
                "\tat com.example.A.b(A.java:1)", "Caused by: java.io.IOException: x", "\t... 3 more", "next: entry", "tls.key: |",
                "  -----BEGIN PRIVATE KEY-----"));
        assertThat(entries).containsExactly("2026-01-15 ERROR failed\njava.lang.IllegalStateException: boom\n\tat com.example.A.b(A.java:1)"
                + "\nCaused by: java.io.IOException: x\n\t... 3 more", "next: entry", "tls.key: |\n  -----BEGIN PRIVATE KEY-----");
    }
}
