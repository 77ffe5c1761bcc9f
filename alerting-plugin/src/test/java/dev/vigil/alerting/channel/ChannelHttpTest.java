package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.channel.RecordingHttpServer.Reply;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChannelHttpTest {

    private final RecordingHttpServer server = new RecordingHttpServer();
    private final ChannelHttp http =
            new ChannelHttp("test", new TestingChannelContext(), Duration.ofSeconds(5), Redactor.none());

    @AfterEach
    void stop() {
        server.close();
    }

    private DeliveryResult post() {
        return http.send(http.postJson(URI.create(server.url("/x")), "{}".getBytes(StandardCharsets.UTF_8)).build());
    }

    @Test
    void sendsJsonWithUserAgent() {
        assertThat(post().outcome()).isEqualTo(Outcome.DELIVERED);

        assertThat(server.only().header("User-Agent")).isEqualTo(ChannelHttp.USER_AGENT);
        assertThat(server.only().header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void everySuccessStatusIsDelivered() {
        server.reply(200, 201, 202, 204);

        for (int status : new int[] {200, 201, 202, 204}) {
            DeliveryResult result = post();
            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.detail()).isEqualTo("HTTP " + status);
        }
    }

    @Test
    void redirectIsNotFollowedAndFails() {
        server.reply(Reply.of(302, "Location", "http://elsewhere.example/", ""));

        DeliveryResult result = post();

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.detail()).isEqualTo("HTTP 302");
    }

    @Test
    void readsOnlyTheStartOfALargeAnswer() {
        server.reply(Reply.of(500, "e".repeat(4 * 1024 * 1024)));

        DeliveryResult result = post();

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.detail()).hasSizeLessThan(220).startsWith("HTTP 500: eeee").endsWith("…");
    }

    @Test
    void everyServerErrorIsRetried() {
        server.reply(500, 502, 503, 504);

        for (int i = 0; i < 4; i++) {
            assertThat(post().outcome()).isEqualTo(Outcome.RETRY);
        }
    }

    @Test
    void everyOtherClientErrorFails() {
        server.reply(400, 401, 403, 404, 410, 413, 422);

        for (int i = 0; i < 7; i++) {
            assertThat(post().outcome()).isEqualTo(Outcome.FAILED);
        }
    }
}
