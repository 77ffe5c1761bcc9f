package dev.vigil.logging.syslog;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A syslog receiver on a TCP port of the loopback address that reads RFC 6587 octet-counted frames strictly: a
 * length without leading zero, one space, exactly that many bytes. A framing error fails the next {@link #next}.
 */
public final class TcpReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread thread;

    /** A receiver on a free port. */
    public TcpReceiver() throws IOException {
        this(0);
    }

    /** A receiver on {@code port} (0 for a free one). */
    public TcpReceiver(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = new Thread(this::acceptLoop, "test-tcp-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted. */
    public int connections() {
        return accepted.get();
    }

    /** The next message, waiting up to {@code timeout}; fails the test when none comes or the framing was wrong. */
    public byte[] next(Duration timeout) throws InterruptedException {
        Object m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("no syslog message within " + timeout);
        }
        if (m instanceof AssertionError e) {
            throw e;
        }
        return (byte[]) m;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            connections.add(s);
            Thread reader = new Thread(() -> read(s), "test-tcp-connection");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void read(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                if (first < '1' || first > '9') {
                    throw new AssertionError("frame length must start with a non-zero digit, got byte " + first);
                }
                long length = first - '0';
                int c;
                while ((c = in.read()) != ' ') {
                    if (c < '0' || c > '9') {
                        throw new AssertionError("frame length followed by byte " + c + " instead of a space");
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] frame = in.readNBytes(Math.toIntExact(length));
                if (frame.length != length) {
                    throw new EOFException("frame cut after " + frame.length + " of " + length + " bytes");
                }
                messages.add(frame);
            }
        } catch (SocketException e) {
            // closed by close()
            return;
        } catch (IOException e) {
            messages.add(new AssertionError("reading a frame failed", e));
        } catch (AssertionError e) {
            messages.add(e);
        }
    }

    /** Closes the port and every connection, as a receiver that goes down. */
    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
        thread.join(5000);
    }
}
