package dev.vigil.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands that do not start a platform, run in-process. */
class CommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigil(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void configCheckAcceptsAValidFile() throws Exception {
        Path file = Files.writeString(dir.resolve("vigil.yaml"), "kernel:\n  http:\n    port: 9500\nhello:\n  greeting: Hi\n");
        Path plugins = examplePlugins();

        assertThat(vigil("config", "check", file.toString(), "--plugins", plugins.toString())).isZero();
        assertThat(out.toString()).contains("vigil.yaml: OK (sections: kernel, hello)");
    }

    @Test
    void configCheckReportsEveryProblemWithFileLinePathAndReason() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "kernel:\n  http:\n    prot: 9400\n    port: high\nhello:\n  gretting: Hi\n");

        assertThat(vigil("config", "check", file.toString(), "--plugins", examplePlugins().toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("3 problems:")
                .contains(file + ":3:5: kernel.http.prot: unknown key 'prot'")
                .contains(file + ":4:11: kernel.http.port: ")
                .contains(file + ":6:3: hello.gretting: unknown key 'gretting'");
    }

    @Test
    void configCheckReportsBadYaml() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "kernel:\n  http: [\n");

        assertThat(vigil("config", "check", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("1 problem:").contains(file + ":");
    }

    @Test
    void pluginsListShowsDescriptorsAndResolutionWithoutStartingAnything() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("vigil.examples"), "vigil-hello-consumer-plugin.jar"), plugins.resolve("consumer.jar"));
        Files.writeString(plugins.resolve("junk.jar"), "not a jar");

        assertThat(vigil("plugins", "list", "--plugins", plugins.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("consumer.jar  hello-consumer  0.1.0-SNAPSHOT  hello@[0.1,1.0)  refused: requires 'hello', which is not installed")
                .contains("junk.jar")
                .contains("refused: is not a readable JAR");

        Files.copy(Path.of(System.getProperty("vigil.examples"), "vigil-hello-plugin.jar"), plugins.resolve("hello.jar"));
        Files.delete(plugins.resolve("junk.jar"));
        out.getBuffer().setLength(0);

        assertThat(vigil("plugins", "list", "--plugins", plugins.toString())).isZero();
        assertThat(out.toString()).contains("Start order: hello, hello-consumer");
    }

    @Test
    void runRefusesAMissingConfigurationFile() {
        assertThat(vigil("run", "--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml does not exist");
    }

    @Test
    void runRefusesABadConfigurationWithItsLocation() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "kernel:\n  http:\n    port: [1\n");

        assertThat(vigil("run", "--config", file.toString(), "--data", dir.resolve("data").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("vigil: cannot start: ").contains(file + ":");
    }

    private static Path examplePlugins() {
        return Path.of(System.getProperty("vigil.examples"));
    }
}
