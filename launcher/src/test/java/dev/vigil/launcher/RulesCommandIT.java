package dev.vigil.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil rules check} and {@code vigil rules test} from the assembled distribution, over Prometheus's own
 * rule and unit-test files in {@code ../shared/conformance/rules} and files of the test's own.
 */
class RulesCommandIT {

    private static final Path CONFORMANCE = Path.of("../../shared/conformance/rules").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    private Run vigil(Path workingDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("vigil.distribution"), "bin", "vigil").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("vigil %s finished", String.join(" ", args)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void testPassesPrometheusUnitTestsThatPromtoolPassesAndPrintsNothingButTheReport() throws Exception {
        Run run = vigil(CONFORMANCE, "rules", "test", "at-modifier-test.yml", "negative-offset-test.yml", "long-period.yml");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("""
                Unit Testing:  at-modifier-test.yml
                  SUCCESS

                Unit Testing:  negative-offset-test.yml
                  SUCCESS

                Unit Testing:  long-period.yml
                  SUCCESS

                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void testFailsWithWhatWasExpectedAndWhatCameOut() throws Exception {
        Run run = vigil(CONFORMANCE, "rules", "test", "failing.yml");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("Unit Testing:  failing.yml\n  FAILED:\n")
                .contains("""
                            expr: "test", time: 0s,
                                exp: {__name__="test"} 1E+00
                                got: {__name__="test"} 0E+00
                        """)
                .contains("    name: Failing alert test,\n    alertname: InstanceDown, time: 5m, \n        exp:[], \n        got:[\n");
    }

    @Test
    void runSelectsTestGroupsByName() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), "groups:\n  - name: g\n    rules:\n      - record: two\n        expr: vector(2)\n");
        Files.writeString(dir.resolve("tests.yml"), """
                rule_files: [rules.yml]
                tests:
                  - name: right
                    promql_expr_test:
                      - expr: two
                        eval_time: 1m
                        exp_samples: [{labels: 'two', value: 2}]
                  - name: wrong
                    promql_expr_test:
                      - expr: two
                        eval_time: 1m
                        exp_samples: [{labels: 'two', value: 3}]
                """);
        assertThat(rules).isRegularFile();
        assertThat(vigil(dir, "rules", "test", "tests.yml").status()).isEqualTo(1);
        Run right = vigil(dir, "rules", "test", "--run", "^ri", "tests.yml");
        assertThat(right.status()).as(right.toString()).isZero();
        assertThat(right.out()).isEqualTo("Unit Testing:  tests.yml\n  SUCCESS\n\n");
        Run bad = vigil(dir, "rules", "test", "--run", "(", "tests.yml");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).startsWith("vigil: not a valid regular expression: (");
    }

    @Test
    void checkNamesFileLineAndReasonAndExitsOneOnABadFile() throws Exception {
        Run good = vigil(CONFORMANCE, "rules", "check", "rules.yml");
        assertThat(good.status()).isZero();
        assertThat(good.out()).isEqualTo("Checking rules.yml\n  SUCCESS: 5 rules found\n\n");

        Run bad = vigil(CONFORMANCE, "rules", "check", "rules.yml", "rules-bad.yml");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).contains("Checking rules-bad.yml\n  FAILED:\n"
                + "rules-bad.yml: 12:20: group \"alerts\", rule 1, \"InstanceDown\": annotation \"summary\": template: "
                + "__alert_InstanceDown:1: undefined variable \"$label\"\n");
    }

    @Test
    void withoutTheAlertingPluginTheCommandSaysWhatIsMissing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-plugins"));
        Run run = vigil(CONFORMANCE, "rules", "check", "--plugins", empty.toString(), "rules.yml");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("vigil: no plugin in " + empty + " checks rule files; they need the alerting and metrics plugins"
                + " (the folder holds no plugins)");
    }

    @Test
    void theCommandLeavesNoTemporaryFolderBehind() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = List.of(Path.of(System.getProperty("vigil.distribution"), "bin", "vigil").toString(),
                "rules", "test", "unittest.yml");
        ProcessBuilder builder = new ProcessBuilder(command).directory(CONFORMANCE.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        builder.environment().put("JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(dir.resolve("log.txt"))).contains("Unit Testing:  unittest.yml");
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }
}
