package dev.vigil.alerting.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.channel.ConfigBinding;
import dev.vigil.alerting.channel.HttpChannelContract;
import dev.vigil.alerting.channel.JsonShape;
import dev.vigil.alerting.channel.Link;
import dev.vigil.alerting.channel.RecordingHttpServer;
import dev.vigil.alerting.channel.RecordingHttpServer.Request;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.alerting.channel.TestingChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TeamsChannelTest extends HttpChannelContract<TeamsConfig> {

    private static final String SIG = "sig=Zm9vYmFyLXNlY3JldC1zaWduYXR1cmU";

    @Override
    protected NotificationChannelFactory<TeamsConfig> factory() {
        return new TeamsChannelFactory();
    }

    @Override
    protected TeamsConfig config(String baseUrl, Duration timeout, boolean sendResolved) {
        return new TeamsConfig(Secret.of(baseUrl + "/workflows/abc/triggers/manual/paths/invoke?api-version=1&" + SIG),
                "{subject}", null, List.of(), sendResolved, timeout);
    }

    @Override
    protected List<String> secrets() {
        return List.of(SIG);
    }

    /**
     * Checks a message against Microsoft's documentation of webhook messages ("Send Adaptive Cards using an
     * Incoming Webhook": {@code type} is {@code message}, {@code attachments} hold cards with the adaptive card
     * content type and the card as {@code content}) and the Adaptive Card schema (AdaptiveCard with a
     * {@code version} of at least 1.4; TextBlock with {@code text}; FactSet with {@code facts} of
     * {@code title}/{@code value}; Container with {@code items}; Action.OpenUrl with a {@code url}; the documented
     * enumerations of size, weight, color, spacing and container style).
     */
    static JsonShape checkSchema(Request request) {
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonShape message = JsonShape.object(request.json(), "message");
        message.onlyFields("type", "attachments");
        assertThat(message.string("type")).isEqualTo("message");
        List<JsonShape> attachments = message.objects("attachments");
        assertThat(attachments).hasSize(1);
        JsonShape attachment = attachments.get(0);
        attachment.onlyFields("contentType", "contentUrl", "content");
        assertThat(attachment.string("contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.node().get("contentUrl").isNull()).isTrue();
        JsonShape card = attachment.object("content");
        card.onlyFields("$schema", "type", "version", "body", "actions", "msteams");
        assertThat(card.string("type")).isEqualTo("AdaptiveCard");
        assertThat(Double.parseDouble(card.string("version"))).isGreaterThanOrEqualTo(1.4);
        assertThat(card.string("$schema")).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        for (JsonShape element : card.objects("body")) {
            checkElement(element);
        }
        for (JsonShape action : card.objects("actions")) {
            action.onlyFields("type", "title", "url");
            assertThat(action.string("type")).isEqualTo("Action.OpenUrl");
            assertThat(URI.create(action.string("url")).isAbsolute()).isTrue();
            action.optionalString("title");
        }
        assertThat(card.objects("actions")).hasSizeLessThanOrEqualTo(6);
        return card;
    }

    private static void checkElement(JsonShape element) {
        String type = element.enumeration("type", "TextBlock", "Container", "FactSet");
        if (element.node().has("spacing")) {
            lowerEnumeration(element, "spacing", "default", "none", "small", "medium", "large", "extralarge", "padding");
        }
        if (element.node().has("separator")) {
            element.bool("separator");
        }
        switch (type) {
            case "TextBlock" -> {
                element.onlyFields("type", "text", "size", "weight", "color", "wrap", "isSubtle", "spacing", "separator");
                element.string("text");
                if (element.node().has("size")) {
                    lowerEnumeration(element, "size", "default", "small", "medium", "large", "extralarge");
                }
                if (element.node().has("weight")) {
                    lowerEnumeration(element, "weight", "default", "lighter", "bolder");
                }
                if (element.node().has("color")) {
                    lowerEnumeration(element, "color", "default", "dark", "light", "accent", "good", "warning",
                            "attention");
                }
                if (element.node().has("wrap")) {
                    element.bool("wrap");
                }
                if (element.node().has("isSubtle")) {
                    element.bool("isSubtle");
                }
            }
            case "Container" -> {
                element.onlyFields("type", "items", "style", "spacing", "separator");
                if (element.node().has("style")) {
                    lowerEnumeration(element, "style", "default", "emphasis", "good", "attention", "warning", "accent");
                }
                for (JsonShape item : element.objects("items")) {
                    checkElement(item);
                }
            }
            default -> {
                element.onlyFields("type", "facts", "spacing", "separator");
                for (JsonShape fact : element.objects("facts")) {
                    fact.onlyFields("title", "value");
                    fact.string("title");
                    fact.string("value");
                }
            }
        }
    }

    private static void lowerEnumeration(JsonShape element, String field, String... allowed) {
        assertThat(element.string(field).toLowerCase(Locale.ROOT)).as(field).isIn((Object[]) allowed);
    }

    @Test
    void postsAnAdaptiveCardWithTitleFactsAndLinks() throws Exception {
        channel().deliver(TestNotifications.mixed());

        Request request = server.only();
        assertThat(request.path()).isEqualTo("/workflows/abc/triggers/manual/paths/invoke");
        JsonShape card = checkSchema(request);
        List<JsonShape> body = card.objects("body");
        assertThat(body.get(0).string("text")).isEqualTo("[FIRING:2] HighLatency (api critical)");
        assertThat(body.get(0).string("color")).isEqualTo("Attention");
        assertThat(body.get(1).string("text")).isEqualTo("2 firing, 1 resolved");
        List<JsonShape> alerts = body.subList(2, body.size());
        assertThat(alerts).hasSize(3);
        JsonShape first = alerts.get(0);
        assertThat(first.string("style")).isEqualTo("attention");
        List<JsonShape> items = first.objects("items");
        assertThat(items.get(0).string("text")).isEqualTo("FIRING · HighLatency");
        assertThat(items.get(1).string("text")).isEqualTo("Latency above 1s on api-1:8080");
        assertThat(items.get(2).objects("facts")).extracting(f -> f.string("title") + "=" + f.string("value"))
                .containsExactly("instance=api-1:8080", "job=api", "severity=critical");
        assertThat(items.get(3).string("text")).startsWith("[Source](http://prometheus.example:9090/");
        assertThat(alerts.get(2).string("style")).isEqualTo("good");
        assertThat(card.objects("actions")).extracting(a -> a.string("title") + " " + a.string("url"))
                .containsExactly("Open Vigil " + TestingChannelContext.EXTERNAL_URL,
                        "Runbook https://runbooks.example/latency");
    }

    @Test
    void resolvedGroupIsGreen() throws Exception {
        channel().deliver(TestNotifications.allResolved());

        JsonShape card = checkSchema(server.only());
        assertThat(card.objects("body").get(0).string("color")).isEqualTo("Good");
        assertThat(card.objects("body").get(0).string("text")).isEqualTo("[RESOLVED] HighLatency (api critical)");
    }

    @Test
    void largeGroupsStayUnderTeamsMessageLimit() throws Exception {
        channel().deliver(TestNotifications.manyFiring(400));

        Request request = server.only();
        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(28 * 1024);
        List<JsonShape> body = checkSchema(request).objects("body");
        assertThat(body.get(body.size() - 1).string("text")).matches("… and \\d+ more alerts not shown");
    }

    @Test
    void throttlingReportedInASuccessfulAnswerIsRetried() throws Exception {
        server.reply(RecordingHttpServer.Reply.of(200, "Microsoft Teams endpoint returned HTTP error 429 with ContextId x"));

        DeliveryResult result = channel().deliver(TestNotifications.firingOne());

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
    }

    @Test
    void configuredTitleTextAndLinks() throws Exception {
        TeamsConfig config = new TeamsConfig(Secret.of(server.url("/hook")), "{STATUS}: {commonLabels.alertname}",
                "Team {commonLabels.job}", List.of(new Link("https://grafana.example/d/1", "Dashboard")), true,
                Duration.ofSeconds(5));

        factory().create("teams", config, context).deliver(TestNotifications.firingOne());

        JsonShape card = checkSchema(server.only());
        assertThat(card.objects("body").get(0).string("text")).isEqualTo("FIRING: HighLatency");
        assertThat(card.objects("body").get(1).string("text")).isEqualTo("Team api");
        assertThat(card.objects("actions")).extracting(a -> a.string("title")).containsExactly("Open Vigil", "Runbook",
                "Dashboard");
    }

    @Test
    void bindsAndValidatesSettings() throws Exception {
        TeamsConfig config = ConfigBinding.bind("webhookUrl: https://prod.westeurope.logic.azure.com/workflows/x\n",
                TeamsConfig.class);
        assertThat(config).isEqualTo(TeamsConfig.of(Secret.of("https://prod.westeurope.logic.azure.com/workflows/x")));
        factory().validate(config);

        List<Link> links = new ArrayList<>(List.of(new Link("mailto:x@example.com", "Mail")));
        TeamsConfig bad = new TeamsConfig(Secret.of("not a url " + SIG), "{x}", null, links, true, Duration.ofSeconds(5));
        assertThatThrownBy(() -> factory().validate(bad))
                .hasMessageContaining("webhookUrl: must be an http or https URL, got a value that is not one")
                .hasMessageContaining("title: unknown placeholder {x}")
                .hasMessageContaining("links[0].href: must be an http or https URL")
                .message().doesNotContain(SIG);
    }
}
