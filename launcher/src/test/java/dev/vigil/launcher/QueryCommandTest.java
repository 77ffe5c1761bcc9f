package dev.vigil.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil query} against a real Prometheus, the reference server of the API it speaks. */
class QueryCommandTest {

    @TempDir
    static Path folder;

    private static PrometheusServer prometheus;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startPrometheus() throws Exception {
        prometheus = PrometheusServer.start(folder);
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void anInstantVectorIsATableOfSeriesAndValues() {
        int status = vigil("query", "--url", prometheus.uri().toString(),
                "label_replace(vector(1), \"job\", \"api\", \"\", \"\") or label_replace(vector(2.5), \"job\", \"web\", \"\", \"\")");

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "  SERIES       VALUE",
                "  {job=\"api\"}  1",
                "  {job=\"web\"}  2.5");
    }

    @Test
    void scalarsAndStringsArePrintedAsTheirValue() {
        assertThat(vigil("query", "--url", prometheus.uri().toString(), "--time", "1700000000.5", "time()")).isZero();
        assertThat(out.toString()).isEqualTo("1700000000.5\n");

        out.getBuffer().setLength(0);
        assertThat(vigil("query", "--url", prometheus.uri().toString(), "--time", "2023-11-14T22:13:20Z", "\"hello\"")).isZero();
        assertThat(out.toString()).isEqualTo("hello\n");
    }

    @Test
    void aRangeQueryPrintsABlockPerSeries() {
        int status = vigil("query", "--url", prometheus.uri().toString(),
                "--start", "1700000000", "--end", "2023-11-14T22:14:20Z", "--step", "30s",
                "label_replace(vector(time()), \"job\", \"clock\", \"\", \"\")");

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "{job=\"clock\"}",
                "  TIME                  VALUE",
                "  2023-11-14T22:13:20Z  1700000000",
                "  2023-11-14T22:13:50Z  1700000030",
                "  2023-11-14T22:14:20Z  1700000060");
    }

    @Test
    void sinceAsksForTheLastStretchWithADefaultStep() {
        assertThat(vigil("query", "--url", prometheus.uri().toString(), "--since", "10m", "vector(1)")).as(err.toString()).isZero();

        // 10 minutes at the default step of 600s / 250 = 2s
        assertThat(out.toString().lines().filter(line -> line.endsWith("  1")).count()).isEqualTo(301);
    }

    @Test
    void jsonOutputIsTheServersAnswer() {
        assertThat(vigil("query", "--url", prometheus.uri().toString(), "--output", "json", "--time", "1", "vector(1)")).isZero();

        assertThat(out.toString()).isEqualTo(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"1\"]}]}}\n");
    }

    @Test
    void aFailedQueryPrintsPrometheusErrorTypeAndMessageAndExitsOne() {
        assertThat(vigil("query", "--url", prometheus.uri().toString(), "up(")).isEqualTo(1);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("vigil: bad_data: ").contains("parse error");
    }

    @Test
    void optionsThatDoNotGoTogetherAreRefused() {
        assertThat(vigil("query", "--url", prometheus.uri().toString(), "--since", "1h", "--time", "1", "up")).isEqualTo(2);
        assertThat(err.toString()).contains("--time is for instant queries");
        assertThat(vigil("query", "--url", prometheus.uri().toString(), "--step", "15s", "up")).isEqualTo(2);
        assertThat(vigil("query", "--url", prometheus.uri().toString(), "--since", "soon", "up")).isEqualTo(2);
        assertThat(err.toString()).contains("--since: cannot read \"soon\" as a duration");
    }

    @Test
    void aServerThatIsNotThereExitsTwo() throws Exception {
        assertThat(vigil("query", "--url", "http://127.0.0.1:" + PrometheusServer.freePort(), "up")).isEqualTo(2);

        assertThat(err.toString()).startsWith("vigil: cannot reach http://127.0.0.1:");
    }

    @Test
    void theAddressComesFromTheConfigurationFile() throws Exception {
        Path config = Files.writeString(folder.resolve("vigil.yaml"),
                "kernel:\n  http:\n    bind: 0.0.0.0\n    port: ${QUERY_TEST_PORT:-" + prometheus.port() + "}\n");

        assertThat(vigil("query", "--config", config.toString(), "vector(3)")).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly("  SERIES  VALUE", "  {}      3");

        assertThat(vigil("query", "--config", folder.resolve("missing.yaml").toString(), "vector(3)")).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml does not exist");
    }

    private int vigil(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }
}
