package dev.vigil.alerting.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.channel.HttpChannelContract;
import dev.vigil.alerting.channel.JsonShape;
import dev.vigil.alerting.channel.RecordingHttpServer;
import dev.vigil.alerting.channel.RecordingHttpServer.Request;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackBotChannelTest extends HttpChannelContract<SlackConfig> {

    private static final String TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp";

    @Override
    protected NotificationChannelFactory<SlackConfig> factory() {
        return new SlackChannelFactory();
    }

    @Override
    protected SlackConfig config(String baseUrl, Duration timeout, boolean sendResolved) {
        return new SlackConfig(null, Secret.of(TOKEN), baseUrl + "/api/chat.postMessage", "C0123456789", null, null,
                null, "{subject}", List.of(), sendResolved, timeout);
    }

    @Override
    protected List<String> secrets() {
        return List.of(TOKEN);
    }

    @Override
    protected RecordingHttpServer.Reply success() {
        return RecordingHttpServer.Reply.of(200, "{\"ok\":true,\"channel\":\"C0123456789\",\"ts\":\"1503435956.000247\"}");
    }

    @Test
    void postsToChatPostMessageWithTheBotToken() throws Exception {
        server.reply(success());

        DeliveryResult result = channel().deliver(TestNotifications.mixed());

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        Request request = server.only();
        assertThat(request.path()).isEqualTo("/api/chat.postMessage");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonShape message = SlackSchema.check(request);
        assertThat(message.string("channel")).isEqualTo("C0123456789");
    }

    @Test
    void refusalInsideA200FailsForGood() throws Exception {
        server.reply(RecordingHttpServer.Reply.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));

        DeliveryResult result = channel().deliver(TestNotifications.mixed());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.detail()).contains("channel_not_found");
    }

    @Test
    void transientErrorInsideA200IsRetried() throws Exception {
        server.reply(RecordingHttpServer.Reply.of(200, "Retry-After", "7", "{\"ok\":false,\"error\":\"ratelimited\"}"),
                RecordingHttpServer.Reply.of(200, "{\"ok\":false,\"error\":\"service_unavailable\"}"));

        DeliveryResult limited = channel().deliver(TestNotifications.mixed());
        DeliveryResult unavailable = channel().deliver(TestNotifications.mixed());

        assertThat(limited.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(unavailable.outcome()).isEqualTo(Outcome.RETRY);
    }

    @Test
    void answerThatIsNotSlacksJsonFails() throws Exception {
        server.reply(RecordingHttpServer.Reply.of(200, "<html>proxy login</html>"));

        assertThat(channel().deliver(TestNotifications.mixed()).outcome()).isEqualTo(Outcome.FAILED);
    }
}
