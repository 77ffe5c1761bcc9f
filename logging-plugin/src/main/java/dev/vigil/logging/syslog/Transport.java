package dev.vigil.logging.syslog;

import java.io.IOException;

/** A connection to a syslog receiver, used by one thread at a time: the sender's. */
interface Transport {

    /** Opens the connection (resolving the host again); a transport that is open is closed first. */
    void open() throws IOException;

    /** Sends one message, framed as the protocol wants. */
    void write(byte[] message) throws IOException;

    /** Pushes out what {@link #write} buffered. */
    void flush() throws IOException;

    /**
     * Whether the receiver has visibly gone away since the last write. TCP only learns that a peer closed on the
     * second write after it did, losing the first; asking before writing after an idle spell loses nothing.
     */
    boolean peerClosed();

    /** Closes the connection, quietly; it may be opened again. */
    void close();

    /** Such as {@code tcp://logs.example.com:514}. */
    String target();
}
