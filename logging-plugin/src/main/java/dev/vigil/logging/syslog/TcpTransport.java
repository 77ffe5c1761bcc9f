package dev.vigil.logging.syslog;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A TCP stream of messages, each preceded by its length in bytes and a space (RFC 6587 octet counting), which lets
 * a message hold line breaks. Not thread-safe: the sender's thread alone uses it.
 */
final class TcpTransport implements Transport {

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private @Nullable Socket socket;
    private @Nullable OutputStream out;
    private @Nullable InputStream in;

    TcpTransport(String host, int port, Duration connectTimeout) {
        this.host = requireNonNull(host, "host is null");
        this.port = port;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    }

    @Override
    public void open() throws IOException {
        close();
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException(host);
        }
        Socket s = new Socket();
        try {
            s.connect(address, connectTimeoutMillis);
            s.setKeepAlive(true);
            // only used to notice the end of the stream: a receiver never writes
            s.setSoTimeout(1);
            in = s.getInputStream();
            out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void write(byte[] message) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("not open");
        }
        o.write(Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII));
        o.write(' ');
        o.write(message);
    }

    @Override
    public void flush() throws IOException {
        OutputStream o = out;
        if (o != null) {
            o.flush();
        }
    }

    @Override
    public boolean peerClosed() {
        InputStream i = in;
        if (i == null) {
            return true;
        }
        try {
            return i.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        out = null;
        in = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // the connection is being dropped either way; nothing more can be done with it
                return;
            }
        }
    }

    @Override
    public String target() {
        return "tcp://" + host + ":" + port;
    }
}
