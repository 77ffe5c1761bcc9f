package dev.vigil.benchmarks.traces;

import dev.vigil.api.traces.SpanRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code exception} events of failed spans, as OpenTelemetry's instrumentation records a thrown exception: type,
 * message and a Java stack trace of 12 to 60 frames, so that failed spans are several kilobytes larger than the rest.
 * Stateless.
 */
final class Exceptions {

    private static final String[] FRAMES = {
        "java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)",
        "java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)",
        "java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)",
        "org.postgresql.core.VisibleBufferedInputStream.readMore(VisibleBufferedInputStream.java:161)",
        "org.postgresql.core.PGStream.receiveChar(PGStream.java:467)",
        "org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2155)",
        "org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:372)",
        "org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)",
        "org.postgresql.jdbc.PgPreparedStatement.executeUpdate(PgPreparedStatement.java:152)",
        "com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)",
        "shop.inventory.ReservationRepository.reserve(ReservationRepository.java:88)",
        "shop.inventory.ReservationService.reserveAll(ReservationService.java:54)",
        "shop.payment.GatewayClient.charge(GatewayClient.java:121)",
        "shop.payment.ChargeService.authorize(ChargeService.java:77)",
        "java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:951)",
        "java.net.http/jdk.internal.net.http.HttpClientFacade.send(HttpClientFacade.java:133)",
        "org.eclipse.jetty.server.handler.ContextHandler.handle(ContextHandler.java:1092)",
        "org.eclipse.jetty.server.Server.handle(Server.java:182)",
        "org.eclipse.jetty.server.internal.HttpChannelState$HandlerInvoker.run(HttpChannelState.java:662)",
        "org.eclipse.jetty.server.internal.HttpConnection.onFillable(HttpConnection.java:418)",
        "org.eclipse.jetty.io.AbstractConnection$ReadCallback.succeeded(AbstractConnection.java:322)",
        "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.run(QueuedThreadPool.java:1215)",
        "io.opentelemetry.javaagent.instrumentation.executors.TaskWrapper.run(TaskWrapper.java:24)",
        "java.base/java.lang.Thread.run(Thread.java:1583)",
    };

    private Exceptions() {}

    /** An {@code exception} event at {@code timeNanos}. */
    static SpanRecord.Event event(SplittableRandom random, long timeNanos, String type, String message) {
        StringBuilder trace = new StringBuilder(4_096).append(type).append(": ").append(message);
        int frames = random.nextInt(12, 61);
        int first = random.nextInt(FRAMES.length);
        for (int i = 0; i < frames; i++) {
            trace.append("\n\tat ").append(FRAMES[(first + i * 7) % FRAMES.length]);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("exception.type", type);
        attributes.put("exception.message", message);
        attributes.put("exception.stacktrace", trace.toString());
        return new SpanRecord.Event(timeNanos, "exception", attributes);
    }
}
