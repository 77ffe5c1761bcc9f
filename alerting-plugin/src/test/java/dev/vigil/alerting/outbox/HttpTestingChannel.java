package dev.vigil.alerting.outbox;

import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal webhook: POSTs the notification's id and group, and passes the id as a header. */
final class HttpTestingChannel implements NotificationChannel {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    HttpTestingChannel(URI uri) {
        this.uri = uri;
    }

    @Override
    public DeliveryResult deliver(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Notification-Id", notification.id())
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + notification.id() + "\",\"status\":\"" + notification.status().wireName() + "\"}"))
                .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return DeliveryResult.delivered("HTTP " + status);
        }
        return status / 100 == 4 && status != 429 ? DeliveryResult.failed("HTTP " + status) : DeliveryResult.retry("HTTP " + status);
    }
}
