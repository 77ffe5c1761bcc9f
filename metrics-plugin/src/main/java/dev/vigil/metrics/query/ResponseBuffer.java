package dev.vigil.metrics.query;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a response body in chunks and joins them once at the end, so a body of hundreds of megabytes is
 * never copied while it grows and takes at most twice its size at its peak. One thread.
 */
final class ResponseBuffer extends OutputStream {

    private static final int FIRST_CHUNK = 8 * 1024;
    private static final int LARGEST_CHUNK = 1024 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk = new byte[FIRST_CHUNK];
    private int used;
    private long size;

    @Override
    public void write(int b) {
        if (used == chunk.length) {
            next();
        }
        chunk[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int at = offset;
        int left = length;
        while (left > 0) {
            if (used == chunk.length) {
                next();
            }
            int n = Math.min(left, chunk.length - used);
            System.arraycopy(bytes, at, chunk, used, n);
            used += n;
            at += n;
            left -= n;
        }
        size += length;
    }

    /**
     * Everything written, in one array.
     *
     * @throws IllegalStateException if it is larger than an array can be
     */
    byte[] toByteArray() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the response is too large to send: " + size + " bytes");
        }
        byte[] all = new byte[(int) size];
        int at = 0;
        for (byte[] c : full) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        System.arraycopy(chunk, 0, all, at, used);
        return all;
    }

    private void next() {
        full.add(chunk);
        chunk = new byte[Math.min(chunk.length * 2, LARGEST_CHUNK)];
        used = 0;
    }
}
