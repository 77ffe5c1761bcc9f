package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.channel.RecordingHttpServer.Reply;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every HTTP channel must do, whatever its vendor: map answers and failures to outcomes (2xx delivered; 429
 * and 5xx retried, after {@code Retry-After}; other 4xx failed; timeouts and refused connections retried), keep its
 * secrets out of details, logs, {@code toString} and JSON, and honour {@code sendResolved}. Each channel's test
 * extends this class and says how to configure its channel against a local server.
 *
 * @param <C> the channel's settings type
 */
public abstract class HttpChannelContract<C> {

    protected final RecordingHttpServer server = new RecordingHttpServer();
    protected final TestingChannelContext context = new TestingChannelContext();

    /** The factory under test. */
    protected abstract NotificationChannelFactory<C> factory();

    /**
     * Settings that send to {@code server}, with secrets whose values are {@link #secrets()}.
     *
     * @param baseUrl the local server's base URL ({@code http://127.0.0.1:port})
     */
    protected abstract C config(String baseUrl, Duration timeout, boolean sendResolved);

    /** The secret values {@link #config} puts in the settings; none may ever be shown. */
    protected abstract List<String> secrets();

    /** What the vendor answers to a request it accepts. */
    protected Reply success() {
        return Reply.of(202, "");
    }

    /** A channel on the local server. */
    protected NotificationChannel channel(Duration timeout, boolean sendResolved) {
        C config = config(server.url(""), timeout, sendResolved);
        factory().validate(config);
        return factory().create("ops-" + factory().type(), config, context);
    }

    /** A channel on the local server with a 5s timeout, sending resolved notifications. */
    protected NotificationChannel channel() {
        return channel(Duration.ofSeconds(5), true);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void typeNameIsLowerCaseDigitsAndUnderscores() {
        assertThat(factory().type()).matches("[a-z0-9_]+");
    }

    @Test
    void deliveredWhenTheVendorAccepts() throws Exception {
        server.reply(success());

        DeliveryResult result = channel().deliver(TestNotifications.mixed());

        assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.DELIVERED);
        assertThat(server.requests()).isNotEmpty();
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
    }

    @Test
    void serverErrorIsRetried() throws Exception {
        server.otherwise(Reply.of(500, "internal error"));

        DeliveryResult result = channel().deliver(TestNotifications.mixed());

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.detail()).contains("500");
        assertThat(result.retryAfter()).isEmpty();
    }

    @Test
    void unavailableWithRetryAfterSecondsIsRetriedAfterThatLong() throws Exception {
        server.otherwise(Reply.of(503, "Retry-After", "120", "busy"));

        DeliveryResult result = channel().deliver(TestNotifications.mixed());

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void tooManyRequestsWithRetryAfterDateIsRetriedAtThatTime() throws Exception {
        String inFiveMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                context.testingClock().instant().plus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC));
        server.otherwise(Reply.of(429, "Retry-After", inFiveMinutes, "slow down"));

        DeliveryResult result = channel().deliver(TestNotifications.mixed());

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.detail()).contains("429");
        assertThat(result.retryAfter()).contains(Duration.ofMinutes(5));
    }

    @Test
    void badRequestFailsForGood() throws Exception {
        server.otherwise(Reply.of(400, "{\"message\":\"invalid payload\"}"));

        DeliveryResult result = channel().deliver(TestNotifications.mixed());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.detail()).contains("400").contains("invalid payload");
    }

    @Test
    void forbiddenFailsForGood() throws Exception {
        server.otherwise(Reply.of(403, "forbidden"));

        assertThat(channel().deliver(TestNotifications.mixed()).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void noAnswerInTimeIsRetried() throws Exception {
        server.otherwise(Reply.hanging());

        DeliveryResult result = channel(Duration.ofMillis(300), true).deliver(TestNotifications.mixed());

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.detail()).contains("300ms");
    }

    @Test
    void refusedConnectionIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        C config = config("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5), true);
        NotificationChannel channel = factory().create("ops", config, context);

        DeliveryResult result = channel.deliver(TestNotifications.mixed());

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
    }

    @Test
    void secretsNeverShowInDetailsLogsOrSettings() throws Exception {
        List<String> shown = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            // a server that echoes the secrets of the request back in its error page
            for (int status : new int[] {400, 500, 429}) {
                server.otherwise(Reply.of(status, ""));
                NotificationChannel channel = channel();
                shown.add(channel.deliver(TestNotifications.mixed()).detail());
                RecordingHttpServer.Request sent = server.requests().get(server.requests().size() - 1);
                String request = sent.path() + "?" + sent.query() + " " + sent.headers() + " " + sent.body();
                StringBuilder echo = new StringBuilder("rejected:");
                for (String secret : secrets()) {
                    assertThat(request).as("the request carries the secret").contains(secret);
                    echo.append(" [").append(secret).append("]");
                }
                server.otherwise(Reply.of(status, echo.toString()));
                String detail = channel.deliver(TestNotifications.mixed()).detail();
                assertThat(detail).contains("rejected:");
                shown.add(detail);
                shown.add(channel.toString());
            }
            shown.add(logs.text());
        }
        C config = config(server.url(""), Duration.ofSeconds(5), true);
        shown.add(config.toString());
        shown.add(ConfigBinding.show(config));

        assertThat(String.join("\n", shown)).isNotEmpty();
        for (String secret : secrets()) {
            assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(secret));
        }
        assertThat(ConfigBinding.show(config)).contains("<secret>");
    }

    @Test
    void resolvedOnlyNotificationIsSkippedWhenResolvedAreNotSent() throws Exception {
        Notification resolved = TestNotifications.allResolved();

        DeliveryResult result = channel(Duration.ofSeconds(5), false).deliver(resolved);

        assertThat(result).isEqualTo(new DeliveryResult(Outcome.DELIVERED, "resolved notifications disabled",
                Optional.empty()));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void resolvedOnlyNotificationIsSentByDefault() throws Exception {
        server.otherwise(success());

        DeliveryResult result = channel().deliver(TestNotifications.allResolved());

        assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.DELIVERED);
        assertThat(server.requests()).isNotEmpty();
    }
}
