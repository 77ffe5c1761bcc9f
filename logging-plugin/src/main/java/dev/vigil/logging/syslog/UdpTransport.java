package dev.vigil.logging.syslog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/** One datagram per message (RFC 5426). Not thread-safe: the sender's thread alone uses it. */
final class UdpTransport implements Transport {

    private final String host;
    private final int port;
    private @Nullable DatagramSocket socket;
    private @Nullable InetSocketAddress address;

    UdpTransport(String host, int port) {
        this.host = requireNonNull(host, "host is null");
        this.port = port;
    }

    @Override
    public void open() throws IOException {
        close();
        InetSocketAddress resolved = new InetSocketAddress(host, port);
        if (resolved.isUnresolved()) {
            throw new UnknownHostException(host);
        }
        address = resolved;
        socket = new DatagramSocket();
    }

    @Override
    public void write(byte[] message) throws IOException {
        DatagramSocket s = socket;
        InetSocketAddress a = address;
        if (s == null || a == null) {
            throw new IOException("not open");
        }
        s.send(new DatagramPacket(message, message.length, a));
    }

    @Override
    public void flush() {
        // every datagram leaves when it is written
    }

    @Override
    public boolean peerClosed() {
        return false;
    }

    @Override
    public void close() {
        DatagramSocket s = socket;
        socket = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public String target() {
        return "udp://" + host + ":" + port;
    }
}
