package dev.vigil.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The messages users see, checked against files so that every change to them is deliberate. Each
 * {@code name.yaml} under {@code src/test/resources/dev/vigil/kernel/config} is read as {@code conf/vigil.yaml},
 * its {@code kernel} and {@code hello} sections are bound, and the message of the resulting
 * {@link ConfigException} must equal {@code name.expected.txt}.
 *
 * <p>After changing a message on purpose, run with {@code -Dvigil.golden.update=true} to rewrite the
 * expected files, and review the difference.
 */
class GoldenMessagesTest {

    private static final Map<String, String> ENV = Map.of("VIGIL_PORT", "not-a-port", "VIGIL_GREETING", "Hi");
    private static final Path SOURCES = Path.of("src/test/resources/dev/vigil/kernel/config");
    private static final boolean UPDATE = Boolean.getBoolean("vigil.golden.update");

    @TestFactory
    Stream<DynamicTest> messagesMatchTheirGoldenFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(GoldenMessagesTest.class.getResource("/dev/vigil/kernel/config").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList()
                    .stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
        }
    }

    private static void check(Path yamlFile) throws IOException {
        String name = yamlFile.getFileName().toString().replaceFirst("\\.yaml$", "");
        String actual = messageFor(Files.readString(yamlFile, StandardCharsets.UTF_8)) + "\n";
        Path expectedFile = yamlFile.resolveSibling(name + ".expected.txt");
        if (UPDATE) {
            Files.writeString(SOURCES.resolve(name + ".expected.txt"), actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expectedFile)) {
            fail("no golden file " + name + ".expected.txt; the message is:\n" + actual);
        }
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }

    private static String messageFor(String yaml) {
        try {
            new ConfigBinder(ConfigDocument.parse(TestingConfig.SOURCE, yaml, ENV), ConfigMappers.strict())
                    .bind("kernel", KernelConfig.class)
                    .bind("hello", HelloConfig.class)
                    .throwIfProblems();
            return "no problems";
        } catch (ConfigException problems) {
            return problems.getMessage();
        }
    }
}
