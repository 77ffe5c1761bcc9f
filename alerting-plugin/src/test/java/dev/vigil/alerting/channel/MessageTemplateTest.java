package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.alerting.Notification;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private static final Notification MIXED = TestNotifications.mixed();

    private static String render(String template) {
        return MessageTemplate.parse(template).render(MIXED, "http://vigil.example");
    }

    @Test
    void fillsEveryPlaceholder() {
        assertThat(render("{status} {STATUS} {receiver} {firing}/{resolved}/{alerts}"))
                .isEqualTo("firing FIRING ops 2/1/3");
        assertThat(render("{subject}")).isEqualTo("[FIRING:2] HighLatency (api critical)");
        assertThat(render("{groupLabels} | {commonLabels}")).isEqualTo("HighLatency | api critical");
        assertThat(render("{groupLabels.alertname} {commonLabels.job} {commonAnnotations.runbook_url}"))
                .isEqualTo("HighLatency api https://runbooks.example/latency");
        assertThat(render("{externalURL} {groupKey}")).isEqualTo("http://vigil.example " + TestNotifications.GROUP_KEY);
    }

    @Test
    void fallbackStandsInForAnEmptyValue() {
        assertThat(render("{commonLabels.instance|several hosts} on {commonLabels.job|?}")).isEqualTo("several hosts on api");
        assertThat(render("[{commonLabels.missing}]")).isEqualTo("[]");
    }

    @Test
    void doubledBracesAreLiteral() {
        assertThat(render("{{status}} is {status}")).isEqualTo("{status} is firing");
        assertThat(MessageTemplate.parse("a}}b").source()).isEqualTo("a}}b");
        assertThat(render("a}}b")).isEqualTo("a}b");
    }

    @Test
    void refusesWhatItDoesNotKnowNamingThePosition() {
        assertThatThrownBy(() -> MessageTemplate.parse("x {statu}"))
                .hasMessageStartingWith("unknown placeholder {statu} at position 2; known: {status}");
        assertThatThrownBy(() -> MessageTemplate.parse("{labels.job}")).hasMessageContaining("unknown placeholder");
        assertThatThrownBy(() -> MessageTemplate.parse("{commonLabels.bad-name}")).hasMessageContaining("unknown placeholder");
        assertThatThrownBy(() -> MessageTemplate.parse("ab {status"))
                .hasMessage("unclosed '{' at position 3 (write '{{' for a brace)");
        assertThatThrownBy(() -> MessageTemplate.parse("{a{status}")).hasMessageContaining("unclosed '{' at position 0");
        assertThatThrownBy(() -> MessageTemplate.parse("a } b"))
                .hasMessage("unmatched '}' at position 2 (write '}}' for a brace)");
    }
}
