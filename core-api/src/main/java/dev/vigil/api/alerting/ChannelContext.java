package dev.vigil.api.alerting;

import dev.vigil.api.Experimental;
import java.net.http.HttpClient;
import java.time.Clock;

/** What the alerting plugin gives a factory for the channels it makes. Thread-safe. */
@Experimental
public interface ChannelContext {

    /** A shared HTTP client with the platform's connect timeout and proxy settings. */
    HttpClient httpClient();

    /** The platform's clock. */
    Clock clock();

    /** Where the platform's API is reached from outside, for links in messages. */
    String externalUrl();
}
