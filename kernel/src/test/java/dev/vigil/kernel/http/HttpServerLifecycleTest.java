package dev.vigil.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.Registration;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpServerLifecycleTest {

    @Test
    void takenPortFailsWithAClearMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            HttpServer server = TestServers.create(new HttpServerSettings("127.0.0.1", port, 1024, 4));

            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use");
            assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
            server.close();
        }
    }

    @Test
    void startsOnceAndClosesIdempotently() {
        HttpServer server = TestServers.start();
        try {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("started");
        } finally {
            server.close();
            server.close();
        }
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        TestServers.create(TestServers.settings()).close();
    }

    @Test
    void closeReleasesThePort() throws IOException {
        HttpServer server = TestServers.start();
        int port = server.port();
        server.close();

        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void closeLetsARequestInFlightFinish() throws Exception {
        HttpServer server = TestServers.start();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.routes().add("slow", TestServers.kernelLoader(), HttpMethod.GET, "/slow", RouteAccess.PUBLIC,
                exchange -> {
                    entered.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    exchange.text(200, "finished");
                });
        TestClient client = new TestClient(server.baseUri());
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(client.request("/slow").GET());
        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        release.countDown();

        assertThat(inFlight.get(60, TimeUnit.SECONDS).body()).isEqualTo("finished");
        closing.get(60, TimeUnit.SECONDS);
    }

    @Test
    void handlerRunsWithItsOwnersContextClassLoader() throws IOException {
        HttpServer server = TestServers.start();
        try (URLClassLoader pluginLoader = new URLClassLoader("plugin-a", new URL[0], getClass().getClassLoader())) {
            AtomicReference<ClassLoader> seen = new AtomicReference<>();
            server.routes().add("plugin-a", pluginLoader, HttpMethod.GET, "/a", RouteAccess.PUBLIC, exchange -> {
                seen.set(Thread.currentThread().getContextClassLoader());
                exchange.text(200, "a");
            });
            TestClient client = new TestClient(server.baseUri());

            assertThat(client.get("/a").statusCode()).isEqualTo(200);

            assertThat(seen.get()).isSameAs(pluginLoader);
        } finally {
            server.close();
        }
    }

    @Test
    void serverThreadsKeepTheKernelLoaderAndAPluginLoaderIsCollectedAfterItsRoutesAreRemoved() throws Exception {
        HttpServer server = TestServers.start(new HttpServerSettings("127.0.0.1", 0, 1024, 32));
        try {
            List<Registration> kept = new ArrayList<>();
            WeakReference<ClassLoader> pluginLoader = serveWithThrowawayLoader(server, kept);

            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("vigil-http-")) {
                    assertThat(thread.getContextClassLoader()).as(thread.getName()).isSameAs(TestServers.kernelLoader());
                }
            }
            for (int i = 0; i < 100 && pluginLoader.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }

            assertThat(pluginLoader.get()).isNull();
            assertThat(kept).hasSize(2);
        } finally {
            server.close();
        }
    }

    private static WeakReference<ClassLoader> serveWithThrowawayLoader(HttpServer server, List<Registration> kept)
            throws Exception {
        URLClassLoader loader = new URLClassLoader("throwaway", new URL[0], TestServers.kernelLoader());
        kept.add(server.routes().add("throwaway", loader, HttpMethod.GET, "/t/{n}", RouteAccess.PUBLIC,
                exchange -> exchange.text(200, Thread.currentThread().getContextClassLoader().getName())));
        kept.add(server.routes().add("throwaway", loader, HttpMethod.POST, "/t/{n}", RouteAccess.PUBLIC,
                exchange -> exchange.text(200, exchange.bodyAsString())));
        TestClient client = new TestClient(server.baseUri());
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            responses.add(client.sendAsync(client.request("/t/" + i).GET()));
        }
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(60, TimeUnit.SECONDS).body()).isEqualTo("throwaway");
        }
        kept.forEach(Registration::close);
        loader.close();
        assertThat(client.get("/t/1").statusCode()).isEqualTo(404);
        return new WeakReference<>(loader);
    }
}
