package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.testkit.TestingClock;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** A channel context for tests: a real HTTP client, a clock the test moves, a fixed external URL. */
public final class TestingChannelContext implements ChannelContext {

    /** The external URL tests expect in payloads. */
    public static final String EXTERNAL_URL = "http://vigil.example:9400";

    // one client for every test: each client keeps a selector thread
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final TestingClock clock = new TestingClock();

    @Override
    public HttpClient httpClient() {
        return CLIENT;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** The clock, to move. */
    public TestingClock testingClock() {
        return clock;
    }

    @Override
    public String externalUrl() {
        return EXTERNAL_URL;
    }
}
