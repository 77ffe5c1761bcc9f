package dev.vigil.logging.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.logs.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Rfc5424FormatterTest {

    private static final Instant TIME = Instant.parse("2025-03-14T09:26:53.123456789Z");

    @Test
    void writesEveryFieldOfTheHeaderAndTheStructuredData() {
        Rfc5424Formatter formatter = new Rfc5424Formatter(Facility.LOCAL0, "db-1.example.com", "vigil", "4242",
                ZoneOffset.ofHours(2), 8192);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
        params.put("span_id", "b7ad6b7169203331");
        params.put("odd", "a\"b\\c]d");
        byte[] bytes = formatter.format(TIME, Severity.WARN, "OrderService", params, "payment of 10 € refused");

        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<132>1 2025-03-14T11:26:53.123456+02:00 db-1.example.com vigil 4242 OrderService "
                + "[vigil@32473 trace_id=\"0af7651916cd43dd8448eb211c80319c\" span_id=\"b7ad6b7169203331\" "
                + "odd=\"a\\\"b\\\\c\\]d\"] \uFEFFpayment of 10 € refused");

        Rfc5424Parser.Message m = Rfc5424Parser.parse(bytes);
        assertThat(m.facility()).isEqualTo(16);
        assertThat(m.severity()).isEqualTo(4);
        assertThat(m.version()).isEqualTo(1);
        assertThat(m.timestamp()).contains(OffsetDateTime.parse("2025-03-14T11:26:53.123456+02:00"));
        assertThat(m.hostname()).isEqualTo("db-1.example.com");
        assertThat(m.appName()).isEqualTo("vigil");
        assertThat(m.procId()).isEqualTo("4242");
        assertThat(m.msgId()).isEqualTo("OrderService");
        assertThat(m.param(Rfc5424Formatter.SD_ID, "trace_id")).contains("0af7651916cd43dd8448eb211c80319c");
        assertThat(m.param(Rfc5424Formatter.SD_ID, "odd")).contains("a\"b\\c]d");
        assertThat(m.bom()).isTrue();
        assertThat(m.text()).isEqualTo("payment of 10 € refused");
    }

    @Test
    void utcIsWrittenAsZ() {
        Rfc5424Formatter formatter = new Rfc5424Formatter(Facility.USER, "h", "vigil", "1", ZoneId.of("UTC"), 8192);
        String text = new String(formatter.format(TIME, Severity.INFO, "", Map.of(), "x"), StandardCharsets.UTF_8);
        assertThat(text).startsWith("<14>1 2025-03-14T09:26:53.123456Z h vigil 1 - - \uFEFFx");
        assertThat(Rfc5424Parser.parse(text.getBytes(StandardCharsets.UTF_8)).structuredData()).isEmpty();
    }

    @Test
    void severitiesFollowTheRfc() {
        assertThat(Rfc5424Formatter.severityCode(Severity.TRACE)).isEqualTo(7);
        assertThat(Rfc5424Formatter.severityCode(Severity.DEBUG)).isEqualTo(7);
        assertThat(Rfc5424Formatter.severityCode(Severity.INFO)).isEqualTo(6);
        assertThat(Rfc5424Formatter.severityCode(Severity.WARN)).isEqualTo(4);
        assertThat(Rfc5424Formatter.severityCode(Severity.ERROR)).isEqualTo(3);
        assertThat(Rfc5424Formatter.severityCode(Severity.FATAL)).isEqualTo(2);
        Rfc5424Formatter formatter = new Rfc5424Formatter(Facility.LOCAL7, "h", "a", "1", ZoneOffset.UTC, 8192);
        assertThat(Rfc5424Parser.parse(formatter.format(TIME, Severity.FATAL, "", Map.of(), "x")))
                .satisfies(m -> assertThat(m.facility()).isEqualTo(23))
                .satisfies(m -> assertThat(m.severity()).isEqualTo(2));
    }

    @Test
    void cleansHeaderFieldsAndParameterNamesSoThatTheMessageParses() {
        Rfc5424Formatter formatter = new Rfc5424Formatter(Facility.USER, "my host ü", "vigil", "1", ZoneOffset.UTC, 8192);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("a b=c]\"d", "v");
        params.put("x".repeat(40), "long");
        params.put("", "dropped");
        byte[] bytes = formatter.format(TIME, Severity.INFO, "id with spaces and more than thirty-two chars", params, "m");
        Rfc5424Parser.Message m = Rfc5424Parser.parse(bytes);
        assertThat(m.hostname()).isEqualTo("my_host__");
        assertThat(m.msgId()).isEqualTo("id_with_spaces_and_more_than_thi");
        assertThat(m.structuredData().get(0).params())
                .containsOnlyKeys("a_b_c__d", "x".repeat(32))
                .containsEntry("a_b_c__d", "v");
    }

    @Test
    void cutsALongMessageAtACharacterBoundary() {
        Rfc5424Formatter formatter = new Rfc5424Formatter(Facility.USER, "h", "vigil", "1", ZoneOffset.UTC, 480);
        byte[] bytes = formatter.format(TIME, Severity.ERROR, "M", Map.of("k", "v"), "é".repeat(1000));
        assertThat(bytes.length).isBetween(479, 480);
        Rfc5424Parser.Message m = Rfc5424Parser.parse(bytes);
        assertThat(m.text()).matches("é+");
        assertThat(m.param(Rfc5424Formatter.SD_ID, "k")).contains("v");
    }

    @Test
    void refusesTooSmallALimit() {
        assertThatThrownBy(() -> new Rfc5424Formatter(Facility.USER, "h", "a", "1", ZoneOffset.UTC, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be at least 480, got 100");
    }

    @Test
    void theParserIsStrict() {
        assertThatThrownBy(() -> parse("<192>1 - - - - - - x")).hasMessageContaining("PRI");
        assertThatThrownBy(() -> parse("<13>0 - - - - - -")).hasMessageContaining("VERSION");
        assertThatThrownBy(() -> parse("<13>1 2025-03-14T09:26:53.1234567Z h a p m -")).hasMessageContaining("TIMESTAMP");
        assertThatThrownBy(() -> parse("<13>1 2025-02-30T09:26:53Z h a p m -")).hasMessageContaining("TIMESTAMP");
        assertThatThrownBy(() -> parse("<13>1 - h a p m [custom k=\"v\"]")).hasMessageContaining("SD-ID");
        assertThatThrownBy(() -> parse("<13>1 - h a p m [x@1 k=\"a]b\"]")).hasMessageContaining("not escaped");
        assertThatThrownBy(() -> parse("<13>1 - h a p " + "m".repeat(33) + " -")).hasMessageContaining("MSGID");
        byte[] badUtf8 = {'<', '1', '3', '>', '1', ' ', '-', ' ', '-', ' ', '-', ' ', '-', ' ', '-', ' ', '-', ' ',
                (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3};
        assertThatThrownBy(() -> Rfc5424Parser.parse(badUtf8)).hasMessageContaining("UTF-8");
        assertThat(parse("<13>1 - - - - - [x@32473 k=\"a\\]b\"][meta y=\"1\"]").structuredData()).hasSize(2);
    }

    private static Rfc5424Parser.Message parse(String s) {
        return Rfc5424Parser.parse(s.getBytes(StandardCharsets.UTF_8));
    }
}
