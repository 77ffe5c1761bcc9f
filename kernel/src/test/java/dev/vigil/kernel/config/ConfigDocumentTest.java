package dev.vigil.kernel.config;

import static dev.vigil.kernel.config.TestingConfig.SOURCE;
import static dev.vigil.kernel.config.TestingConfig.bind;
import static dev.vigil.kernel.config.TestingConfig.parse;
import static dev.vigil.kernel.config.TestingConfig.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigDocumentTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\n", "# nothing configured yet\n", "---\n", "~\n"})
    void anEmptyFileIsAnEmptyConfiguration(String yaml) throws ConfigException {
        ConfigDocument document = parse(yaml);

        assertThat(document.sectionNames()).isEmpty();
        assertThat(document.bind("kernel", KernelConfig.class, ConfigMappers.strict())).isEqualTo(KernelConfig.defaults());
    }

    @Test
    void listsSectionsInDocumentOrder() throws ConfigException {
        ConfigDocument document = parse("""
                zeta: {}
                kernel: {}
                alpha: {}
                """);

        assertThat(document.sectionNames()).containsExactly("zeta", "kernel", "alpha");
        assertThat(document.hasSection("alpha")).isTrue();
        assertThat(document.hasSection("beta")).isFalse();
        assertThat(document.source()).isEqualTo(SOURCE);
    }

    @Test
    void anAbsentOrEmptySectionIsAnEmptyMapping() throws ConfigException {
        ConfigDocument document = parse("""
                hello:
                bye: ~
                """);

        assertThat(document.hasSection("hello")).isTrue();
        assertThat(document.sectionTree("hello")).isEqualTo(emptyMapping());
        assertThat(document.sectionTree("bye")).isEqualTo(emptyMapping());
        assertThat(document.sectionTree("absent")).isEqualTo(emptyMapping());
        assertThat(document.bind("hello", HelloConfig.class, ConfigMappers.strict()).greeting()).isEqualTo("Hello");
    }

    @Test
    void sectionTreesTellWhichSectionsChanged() throws ConfigException {
        ConfigDocument before = parse("""
                kernel: {http: {port: 9400}}
                hello: {greeting: Hi}
                """);
        ConfigDocument after = parse("""
                # a comment and different spacing change nothing
                kernel:
                  http:
                    port: 9400
                hello: {greeting: Hey}
                """);

        assertThat(after.sectionTree("kernel")).isEqualTo(before.sectionTree("kernel"));
        assertThat(after.sectionTree("hello")).isNotEqualTo(before.sectionTree("hello"));
    }

    @Test
    void aChangedEnvironmentVariableChangesItsSection() throws ConfigException {
        String yaml = "hello: {greeting: \"${GREETING}\"}\n";

        assertThat(parse(yaml, Map.of("GREETING", "Hi")).sectionTree("hello"))
                .isNotEqualTo(parse(yaml, Map.of("GREETING", "Hey")).sectionTree("hello"));
    }

    @Test
    void sectionTreeIsACopy() throws ConfigException {
        ConfigDocument document = parse("hello: {greeting: Hi}\n");

        ((ObjectNode) document.sectionTree("hello")).put("greeting", "changed");

        assertThat(document.sectionTree("hello").get("greeting").asText()).isEqualTo("Hi");
    }

    @Test
    void anEmptyDocumentBindsDefaults() throws ConfigException {
        ConfigDocument document = ConfigDocument.empty(SOURCE);

        assertThat(document.sectionNames()).isEmpty();
        assertThat(document.bind("hello", HelloConfig.class, ConfigMappers.strict()).repeat()).isEqualTo(1);
    }

    @Test
    void keepsNumbersAsWritten() throws ConfigException {
        JsonNode hello = parse("hello: {version: 1.10, big: 123456789012345678901234567890}\n").sectionTree("hello");

        assertThat(hello.get("version").asText()).isEqualTo("1.10");
        assertThat(hello.get("big").bigIntegerValue()).hasToString("123456789012345678901234567890");
    }

    @Test
    void onlyTrueAndFalseAreBooleans() throws ConfigException {
        HelloConfig hello = bind("hello: {greeting: no, name: on}\n", "hello", HelloConfig.class);

        assertThat(hello.greeting()).isEqualTo("no");
        assertThat(hello.name()).contains("on");
    }

    @Test
    void substitutesEnvironmentVariablesInValues() throws ConfigException {
        ConfigDocument document = parse("""
                hello:
                  greeting: "${GREETING} from ${PLACE:-nowhere}"
                  name: $${NOT_A_VARIABLE}
                  ${KEY}: keys are left alone
                """, Map.of("GREETING", "Hi"));

        JsonNode hello = document.sectionTree("hello");
        assertThat(hello.get("greeting").asText()).isEqualTo("Hi from nowhere");
        assertThat(hello.get("name").asText()).isEqualTo("${NOT_A_VARIABLE}");
        assertThat(hello.has("${KEY}")).isTrue();
    }

    @Test
    void numbersAndBooleansMayComeFromTheEnvironment() throws ConfigException {
        KernelConfig kernel = parse("""
                kernel:
                  http:
                    port: ${VIGIL_PORT:-9400}
                    maxRequestBytes: ${VIGIL_MAX_BYTES:-2048}
                  watch:
                    enabled: ${VIGIL_WATCH}
                  startTimeout: ${VIGIL_START_TIMEOUT:-30s}
                """, Map.of("VIGIL_PORT", "9500", "VIGIL_WATCH", "false"))
                .bind("kernel", KernelConfig.class, ConfigMappers.strict());

        assertThat(kernel.http().port()).isEqualTo(9500);
        assertThat(kernel.http().maxRequestBytes()).isEqualTo(2048);
        assertThat(kernel.watch().enabled()).isFalse();
        assertThat(kernel.startTimeout()).hasSeconds(30);
    }

    @Test
    void anUnsetVariableIsAProblemWhereItIsUsed() {
        assertThat(problemsOf(() -> parse("""
                kernel:
                  adminToken: ${VIGIL_TOKEN}
                hello:
                  items:
                    - name: ${ITEM:-first}
                    - name: ${ITEM_TWO}
                """))).containsExactly(
                SOURCE + ":2:15: kernel.adminToken: environment variable VIGIL_TOKEN is not set (use ${VIGIL_TOKEN:-default} for a default)",
                SOURCE + ":6:13: hello.items[1].name: environment variable ITEM_TWO is not set (use ${ITEM_TWO:-default} for a default)");
    }

    @Test
    void aBadValueFromTheEnvironmentIsReportedWhereTheReferenceIs() {
        assertThat(problemsOf(() -> parse("""
                kernel:
                  http:
                    port: ${VIGIL_PORT}
                """, Map.of("VIGIL_PORT", "http")).bind("kernel", KernelConfig.class, ConfigMappers.strict())))
                .containsExactly(SOURCE + ":3:11: kernel.http.port: cannot convert \"http\" to int");
    }

    @Test
    void reportsEveryUnknownKeyInASection() {
        assertThat(problemsOf(() -> bind("""
                hello:
                  gretting: Hi
                  repeat: 2
                  colour: red
                  items:
                    - {name: a, weight: 1, wieght: 2}
                """, "hello", HelloConfig.class))).containsExactly(
                SOURCE + ":2:3: hello.gretting: unknown key 'gretting' (known keys: color, every, greeting, items, name, repeat)",
                SOURCE + ":4:3: hello.colour: unknown key 'colour' (known keys: color, every, greeting, items, name, repeat)",
                SOURCE + ":6:28: hello.items[0].wieght: unknown key 'wieght' (known keys: name, weight)");
    }

    @Test
    void pointsIntoListsAndNestedMappings() {
        assertThat(problemsOf(() -> bind("""
                hello:
                  items:
                    - name: first
                      weight: 1
                    - name: second
                      weight: heavy
                """, "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":6:15: hello.items[1].weight: cannot convert \"heavy\" to int");
    }

    @Test
    void quotesKeysThatAreNotPlainWords() {
        assertThat(problemsOf(() -> bind("""
                hello:
                  "odd key": 1
                """, "hello", HelloConfig.class)))
                .singleElement().asString().startsWith(SOURCE + ":2:3: hello[\"odd key\"]: unknown key 'odd key'");
    }

    @Test
    void keepsTheProblemsFoundBeforeASyntaxError() {
        assertThat(problemsOf(() -> parse("""
                kernel:
                  adminToken: ${UNSET}
                  adminToken: again
                hello: {greeting: [}
                """))).containsExactly(
                SOURCE + ":2:15: kernel.adminToken: environment variable UNSET is not set (use ${UNSET:-default} for a default)",
                SOURCE + ":3:3: kernel.adminToken: duplicate key 'adminToken' (first defined at line 2)",
                SOURCE + ":4:20: invalid YAML: expected a value, but found '}'");
    }

    @Test
    void aControlCharacterIsAProblemWhereItIs() {
        assertThat(problemsOf(() -> parse("hello:\n  greeting: \"Hi\u0007\"\n"))).containsExactly(
                SOURCE + ":2:16: invalid YAML: the file contains the control character U+0007, which YAML does not allow");
    }

    @Test
    void aDocumentNestedTooDeeplyIsAProblemNotACrash() {
        String deep = "hello: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

        assertThat(problemsOf(() -> parse(deep))).singleElement().asString()
                .startsWith(SOURCE + ":1:")
                .endsWith("invalid YAML: document nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void readsAFile(@TempDir Path folder) throws IOException, ConfigException {
        Path file = folder.resolve("vigil.yaml");
        Files.writeString(file, "\uFEFFhello:\n  greeting: Grüezi\n", StandardCharsets.UTF_8);

        ConfigDocument document = ConfigDocument.read(file, Map.of());

        assertThat(document.source()).isEqualTo(file.toString());
        assertThat(document.sectionTree("hello").get("greeting").asText()).isEqualTo("Grüezi");
    }

    @Test
    void namesTheFileInItsProblems(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("vigil.yaml");
        Files.writeString(file, "hello: {greeting: [}\n", StandardCharsets.UTF_8);

        assertThat(problemsOf(() -> ConfigDocument.read(file, Map.of()))).singleElement().asString().startsWith(file + ":1:");
    }

    @Test
    void aMissingFileIsAProblem(@TempDir Path folder) {
        Path file = folder.resolve("missing.yaml");

        assertThat(problemsOf(() -> ConfigDocument.read(file, Map.of())))
                .containsExactly(file + ": cannot read: NoSuchFileException: " + file);
    }

    @Test
    void aFileThatIsNotTextIsAProblem(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("vigil.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});

        assertThat(problemsOf(() -> ConfigDocument.read(file, Map.of())))
                .containsExactly(file + ": cannot read: the file is not UTF-8 text");
    }

    private static ObjectNode emptyMapping() {
        return JsonNodeFactory.instance.objectNode();
    }
}
