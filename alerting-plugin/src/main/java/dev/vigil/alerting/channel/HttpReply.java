package dev.vigil.alerting.channel;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpHeaders;

/**
 * What a receiving server answered: the status, the headers and the start of the body.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body decoded as UTF-8, cut at {@link ChannelHttp#MAX_BODY_BYTES}
 */
public record HttpReply(int status, HttpHeaders headers, String body) {

    /** Checks the parts. */
    public HttpReply {
        requireNonNull(headers, "headers is null");
        requireNonNull(body, "body is null");
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
